package check

import (
	"strings"
	"testing"

	"speakeasy/survey"
)

// ownSurvey is a survey in English and Welsh with one question and the
// given hard words of its own.
func ownSurvey(en, cy string, own ...survey.JargonWord) *survey.Survey {
	return &survey.Survey{ID: "s", Languages: []string{"en", "cy"}, Jargon: own, Questions: []survey.Question{
		{ID: "q", Kind: survey.KindNote, Picture: "x", Text: survey.Text{"en": en, "cy": cy}},
	}}
}

func TestSurvey_UsesTheSurveysOwnHardWords(t *testing.T) {
	review := survey.JargonWord{Lang: "en", Words: "review", Plainer: "meeting to look again at your plan"}
	for _, tc := range []struct {
		name   string
		s      *survey.Survey
		list   *Jargon // nil: the starter list
		want   []string
		absent string // a message that must not be there
	}{
		{name: "an own word warns with its plainer word",
			s:    ownSurvey("Did you have a review?", "Gest ti adolygiad?", review),
			want: []string{`question "q", field text, language en: People who answer this survey find "review" hard. Try "meeting to look again at your plan".`}},
		{name: "in any case and with an s",
			s:    ownSurvey("Reviews happen each year.", "Bob blwyddyn.", review),
			want: []string{`question "q", field text, language en: People who answer this survey find "Reviews" hard. Try "meeting to look again at your plan".`}},
		{name: "an English word does not warn in Welsh",
			s:    ownSurvey("Hello.", "Gest ti review?", review),
			want: nil},
		{name: "a Welsh word warns in Welsh",
			s:    ownSurvey("Hello.", "Gest ti adolygiad?", survey.JargonWord{Lang: "cy", Words: "adolygiad", Plainer: "cyfarfod"}),
			want: []string{`question "q", field text, language cy: People who answer this survey find "adolygiad" hard. Try "cyfarfod".`}},
		{name: "an own word replaces the starter list's",
			s:      ownSurvey("We facilitate it.", "Iawn.", survey.JargonWord{Lang: "en", Words: "Facilitate", Plainer: "make it easy"}),
			want:   []string{`question "q", field text, language en: People who answer this survey find "facilitate" hard. Try "make it easy".`},
			absent: `Try "help".`},
		{name: "the starter list still warns beside own words",
			s: ownSurvey("A review to facilitate it.", "Iawn.", review),
			want: []string{
				`question "q", field text, language en: People who answer this survey find "review" hard. Try "meeting to look again at your plan".`,
				`question "q", field text, language en: Some people will not know "facilitate". Try "help".`,
			}},
		{name: "own words on top of a list given with --jargon",
			s:    ownSurvey("A review to facilitate a widget.", "Iawn.", review),
			list: mustParse(t, "widget -> thing\n"),
			want: []string{
				`question "q", field text, language en: People who answer this survey find "review" hard. Try "meeting to look again at your plan".`,
				`question "q", field text, language en: Some people will not know "widget". Try "thing".`,
			}},
		{name: "an entry with no plainer word is left out, not a crash",
			s:    ownSurvey("A review.", "Iawn.", survey.JargonWord{Lang: "en", Words: "review"}),
			want: nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, w := range Survey(tc.s, tc.list) {
				got = append(got, w.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if tc.absent != "" && strings.Contains(strings.Join(got, "\n"), tc.absent) {
				t.Errorf("the warnings say %q", tc.absent)
			}
		})
	}
}

func mustParse(t *testing.T, list string) *Jargon {
	t.Helper()
	j, err := ParseJargon(strings.NewReader(list))
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func TestWithSurvey_NoOwnWordsIsTheListItself(t *testing.T) {
	if got := WithSurvey(nil, ownSurvey("a", "b")); got != Starter() {
		t.Error("a survey without its own words did not get the starter list")
	}
	j := WithSurvey(nil, ownSurvey("a", "b", survey.JargonWord{Lang: "en", Words: "respite", Plainer: "time off"}))
	if n, want := len(j.Entries()), len(Starter().Entries()); n != want {
		t.Errorf("%d entries, want %d: the survey's respite replaces the starter list's", n, want)
	}
	if e := j.Entries()[0]; e.Words != "respite" || e.Plain != "time off" || !e.Own {
		t.Errorf("first entry %+v, want the survey's own", e)
	}
	if Starter().Entries()[0].Own {
		t.Error("the starter list was changed")
	}
}

func TestPeople_QuietOnceTheWordIsOnTheSurveysList(t *testing.T) {
	s := ownSurvey("Was the review useful?", "Iawn.", survey.JargonWord{Lang: "en", Words: "Review", Plainer: "meeting"})
	if ws := People(s, []Marked{{"q", "en", "review", 3}}); len(ws) != 0 {
		t.Errorf("People warns about a word the survey's own list has: %v", ws)
	}
	s.Jargon = nil
	if ws := People(s, []Marked{{"q", "en", "review", 3}}); len(ws) != 1 {
		t.Errorf("without the list, People warns %v, want 1 warning", ws)
	}
}
