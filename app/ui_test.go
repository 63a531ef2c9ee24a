package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/assets"
	"speakeasy/survey"
	"speakeasy/survey/store"
)

// fakeClock fires timers only when a test moves it on.
type fakeClock struct {
	now    time.Duration
	timers []*fakeTimer
}

type fakeTimer struct {
	at      time.Duration
	f       func()
	stopped bool
}

func (t *fakeTimer) Stop() bool { was := !t.stopped; t.stopped = true; return was }

func (c *fakeClock) AfterFunc(d time.Duration, f func()) Timer {
	t := &fakeTimer{at: c.now + d, f: f}
	c.timers = append(c.timers, t)
	return t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.now += d
	for _, t := range c.timers {
		if !t.stopped && t.at <= c.now {
			t.stopped = true
			t.f()
		}
	}
}

// newTestUI opens a fresh data folder with the built-in survey and shows
// the welcome screen in a test window.
func newTestUI(tb testing.TB) (*UI, *fakeClock, *store.DB) {
	tb.Helper()
	a := test.NewTempApp(tb)
	db, err := store.Open(filepath.Join(tb.TempDir(), "data"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if err := publishBuiltin(db); err != nil {
		tb.Fatal(err)
	}
	w := test.NewTempWindow(tb, nil)
	clock := &fakeClock{}
	u, err := New(a, w, Config{DB: db, Clock: clock, Quit: func() {}})
	if err != nil {
		tb.Fatal(err)
	}
	w.Resize(fyne.NewSize(1280, 800))
	u.Start()
	return u, clock, db
}

// publishBuiltin stores the built-in EHC plan survey in db.
func publishBuiltin(db *store.DB) error {
	data, _ := assets.BuiltinSurvey("ehc-plan")
	s, err := survey.Parse(data)
	if err != nil {
		return err
	}
	_, err = db.Publish(s)
	return err
}

// walk visits every object on screen.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			walk(child, f)
		}
	case *container.Scroll:
		walk(c.Content, f)
	case *container.ThemeOverride:
		walk(c.Content, f)
	case *container.AppTabs:
		walk(c.Selected().Content, f)
	}
}

// tileNamed finds the tile on screen with the given words.
func tileNamed(tb testing.TB, u *UI, label string) *tile {
	tb.Helper()
	var found *tile
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if t, ok := o.(*tile); ok && t.Label == label && t.Visible() {
			found = t
		}
	})
	if found == nil {
		tb.Fatalf("no %q on the %s screen", label, u.Screen())
	}
	return found
}

// screenText is every word showing in labels on screen.
func screenText(u *UI) string {
	var b strings.Builder
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			if w.Visible() {
				// Lines are broken to fit the screen: read them as one.
				b.WriteString(strings.ReplaceAll(w.Text, "\n", " ") + "\n")
			}
		case *tile:
			if w.Visible() {
				b.WriteString(w.Label + "\n")
			}
		case *typingBox:
			b.WriteString(w.Text + "\n")
		case *canvas.Text:
			if w.Visible() && w.Text != "" {
				b.WriteString(w.Text + "\n")
			}
		}
	})
	return b.String()
}

func first[T fyne.CanvasObject](u *UI) (found T) {
	var done bool
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if w, ok := o.(T); ok && !done {
			found, done = w, true
		}
	})
	return found
}

func onQuestion(tb testing.TB, u *UI, id string) {
	tb.Helper()
	if u.Screen() != "question" || u.Session().Current().ID != id {
		cur := ""
		if u.Session() != nil && u.Session().Current() != nil {
			cur = u.Session().Current().ID
		}
		tb.Fatalf("on screen %q question %q, want question %q", u.Screen(), cur, id)
	}
}

func TestUI_WholeSurveyByTaps(t *testing.T) {
	u, clock, db := newTestUI(t)
	if u.Screen() != "welcome" || !strings.Contains(screenText(u), "Your plan: tell us what you think") {
		t.Fatalf("not the welcome screen: %s", screenText(u))
	}
	test.Tap(tileNamed(t, u, "Start"))
	onQuestion(t, u, "who")
	if !strings.Contains(screenText(u), "Question 1 of 11") {
		t.Errorf("progress not shown: %s", screenText(u))
	}
	test.Tap(tileNamed(t, u, "Next"))
	if !strings.Contains(screenText(u), "Please choose an answer.") {
		t.Fatalf("no kind message for a missing answer: %s", screenText(u))
	}
	onQuestion(t, u, "who")
	me := u.keys.options()[0]
	test.Tap(me)
	if !me.Chosen() || u.keys.options()[1].Chosen() {
		t.Fatal("the tapped answer is not shown as chosen")
	}
	rid := u.Session().Response().ID
	test.Tap(tileNamed(t, u, "Next"))

	onQuestion(t, u, "age")
	test.Type(first[*typingBox](u), "15")
	test.Tap(tileNamed(t, u, "Next"))

	onQuestion(t, u, "has_plan")
	test.Tap(tileNamed(t, u, "Yes"))
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "about_plan")
	test.Tap(tileNamed(t, u, "Next"))

	onQuestion(t, u, "last_meeting")
	// "About when?" first, then three steps of big tiles: year, month,
	// day. A year alone is not a date: Next says so and stays.
	test.Tap(tileNamed(t, u, "Choose the day"))
	test.Tap(tileNamed(t, u, "2026"))
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "last_meeting")
	if !strings.Contains(screenText(u), "Please choose the year, the month and the day.") {
		t.Fatalf("a year alone went by without a word: %s", screenText(u))
	}
	test.Tap(tileNamed(t, u, "March"))
	test.Tap(tileNamed(t, u, "3"))
	test.Tap(tileNamed(t, u, "Next"))

	onQuestion(t, u, "listened")
	test.Tap(tileNamed(t, u, "Good"))
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "plan_helps")
	// The keyboard works too: 4 picks the fourth face, the right arrow goes on.
	u.typedKey(&fyne.KeyEvent{Name: fyne.Key4})
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	onQuestion(t, u, "help_where")
	test.Tap(u.keys.options()[0])
	test.Tap(u.keys.options()[1])
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "school_help")

	// Go back to the plan question and say no: the plan questions are skipped.
	for u.Session().Current().ID != "has_plan" {
		test.Tap(tileNamed(t, u, "Back"))
	}
	if !tileNamed(t, u, "Yes").Chosen() {
		t.Fatal("going back does not show the answer given")
	}
	test.Tap(tileNamed(t, u, "No"))
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "what_matters")
	test.Tap(u.keys.options()[0])
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "who_helps")
	test.Tap(u.keys.options()[0])
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "anything_else")
	test.Type(first[*typingBox](u), "=1+1 more help please")
	test.Tap(tileNamed(t, u, "Next"))

	if u.Screen() != "thanks" {
		t.Fatalf("after the last question: %s", u.Screen())
	}
	r, answers, err := db.Response(rid)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"who": "self", "age": "15", "has_plan": "no", "what_matters": "friends",
		"who_helps": "family", "anything_else": "=1+1 more help please"}
	if len(answers) != len(want) {
		t.Errorf("answers in the database: %v, want %v", answers, want)
	}
	for id, v := range want {
		if got := answers[id].String(); got != v {
			t.Errorf("answer %s = %q, want %q", id, got, v)
		}
	}
	if r.Status != survey.Complete || r.AnsweredBy != "self" || r.DeviceID != db.DeviceID() {
		t.Errorf("response row %+v", r)
	}
	clock.Advance(ThanksFor)
	if u.Screen() != "welcome" || u.Session() != nil {
		t.Fatalf("thank-you screen did not go back to welcome: %s", u.Screen())
	}
}

func TestUI_AnswersSavedBeforeNextScreen(t *testing.T) {
	u, _, db := newTestUI(t)
	test.Tap(tileNamed(t, u, "Start"))
	test.Tap(u.keys.options()[1])
	rid := u.Session().Response().ID
	test.Tap(tileNamed(t, u, "Next"))
	// The next screen is up: the answer must already be in SQLite.
	var v string
	if err := db.SQL().QueryRow(`SELECT value FROM answers WHERE response_id = ? AND question_id = 'who'`, rid).Scan(&v); err != nil || v != "parent" {
		t.Fatalf("answer in the database %q (%v)", v, err)
	}
}

func TestUI_IdleResetForgetsThePerson(t *testing.T) {
	u, clock, db := newTestUI(t)
	test.Tap(tileNamed(t, u, "Start"))
	test.Tap(u.keys.options()[0])
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "age")
	test.Type(first[*typingBox](u), "12")
	rid := u.Session().Response().ID

	clock.Advance(IdleAfter - time.Second)
	onQuestion(t, u, "age")
	clock.Advance(time.Second)
	if u.Screen() != "still-there" || !strings.Contains(screenText(u), "Are you still there?") {
		t.Fatalf("after a minute: %s", u.Screen())
	}
	test.Tap(tileNamed(t, u, "Yes"))
	onQuestion(t, u, "age")
	if got := first[*typingBox](u).Text; got != "12" {
		t.Fatalf("coming back lost the typing: %q", got)
	}
	clock.Advance(IdleAfter)
	clock.Advance(GoneAfter)
	if u.Screen() != "welcome" || u.Session() != nil {
		t.Fatalf("after another half minute: %s", u.Screen())
	}
	r, answers, err := db.Response(rid)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != survey.Incomplete || answers["who"].String() != "self" || answers["age"].String() != "12" {
		t.Fatalf("saved as %s with %v", r.Status, answers)
	}
	// The next person starts clean.
	test.Tap(tileNamed(t, u, "Start"))
	onQuestion(t, u, "who")
	for _, o := range u.keys.options() {
		if o.Chosen() {
			t.Fatal("the last person's answer shows for the next person")
		}
	}
	if u.Session().Response().ID == rid {
		t.Fatal("the next person continues the last person's response")
	}
}

func TestUI_StaffPIN(t *testing.T) {
	u, _, db := newTestUI(t)
	u.askForStaff()
	if u.Screen() != "set-pin" {
		t.Fatalf("with no PIN, staff should choose one first; on %s", u.Screen())
	}
	for _, d := range "2580" {
		test.Tap(tileNamed(t, u, string(d)))
	}
	test.Tap(tileNamed(t, u, "OK"))
	if !strings.Contains(screenText(u), "Type the same PIN again.") {
		t.Fatalf("no second ask: %s", screenText(u))
	}
	test.TypeOnCanvas(u.win.Canvas(), "2580")
	test.Tap(tileNamed(t, u, "OK"))
	if u.Screen() != "staff" {
		t.Fatalf("after setting the PIN: %s", u.Screen())
	}
	if has, _ := db.HasPIN(); !has {
		t.Fatal("PIN not stored")
	}
	test.Tap(tileNamed(t, u, "Start the survey"))
	u.askForStaff()
	test.TypeOnCanvas(u.win.Canvas(), "1111")
	test.Tap(tileNamed(t, u, "OK"))
	if u.Screen() != "pin" || !strings.Contains(screenText(u), "That PIN is not right.") {
		t.Fatalf("a wrong PIN: %s %s", u.Screen(), screenText(u))
	}
	test.TypeOnCanvas(u.win.Canvas(), "2580")
	test.Tap(tileNamed(t, u, "OK"))
	if u.Screen() != "staff" || !strings.Contains(screenText(u), "Today: 0 finished, 0 not finished.") {
		t.Fatalf("the right PIN: %s %s", u.Screen(), screenText(u))
	}
}

// BenchmarkTapNext times one participant step in the test driver: tap an
// answer, tap Next, the answer durably saved and the next screen laid out
// by the fit rule. It runs at the two ends of the sizes the rule must
// handle: a big screen with the biggest words, and the smallest screen.
func BenchmarkTapNext(b *testing.B) {
	for _, c := range []struct {
		name   string
		size   fyne.Size
		bigger int
	}{
		{"2560x1440-biggest", fyne.NewSize(2560, 1440), 2},
		{"1024x600-normal", fyne.NewSize(1024, 600), 0},
	} {
		b.Run(c.name, func(b *testing.B) {
			u, _, _ := newTestUI(b)
			u.win.Resize(c.size)
			for u.comfort.bigger < c.bigger { // "Bigger words", tapped as a person does
				test.Tap(firstTileWithPicture(b, u, "magnifying-glass-tilted-left"))
			}
			test.Tap(tileNamed(b, u, "Start"))
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				test.Tap(u.keys.options()[i%2])   // a changed answer each time, so it is really written
				test.Tap(tileNamed(b, u, "Next")) // to age
				b.StopTimer()
				test.Tap(tileNamed(b, u, "Back"))
				b.StartTimer()
			}
			b.StopTimer()
			per := b.Elapsed() / time.Duration(b.N)
			b.ReportMetric(float64(per.Microseconds())/1000, "ms/step")
			b.Logf("%s: tap an answer + Next (saved, next screen laid out): %.2f ms per step (target 16 ms)", c.name, float64(per.Microseconds())/1000)
		})
	}
}

// firstTileWithPicture is the first tile on screen showing the picture.
func firstTileWithPicture(tb testing.TB, u *UI, picture string) *tile {
	tb.Helper()
	var found *tile
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if t, ok := o.(*tile); ok && found == nil && t.Picture == picture && t.Visible() {
			found = t
		}
	})
	if found == nil {
		tb.Fatalf("no tile with the picture %q on %s", picture, u.Screen())
	}
	return found
}

func TestUI_SaveFailureAsksForStaffAndStays(t *testing.T) {
	u, _, db := newTestUI(t)
	test.Tap(tileNamed(t, u, "Start"))
	test.Tap(u.keys.options()[0])
	db.Close() // as good as a full disk or a pulled USB drive: nothing can be written
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "who")
	if !strings.Contains(screenText(u), "Something went wrong. Please ask a member of staff to help.") {
		t.Fatalf("no calm message:\n%s", screenText(u))
	}
	if !u.keys.options()[0].Chosen() {
		t.Fatal("the answer on screen was lost")
	}
}

// After wrong PINs, a PIN typed during the wait is not tried, so it is not
// called wrong: it may be the right one.
func TestUI_StaffPINDuringAWait(t *testing.T) {
	u, _, db := newTestUI(t)
	if err := db.SetPIN("2580"); err != nil {
		t.Fatal(err)
	}
	u.askForStaff()
	for range 3 {
		typeKeys(u, "1111")
		press(u, fyne.KeyReturn)
	}
	if !strings.Contains(screenText(u), "That PIN is not right. Please wait") {
		t.Fatalf("after three wrong PINs: %s", screenText(u))
	}
	typeKeys(u, "2580")
	press(u, fyne.KeyReturn)
	if u.Screen() != "pin" || !strings.Contains(screenText(u), "then type the PIN.") || strings.Contains(screenText(u), "not right") {
		t.Fatalf("the right PIN during the wait: %s %s", u.Screen(), screenText(u))
	}
}
