package report

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/report/pdftext"
	"speakeasy/survey/store"
)

// mustOpenDB opens a fresh database with the club survey published.
func mustOpenDB(tb testing.TB) (*store.DB, *survey.Survey) {
	tb.Helper()
	db, err := store.Open(filepath.Join(tb.TempDir(), "data"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	s, err := survey.Load("testdata/club.json")
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		tb.Fatal(err)
	}
	return db, s
}

// mustSave saves one response with the given answers, started at start.
func mustSave(tb testing.TB, db *store.DB, s *survey.Survey, event string, start time.Time, answers map[string]survey.Answer) {
	tb.Helper()
	kinds := map[string]survey.Kind{}
	for id := range answers {
		kinds[id] = s.Question(id).Kind
	}
	n := strconv.FormatInt(start.UnixNano(), 36)
	r := survey.Response{ID: "r-" + event + "-" + n, SurveyID: s.ID, Version: s.Version, DeviceID: "laptop-1",
		Event: event, Language: "en", Started: start, Updated: start, Finished: start, Status: survey.Complete}
	if err := db.Save(survey.Change{Response: r, Set: answers, Kinds: kinds}); err != nil {
		tb.Fatal(err)
	}
}

// springTexts are the typed answers of the spring day; one names a person
// and where they live, so it must never reach a report.
var springTexts = []string{
	"The bus was late.", "I liked the music.", "More chairs please.", "It was loud.",
	"My name is Sam Jones and I live at 4 High Street.", "Good food.", "Too hot.",
	"The staff were kind.", "I want to come again.", "Nice garden.",
}

// addSpringDay saves 30 known responses from "Spring family day", on 16 March 2024:
//
//	fun:     Good 20, OK 7, Not good 3
//	travel:  Bus 12, Car 9, Walk 6, Taxi 2 (one person did not answer)
//	help:    School 18, Doctor 7, Family 3 (21 people answered)
//	age:     8 to 16, four or three of each
//	meeting: January 2024 10, February 10, March 7, December 2023 2 (29 answered)
//	secret:  Yes 2, No 1 (3 answered)
//	more:    10 typed answers
func addSpringDay(tb testing.TB, db *store.DB, s *survey.Survey) {
	tb.Helper()
	day := time.Date(2024, 3, 16, 10, 0, 0, 0, time.Local)
	for i := range 30 {
		a := map[string]survey.Answer{}
		a["fun"] = survey.Single(pick(i, []int{20, 7, 3}, "3", "2", "1"))
		a["travel"] = survey.Single(pick(i, []int{12, 9, 6, 2}, "bus", "car", "walk", "taxi"))
		var help survey.Answer
		if i < 18 {
			help = append(help, "school")
		}
		if i >= 10 && i < 17 {
			help = append(help, "doctor")
		}
		if i >= 27 {
			help = append(help, "family")
		}
		if help != nil {
			a["help"] = help
		}
		a["age"] = survey.Single(strconv.Itoa(8 + i%9))
		if m := pick(i, []int{10, 10, 7, 2}, "2024-01-05", "2024-02-10", "2024-03-01", "2023-12-20"); m != "" {
			a["meeting"] = survey.Single(m)
		}
		if i < 3 {
			a["secret"] = survey.Single([]string{"yes", "yes", "no"}[i])
		}
		if i < len(springTexts) {
			a["more"] = survey.Single(springTexts[i])
		}
		for id, v := range a {
			if v.Empty() {
				delete(a, id)
			}
		}
		mustSave(tb, db, s, "Spring family day", day.Add(time.Duration(i)*time.Minute), a)
	}
}

// pick gives the i-th person's answer when the first counts[0] people say
// values[0], the next counts[1] say values[1], and so on; "" after them all.
func pick(i int, counts []int, values ...string) string {
	for j, n := range counts {
		if i < n {
			return values[j]
		}
		i -= n
	}
	return ""
}

// pdfText reads a PDF's words with pdftotext.
func pdfText(tb testing.TB, pdf []byte) string {
	tb.Helper()
	return pdftext.Read(tb, pdf)
}

// mustReport tallies and writes a report, returning its text as pdftotext reads it.
func mustReport(tb testing.TB, db *store.DB, f Filter, o Options) string {
	tb.Helper()
	res, err := Tally(context.Background(), db, f)
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, res, o); err != nil {
		tb.Fatal(err)
	}
	return pdfText(tb, buf.Bytes())
}

// peopleCounts finds every "N people" / "N o bobl" / "N of" in a text.
var peopleCounts = regexp.MustCompile(`(\d+) (?:people|person|o bobl|of|o \d+)`)

// assertNoSmallCounts fails if any number of people under k is printed.
func assertNoSmallCounts(t *testing.T, text string, k int) {
	t.Helper()
	// "One picture stands for 2 people" is a scale, not a count.
	text = regexp.MustCompile(`(stands for|yn golygu) \d+`).ReplaceAllString(text, "")
	for _, m := range peopleCounts.FindAllStringSubmatch(text, -1) {
		if n, _ := strconv.Atoi(m[1]); n < k {
			t.Errorf("the report shows %q, a number under %d", m[0], k)
		}
	}
}

func assertContains(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the report does not say %q", w)
		}
	}
}

func assertLacks(t *testing.T, text string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(text, b) {
			t.Errorf("the report says %q, and must not", b)
		}
	}
}
