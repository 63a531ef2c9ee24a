package check

import (
	"strings"
	"testing"

	"speakeasy/survey"
)

func TestPeople_WarnsWhileTheWordIsThere(t *testing.T) {
	s := &survey.Survey{ID: "s", Languages: []string{"en", "cy"}, Questions: []survey.Question{
		{ID: "review", Kind: survey.KindNote, Text: survey.Text{"en": "Was the Review useful?", "cy": "Oedd yr adolygiad yn dda?"}},
		{ID: "plan", Kind: survey.KindNote, Text: survey.Text{"en": "Is your plan good?"}, Easier: survey.Text{"en": "Does it help?"}},
	}}
	marked := []Marked{
		{"review", "en", "review", 3},
		{"review", "cy", "adolygiad", 1},
		{"review", "en", survey.AllWords, 2},
		{"review", "en", "assessment", 4},  // changed since: no warning
		{"plan", "en", survey.AllWords, 5}, // has easier words now
		{"gone", "en", "word", 1},          // no such question now
	}
	var got []string
	for _, w := range People(s, marked) {
		got = append(got, w.String())
	}
	want := []string{
		`question "review", field text, language en: 3 people found "review" hard. Try a plainer word, or give easier words for this question.`,
		`question "review", field text, language cy: 1 person found "adolygiad" hard. Try a plainer word, or give easier words for this question.`,
		`question "review", field text, language en: 2 people found this whole question hard. Say it more simply, or give easier words for it.`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSurvey_ChecksEasierWords(t *testing.T) {
	s := &survey.Survey{ID: "s", Languages: []string{"en"}, Questions: []survey.Question{
		{ID: "q", Kind: survey.KindNote, Picture: "x", Text: survey.Text{"en": "Hello."},
			Easier: survey.Text{"en": "Do you get your SEND support?"}},
	}}
	var found bool
	for _, w := range Survey(s, nil) {
		found = found || (w.Field == "easier" && w.Found == "SEND")
	}
	if !found {
		t.Errorf("the easier words were not checked: %v", Survey(s, nil))
	}
}
