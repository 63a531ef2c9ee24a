package editor

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

func TestEditor_SaysWhichWordsPeopleFoundHard(t *testing.T) {
	p, s, db := newTestPanel(t)
	// Four people reach "has_plan": two mark a word, one the whole question.
	markHard(t, s, db, "has_plan", "yes", []string{"plan", "health"}, []string{"Plan?"}, []string{survey.AllWords}, nil)
	e := editSurvey(t, p, "ehc-plan")
	q := questionIndex(t, e, "has_plan")
	e.choose(q)
	want := `3 of 4 people said this was hard: "plan" (2), all of it (1), "health" (1).`
	if got := labelsUnder(p.root); !strings.Contains(got, want) {
		t.Errorf("the form of has_plan does not say %q:\n%s", want, got)
	}
	if _, advice := countNotes(e.notes, q); advice == 0 {
		t.Error("the list does not count the note")
	}
	e.choose(questionIndex(t, e, "who"))
	if got := labelsUnder(p.root); strings.Contains(got, "said this was hard") {
		t.Errorf("a question nobody marked has a note:\n%s", got)
	}
}

func TestEditor_EasierWordsAreEditedAndChecked(t *testing.T) {
	p, _, db := newTestPanel(t)
	e := editSurvey(t, p, "ehc-plan")
	q := questionIndex(t, e, "has_plan")
	e.choose(q)
	test.Type(input[*widget.Entry](t, e, lk(q, "easier", "en")), "Do you get SEND support?")
	draft, err := db.Draft("ehc-plan")
	if err != nil {
		t.Fatal(err)
	}
	if got := draft.Question("has_plan").Easier["en"]; got != "Do you get SEND support?" {
		t.Errorf("the draft's easier words: %q", got)
	}
	if got := notesAt(t, e, lk(q, "easier", "en")); !strings.Contains(got, `"SEND"`) {
		t.Errorf("the easier words are not checked: %q", got)
	}
}

// inDialog finds, in the dialog on top of the panel's window, the first
// object of type T that ok accepts, looking inside widgets too.
func inDialog[T fyne.CanvasObject](tb testing.TB, p *surveysPanel, ok func(T) bool) T {
	tb.Helper()
	var found T
	var done bool
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if done || o == nil {
			return
		}
		if t, is := o.(T); is && ok(t) {
			found, done = t, true
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	top := p.win.Canvas().Overlays().Top()
	if top == nil {
		tb.Fatal("no dialog is open")
	}
	walk(top)
	if !done {
		tb.Fatalf("the dialog has no %T that fits", found)
	}
	return found
}

// markHard has one participant a session for each list of words, each
// marking those words of question id hard and answering it.
func markHard(tb testing.TB, s *survey.Survey, db *store.DB, id string, answer string, marks ...[]string) {
	tb.Helper()
	for _, words := range marks {
		ss := survey.NewSession(s, survey.SessionOptions{Language: "en", DeviceID: db.DeviceID(), Saver: db})
		ss.Preview(id)
		for _, w := range words {
			if err := ss.MarkHard(w); err != nil {
				tb.Fatal(err)
			}
		}
		ss.Tap(answer)
		if err := ss.Next(); err != nil {
			tb.Fatal(err)
		}
	}
}

func TestEditor_OneTapPutsAHardWordOnTheSurveysList(t *testing.T) {
	p, s, db := newTestPanel(t)
	markHard(t, s, db, "has_plan", "yes", []string{"plan", "health"}, []string{"plan"}, []string{survey.AllWords})
	e := editSurvey(t, p, "ehc-plan")
	q := questionIndex(t, e, "has_plan")
	e.choose(q)
	// A button for each word, none for "all of it".
	editorButton(t, p.root, "Add “health” to the hard words")
	eachObject(p.root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.Contains(b.Text, "all") {
			t.Errorf("a button for the whole question: %q", b.Text)
		}
	})

	// Cancel changes nothing.
	test.Tap(editorButton(t, p.root, "Add “health” to the hard words"))
	test.Type(inDialog(t, p, func(*widget.Entry) bool { return true }), "being well")
	test.Tap(inDialog(t, p, func(b *widget.Button) bool { return b.Text == "Cancel" }))
	if p.win.Canvas().Overlays().Top() != nil || len(e.draft.Jargon) != 0 {
		t.Fatalf("after Cancel: dialog %v, list %+v", p.win.Canvas().Overlays().Top(), e.draft.Jargon)
	}

	test.Tap(editorButton(t, p.root, "Add “plan” to the hard words"))
	add := inDialog(t, p, func(b *widget.Button) bool { return b.Text == "Add" })
	if !add.Disabled() {
		t.Error("Add works before any words are typed")
	}
	test.Type(inDialog(t, p, func(*widget.Entry) bool { return true }), "what help you get")
	if add.Disabled() {
		t.Fatal("Add stays off after typing a plainer word")
	}
	test.Tap(add)
	if p.win.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open after Add")
	}

	want := []survey.JargonWord{{Lang: "en", Words: "plan", Plainer: "what help you get"}}
	if !reflect.DeepEqual(e.draft.Jargon, want) {
		t.Errorf("the survey's hard words %+v, want %+v", e.draft.Jargon, want)
	}
	draft, err := db.Draft("ehc-plan")
	if err != nil || !reflect.DeepEqual(draft.Jargon, want) {
		t.Errorf("the saved draft's hard words %+v (%v), want %+v", draft.Jargon, err, want)
	}
	warn := `People who answer this survey find "plan" hard. Try "what help you get".`
	if got := notesAt(t, e, lk(q, "text", "en")); !strings.Contains(got, warn) {
		t.Errorf("the checker's note on has_plan is %q, want %q", got, warn)
	}
	// Wherever the survey uses the word, not only where people marked it.
	other := questionIndex(t, e, "plan_helps")
	var there bool
	for _, n := range e.notes {
		there = there || (n.at.q == other && strings.Contains(n.text, warn))
	}
	if !there {
		t.Errorf("no note on plan_helps, which says \"your plan\": %+v", e.notes)
	}
	if got := p.editor.message.Text; !strings.Contains(got, "“plan” is on this survey's hard words now") {
		t.Errorf("the message says %q", got)
	}
	// The button now changes the plainer word, starting from it.
	test.Tap(editorButton(t, p.root, "Change the plainer word for “plan”"))
	if got := inDialog(t, p, func(*widget.Entry) bool { return true }).Text; got != "what help you get" {
		t.Errorf("the dialog starts from %q", got)
	}
	test.Tap(inDialog(t, p, func(b *widget.Button) bool { return b.Text == "Cancel" }))

	// Published with the survey: the new version carries the list. (The
	// store keeps a version's JSON whole; how the editor asks before
	// publishing is publish_test's.)
	if _, err := db.Publish(cloneSurvey(e.draft)); err != nil {
		t.Fatal(err)
	}
	pub, err := db.Survey("ehc-plan", 0)
	if err != nil || pub.Version != 2 || !reflect.DeepEqual(pub.Jargon, want) {
		t.Errorf("published version %d has %+v (%v), want version 2 with %+v", pub.Version, pub.Jargon, err, want)
	}
}

func TestEditor_SurveysHardWordsListedAndRemoved(t *testing.T) {
	p, s, db := newTestPanel(t)
	s.Jargon = []survey.JargonWord{
		{Lang: "en", Words: "plan", Plainer: "paper"},
		{Lang: "cy", Words: "cynllun", Plainer: "papur"},
		{Lang: "en", Words: "care"}, // from a file written by hand: no plainer word
	}
	if err := db.SaveDraft(s); err != nil {
		t.Fatal(err)
	}
	e := editSurvey(t, p, "ehc-plan")
	e.choose(-1)
	form := labelsUnder(p.root)
	for _, want := range []string{`“plan”: say “paper” instead (English)`, `“cynllun”: say “papur” instead (Cymraeg)`} {
		if !strings.Contains(form, want) {
			t.Errorf("the survey's form does not say %q:\n%s", want, form)
		}
	}
	if got := notesAt(t, e, keyAt(-1, "jargon")); !strings.Contains(got, `hard word 3 ("care") needs plainer words`) {
		t.Errorf("the problem with the third word is not beside the list: %q", got)
	}
	// Remove the third, then the first: the problem and the warnings go.
	test.Tap(editorButtonAt(t, e, keyAt(-1, "jargon"), "Remove", 2))
	test.Tap(editorButtonAt(t, e, keyAt(-1, "jargon"), "Remove", 0))
	want := []survey.JargonWord{{Lang: "cy", Words: "cynllun", Plainer: "papur"}}
	draft, err := db.Draft("ehc-plan")
	if err != nil || !reflect.DeepEqual(draft.Jargon, want) || !reflect.DeepEqual(e.draft.Jargon, want) {
		t.Fatalf("after two removes the draft has %+v (saved %+v, %v), want %+v", e.draft.Jargon, draft.Jargon, err, want)
	}
	if e.problems() != 0 {
		t.Errorf("problems left: %+v", e.notes)
	}
	for _, n := range e.notes {
		if strings.Contains(n.text, `find "plan" hard`) {
			t.Errorf("a warning about a removed word: %q", n.text)
		}
	}
}

// editorButtonAt is the n-th button (from 0) with the given words in the
// field of the form whose notes go at k.
func editorButtonAt(tb testing.TB, e *editor, k noteKey, text string, n int) *widget.Button {
	tb.Helper()
	box, ok := e.boxes[k]
	if !ok {
		tb.Fatalf("the form has no field %+v", k)
	}
	// The field is the box's parent: its caption, its body, then the box.
	var field fyne.CanvasObject
	eachObject(e.p.root, func(o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 3 && c.Objects[2] == box {
			field = c
		}
	})
	var found []*widget.Button
	eachObject(field, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = append(found, b)
		}
	})
	if n >= len(found) {
		tb.Fatalf("the field has %d buttons %q, not %d", len(found), text, n+1)
	}
	return found[n]
}
