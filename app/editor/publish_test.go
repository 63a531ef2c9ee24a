package editor

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/app"
	"speakeasy/app/internal/person"
	"speakeasy/survey/fake"
)

// TestPublish_AsksAboutWordsAndSaysWhereAnswersGo: publishing words with
// notes asks first, listing them with their question and language by
// name, and "No" publishes nothing; after publishing, the editor says
// what happens to the answers given so far, and the list counts them by
// version.
func TestPublish_AsksAboutWordsAndSaysWhereAnswersGo(t *testing.T) {
	p, s, db := newTestPanel(t)
	if _, err := fake.Responses(context.Background(), db, s, fake.Options{Count: 12, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	e := editSurvey(t, p, "ehc-plan")
	n := questionIndex(t, e, s.Questions[0].ID)
	e.choose(n)
	input[*widget.Entry](t, e, lk(n, "text", "cy")).SetText("")

	me := person.New(t, p.win)
	me.Tap("Publish")
	asked := me.Sees()
	for _, want := range []string{"Things to look at in the words:", "Question 1 (Cymraeg): These words are missing in Cymraeg. The question's words.", "Publish anyway?"} {
		if !strings.Contains(asked, want) {
			t.Errorf("before publishing, the question does not say %q:\n%s", want, asked)
		}
	}
	me.Tap("No")
	if v, _ := db.Survey("ehc-plan", 0); v.Version != 1 {
		t.Fatalf("saying no published version %d", v.Version)
	}

	me.Tap("Publish")
	me.Tap("Yes")
	if want := "Published as version 2. The 12 answers given so far stay with the version they answered. New answers use version 2. Export shows them all."; e.message.Text != want {
		t.Fatalf("after publishing: %q", e.message.Text)
	}
	test.Tap(editorButton(t, p.root, "Back to the list"))
	p.selectID("ehc-plan")
	_, about := p.rows[p.selected].describe(p.kiosk)
	if !strings.Contains(about, "Version 2") || !strings.Contains(about, "version 1: ") {
		t.Errorf("the list says %q", about)
	}
}

// TestPublish_LanguageWithMissingWords: with Welsh words missing, staff
// see which questions lack them and choose: offer Welsh anyway, or not
// offer it in this version. The welcome screen then offers what they
// chose, and Welsh words left out wait in the draft.
func TestPublish_LanguageWithMissingWords(t *testing.T) {
	tests := []struct {
		name      string
		choose    string // the choice for Cymraeg
		languages string // of the published version
		welcome   bool   // the welcome screen offers Cymraeg
	}{
		{"offered anyway", "Offer Cymraeg: where its words are missing, people read English", "en cy", true},
		{"not offered", "Do not offer Cymraeg to participants in this version", "en", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, db := newTestPanel(t)
			e := editSurvey(t, p, "ehc-plan")
			n := questionIndex(t, e, "has_plan")
			e.choose(n)
			input[*widget.Entry](t, e, lk(n, "text", "cy")).SetText("")
			input[*widget.Entry](t, e, lk(n, "hint", "cy")).SetText("")

			me := person.New(t, p.win)
			me.Tap("Publish")
			asked := me.Sees()
			if want := "Question 3 (Cymraeg): These words are missing in Cymraeg. The question's words, the hint."; !strings.Contains(asked, want) {
				t.Errorf("before publishing, the question does not say %q:\n%s", want, asked)
			}
			me.Tap(tt.choose)
			me.Tap("Yes")

			v2, err := db.Survey("ehc-plan", 0)
			if err != nil {
				t.Fatal(err)
			}
			if v2.Version != 2 || strings.Join(v2.Languages, " ") != tt.languages {
				t.Fatalf("version %d in languages %v", v2.Version, v2.Languages)
			}
			if hasCy := v2.Title["cy"] != ""; hasCy != tt.welcome {
				t.Errorf("the published title has Welsh: %v", hasCy)
			}
			draft, err := db.Draft("ehc-plan")
			switch {
			case tt.welcome && err == nil:
				t.Errorf("a draft is left after publishing everything")
			case !tt.welcome && (err != nil || !slices.Contains(draft.Languages, "cy") || draft.Title["cy"] == "" || draft.Version != 2):
				t.Errorf("the Welsh words are not kept in the draft: %v %+v", err, draft)
			case !tt.welcome && !strings.Contains(e.message.Text, "Participants cannot choose Cymraeg in version 2."):
				t.Errorf("after publishing: %q", e.message.Text)
			}

			// What a participant sees at the welcome screen now.
			w := test.NewTempWindow(t, nil)
			w.Resize(fyne.NewSize(1366, 768))
			u, err := app.New(fyne.CurrentApp(), w, app.Config{DB: db, Clock: stillClock{}, Quit: func() {}})
			if err != nil {
				t.Fatal(err)
			}
			u.Start()
			welcome := person.New(t, w).Sees()
			if u.Screen() != "welcome" || strings.Contains(welcome, "Cymraeg") != tt.welcome {
				t.Errorf("the %s screen offers Cymraeg: %v, want %v:\n%s", u.Screen(), !tt.welcome, tt.welcome, welcome)
			}
		})
	}
}

// TestAdviceList_OneLineForEachPartAndLanguage: each line says where the
// words are missing, no two lines are the same, and the list stops at
// adviceShown lines.
func TestAdviceList_OneLineForEachPartAndLanguage(t *testing.T) {
	p, s, _ := newTestPanel(t)
	e := editSurvey(t, p, "ehc-plan")
	for i := range e.draft.Questions {
		q := &e.draft.Questions[i]
		delete(q.Text, "cy")
		for j := range q.Choices {
			delete(q.Choices[j].Text, "cy")
		}
	}
	e.recheck()
	list := adviceList(e.draft, e.notes, missingWords(e.draft))
	lines := strings.Split(list, "\n")
	seen := map[string]bool{}
	bullets := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "•") {
			bullets++
			if seen[l] {
				t.Errorf("twice: %q", l)
			}
			seen[l] = true
		}
	}
	if bullets != adviceShown || !strings.Contains(list, "more.") {
		t.Errorf("%d lines listed:\n%s", bullets, list)
	}
	if want := "• Question 1 (Cymraeg): These words are missing in Cymraeg. The question's words, the answer “" + s.Questions[0].Choices[0].Text["en"] + "”"; !strings.Contains(list, want) {
		t.Errorf("the list does not say %q:\n%s", want, list)
	}
}
