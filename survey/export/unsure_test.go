package export_test

import (
	"strings"
	"testing"

	"speakeasy/survey/export"
)

// TestExport_UnsureDates: "I don't know", "I don't want to say" and
// "About when?" answers (a month, a year) given in place of a date leave
// the date column holding dates only; the Summary counts them with the
// months, and the Comments sheet names them beside the response, so
// nothing is lost.
func TestExport_UnsureDates(t *testing.T) {
	db := mustOpenDB(t)
	s := mustPublish(t, db, "when.json")
	rs := []string{
		walk(t, db, s, "en", "Fair", day(10, 0), "text 2024-03-02", "next").ID,
		walk(t, db, s, "en", "Fair", day(10, 5), "text dont_know", "next").ID,
		walk(t, db, s, "en", "Fair", day(10, 10), "text prefer_not", "next").ID,
		walk(t, db, s, "en", "Fair", day(10, 15), "text 2024-03", "next").ID,
		walk(t, db, s, "en", "Fair", day(10, 20), "text 2023", "next").ID,
	}
	for _, codes := range []bool{false, true} {
		path, _ := mustExport(t, db, "when.xlsx", export.Options{SurveyID: "when", Codes: codes})
		f := mustOpenWorkbook(t, path)
		rows := sheetRows(t, f, "Responses")
		for i, want := range []string{"45353", "", "", "", ""} { // 2024-03-02 as Excel counts days
			if got := cell(rows, i+1, 0); got != want {
				t.Errorf("codes %v: response %d date cell %q, want %q", codes, i+1, got, want)
			}
		}
		summary := sheetRows(t, f, "Summary")
		at := -1
		for r := range summary {
			if cell(summary, r, 0) == "When did you move here?" {
				at = r
			}
		}
		want := [][2]string{{"Month", "Count"}, {"March 2024", "2"}, {"2023 (no month)", "1"}, {"I don't know", "1"}, {"I don't want to say", "1"},
			{"Skipped", "0"}, {"Not asked", "0"}}
		for i, w := range want {
			if got := [2]string{cell(summary, at+1+i, 0), cell(summary, at+1+i, 1)}; at < 0 || got != w {
				t.Errorf("codes %v: Summary row %d: %v, want %v", codes, i+1, got, w)
			}
		}
		questions := sheetRows(t, f, "Questions")
		if got := strings.Join(questions[1], " | "); !strings.Contains(got, "not a whole date") {
			t.Errorf("codes %v: the Questions sheet does not say where the unsure answers are: %s", codes, got)
		}
		comments := sheetRows(t, f, "Comments")
		text := ""
		for r := range comments {
			text += strings.Join(comments[r], " | ") + "\n"
		}
		for i, word := range []string{"I don't know", "I don't want to say", "2024-03", "2023"} {
			if !strings.Contains(text, rs[i+1]) || !strings.Contains(text, word) {
				t.Errorf("codes %v: the Comments sheet does not name %q for response %s:\n%s", codes, word, rs[i+1], text)
			}
		}
	}
}
