package editor

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey/fake"
)

// TestPublish_AsksAboutWordsAndSaysWhereAnswersGo: publishing words with
// notes asks first, listing them with their question and language by
// name, and "no" publishes nothing; after publishing, the editor says
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

	var asked string
	p.confirm = func(question string, _ func()) { asked = question } // staff say no
	test.Tap(editorButton(t, p.root, "Publish"))
	if !strings.Contains(asked, "Things to look at in the words:") || !strings.Contains(asked, "Question 1 (Cymraeg)") {
		t.Fatalf("before publishing, the question was:\n%s", asked)
	}
	if v, _ := db.Survey("ehc-plan", 0); v.Version != 1 {
		t.Fatalf("saying no published version %d", v.Version)
	}

	p.confirm = func(_ string, yes func()) { yes() }
	test.Tap(editorButton(t, p.root, "Publish"))
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
