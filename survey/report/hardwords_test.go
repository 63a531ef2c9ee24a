package report

import (
	"context"
	"fmt"
	"testing"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/check"
	"speakeasy/survey/store"
)

// addMarks saves n responses at "Words day" in lang that each answered "fun" and marked
// word of question id hard.
func addMarks(tb testing.TB, db *store.DB, s *survey.Survey, n int, lang, id, word string) {
	tb.Helper()
	start := time.Date(2024, 3, 16, 11, 0, 0, 0, time.Local)
	for i := range n {
		r := survey.Response{ID: fmt.Sprintf("hard-%s-%s-%d", id, word, i), SurveyID: s.ID, Version: s.Version,
			DeviceID: "laptop-1", Event: "Words day", Language: lang, Started: start, Updated: start, Status: survey.Incomplete}
		err := db.Save(survey.Change{Response: r, Set: map[string]survey.Answer{"fun": survey.Single("3")},
			Kinds: map[string]survey.Kind{"fun": survey.KindFaces}, Hard: []survey.HardWord{{Question: id, Language: lang, Word: word, At: start}}})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

func TestReport_HardWordsPage(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	addMarks(t, db, s, 6, "en", "meeting", "meeting")
	addMarks(t, db, s, 5, "en", "travel", survey.AllWords)
	addMarks(t, db, s, 2, "en", "fun", "fun")
	addMarks(t, db, s, 7, "cy", "fun", "hwyl")
	// The newest version asks about the meeting in other words.
	v2, err := survey.Load("testdata/club.json")
	if err != nil {
		t.Fatal(err)
	}
	v2.Question("meeting").Text["en"] = "When did you last see the staff?"
	if _, err := db.Publish(v2); err != nil {
		t.Fatal(err)
	}

	text := mustReport(t, db, Filter{SurveyID: "club"}, Options{})
	assertContains(t, text, "Words you told us were hard Thank you for telling us. Here is what we will do.",
		"Fewer than 5 people found “fun” hard. We will look at it again.",
		"5 people found the question “How did you get here?” hard. We will look at it again.",
		"6 people found “meeting” hard. We changed it.")
	assertLacks(t, text, "hwyl")
	assertNoSmallCounts(t, text, 5)
	welsh := mustReport(t, db, Filter{SurveyID: "club"}, Options{Lang: "cy"})
	assertContains(t, welsh, "Roedd “hwyl” yn anodd i 7 o bobl. Byddwn ni'n edrych arno eto.")
	// Marks of people the filter leaves out are left out too.
	text = mustReport(t, db, Filter{SurveyID: "club", Events: []string{"Spring family day"}}, Options{})
	assertLacks(t, text, "Words you told us were hard")

	// Every sentence of the page passes the easy-read checker.
	res, err := Tally(context.Background(), db, Filter{SurveyID: "club"})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		for _, k := range []int{2, 5, 10} {
			sec := hardSection(res, words{lang: lang, k: k})
			if len(sec) < 3 {
				t.Fatalf("%s: the page has %d lines", lang, len(sec))
			}
			for _, l := range sec {
				for _, w := range check.Text(l.text, lang, check.Options{}) {
					t.Errorf("%s, threshold %d: %q: %s", lang, k, l.text, w)
				}
			}
		}
	}
}
