package editor

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/app"
	"speakeasy/assets"
	"speakeasy/survey"
	"speakeasy/survey/store"
)

func TestEditor_AddQuestionPictureRuleAndPublish(t *testing.T) {
	p, running, db := newTestPanel(t)
	// Someone answers version 1 before the survey changes.
	ss := survey.NewSession(running, survey.SessionOptions{Saver: db, DeviceID: db.DeviceID()})
	ss.Tap("self")
	if err := ss.Next(); err != nil {
		t.Fatal(err)
	}
	old := ss.Response().ID

	e := editSurvey(t, p, "ehc-plan")
	last := len(e.draft.Questions) - 1
	e.choose(last)
	test.Tap(editorButton(t, e.p.root, "Add a question"))
	n := last + 1
	if e.part != n || len(e.draft.Questions) != n+1 {
		t.Fatalf("after Add: on part %d of %d questions", e.part, len(e.draft.Questions))
	}

	// A question with no words: the problem shows under its words, is
	// counted at the top and in the list, and stops publishing.
	if got := notesAt(t, e, lk(n, "text", "en")); !strings.Contains(got, `Problem: the question has no words in English`) {
		t.Fatalf("beside the words: %q", got)
	}
	if !strings.HasPrefix(e.count.Text, "Problems to fix before you publish: 1.") {
		t.Errorf("count at the top: %q", e.count.Text)
	}
	if _, _, counts := e.partLines(n); !strings.Contains(counts, "Problems: 1") {
		t.Errorf("list line %q", counts)
	}
	test.Tap(editorButton(t, e.p.root, "Publish"))
	if !strings.Contains(e.message.Text, "Please fix the problem first. There is 1.") {
		t.Fatalf("published with a problem: %q", e.message.Text)
	}

	test.Type(input[*widget.Entry](t, e, lk(n, "text", "en")), "Did you like today?")
	test.Type(input[*widget.Entry](t, e, lk(n, "text", "cy")), "Oeddet ti'n hoffi heddiw?")
	if got := notesAt(t, e, keyAt(n, "text")) + notesAt(t, e, lk(n, "text", "en")); got != "" {
		t.Errorf("notes left under the words: %q", got)
	}

	// Pick a picture by searching for a word.
	pp := input[*picturePicker](t, e, keyAt(n, "picture"))
	test.Type(pp.search, "happy")
	want := assets.SearchPictures("happy")[0]
	if len(pp.found) == 0 || pp.found[0] != want {
		t.Fatalf("search found %v", pp.found)
	}
	pp.list.Select(0)
	q := &e.draft.Questions[n]
	if q.Picture != want || pp.name.Text != want || pp.preview.Resource == nil || pp.preview.Resource.Name() != app.PictureResource(want).Name() {
		t.Errorf("picture %q, shown %q with %v", q.Picture, pp.name.Text, pp.preview.Resource)
	}
	if got := notesAt(t, e, keyAt(n, "picture")); got != "" {
		t.Errorf("a note about the picture stays: %q", got)
	}

	// A skip rule built with plain choices.
	rb := input[*ruleBuilder](t, e, keyAt(n, "relevant"))
	var hasPlan string
	for _, o := range rb.which.Options {
		if strings.HasSuffix(o, "(has_plan)") {
			hasPlan = o
		}
	}
	rb.which.SetSelected(hasPlan)
	rb.how.SetSelected("is")
	rb.answer.SetSelected("Yes")
	if q.Relevant != "${has_plan} = 'yes'" || rb.typed.Text != q.Relevant {
		t.Fatalf("rule %q, typed %q", q.Relevant, rb.typed.Text)
	}
	rb.how.SetSelected("is not")
	if q.Relevant != "${has_plan} != 'yes'" {
		t.Fatalf("rule %q", q.Relevant)
	}
	// A typed rule that is wrong shows its problem beside it.
	rb.typed.SetText("${has_plan} = ")
	if got := notesAt(t, e, keyAt(n, "relevant")); !strings.Contains(got, "Problem: the skip rule") {
		t.Fatalf("beside a broken rule: %q", got)
	}
	if rb.which.Selected != "" {
		t.Errorf("the choices still say %q for a rule they cannot say", rb.which.Selected)
	}
	rb.typed.SetText("selected(${has_plan}, 'yes')")
	if rb.which.Selected != hasPlan || rb.how.Selected != "includes" || rb.answer.Selected != "Yes" {
		t.Errorf("a typed rule shows as %q %q %q", rb.which.Selected, rb.how.Selected, rb.answer.Selected)
	}
	rb.how.SetSelected("is")
	if got := notesAt(t, e, keyAt(n, "relevant")); got != "" {
		t.Errorf("notes beside a good rule: %q", got)
	}

	test.Tap(editorButton(t, e.p.root, "Publish"))
	// The answer given before stays with version 1 (TestPublish_AsksAboutWordsAndSaysWhereAnswersGo).
	if !strings.HasPrefix(e.message.Text, "Published as version 2. The 1 answer given so far stays") {
		t.Fatalf("after Publish: %q (%s)", e.message.Text, e.count.Text)
	}
	v2, err := db.Survey("ehc-plan", 0)
	if err != nil {
		t.Fatal(err)
	}
	added := v2.Question(q.ID)
	if v2.Version != 2 || added == nil || added.Picture != want || added.Relevant != "${has_plan} = 'yes'" ||
		added.Text["cy"] != "Oeddet ti'n hoffi heddiw?" {
		t.Fatalf("version %d in the database has %+v", v2.Version, added)
	}
	if v1, err := db.Survey("ehc-plan", 1); err != nil || v1.Question(q.ID) != nil {
		t.Errorf("version 1 changed: %v", err)
	}
	r, answers, err := db.Response(old)
	if err != nil || r.Version != 1 || answers["who"].String() != "self" {
		t.Errorf("the old response is on version %d with %v (%v)", r.Version, answers, err)
	}
	if _, err := db.Draft("ehc-plan"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the draft is still there after publishing: %v", err)
	}
	if !strings.Contains(e.status.Text, "No changes since version 2") {
		t.Errorf("status %q", e.status.Text)
	}
}

func TestEditor_DraftSurvivesReopening(t *testing.T) {
	p, _, db := newTestPanel(t)
	e := editSurvey(t, p, "ehc-plan")
	input[*widget.Entry](t, e, lk(-1, "title", "en")).SetText("Our family day")
	e.choose(0)
	test.Tap(editorButton(t, e.p.root, "Move down"))
	moved := e.draft.Questions[1].ID

	// A new window on the same data, as after closing the app.
	if _, err := app.New(fyne.CurrentApp(), test.NewTempWindow(t, nil), app.Config{DB: db, Clock: stillClock{}, Quit: func() {}}); err != nil {
		t.Fatal(err)
	}
	p2 := openTestPanel(t, db)
	p2.reload()
	if _, about := p2.rows[0].describe(p2.kiosk); !strings.Contains(about, "Changes not published") {
		t.Errorf("the list does not say there are changes: %q", about)
	}
	e2 := editSurvey(t, p2, "ehc-plan")
	if got := input[*widget.Entry](t, e2, lk(-1, "title", "en")).Text; got != "Our family day" {
		t.Errorf("title after reopening: %q", got)
	}
	if e2.draft.Questions[1].ID != moved {
		t.Errorf("question order after reopening: %s second", e2.draft.Questions[1].ID)
	}
	if pub, _ := db.Survey("ehc-plan", 0); pub.Title["en"] == "Our family day" || pub.Version != 1 {
		t.Errorf("a draft changed the published survey: version %d %q", pub.Version, pub.Title["en"])
	}

	test.Tap(editorButton(t, e2.p.root, "Throw away the changes"))
	if e2.draft.Title["en"] != "Your plan: tell us what you think" || e2.draft.Questions[1].ID == moved {
		t.Errorf("after throwing away: %q, %s second", e2.draft.Title["en"], e2.draft.Questions[1].ID)
	}
	if _, err := db.Draft("ehc-plan"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the draft is still there: %v", err)
	}
}

func TestEditor_ChoicesNumbersAndKinds(t *testing.T) {
	p, _, _ := newTestPanel(t)
	e := editSurvey(t, p, "ehc-plan")
	test.Tap(editorButton(t, e.p.root, "Add a question"))
	n := e.part
	input[*deskSelect](t, e, keyAt(n, "kind")).SetSelected("Choose one answer")
	q := func() *survey.Question { return &e.draft.Questions[n] }
	if q().Kind != survey.KindOne {
		t.Fatalf("kind %q", q().Kind)
	}
	if got := notesAt(t, e, keyAt(n, "choices")); !strings.Contains(got, "at least 2 choices") {
		t.Errorf("beside the answers: %q", got)
	}
	for range 3 {
		test.Tap(editorButton(t, e.form, "Add an answer"))
	}
	for j, w := range []string{"Red", "Green", "Blue"} {
		test.Type(input[*widget.Entry](t, e, noteKey{n, "choices", j, "en"}), w)
	}
	if got := notesAt(t, e, noteKey{n, "choices", 0, ""}); !strings.Contains(got, "Easy read: The answer \"Red\" has no picture.") {
		t.Errorf("beside the first answer: %q", got)
	}
	input[*picturePicker](t, e, noteKey{n, "picture", 0, ""}).choose("red-heart")
	if q().Choices[0].Picture != "red-heart" || strings.Contains(notesAt(t, e, noteKey{n, "choices", 0, ""}), "no picture") {
		t.Errorf("answer picture %q", q().Choices[0].Picture)
	}
	test.Tap(editorButton(t, e.form, "Move down")) // the first answer's
	if q().Choices[0].Text["en"] != "Green" || q().Choices[1].Text["en"] != "Red" {
		t.Errorf("after moving: %v", q().Choices)
	}
	test.Tap(editorButton(t, e.form, "Delete"))
	if len(q().Choices) != 2 || q().Choices[0].Text["en"] != "Red" {
		t.Errorf("after deleting: %v", q().Choices)
	}
	input[*widget.Check](t, e, keyAt(n, "dont_know")).SetChecked(true)
	if !q().DontKnow {
		t.Error("I don't know is not on")
	}

	// Another kind puts the answers aside; coming back brings them back.
	input[*deskSelect](t, e, keyAt(n, "kind")).SetSelected("A number")
	if len(q().Choices) != 0 || q().DontKnow {
		t.Errorf("a number question kept %v, dont_know %v", q().Choices, q().DontKnow)
	}
	test.Type(input[*widget.Entry](t, e, keyAt(n, "min")), "ten")
	if got := notesAt(t, e, keyAt(n, "min")); !strings.Contains(got, "Please write a number") {
		t.Errorf("beside a min that is not a number: %q", got)
	}
	input[*widget.Entry](t, e, keyAt(n, "min")).SetText("20")
	input[*widget.Entry](t, e, keyAt(n, "max")).SetText("10")
	if *q().Min != 20 || !strings.Contains(notesAt(t, e, keyAt(n, "min")), "bigger than the biggest") {
		t.Errorf("min %v: %q", *q().Min, notesAt(t, e, keyAt(n, "min")))
	}
	input[*deskSelect](t, e, keyAt(n, "kind")).SetSelected("Choose any answers")
	if len(q().Choices) != 2 || q().Min != nil {
		t.Errorf("back to choices: %v, min %v", q().Choices, q().Min)
	}
	input[*deskSelect](t, e, keyAt(n, "kind")).SetSelected("Faces, from sad to happy")
	if q().Faces != 3 || input[*deskSelect](t, e, keyAt(n, "faces")).Selected != "3" {
		t.Errorf("faces %d", q().Faces)
	}
	// A date may offer "I don't know" in place of a date.
	input[*deskSelect](t, e, keyAt(n, "kind")).SetSelected("A date")
	test.Tap(input[*widget.Check](t, e, keyAt(n, "dont_know")))
	if !q().DontKnow {
		t.Error("a date question: I don't know is not on")
	}
	test.Tap(input[*widget.Check](t, e, keyAt(n, "about_when")))
	if !q().AboutWhen {
		t.Error("a date question: About when? is not on")
	}
	var ps survey.Problems
	errors.As(e.draft.Validate(), &ps)
	for _, pr := range ps {
		if pr.Field == "dont_know" {
			t.Errorf("a date with I don't know: %v", pr)
		}
	}
}

func TestEditor_Languages(t *testing.T) {
	p, _, _ := newTestPanel(t)
	e := editSurvey(t, p, "ehc-plan")
	code := input[*widget.Entry](t, e, keyAt(-1, "languages"))
	code.SetText("Polish!")
	test.Tap(editorButton(t, e.form, "Add the language"))
	if len(e.draft.Languages) != 2 || !strings.Contains(e.message.Text, "2 or 3 letters") {
		t.Fatalf("a bad code: %v %q", e.draft.Languages, e.message.Text)
	}
	input[*widget.Entry](t, e, keyAt(-1, "languages")).SetText("pl")
	test.Tap(editorButton(t, e.form, "Add the language"))
	if strings.Join(e.draft.Languages, " ") != "en cy pl" {
		t.Fatalf("languages %v", e.draft.Languages)
	}
	// Every text now has a place for Polish, and the missing words show there.
	if got := notesAt(t, e, lk(-1, "title", "pl")); !strings.Contains(got, `These words are missing in Polski`) {
		t.Errorf("beside the Polish title: %q", got)
	}
	test.Tap(editorButton(t, e.form, "Remove")) // English, the first
	if strings.Join(e.draft.Languages, " ") != "cy pl" {
		t.Errorf("after removing English: %v", e.draft.Languages)
	}
}

// TestEditor_PreviewShowsTheDraftAndSavesNothing: the preview shows the
// draft, not the published survey, and a walk through it leaves nothing in
// the data. What the preview window shows and does is app's
// TestPreview_ShowsTheSurveyAndKeepsAnswersApart.
func TestEditor_PreviewShowsTheDraftAndSavesNothing(t *testing.T) {
	p, _, db := newTestPanel(t)
	before, _ := db.CountResponses("", time.Time{})
	e := editSurvey(t, p, "ehc-plan")
	i := questionIndex(t, e, "has_plan")
	e.choose(i)
	input[*widget.Entry](t, e, lk(i, "text", "en")).SetText("Have you got a plan?")
	test.Tap(editorButton(t, e.form, "Preview this question"))
	pu := e.preview
	if pu == nil {
		t.Fatal("no preview window")
	}
	if pu.Screen() != "question" || pu.Session().Current().ID != "has_plan" {
		t.Fatalf("the preview shows the %s screen", pu.Screen())
	}
	if got := pu.Session().Current().Text["en"]; got != "Have you got a plan?" {
		t.Errorf("the preview shows %q, not the draft's words", got)
	}
	pu.Close()

	test.Tap(editorButton(t, e.p.root, "Try the whole survey"))
	walk := e.preview
	if walk == pu || walk.Screen() != "welcome" {
		t.Fatalf("the walk starts on %s", walk.Screen())
	}
	scratch := e.previewDir
	if _, err := os.Stat(filepath.Join(scratch, store.FileName)); err != nil {
		t.Fatalf("the walk has no scratch data: %v", err)
	}
	walk.Close()
	if _, err := os.Stat(scratch); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the preview's scratch folder is still there: %v", err)
	}
	after, _ := db.CountResponses("", time.Time{})
	if after != before {
		t.Errorf("responses before the previews %+v, after %+v", before, after)
	}

	// A question with problems cannot be shown.
	test.Tap(editorButton(t, e.p.root, "Add a question"))
	e.preview = nil
	test.Tap(editorButton(t, e.form, "Preview this question"))
	if e.preview != nil || !strings.Contains(e.message.Text, "fix the problems of this question") {
		t.Errorf("preview of a question with no words: %q", e.message.Text)
	}
}
