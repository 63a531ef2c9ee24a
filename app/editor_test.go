package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/assets"
	"speakeasy/survey"
	"speakeasy/survey/store"
	"speakeasy/survey/xlsform"
)

// newTestPanel opens the Surveys tab in its own window on a test UI's data
// (the built-in survey, version 1). Its file dialogs fail the test unless
// the test sets them; it says yes to every "Are you sure?".
func newTestPanel(tb testing.TB) (*surveysPanel, *UI, *store.DB) {
	tb.Helper()
	u, _, db := newTestUI(tb)
	w := test.NewTempWindow(tb, nil)
	p := newSurveysPanel(w, db)
	p.clock = stillClock{}
	p.confirm = func(_ string, yes func()) { yes() }
	p.files = filePicker{
		open: func([]string, func(string)) { tb.Fatal("a file dialog opened that the test did not expect") },
		save: func(string, func(string)) { tb.Fatal("a file dialog opened that the test did not expect") },
	}
	w.SetContent(p.root)
	w.Resize(fyne.NewSize(1280, 800))
	return p, u, db
}

// editSurvey opens survey id in the editor by choosing it and tapping Edit.
func editSurvey(tb testing.TB, p *surveysPanel, id string) *editor {
	tb.Helper()
	p.selectID(id)
	test.Tap(editorButton(tb, p.root, "Edit"))
	if p.editor == nil || p.editor.draft.ID != id {
		tb.Fatalf("the editor did not open %s: %s", id, p.message.Text)
	}
	return p.editor
}

// eachObject visits every object under o, through containers, scrolls,
// split panes and the chosen tab.
func eachObject(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			eachObject(child, f)
		}
	case *container.Scroll:
		eachObject(c.Content, f)
	case *container.Split:
		eachObject(c.Leading, f)
		eachObject(c.Trailing, f)
	case *container.AppTabs:
		eachObject(c.Selected().Content, f)
	}
}

// editorButton finds the standard button with the given words under root.
func editorButton(tb testing.TB, root fyne.CanvasObject, text string) *widget.Button {
	tb.Helper()
	var found *widget.Button
	eachObject(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		tb.Fatalf("no button %q", text)
	}
	return found
}

// labelsUnder is the words of every label under root, one a line.
func labelsUnder(root fyne.CanvasObject) string {
	var b strings.Builder
	eachObject(root, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// input is the form's input for k, as the type the test expects.
func input[T any](tb testing.TB, e *editor, k noteKey) T {
	tb.Helper()
	v, ok := e.inputs[k].(T)
	if !ok {
		tb.Fatalf("the form has no %T for %+v (it has %T)", v, k, e.inputs[k])
	}
	return v
}

// notesAt is what the form shows in the place for notes about k.
func notesAt(tb testing.TB, e *editor, k noteKey) string {
	tb.Helper()
	box, ok := e.boxes[k]
	if !ok {
		tb.Fatalf("the form has no place for notes about %+v", k)
	}
	return labelsUnder(box)
}

func lk(q int, field, lang string) noteKey { return noteKey{q: q, field: field, choice: -1, lang: lang} }

// questionIndex is where question id is in the draft.
func questionIndex(tb testing.TB, e *editor, id string) int {
	tb.Helper()
	for i, q := range e.draft.Questions {
		if q.ID == id {
			return i
		}
	}
	tb.Fatalf("no question %q in the draft", id)
	return -1
}

func TestStaff_HasSurveysTab(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.showStaff()
	tabs := first[*container.AppTabs](u)
	for _, it := range tabs.Items {
		if it.Text == "Surveys" {
			return
		}
	}
	t.Fatal("the staff screen has no Surveys tab")
}

func TestSurveysPanel_ListsVersionsAndCounts(t *testing.T) {
	p, u, db := newTestPanel(t)
	ss := survey.NewSession(u.survey, survey.SessionOptions{Saver: db, DeviceID: db.DeviceID()})
	ss.Tap("self")
	if err := ss.Stop(); err != nil {
		t.Fatal(err)
	}
	p.reload()
	title, about := p.rows[0].describe(p.kiosk)
	if title != "Your plan: tell us what you think (ehc-plan)" {
		t.Errorf("title line %q", title)
	}
	if about != "Version 1 · 0 finished, 1 not finished · Runs on this laptop" {
		t.Errorf("second line %q", about)
	}
}

func TestEditor_AddQuestionPictureRuleAndPublish(t *testing.T) {
	p, u, db := newTestPanel(t)
	// Someone answers version 1 before the survey changes.
	ss := survey.NewSession(u.survey, survey.SessionOptions{Saver: db, DeviceID: db.DeviceID()})
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
	if got := notesAt(t, e, keyAt(n, "text")); !strings.Contains(got, `Problem: the question has no words in "en"`) {
		t.Fatalf("beside the words: %q", got)
	}
	if !strings.HasPrefix(e.count.Text, "Problems to fix before you publish: 1.") {
		t.Errorf("count at the top: %q", e.count.Text)
	}
	if _, about := e.partLines(n); !strings.Contains(about, "Problems: 1") {
		t.Errorf("list line %q", about)
	}
	test.Tap(editorButton(t, e.p.root, "Publish"))
	if !strings.Contains(e.message.Text, "Please fix the problems first") {
		t.Fatalf("published with a problem: %q", e.message.Text)
	}

	test.Type(input[*widget.Entry](t, e, lk(n, "text", "en")), "Did you like today?")
	test.Type(input[*widget.Entry](t, e, lk(n, "text", "cy")), "Oeddet ti'n hoffi heddiw?")
	if got := notesAt(t, e, keyAt(n, "text")); got != "" {
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
	if q.Picture != want || pp.name.Text != want || pp.preview.Resource != pictureResource(want) {
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
	if e.message.Text != "Published as version 2." {
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
	w := test.NewTempWindow(t, nil)
	if _, err := New(fyne.CurrentApp(), w, Config{DB: db, Clock: &fakeClock{}, Quit: func() {}}); err != nil {
		t.Fatal(err)
	}
	p2 := newSurveysPanel(w, db)
	w.SetContent(p2.root)
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

func TestEditor_NewSurvey(t *testing.T) {
	p, _, db := newTestPanel(t)
	p.newID.SetText("Family Day!")
	test.Tap(editorButton(t, p.root, "New survey"))
	if p.editor != nil || !strings.Contains(p.message.Text, "short name") {
		t.Fatalf("a bad name: %q", p.message.Text)
	}
	p.newID.SetText("ehc-plan")
	test.Tap(editorButton(t, p.root, "New survey"))
	if p.editor != nil || !strings.Contains(p.message.Text, "already") {
		t.Fatalf("a name in use: %q", p.message.Text)
	}

	p.newID.SetText("family-day")
	test.Tap(editorButton(t, p.root, "New survey"))
	e := p.editor
	if e == nil || len(e.draft.Questions) != 1 || e.draft.Questions[0].Kind != survey.KindNote {
		t.Fatalf("new survey: %+v", e)
	}
	if _, err := db.Draft("family-day"); err != nil {
		t.Fatalf("no draft kept: %v", err)
	}
	test.Tap(editorButton(t, e.p.root, "Back to the list"))
	i := -1
	for j, r := range p.rows {
		if r.ID == "family-day" {
			i = j
		}
	}
	if _, about := p.rows[i].describe(p.kiosk); about != "Not published yet" {
		t.Errorf("in the list: %q", about)
	}
	e = editSurvey(t, p, "family-day")
	test.Tap(editorButton(t, e.p.root, "Publish"))
	if e.message.Text != "Published as version 1." {
		t.Fatalf("publish: %q", e.message.Text)
	}
	if s, err := db.Survey("family-day", 0); err != nil || s.Version != 1 {
		t.Fatalf("in the database: %v %v", s, err)
	}
}

func TestEditor_ChoicesNumbersAndKinds(t *testing.T) {
	p, _, _ := newTestPanel(t)
	e := editSurvey(t, p, "ehc-plan")
	test.Tap(editorButton(t, e.p.root, "Add a question"))
	n := e.part
	input[*widget.Select](t, e, keyAt(n, "kind")).SetSelected("Choose one answer")
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
	input[*widget.Select](t, e, keyAt(n, "kind")).SetSelected("A number")
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
	input[*widget.Select](t, e, keyAt(n, "kind")).SetSelected("Choose any answers")
	if len(q().Choices) != 2 || q().Min != nil {
		t.Errorf("back to choices: %v, min %v", q().Choices, q().Min)
	}
	input[*widget.Select](t, e, keyAt(n, "kind")).SetSelected("Faces, from sad to happy")
	if q().Faces != 3 || input[*widget.Select](t, e, keyAt(n, "faces")).Selected != "3" {
		t.Errorf("faces %d", q().Faces)
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
	if got := notesAt(t, e, lk(-1, "title", "pl")); !strings.Contains(got, `These words are missing in "pl"`) {
		t.Errorf("beside the Polish title: %q", got)
	}
	test.Tap(editorButton(t, e.form, "Remove")) // English, the first
	if strings.Join(e.draft.Languages, " ") != "cy pl" {
		t.Errorf("after removing English: %v", e.draft.Languages)
	}
}

func TestEditor_ArchiveHidesFromKioskChoice(t *testing.T) {
	p, u, db := newTestPanel(t)
	kioskChoices := func() string {
		u.showStaff()
		return strings.Join(first[*widget.Select](u).Options, "\n")
	}
	p.selectID("ehc-plan")
	p.newID.SetText("spring-day")
	test.Tap(editorButton(t, p.root, "Make a copy"))
	if s, err := db.Survey("spring-day", 0); err != nil || s.Version != 1 || len(s.Questions) != len(u.survey.Questions) {
		t.Fatalf("the copy: %v", err)
	}
	if !strings.Contains(kioskChoices(), "(spring-day)") {
		t.Fatalf("the copy is not offered to run: %s", kioskChoices())
	}

	p.selectID("spring-day")
	test.Tap(editorButton(t, p.root, "Archive"))
	if got := kioskChoices(); strings.Contains(got, "(spring-day)") {
		t.Fatalf("an archived survey is offered to run: %s", got)
	}
	if _, about := p.rows[p.selected].describe(p.kiosk); !strings.Contains(about, "Archived") {
		t.Errorf("the list says %q", about)
	}
	if !p.run.Disabled() {
		t.Error("an archived survey can be chosen to run")
	}
	p.runHere()
	if id, _ := db.KioskSurveyID(); id != "ehc-plan" {
		t.Errorf("the kiosk runs %s", id)
	}

	// The survey this laptop runs cannot be archived.
	p.selectID("ehc-plan")
	test.Tap(editorButton(t, p.root, "Archive"))
	if infos, _ := db.Surveys(); infos[0].ID != "ehc-plan" || infos[0].Archived {
		t.Errorf("the running survey was archived")
	}
	if !strings.Contains(p.message.Text, "This laptop runs this survey") {
		t.Errorf("message %q", p.message.Text)
	}

	p.selectID("spring-day")
	test.Tap(editorButton(t, p.root, "Bring back"))
	test.Tap(editorButton(t, p.root, "Run on this laptop"))
	if id, _ := db.KioskSurveyID(); id != "spring-day" {
		t.Errorf("the kiosk runs %s", id)
	}
}

func TestEditor_PreviewShowsQuestionAndSavesNothing(t *testing.T) {
	p, u, db := newTestPanel(t)
	before, _ := db.CountResponses("", time.Time{})
	e := editSurvey(t, p, "ehc-plan")
	i := questionIndex(t, e, "has_plan")
	e.choose(i)
	// The preview shows the draft, not the published survey.
	input[*widget.Entry](t, e, lk(i, "text", "en")).SetText("Have you got a plan?")
	test.Tap(editorButton(t, e.form, "Preview this question"))
	pu := e.preview
	if pu == nil || pu.win == u.win || pu.win == p.win {
		t.Fatal("no preview window")
	}
	onQuestion(t, pu, "has_plan")
	if !strings.Contains(screenText(pu), "Have you got a plan?") || !strings.Contains(screenText(pu), "Not sure") {
		t.Errorf("the preview shows %s", screenText(pu))
	}
	test.Tap(tileNamed(t, pu, "Yes"))
	test.Tap(tileNamed(t, pu, "Next"))
	onQuestion(t, pu, "about_plan")
	pu.win.Close()

	test.Tap(editorButton(t, e.p.root, "Try the whole survey"))
	walk := e.preview
	if walk.Screen() != "welcome" {
		t.Fatalf("the walk starts on %s", walk.Screen())
	}
	scratch := filepath.Dir(walk.db.Path())
	test.Tap(tileNamed(t, walk, "Start"))
	onQuestion(t, walk, "who")
	test.Tap(walk.keys.options[0])
	test.Tap(tileNamed(t, walk, "Next"))
	onQuestion(t, walk, "age")
	walk.win.Close()
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

func TestSurveysPanel_ExportAndImport(t *testing.T) {
	p, _, db := newTestPanel(t)
	dir := t.TempDir()
	p.selectID("ehc-plan")
	for _, name := range []string{"ehc-plan.xlsx", "ehc-plan.json"} {
		path := filepath.Join(dir, name)
		p.files.save = func(_ string, then func(string)) { then(path) }
		test.Tap(editorButton(t, p.root, "Save as a file"))
		if !strings.HasPrefix(p.message.Text, "Saved version 1 of ehc-plan in ") {
			t.Fatalf("%s: %q", name, p.message.Text)
		}
	}
	s, notices, err := xlsform.ReadFile(filepath.Join(dir, "ehc-plan.xlsx"))
	if err != nil {
		t.Fatalf("the exported form: %v %v", err, notices)
	}
	orig, _ := db.Survey("ehc-plan", 0)
	if len(s.Questions) != len(orig.Questions) || s.Question("has_plan") == nil {
		t.Errorf("the exported form has %d questions, want %d", len(s.Questions), len(orig.Questions))
	}

	// Import the JSON back under another name, then again: nothing new.
	j, err := survey.Load(filepath.Join(dir, "ehc-plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	j.ID, j.Version = "imported", 1
	body, _ := j.Marshal()
	in := filepath.Join(dir, "imported.json")
	if err := os.WriteFile(in, body, 0o600); err != nil {
		t.Fatal(err)
	}
	p.files.open = func(exts []string, then func(string)) { then(in) }
	test.Tap(editorButton(t, p.root, "Add a survey from a file"))
	if p.message.Text != "Added imported as version 1." {
		t.Fatalf("import: %q", p.message.Text)
	}
	if s, err := db.Survey("imported", 0); err != nil || s.Version != 1 {
		t.Fatalf("imported survey: %v", err)
	}
	test.Tap(editorButton(t, p.root, "Add a survey from a file"))
	if p.message.Text != "imported is here already as version 1. Nothing has changed." {
		t.Errorf("import again: %q", p.message.Text)
	}
	// The XLSForm comes back in as the same survey: no new version.
	xlsx := filepath.Join(dir, "ehc-plan.xlsx")
	p.files.open = func(exts []string, then func(string)) { then(xlsx) }
	test.Tap(editorButton(t, p.root, "Add a survey from a file"))
	if !strings.Contains(p.message.Text, "ehc-plan is here already as version 1") {
		t.Errorf("import of the exported form: %q", p.message.Text)
	}

	bad := filepath.Join(dir, "bad.xlsx")
	os.WriteFile(bad, []byte("not a spreadsheet"), 0o600)
	p.files.open = func(exts []string, then func(string)) { then(bad) }
	test.Tap(editorButton(t, p.root, "Add a survey from a file"))
	if !strings.HasPrefix(p.message.Text, "Speakeasy cannot use this file.") {
		t.Errorf("a bad file: %q", p.message.Text)
	}
}

func TestRule_PlainChoicesRoundTrip(t *testing.T) {
	tests := []struct {
		how  ruleHow
		want string
	}{
		{ruleIs, "${has_plan} = 'yes'"},
		{ruleIsNot, "${has_plan} != 'yes'"},
		{ruleIncludes, "selected(${has_plan}, 'yes')"},
	}
	for _, tt := range tests {
		got := ruleExpr("has_plan", tt.how, "yes")
		if got != tt.want {
			t.Errorf("ruleExpr(%d) = %q, want %q", tt.how, got, tt.want)
		}
		if _, err := survey.ParseExpr(got); err != nil {
			t.Errorf("%q does not parse: %v", got, err)
		}
		id, how, value, ok := parseRule(got)
		if !ok || id != "has_plan" || how != tt.how || value != "yes" {
			t.Errorf("parseRule(%q) = %q %d %q %v", got, id, how, value, ok)
		}
	}
	for _, expr := range []string{"", "${a} = 'x' and ${b} = 'y'", "count-selected(${a}) > 1", "${age} >= 14"} {
		if _, _, _, ok := parseRule(expr); ok {
			t.Errorf("parseRule(%q) says plain choices can say it", expr)
		}
	}
}

func TestFindNotes_PlacesEachNote(t *testing.T) {
	s := &survey.Survey{ID: "t", Languages: []string{"en", "cy"}, Title: survey.Text{"en": "A test"},
		Questions: []survey.Question{
			{ID: "a", Kind: survey.KindOne, Picture: "person", Text: survey.Text{"en": "Pick one", "cy": "Dewisa un"},
				Choices: []survey.Choice{{Value: "x", Text: survey.Text{"en": "X", "cy": "X"}, Picture: "person"},
					{Value: "y", Text: survey.Text{"en": "Why", "cy": "Pam"}}}},
			{ID: "", Kind: survey.KindYesNo, Picture: "person", Text: survey.Text{"en": "No name", "cy": "Dim enw"}},
			{ID: "c", Kind: survey.KindFaces, Faces: 4, Picture: "person", Text: survey.Text{"en": "We will facilitate this.", "cy": "Iawn"},
				Relevant: "${zz} = 'x'"},
		}}
	ns := findNotes(s)
	tests := []struct {
		at      noteKey
		problem bool
		has     string
	}{
		{lk(-1, "title", "cy"), false, `missing in "cy"`},
		{noteKey{0, "choices", 1, ""}, false, "has no picture"},
		{lk(1, "id", ""), true, "needs an ID"},
		{lk(2, "faces", ""), true, "not 4"},
		{lk(2, "relevant", ""), true, "${zz}"},
		{lk(2, "text", "en"), false, `"facilitate"`},
	}
	for _, tt := range tests {
		found := false
		for _, n := range ns {
			if n.at == tt.at && n.problem == tt.problem && strings.Contains(n.text, tt.has) {
				found = true
			}
		}
		if !found {
			t.Errorf("no note at %+v (problem %v) saying %q; notes: %+v", tt.at, tt.problem, tt.has, ns)
		}
	}
	if p, a := countNotes(ns, 2); p != 2 || a != 1 {
		t.Errorf("question c has %d problems and %d word notes, want 2 and 1", p, a)
	}
}

func TestNoteBoxes_PlaceFallsBackToTheField(t *testing.T) {
	b := noteBoxes{}
	b.box(keyAt(0, ""))
	b.box(keyAt(0, "text"))
	b.box(lk(0, "text", "cy"))
	b.box(noteKey{0, "choices", 1, ""})
	tests := []struct{ at, want noteKey }{
		{lk(0, "text", "cy"), lk(0, "text", "cy")},
		{lk(0, "text", "en"), keyAt(0, "text")},
		{noteKey{0, "choices", 1, "en"}, noteKey{0, "choices", 1, ""}},
		{noteKey{0, "choices", 2, "en"}, keyAt(0, "")},
		{keyAt(0, "constraint"), keyAt(0, "")},
	}
	for _, tt := range tests {
		if got, ok := b.place(tt.at); !ok || got != tt.want {
			t.Errorf("place(%+v) = %+v, %v; want %+v", tt.at, got, ok, tt.want)
		}
	}
	if _, ok := b.place(keyAt(1, "text")); ok {
		t.Error("a note about a question not on the form found a place")
	}
}
