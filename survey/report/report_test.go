package report

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/check"
)

func TestReport_SaysWhatPeopleSaid(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	text := mustReport(t, db, Filter{SurveyID: "club"}, Options{})
	assertContains(t, text,
		"You said", "Our family day", "30 people answered.",
		"Where: Spring family day.", "When: March 2024.",
		// fun: the 3 who said Not good join the 7 who said OK.
		"30 people answered this question.", "Most people said “Good”.",
		"20 people said “Good”.", "10 people said “Not good” or “OK”.",
		// travel: the 2 by taxi join the 6 who walked.
		"29 people answered this question.", "More people said “Bus” than anything else.",
		"12 people said “Bus”.", "9 people said “Car”.", "8 people said “Walk” or “Taxi”.",
		// help: one person can choose several, so small ones are named without a number.
		"21 people answered this question.", "Most people chose “School”.",
		"18 people chose “School”.", "7 people chose “Doctor”.", "Fewer than 5 people chose “Family”.",
		// age: ranges two years wide; the 3 aged 16 join the 14 and 15 year olds.
		"8 people said 8 to 9.", "7 people said 10 to 11.", "6 people said 12 to 13.", "9 people said 14 to 17.",
		// meeting: by month; December's 2 join January.
		"12 people said December 2023 to January 2024.", "10 people said February 2024.", "7 people said March 2024.",
		// secret: only 3 answered.
		"Do you like secrets? Not enough people answered this question to show it.",
		// more: typed words stay private.
		"10 people wrote an answer.", "We keep their words private.",
		"One picture stands for 2 people.",
	)
	assertLacks(t, text, "Sam Jones", "The bus was late", "“Yes”", "“No”", "3 people", "people said “Not good”.")
	assertNoSmallCounts(t, text, 5)
}

func TestReport_SmallNumbersStayPrivate(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	tests := []struct {
		k          int
		want, lack []string
	}{
		{k: 3, want: []string{"3 people said “Not good”.", "7 people said “OK”.", "Do you like secrets? 3 people answered this question.", "8 people said “Walk” or “Taxi”.", "3 people chose “Family”.", "3 people said “Yes” or “No”."}},
		{k: 10, want: []string{"20 people said “Good”.", "10 people said “Not good” or “OK”.", "12 people said “Bus”.", "17 people said “Car”, “Walk” or “Taxi”.",
			"Fewer than 10 people chose “Doctor”.", "Do you like secrets? Not enough people answered"},
			lack: []string{"7 people chose"}},
		{k: 31, want: nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("at least %d", tt.k), func(t *testing.T) {
			if tt.k > 30 {
				res, err := Tally(context.Background(), db, Filter{SurveyID: "club"})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := plan(res, Options{MinPeople: tt.k}); err == nil || !strings.Contains(err.Error(), "not enough people answered") {
					t.Fatalf("30 people with a threshold of 31: error %v, want not enough people", err)
				}
				return
			}
			text := mustReport(t, db, Filter{SurveyID: "club"}, Options{MinPeople: tt.k})
			assertContains(t, text, tt.want...)
			assertLacks(t, text, tt.lack...)
			assertNoSmallCounts(t, text, tt.k)
		})
	}
}

func TestReport_Welsh(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	text := mustReport(t, db, Filter{SurveyID: "club"}, Options{Lang: "cy"})
	assertContains(t, text,
		"Dywedoch chi", "Ein diwrnod teulu", "Atebodd 30 o bobl.", "Pryd: Mawrth 2024.",
		"Oedd y diwrnod yn hwyl?", "Dywedodd y rhan fwyaf o bobl “Da”.", "Dywedodd 20 o bobl “Da”.",
		"Dywedodd 10 o bobl “Ddim yn dda” neu “Iawn”.", "Dewisodd llai na 5 o bobl “Teulu”.",
		"Dywedodd 8 o bobl 8 i 9.", "Dywedodd 12 o bobl Rhagfyr 2023 i Ionawr 2024.",
		"Does dim digon o bobl wedi ateb y cwestiwn hwn i'w ddangos.",
		"Ysgrifennodd 10 o bobl ateb.", "Rydyn ni'n cadw eu geiriau yn breifat.", "Tudalen 2",
	)
	assertLacks(t, text, "people", "Page", "Sam Jones")
	assertNoSmallCounts(t, text, 5)
}

func TestReport_QuotesOnlyWhenChosen(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	tests := []struct {
		name       string
		quotes     []string
		want, lack []string
	}{
		{"none chosen", nil, []string{"We keep their words private."}, []string{"The bus was late", "Nice garden", "Sam Jones"}},
		{"two chosen", []string{"The bus was late.", " Nice garden. "},
			[]string{"Here are some things people wrote.", "“The bus was late.”", "“Nice garden.”"},
			[]string{"We keep their words private.", "Sam Jones", "More chairs"}},
		{"words nobody wrote", []string{"Everything was perfect."}, []string{"We keep their words private."}, []string{"Everything was perfect"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := mustReport(t, db, Filter{SurveyID: "club"}, Options{Quotes: map[string][]string{"more": tt.quotes}})
			assertContains(t, text, tt.want...)
			assertLacks(t, text, tt.lack...)
		})
	}
}

func TestReport_WeWillPage(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	text := mustReport(t, db, Filter{SurveyID: "club"}, Options{WeWill: "- We will ask the bus company to come on time.\n\n• We will have more chairs."})
	assertContains(t, text, "What we will do We will ask the bus company to come on time. We will have more chairs.")
	if text := mustReport(t, db, Filter{SurveyID: "club"}, Options{}); strings.Contains(text, "What we will do") {
		t.Error("a report with no words from staff has a What we will do page")
	}
	warnings := CheckWeWill("We will make sure that the multi-agency safeguarding hub is notified of all the issues raised and then we will report back.", "en")
	if len(warnings) < 2 {
		t.Errorf("the checker found %v in a long sentence with jargon and the passive voice, want at least 2 problems", warnings)
	}
}

// Every sentence the report makes itself passes the app's easy-read
// checker, in English and in Welsh.
func TestReport_SentencesPassTheChecker(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	res, err := Tally(context.Background(), db, Filter{SurveyID: "club"})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		for _, k := range []int{3, 5, 10} {
			d, err := plan(res, Options{Lang: lang, MinPeople: k, Quotes: map[string][]string{"more": {"The bus was late."}}})
			if err != nil {
				t.Fatal(err)
			}
			checked := 0
			for _, sec := range d.sections {
				for _, l := range sec {
					if l.style == styleHeading || l.style == styleQuote {
						continue // the survey's own words, and participants' words
					}
					checked++
					for _, w := range check.Text(l.text, lang, check.Options{}) {
						t.Errorf("%s, threshold %d: %q: %s", lang, k, l.text, w)
					}
				}
			}
			if checked < 25 {
				t.Errorf("%s: only %d sentences checked", lang, checked)
			}
		}
	}
}

func TestReport_RefusesWhatItCannotMake(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	res, err := Tally(context.Background(), db, Filter{SurveyID: "club"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		o    Options
		want string
	}{
		{"a language without report words", Options{Lang: "pl"}, "English (en) and Welsh (cy) only"},
		{"a threshold of one", Options{MinPeople: 1}, "at least 2"},
		{"more needed than answered", Options{MinPeople: 40}, "30 answered"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, res, tt.o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one saying %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Error("a refused report still wrote something")
			}
		})
	}
	if _, err := Tally(context.Background(), db, Filter{SurveyID: "nope"}); err == nil || !strings.Contains(err.Error(), `no survey "nope"`) {
		t.Errorf("an unknown survey: %v", err)
	}
}

func TestTally_Filters(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	autumn := time.Date(2024, 10, 12, 11, 0, 0, 0, time.Local)
	for i := range 8 {
		mustSave(t, db, s, "Autumn family day", autumn.Add(time.Duration(i)*time.Minute), map[string]survey.Answer{"fun": survey.Single("3")})
	}
	// One response with no answers at all is nobody who answered.
	mustSave(t, db, s, "Autumn family day", autumn.Add(time.Hour), map[string]survey.Answer{})
	tests := []struct {
		name    string
		f       Filter
		people  int
		events  []string
		goodFun int
	}{
		{"everything", Filter{SurveyID: "club"}, 38, []string{"Autumn family day", "Spring family day"}, 28},
		{"one event", Filter{SurveyID: "club", Events: []string{"Autumn family day"}}, 8, []string{"Autumn family day"}, 8},
		{"since a day", Filter{SurveyID: "club", Since: time.Date(2024, 6, 1, 0, 0, 0, 0, time.Local)}, 8, []string{"Autumn family day"}, 8},
		{"until a day", Filter{SurveyID: "club", Until: time.Date(2024, 6, 1, 0, 0, 0, 0, time.Local)}, 30, []string{"Spring family day"}, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Tally(context.Background(), db, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if res.People != tt.people || !slices.Equal(res.Events, tt.events) || res.Question("fun").Counts["3"] != tt.goodFun {
				t.Errorf("people %d, events %q, good %d; want %d, %q, %d", res.People, res.Events, res.Question("fun").Counts["3"], tt.people, tt.events, tt.goodFun)
			}
		})
	}
}

func TestScreens_OneQuestionAScreenNoTypedWords(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	res, err := Tally(context.Background(), db, Filter{SurveyID: "club"})
	if err != nil {
		t.Fatal(err)
	}
	screens, err := Screens(res, Options{Lang: "cy", Quotes: map[string][]string{"more": {"The bus was late."}}, WeWill: "We will."})
	if err != nil {
		t.Fatal(err)
	}
	if len(screens) != 1+len(s.Questions) {
		t.Fatalf("%d screens, want the cover and one a question", len(screens))
	}
	if sc := screens[0]; sc.Heading != "Dywedoch chi" || sc.Picture != "party-popper" || sc.Lines[0].Text != "Ein diwrnod teulu" || sc.Lines[1].Text != "Atebodd 30 o bobl." {
		t.Errorf("first screen %+v", sc)
	}
	fun := screens[1]
	want := []ScreenLine{{"Atebodd 30 o bobl y cwestiwn hwn.", ""}, {"Dywedodd y rhan fwyaf o bobl “Da”.", ""},
		{"Dywedodd 20 o bobl “Da”.", "grinning-face"}, {"Dywedodd 10 o bobl “Ddim yn dda” neu “Iawn”.", "frowning-face"}}
	if fun.Heading != "Oedd y diwrnod yn hwyl?" || !slices.Equal(fun.Lines, want) {
		t.Errorf("the fun screen %+v", fun)
	}
	for _, sc := range screens {
		for _, l := range sc.Lines {
			if strings.Contains(l.Text, "bus was late") || strings.Contains(l.Text, "We will") {
				t.Errorf("%q on a screen", l.Text)
			}
		}
	}
}
