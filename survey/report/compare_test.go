package report

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/check"
	"speakeasy/survey/store"
)

// addAutumnDay publishes a second version of the club survey that dropped
// "age" and added "food", for the 32 answers of "Autumn family day", 12
// October 2024, that the tests save:
//
//	fun:    Good 20, OK 8, Not good 4
//	travel: Bus 6, Car 20, Walk 6
//	food:   Yes 25, No 7
func addAutumnDay(tb testing.TB, db *store.DB, s *survey.Survey) *survey.Survey {
	tb.Helper()
	v2 := *s
	v2.Questions = nil
	for _, q := range s.Questions {
		if q.ID != "age" {
			v2.Questions = append(v2.Questions, q)
		}
	}
	v2.Questions = append(v2.Questions, survey.Question{ID: "food", Kind: survey.KindYesNo, Picture: "fork-and-knife-with-plate",
		Text: survey.Text{"en": "Did you like the food?", "cy": "Oeddet ti'n hoffi'r bwyd?"}})
	version, err := db.Publish(&v2)
	if err != nil {
		tb.Fatal(err)
	}
	v2.Version = version
	return &v2
}

func TestCompare_ThenAndNow(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	v2 := addAutumnDay(t, db, s)
	day := time.Date(2024, 10, 12, 11, 0, 0, 0, time.Local)
	for i := range 32 {
		mustSave(t, db, v2, "Autumn family day", day.Add(time.Duration(i)*time.Minute), map[string]survey.Answer{
			"fun":    survey.Single(pick(i, []int{20, 8, 4}, "3", "2", "1")),
			"travel": survey.Single(pick(i, []int{6, 20, 6}, "bus", "car", "walk")),
			"food":   survey.Single(pick(i, []int{25, 7}, "yes", "no")),
		})
	}
	sides := [2]Side{{Event: "Spring family day"}, {Event: "Autumn family day"}}
	text, res := mustCompare(t, db, sides)
	assertContains(t, text,
		"Then and now", "At Spring family day, 30 people answered.", "At Autumn family day, 32 people answered.",
		// fun: Good 20 of 30 then, 20 of 32 now: 67% and 63%, about the same.
		"Was the day fun? One picture stands for 2 people. At Spring family day, 20 of 30 people said “Good”. At Autumn family day, 20 of 32 people said “Good”. About the same.",
		// travel: Bus 12 of 29 then, 6 of 32 now; Car 9 of 29, 20 of 32.
		"At Spring family day, 12 of 29 people said “Bus”. At Autumn family day, 6 of 32 people said “Bus”. Fewer people now.",
		"At Spring family day, 9 of 29 people said “Car”. At Autumn family day, 20 of 32 people said “Car”. More people now.",
		// Answers put together to keep small numbers private are compared when they match.
		"At Spring family day, 10 of 30 people said “Not good” or “OK”. At Autumn family day, 12 of 32 people said “Not good” or “OK”. About the same.",
		// Both asked it; nobody in autumn answered.
		"Who helps you? At Autumn family day, not enough people answered this question.",
		"Only one of the events asked these questions. How old are you? Did you like the food?",
	)
	// Walk was 6 in both, but in spring it stood with Taxi's 2: never
	// shown alone there, so it is not compared. Not good (3, then 4) never shows.
	assertLacks(t, text, "people said “Walk”", "“Not good”.", "Sam Jones")
	assertNoSmallCounts(t, text, 5)

	for _, lang := range Languages {
		d, err := planCompare(res[0], res[1], sides, Options{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		surveyWords := map[string]bool{}
		for _, q := range v2.Questions {
			surveyWords[q.Text.In(lang, "en")] = true
		}
		surveyWords[s.Question("age").Text.In(lang, "en")] = true
		for _, sec := range d.sections {
			for _, l := range sec {
				if l.style == styleHeading || surveyWords[l.text] {
					continue // the survey's own words
				}
				for _, w := range check.Text(l.text, lang, check.Options{}) {
					t.Errorf("%s: %q: %s", lang, l.text, w)
				}
			}
		}
	}
}

func TestParseSide(t *testing.T) {
	tests := []struct {
		in      string
		want    Side
		wantErr string
	}{
		{"Spring family day", Side{Event: "Spring family day"}, ""},
		{"2024-03-01..2024-05-31", Side{From: time.Date(2024, 3, 1, 0, 0, 0, 0, time.Local), To: time.Date(2024, 5, 31, 0, 0, 0, 0, time.Local)}, ""},
		{"2024-05-31..2024-03-01", Side{}, "FIRST..LAST"},
		{"March..May", Side{}, "FIRST..LAST"},
		{" ", Side{}, "no name"},
	}
	for _, tt := range tests {
		got, err := ParseSide(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseSide(%q) error %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got.Event != tt.want.Event || !got.From.Equal(tt.want.From) || !got.To.Equal(tt.want.To) {
			t.Errorf("ParseSide(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	w := words{lang: "cy"}
	if got := w.at("", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)); got != "Ym Mawrth i Orffennaf 2024" {
		t.Errorf("Welsh span %q", got)
	}
}

func TestCompare_NumbersListedForEachSide(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	sides := [2]Side{{Event: "Spring family day"}, {From: time.Date(2024, 3, 1, 0, 0, 0, 0, time.Local), To: time.Date(2024, 3, 31, 0, 0, 0, 0, time.Local)}}
	text, _ := mustCompare(t, db, sides)
	assertContains(t, text,
		"At Spring family day, 30 people answered. In March 2024, 30 people answered.",
		"How old are you? One picture stands for one person. At Spring family day, 8 of 30 people said 8 to 9.",
		"In March 2024, 9 of 30 people said 14 to 17.",
		"At Spring family day, 12 of 29 people said “Bus”. In March 2024, 12 of 29 people said “Bus”. About the same.",
	)
	assertNoSmallCounts(t, text, 5)
}

// mustCompare tallies both sides of the club survey and writes their then
// and now report, returning its text as pdftotext reads it.
func mustCompare(tb testing.TB, db *store.DB, sides [2]Side) (string, [2]*Results) {
	tb.Helper()
	var res [2]*Results
	for i, side := range sides {
		var err error
		if res[i], err = Tally(context.Background(), db, side.Filter(Filter{SurveyID: "club"})); err != nil {
			tb.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := WriteCompare(&buf, res[0], res[1], sides, Options{}); err != nil {
		tb.Fatal(err)
	}
	return pdfText(tb, buf.Bytes()), res
}
