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

// wordTiles are the labels of every word tile on the "I don't understand"
// screen, on every page, in order.
func wordTiles(tb testing.TB, u *UI) []string {
	tb.Helper()
	scr, ok := u.win.Content().(*fyne.Container).Layout.(*screen)
	if !ok || u.Screen() != "understand" {
		tb.Fatalf("not on the I don't understand screen: %s", u.Screen())
	}
	var out []string
	for _, g := range scr.groups {
		for _, t := range g.tiles {
			out = append(out, t.Label)
		}
	}
	return out
}

// TestUnderstand_TilesAreTheQuestionsWordsOnly checks that the word tiles
// are each word of the question, once, in the participant's language:
// never the hint's words or the easier words, which are not what they
// were asked about.
func TestUnderstand_TilesAreTheQuestionsWordsOnly(t *testing.T) {
	u, _, _ := newTestUI(t)
	age := u.survey.Question("age")
	age.Easier = survey.Text{"en": "Tell us your years. Round down.", "cy": "Dywed faint o flynyddoedd."}
	u.survey.Question("who_helps").Text["en"] = "Who helps you? Who helps you most?"
	for _, tc := range []struct {
		lang, question string
		want           []string
	}{
		// The hint: "Parents and carers: please write your child's age."
		{"en", "age", []string{"How", "old", "are", "you"}},
		{"cy", "age", []string{"Faint", "yw", "dy", "oed", "di"}},
		// The hint: "Your plan says what help you should get."
		{"en", "has_plan", []string{"Do", "you", "have", "a", "plan", "for", "school", "health", "and", "care"}},
		// A word twice is one tile, whatever its case.
		{"en", "who_helps", []string{"Who", "helps", "you", "most"}},
	} {
		t.Run(tc.lang+" "+tc.question, func(t *testing.T) {
			u.session = survey.NewSession(u.survey, survey.SessionOptions{Language: tc.lang})
			u.session.Preview(tc.question)
			u.showUnderstand()
			if got := wordTiles(t, u); !slices.Equal(got, tc.want) {
				t.Errorf("word tiles %q, want %q", got, tc.want)
			}
		})
	}
	// Every question with a hint, in both languages: no tile is a word
	// found only in the hint or the easier words.
	for _, q := range u.survey.Questions {
		for _, l := range u.survey.Languages {
			u.session = survey.NewSession(u.survey, survey.SessionOptions{Language: l})
			u.session.Preview(q.ID)
			u.showUnderstand()
			own := map[string]bool{}
			for _, w := range survey.QuestionWords(q.Text[l]) {
				own[strings.ToLower(w)] = true
			}
			got := wordTiles(t, u)
			if len(got) != len(own) {
				t.Errorf("%s in %s: %d tiles %q for the question's %d words", q.ID, l, len(got), got, len(own))
			}
			for _, w := range got {
				if !own[strings.ToLower(w)] {
					t.Errorf("%s in %s: the tile %q is not a word of the question %q", q.ID, l, w, q.Text[l])
				}
			}
		}
	}
}
