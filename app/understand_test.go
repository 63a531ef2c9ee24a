package app

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// hardMarks is every hard-word mark saved in db for the built-in survey,
// as "question word", sorted.
func hardMarks(tb testing.TB, db *store.DB) []string {
	tb.Helper()
	marks, err := db.HardWords(context.Background(), "ehc-plan")
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, ms := range marks {
		for _, m := range ms {
			out = append(out, m.Question+" "+m.Word)
		}
	}
	slices.Sort(out)
	return out
}

// finishByKeys answers whatever is on screen with the keys until the
// thank-you screen: the first answer, a number, a date by its tiles.
func finishByKeys(tb testing.TB, u *UI) {
	tb.Helper()
	for i := 0; u.Screen() == "question" && i < 40; i++ {
		switch u.Session().Current().Kind {
		case survey.KindDate:
			press(u, fyne.Key2)
			press(u, fyne.Key3)
			press(u, fyne.Key5)
		case survey.KindNumber:
			typeKeys(u, "9")
		default:
			if len(u.keys.options()) > 0 {
				press(u, fyne.Key1)
			}
		}
		press(u, fyne.KeyPageDown)
	}
	if u.Screen() != "thanks" {
		tb.Fatalf("the survey did not finish: on %s", u.Screen())
	}
}

func TestUnderstand_ChooseAWordThenBackWithTheAnswer(t *testing.T) {
	u, _, db := newTestUI(t)
	test.Tap(tileNamed(t, u, "Start"))
	onQuestion(t, u, "who")
	rid := u.Session().Response().ID
	test.Tap(tileNamed(t, u, "A parent or carer"))

	test.Tap(tileNamed(t, u, "I don't understand"))
	if u.Screen() != "understand" || !strings.Contains(screenText(u), "Which word is hard?") {
		t.Fatalf("after I don't understand: %s\n%s", u.Screen(), screenText(u))
	}
	var words []string
	for _, w := range u.keys.options() {
		words = append(words, w.Label)
	}
	if want := []string{"Who", "is", "answering"}; !slices.Equal(words, want) {
		t.Errorf("word tiles %q, want %q", words, want)
	}
	test.Tap(tileNamed(t, u, "answering"))
	onQuestion(t, u, "who")
	if !tileNamed(t, u, "A parent or carer").Chosen() {
		t.Fatal("the answer was lost on the way back")
	}
	if !strings.Contains(screenText(u), "Thank you for telling us.") {
		t.Errorf("no thanks after choosing a word: %s", screenText(u))
	}
	// All of it, then None: None saves nothing.
	test.Tap(tileNamed(t, u, "I don't understand"))
	test.Tap(tileNamed(t, u, "All of it"))
	onQuestion(t, u, "who")
	test.Tap(tileNamed(t, u, "I don't understand"))
	test.Tap(tileNamed(t, u, "None, go back"))
	onQuestion(t, u, "who")
	if strings.Contains(screenText(u), "Thank you for telling us.") {
		t.Error("thanks for choosing nothing")
	}
	if got, want := hardMarks(t, db), []string{"who (all)", "who answering"}; !slices.Equal(got, want) {
		t.Fatalf("hard_words rows %q, want %q", got, want)
	}
	test.Tap(tileNamed(t, u, "Next"))
	finishByKeys(t, u)
	r, answers, err := db.Response(rid)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != survey.Complete || answers["who"].String() != "parent" {
		t.Errorf("after finishing: %+v, answers %v", r, answers)
	}
	if got := hardMarks(t, db); len(got) != 2 {
		t.Errorf("marks after finishing: %q", got)
	}
}

func TestUnderstand_EasierWordsAndReadAgain(t *testing.T) {
	u, _, voice := withVoice(t)
	for i := range u.survey.Questions {
		if u.survey.Questions[i].ID == "who" {
			u.survey.Questions[i].Easier = survey.Text{"en": "Are you the young person? Or someone else?"}
		}
	}
	test.Tap(tileNamed(t, u, "Start"))
	voice.heard(t, u.reader)
	test.Tap(tileNamed(t, u, "I don't understand"))
	if !strings.Contains(screenText(u), "Are you the young person? Or someone else?") {
		t.Errorf("the easier words are not shown: %s", screenText(u))
	}
	got := strings.Join(voice.heard(t, u.reader), "|")
	want := "en: Who is answering?|en: Pick one answer.|en: In easier words:|en: Are you the young person? Or someone else?|en: Which word is hard?"
	if got != want {
		t.Errorf("read aloud:\n%s\nwant\n%s", got, want)
	}
}

func TestUnderstand_KeysOnly(t *testing.T) {
	u, _, db := newTestUI(t)
	press(u, fyne.KeyReturn) // Start
	onQuestion(t, u, "who")
	press(u, fyne.Key2)
	// Down moves the focus on past the answers to the buttons.
	for i := 0; i < 20; i++ {
		if f, ok := u.win.Canvas().Focused().(*tile); ok && f.Label == "I don't understand" {
			break
		}
		press(u, fyne.KeyDown)
	}
	press(u, fyne.KeySpace)
	if u.Screen() != "understand" {
		t.Fatalf("Space on I don't understand: on %s", u.Screen())
	}
	press(u, fyne.KeyPageUp) // back, nothing marked
	onQuestion(t, u, "who")
	if !u.keys.options()[1].Chosen() {
		t.Fatal("the answer chosen by keys was lost")
	}
	u.showUnderstand()
	press(u, fyne.Key1) // "Who"
	onQuestion(t, u, "who")
	if got := hardMarks(t, db); !slices.Equal(got, []string{"who who"}) {
		t.Fatalf("marks by keys %q", got)
	}
}

func TestUnderstand_SwitchScanning(t *testing.T) {
	u, clock, db := newTestUI(t)
	if err := u.setScanning(2 * time.Second); err != nil {
		t.Fatal(err)
	}
	press(u, fyne.KeySpace) // Start
	onQuestion(t, u, "who")
	press(u, fyne.KeySpace) // the first answer
	lightUp(t, u, clock, "I don't understand")
	press(u, fyne.KeySpace)
	if u.Screen() != "understand" {
		t.Fatalf("scanning: on %s", u.Screen())
	}
	lightUp(t, u, clock, "is")
	press(u, fyne.KeySpace)
	onQuestion(t, u, "who")
	if !u.keys.options()[0].Chosen() {
		t.Fatal("the answer chosen by scanning was lost")
	}
	lightUp(t, u, clock, "I don't understand")
	press(u, fyne.KeySpace)
	lightUp(t, u, clock, "None, go back")
	press(u, fyne.KeySpace)
	onQuestion(t, u, "who")
	if got := hardMarks(t, db); !slices.Equal(got, []string{"who is"}) {
		t.Fatalf("marks by scanning %q", got)
	}
}

// TestUnderstand_FiveButtonsFit checks the question screen's bottom row
// with Listen, which RenderScreens leaves out (it has no voice): Back,
// Listen, I don't understand, Stop and Next, at every size and comfort
// the fit test checks, in English and Welsh, and the "I don't
// understand" screen with its Listen button.
func TestUnderstand_FiveButtonsFit(t *testing.T) {
	u, _, _ := withVoice(t)
	test.Tap(tileNamed(t, u, "Start"))
	test.Tap(tileNamed(t, u, "Someone else"))
	test.Tap(tileNamed(t, u, "Next")) // Back shows from the second question on
	for _, l := range []string{"en", "cy"} {
		useLanguage(l)
		for _, size := range fitSizes {
			for name, c := range fitComforts {
				if size.Width == 1024 && c.Bigger == 2 {
					continue // the fit test's known gap
				}
				u.comfort = comfort{bigger: c.Bigger, contrast: c.Strong, noFaces: c.NoFaces}
				u.setTheme()
				u.win.Resize(size)
				for _, show := range []func(){u.showQuestion, u.showUnderstand} {
					show()
					u.win.Resize(size)
					if p := FitProblems(u.win); len(p) > 0 {
						t.Errorf("%s %.0fx%.0f %s on %s:\n\t%s", l, size.Width, size.Height, name, u.Screen(), strings.Join(p, "\n\t"))
					}
				}
			}
		}
	}
	useLanguage("en")
	u.comfort = comfort{}
	u.setTheme()
}
