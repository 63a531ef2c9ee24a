package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey"
)

func TestEditor_SaysWhichWordsPeopleFoundHard(t *testing.T) {
	p, s, db := newTestPanel(t)
	// Four people reach "has_plan": two mark a word, one the whole question.
	for _, marks := range [][]string{{"plan", "health"}, {"Plan?"}, {survey.AllWords}, nil} {
		ss := survey.NewSession(s, survey.SessionOptions{Language: "en", DeviceID: db.DeviceID(), Saver: db})
		ss.Preview("has_plan")
		for _, w := range marks {
			if err := ss.MarkHard(w); err != nil {
				t.Fatal(err)
			}
		}
		ss.Tap("yes")
		if err := ss.Next(); err != nil {
			t.Fatal(err)
		}
	}
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
