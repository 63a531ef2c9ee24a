package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"speakeasy/app/speech"
	"speakeasy/assets"
	"speakeasy/survey"
	"speakeasy/survey/store"
)

// fakeVoice is a speech engine that notes what it would say, in order.
type fakeVoice struct {
	mu   sync.Mutex
	said []string
	done chan struct{}
}

func (f *fakeVoice) Name() string { return "a test voice" }
func (f *fakeVoice) Say(_ context.Context, text, lang string) error {
	f.mu.Lock()
	f.said = append(f.said, lang+": "+text)
	f.mu.Unlock()
	return nil
}
func (f *fakeVoice) Play(_ context.Context, path string) error { return f.Say(nil, path, "sound") }

// heard waits for the reading to finish and returns what was said.
func (f *fakeVoice) heard(t *testing.T, r *speech.Reader) []string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for r.Reading() {
		if time.Now().After(deadline) {
			t.Fatal("still reading after 5 s")
		}
		time.Sleep(time.Millisecond)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.said
	f.said = nil
	return out
}

func withVoice(t *testing.T) (*UI, *fakeClock, *fakeVoice) {
	u, clock, _ := newTestUI(t)
	voice := &fakeVoice{}
	u.cfg.Speech = voice
	u.reader = speech.NewReader(voice)
	u.showWelcome()
	return u, clock, voice
}

// press sends a key as the driver does: to the focused object, or else to the canvas.
func press(u *UI, k fyne.KeyName) {
	if f := u.win.Canvas().Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: k})
		return
	}
	u.typedKey(&fyne.KeyEvent{Name: k})
}

func TestUI_ListenReadsQuestionThenEachAnswer(t *testing.T) {
	u, _, voice := withVoice(t)
	test.Tap(tileNamed(t, u, "Start"))
	test.Tap(tileNamed(t, u, "Listen"))
	got := strings.Join(voice.heard(t, u.reader), "|")
	want := "en: Who is answering?|en: Pick one answer.|en: Me, the young person|en: A parent or carer|en: Someone helping me|en: Someone else"
	if got != want {
		t.Fatalf("read\n%s\nwant\n%s", got, want)
	}
	if u.win.Canvas().Focused() != u.keys.options()[3] {
		t.Error("the answer read last is not lit up")
	}
}

func TestUI_SmallSpeakerReadsOneAnswer(t *testing.T) {
	u, _, voice := withVoice(t)
	test.Tap(tileNamed(t, u, "Start"))
	parent := tileNamed(t, u, "A parent or carer")
	if parent.listen == nil {
		t.Fatal("no small speaker beside the answer")
	}
	test.Tap(parent.listen)
	if got := voice.heard(t, u.reader); len(got) != 1 || got[0] != "en: A parent or carer" {
		t.Fatalf("the small speaker read %v", got)
	}
	if parent.Chosen() {
		t.Fatal("listening to an answer chose it")
	}
}

func TestUI_ReadToMeReadsEachScreenAndResets(t *testing.T) {
	u, clock, voice := withVoice(t)
	test.Tap(tileNamed(t, u, "Read to me"))
	if !tileNamed(t, u, "Read to me").Chosen() {
		t.Fatal("Read to me does not show as on")
	}
	voice.heard(t, u.reader)
	test.Tap(tileNamed(t, u, "Start"))
	if got := voice.heard(t, u.reader); len(got) != 6 || got[0] != "en: Who is answering?" {
		t.Fatalf("the question was not read as it opened: %v", got)
	}
	test.Tap(u.keys.options()[0])
	test.Tap(tileNamed(t, u, "Next"))
	if got := voice.heard(t, u.reader); len(got) == 0 || got[0] != "en: How old are you?" {
		t.Fatalf("the next screen was not read: %v", got)
	}
	// Walking away: the next person starts with the voice off.
	clock.Advance(IdleAfter)
	clock.Advance(GoneAfter)
	if u.Screen() != "welcome" || u.comfort.voice || tileNamed(t, u, "Read to me").Chosen() {
		t.Fatal("comfort settings were not reset for the next person")
	}
}

func TestUI_ComfortSettingsLastOnePerson(t *testing.T) {
	u, clock, _ := newTestUI(t)
	test.Tap(tileNamed(t, u, "Bigger words"))
	test.Tap(tileNamed(t, u, "Strong colours"))
	test.Tap(tileNamed(t, u, "No faces"))
	th := fyne.CurrentApp().Settings().Theme()
	if th.Size(theme.SizeNameText) != 35 || th.Color(theme.ColorNameBackground, 0) != contrastColours[theme.ColorNameBackground] {
		t.Fatalf("bigger words and strong colours not applied: %v", th.Size(theme.SizeNameText))
	}
	test.Tap(tileNamed(t, u, "Bigger words"))
	if fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText) != 42 {
		t.Fatal("the second step is not bigger")
	}
	test.Tap(tileNamed(t, u, "Start"))
	for u.Session().Current().Kind != survey.KindFaces {
		if opts := u.keys.options(); len(opts) > 0 {
			test.Tap(opts[0])
		}
		if u.Session().Current().ID == "age" {
			u.session.SetText("10")
		}
		test.Tap(tileNamed(t, u, "Next"))
	}
	for _, o := range u.keys.options() {
		if o.Picture != "" {
			t.Fatalf("a face picture shows although the person chose no faces: %s", o.Picture)
		}
	}
	clock.Advance(IdleAfter)
	clock.Advance(GoneAfter)
	th = fyne.CurrentApp().Settings().Theme()
	if th.Size(theme.SizeNameText) != 28 || th.Color(theme.ColorNameBackground, 0) != lightColours[theme.ColorNameBackground] || u.comfort != (comfort{}) {
		t.Fatal("comfort settings were not reset for the next person")
	}
}

func TestUI_WelshSurveyAndWords(t *testing.T) {
	u, clock, db := newTestUI(t)
	test.Tap(tileNamed(t, u, "Cymraeg"))
	test.Tap(tileNamed(t, u, "Dechrau"))
	onQuestion(t, u, "who")
	if text := screenText(u); !strings.Contains(text, "Pwy sy'n ateb?") || !strings.Contains(text, "Nesaf") || !strings.Contains(text, "Cwestiwn 1 o 11") {
		t.Fatalf("not in Welsh:\n%s", text)
	}
	test.Tap(tileNamed(t, u, "Nesaf"))
	if !strings.Contains(screenText(u), "Dewisa ateb, os gweli di'n dda.") {
		t.Fatalf("the refusal is not in Welsh:\n%s", screenText(u))
	}
	test.Tap(u.keys.options()[0])
	rid := u.Session().Response().ID
	test.Tap(tileNamed(t, u, "Nesaf"))
	r, _, err := db.Response(rid)
	if err != nil || r.Language != "cy" {
		t.Fatalf("response language %q (%v)", r.Language, err)
	}
	clock.Advance(IdleAfter)
	clock.Advance(GoneAfter)
	if u.Screen() != "welcome" || !strings.Contains(screenText(u), "Start") {
		t.Fatalf("the next person does not start in English:\n%s", screenText(u))
	}
}

// pressTab does what the desktop driver does with Tab: a widget that
// accepts Tab gets it, otherwise the focus moves on.
func pressTab(u *UI) {
	if t, ok := u.win.Canvas().Focused().(fyne.Tabbable); ok && t.AcceptsTab() {
		u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	u.win.Canvas().FocusNext()
}

// typeKeys types letters into whatever has focus, as a keyboard does.
func typeKeys(u *UI, s string) {
	for _, r := range s {
		if f := u.win.Canvas().Focused(); f != nil {
			f.TypedRune(r)
		} else if h := u.win.Canvas().OnTypedRune(); h != nil {
			h(r)
		}
	}
}

func TestUI_KeyboardOnlyWalk(t *testing.T) {
	u, _, db := newTestUI(t)
	press(u, fyne.KeyReturn) // Start has focus
	onQuestion(t, u, "who")
	rid := u.Session().Response().ID
	press(u, fyne.Key1)
	press(u, fyne.KeyPageDown)
	onQuestion(t, u, "age")
	typeKeys(u, "9")
	press(u, fyne.KeyReturn) // Enter in a number box goes on
	onQuestion(t, u, "has_plan")
	press(u, fyne.Key1) // Yes
	press(u, fyne.KeyPageDown)
	onQuestion(t, u, "about_plan")
	press(u, fyne.KeyPageDown)
	onQuestion(t, u, "last_meeting")
	press(u, fyne.Key5) // About when? first: the fifth tile is Choose the day
	press(u, fyne.Key2) // the second year on show: last year
	press(u, fyne.Key3) // March
	press(u, fyne.Key5) // the 5th
	press(u, fyne.KeyPageDown)
	if u.Session().Current().ID != "listened" {
		t.Fatalf("the date by keys: %s", screenText(u))
	}
	press(u, fyne.Key3)
	press(u, fyne.KeyPageDown)
	onQuestion(t, u, "plan_helps")
	press(u, fyne.Key4)
	press(u, fyne.KeyPageDown)
	onQuestion(t, u, "help_where")
	press(u, fyne.Key1)
	press(u, fyne.Key3)
	press(u, fyne.KeyPageDown)
	onQuestion(t, u, "school_help")
	press(u, fyne.Key1)
	press(u, fyne.KeyPageDown)
	onQuestion(t, u, "what_matters")
	press(u, fyne.Key1)
	press(u, fyne.Key3)
	press(u, fyne.KeyPageDown)
	onQuestion(t, u, "who_helps")
	press(u, fyne.KeyDown) // focus moves to the second answer
	press(u, fyne.KeySpace)
	press(u, fyne.KeyPageUp)
	onQuestion(t, u, "what_matters")
	press(u, fyne.KeyPageDown)
	press(u, fyne.KeyPageDown)
	onQuestion(t, u, "anything_else")
	typeKeys(u, "More help")
	press(u, fyne.KeyReturn) // a new line in a box for longer words
	typeKeys(u, "please")
	// Tab leaves the box, Shift+Tab... and Page Down goes on from anywhere.
	pressTab(u)
	if _, still := u.win.Canvas().Focused().(*typingBox); still {
		t.Fatal("Tab does not leave the box")
	}
	u.win.Canvas().Focus(first[*typingBox](u))
	press(u, fyne.KeyPageDown)
	if u.Screen() != "thanks" {
		t.Fatalf("Page Down in the box: on %s", u.Screen())
	}
	_, answers, err := db.Response(rid)
	if err != nil {
		t.Fatal(err)
	}
	lastYear := time.Now().Year() - 1
	want := map[string]string{"who": "self", "age": "9", "has_plan": "yes", "last_meeting": fmt.Sprintf("%d-03-05", lastYear),
		"listened": "3", "plan_helps": "4", "help_where": "school home", "school_help": "yes",
		"what_matters": "friends health", "who_helps": "teacher", "anything_else": "More help\nplease"}
	for id, v := range want {
		if answers[id].String() != v {
			t.Errorf("%s = %q, want %q (all: %v)", id, answers[id], v, answers)
		}
	}
}

func TestUI_TypingBoxIsNoTrap(t *testing.T) {
	u, _, _ := newTestUI(t)
	press(u, fyne.KeyReturn)
	press(u, fyne.Key1)
	press(u, fyne.KeyPageDown)
	onQuestion(t, u, "age")
	box := first[*typingBox](u)
	if u.win.Canvas().Focused() != box {
		t.Fatal("the number box does not have the cursor")
	}
	// Ctrl+Shift+S reaches the staff PIN pad from inside the box.
	box.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift})
	if u.Screen() != "set-pin" {
		t.Fatalf("the staff keys in a number box lead to %s", u.Screen())
	}
	// Enter presses OK on the PIN pad, wherever the focus is.
	typeKeys(u, "1234")
	press(u, fyne.KeyReturn)
	typeKeys(u, "1234")
	press(u, fyne.KeyReturn)
	if u.Screen() != "staff" {
		t.Fatalf("typing the PIN twice with Enter: on %s", u.Screen())
	}
}

func TestUI_NumberPadTypesWithTaps(t *testing.T) {
	u, _, db := newTestUI(t)
	test.Tap(tileNamed(t, u, "Start"))
	rid := u.Session().Response().ID
	test.Tap(tileNamed(t, u, "Someone else"))
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "age")
	test.Tap(tileNamed(t, u, "1"))
	test.Tap(tileNamed(t, u, "7"))
	test.Tap(tileNamed(t, u, "3"))
	test.Tap(tileNamed(t, u, "Rub out"))
	if got := first[*typingBox](u).Text; got != "17" {
		t.Fatalf("the box shows %q after 1, 7, 3 and Rub out", got)
	}
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "has_plan")
	_, answers, _ := db.Response(rid)
	if answers["age"].String() != "17" {
		t.Fatalf("saved %v", answers)
	}
}

func TestUI_SwitchScanningWalk(t *testing.T) {
	u, clock, db := newTestUI(t)
	if err := u.setScanning(2 * time.Second); err != nil {
		t.Fatal(err)
	}
	press(u, fyne.KeySpace) // Start
	onQuestion(t, u, "who")
	rid := u.Session().Response().ID
	if u.win.Canvas().Focused() != u.keys.options()[0] {
		t.Fatal("scanning does not light the first answer")
	}
	clock.Advance(2 * time.Second)
	if u.win.Canvas().Focused() != u.keys.options()[1] {
		t.Fatal("scanning does not move to the second answer")
	}
	press(u, fyne.KeySpace) // choose "A parent or carer": Next lights up
	press(u, fyne.KeySpace) // Next
	onQuestion(t, u, "age")
	lightUp(t, u, clock, "Next") // the number keys light up first: wait for Next
	press(u, fyne.KeySpace)
	onQuestion(t, u, "has_plan")
	clock.Advance(2 * time.Second) // to "No"
	press(u, fyne.KeySpace)
	press(u, fyne.KeySpace)
	for i := 0; u.Screen() == "question" && i < 40; i++ {
		if n := len(u.keys.options()); n > 0 {
			press(u, fyne.KeySpace) // the first answer, lit first
		}
		lightUp(t, u, clock, "Next")
		press(u, fyne.KeySpace) // Next
	}
	_, answers, _ := db.Response(rid)
	if answers["who"].String() != "parent" || answers["has_plan"].String() != "no" || answers["who_helps"].String() != "family" {
		t.Fatalf("scanning answers: %v", answers)
	}
}

// lightUp waits, as a switch user does, until scanning lights the tile.
func lightUp(t *testing.T, u *UI, clock *fakeClock, label string) {
	t.Helper()
	for i := 0; i < 60; i++ {
		if f, ok := u.win.Canvas().Focused().(*tile); ok && f.Label == label {
			return
		}
		clock.Advance(2 * time.Second)
	}
	t.Fatalf("scanning never lit %q on %s", label, u.Screen())
}

func TestUI_ConsentNoSavesNothing(t *testing.T) {
	u, _, db := newTestUI(t)
	u.survey.Consent = true
	test.Tap(tileNamed(t, u, "Start"))
	if u.Screen() != "consent" || !strings.Contains(screenText(u), "You can stop at any time.") {
		t.Fatalf("no consent screen: %s", u.Screen())
	}
	test.Tap(tileNamed(t, u, "No"))
	if u.Screen() != "welcome" || u.Session() != nil {
		t.Fatalf("No does not go back to welcome: %s", u.Screen())
	}
	test.Tap(tileNamed(t, u, "Start"))
	test.Tap(tileNamed(t, u, "Yes"))
	onQuestion(t, u, "who")
	if c, _ := db.CountResponses("", time.Time{}); c.Total() != 0 {
		t.Fatalf("%d responses saved before any answer", c.Total())
	}
}

func TestUI_StopKeepsOrThrowsAway(t *testing.T) {
	for _, keep := range []bool{true, false} {
		u, _, db := newTestUI(t)
		if !keep {
			u.survey.OnStop = "discard"
		}
		test.Tap(tileNamed(t, u, "Start"))
		test.Tap(u.keys.options()[0])
		rid := u.Session().Response().ID
		test.Tap(tileNamed(t, u, "Next"))
		test.Tap(tileNamed(t, u, "Stop"))
		want := "We will keep your answers so far."
		if !keep {
			want = "We will throw away your answers so far."
		}
		if u.Screen() != "stop" || !strings.Contains(screenText(u), want) {
			t.Fatalf("keep=%v: %s\n%s", keep, u.Screen(), screenText(u))
		}
		test.Tap(tileNamed(t, u, "No, carry on"))
		onQuestion(t, u, "age")
		test.Tap(tileNamed(t, u, "Stop"))
		test.Tap(tileNamed(t, u, "Yes, stop"))
		if u.Screen() != "welcome" {
			t.Fatalf("stopping goes to %s", u.Screen())
		}
		r, answers, err := db.Response(rid)
		switch {
		case keep && (err != nil || r.Status != survey.Incomplete || answers["who"].String() != "self"):
			t.Errorf("kept: %+v %v %v", r, answers, err)
		case !keep && err == nil:
			t.Errorf("thrown away, but the response is still there: %+v %v", r, answers)
		}
	}
}

func TestUI_StartsInTheSurveysFirstLanguage(t *testing.T) {
	a := test.NewTempApp(t)
	db, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	data, _ := assets.BuiltinSurvey("ehc-plan")
	s, err := survey.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	s.Languages = []string{"cy", "en"} // Welsh first
	if _, err := db.Publish(s); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	u, err := New(a, w, Config{DB: db, Clock: &fakeClock{}, Quit: func() {}})
	if err != nil {
		t.Fatal(err)
	}
	defer useLanguage("en")
	w.Resize(fyne.NewSize(1366, 768))
	u.Start()
	if !strings.Contains(screenText(u), "Dechrau") || !strings.Contains(screenText(u), "Dy gynllun") {
		t.Fatalf("a Welsh-first survey starts with:\n%s", screenText(u))
	}
}

// With a voice, each answer has a small speaker that takes focus: keys
// pressed there must still reach the screen.
func TestUI_SmallSpeakerIsNoTrap(t *testing.T) {
	u, _, voice := withVoice(t)
	press(u, fyne.KeyReturn)
	onQuestion(t, u, "who")
	press(u, fyne.KeyDown) // from "Me, the young person" to its speaker
	if _, ok := u.win.Canvas().Focused().(*speakerButton); !ok {
		t.Fatalf("Down went to %T, not the answer's speaker", u.win.Canvas().Focused())
	}
	press(u, fyne.KeySpace) // Space on the speaker reads that answer
	if got := voice.heard(t, u.reader); len(got) != 1 || got[0] != "en: Me, the young person" {
		t.Fatalf("the speaker read %v", got)
	}
	press(u, fyne.Key2)
	if !u.keys.options()[1].Chosen() {
		t.Fatal("2 on a speaker chose nothing")
	}
	press(u, fyne.KeyPageDown)
	onQuestion(t, u, "age")
}
