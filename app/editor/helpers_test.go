package editor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/app"
	"speakeasy/assets"
	"speakeasy/survey"
	"speakeasy/survey/store"
)

func TestMain(m *testing.M) {
	app.DrawPicturesFirst() // see its comment: the test driver and the drawer would race
	os.Exit(m.Run())
}

// newTestPanel opens the Surveys tab in its own window on fresh data with
// the built-in survey (version 1), which the window behind it runs. Its
// file dialogs fail the test unless the test sets them; it says yes to
// every "Are you sure?". It gives the survey that runs.
func newTestPanel(tb testing.TB) (*surveysPanel, *survey.Survey, *store.DB) {
	tb.Helper()
	db := newTestDB(tb)
	p := openTestPanel(tb, db)
	s, err := db.Survey("ehc-plan", 0)
	if err != nil {
		tb.Fatal(err)
	}
	return p, s, db
}

// newTestDB is a fresh data folder with the built-in survey published, in
// a test app with the participant's window on it.
func newTestDB(tb testing.TB) *store.DB {
	tb.Helper()
	a := test.NewTempApp(tb)
	db, err := store.Open(filepath.Join(tb.TempDir(), "data"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	data, _ := assets.BuiltinSurvey("ehc-plan")
	s, err := survey.Parse(data)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		tb.Fatal(err)
	}
	if _, err := app.New(a, test.NewTempWindow(tb, nil), app.Config{DB: db, Clock: stillClock{}, Quit: func() {}}); err != nil {
		tb.Fatal(err)
	}
	return db
}

// openTestPanel opens the Surveys tab on db in a new window.
func openTestPanel(tb testing.TB, db *store.DB) *surveysPanel {
	tb.Helper()
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
	return p
}

// stillClock never fires: the tests here wait for nothing.
type stillClock struct{}

func (stillClock) AfterFunc(time.Duration, func()) app.Timer { return stillTimer{} }

type stillTimer struct{}

func (stillTimer) Stop() bool { return true }

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
// split panes, theme overrides and the chosen tab.
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
	case *container.ThemeOverride:
		eachObject(c.Content, f)
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

// notesAt is what the form shows about k: the notes in its place beside
// k, then those that wait under the form for room there.
func notesAt(tb testing.TB, e *editor, k noteKey) string {
	tb.Helper()
	box, ok := e.boxes[k]
	if !ok {
		tb.Fatalf("the form has no place for notes about %+v", k)
	}
	got := labelsUnder(box)
	for _, n := range e.waiting {
		if at, _ := e.boxes.place(n.at); at == k {
			if !strings.Contains(e.noRoom.Text, noteText(n)) {
				tb.Fatalf("the note %q waits for room, but the place under the form does not show it", noteText(n))
			}
			got += noteText(n) + "\n"
		}
	}
	return got
}

func lk(q int, field, lang string) noteKey {
	return noteKey{q: q, field: field, choice: -1, lang: lang}
}

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
