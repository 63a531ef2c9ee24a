package export_test

import (
	"slices"
	"strings"
	"testing"

	"speakeasy/survey"
	"speakeasy/survey/export"
)

// hardSurvey has a question, a note and a question shown only after "yes".
const hardSurvey = `{"id": "words", "version": 1, "languages": ["en", "cy"], "title": {"en": "Words"},
 "questions": [
  {"id": "like", "kind": "one", "text": {"en": "Do you like the club?", "cy": "Wyt ti'n hoffi'r clwb?"},
   "choices": [{"value": "yes", "text": {"en": "Yes", "cy": "Ydw"}}, {"value": "no", "text": {"en": "No", "cy": "Nac ydw"}}]},
  {"id": "thanks", "kind": "note", "text": {"en": "Thank you for coming.", "cy": "Diolch am ddod."}},
  {"id": "review", "kind": "one", "relevant": "${like} = 'yes'",
   "text": {"en": "Was the review useful?", "cy": "Oedd yr adolygiad yn ddefnyddiol?"},
   "choices": [{"value": "yes", "text": {"en": "Yes", "cy": "Ie"}}, {"value": "no", "text": {"en": "No", "cy": "Na"}}]}]}`

func TestExport_HardWordsSheet(t *testing.T) {
	db := mustOpenDB(t)
	s, err := survey.Parse([]byte(hardSurvey))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		t.Fatal(err)
	}
	all := survey.AllWords
	walk(t, db, s, "en", "Fair", day(9, 10), "hard "+all, "tap yes", "next", "hard coming", "next", "hard Review?", "hard review", "tap no", "next")
	walk(t, db, s, "en", "Fair", day(9, 20), "hard like", "tap no", "next", "next")               // the review question is hidden
	walk(t, db, s, "cy", "Fair", day(9, 30), "tap yes", "next", "next", "hard adolygiad", "stop") // stops before answering
	walk(t, db, s, "en", "Fair", day(9, 40), "hard like", "stop")                                 // marks, then stops with no answer
	walk(t, db, s, "en", "Fair", day(9, 50), "tap yes", "next", "next", "next")                   // skips the review question

	path, _ := mustExport(t, db, "words.xlsx", export.Options{SurveyID: "words"})
	f := mustOpenWorkbook(t, path)
	if got := strings.Join(f.GetSheetList(), ","); got != "Responses,Questions,Summary,Comments,Hard words" {
		t.Fatalf("sheets %s", got)
	}
	want := [][]string{
		{"ID", "Question", "Language", "Word", "People who said it was hard", "People shown the question"},
		{"like", "Do you like the club?", "en", "like", "2", "4"},
		{"like", "Do you like the club?", "en", "All of it", "1", "4"},
		{"thanks", "Thank you for coming.", "en", "coming", "1"}, // a note: nothing to count who saw it by
		{"review", "Oedd yr adolygiad yn ddefnyddiol?", "cy", "adolygiad", "1", "1"},
		{"review", "Was the review useful?", "en", "review", "1", "2"},
	}
	rows := sheetRows(t, f, "Hard words")
	if len(rows) != len(want) {
		t.Fatalf("Hard words sheet:\n%q\nwant\n%q", rows, want)
	}
	for i := range want {
		if !slices.Equal(rows[i], want[i]) {
			t.Errorf("row %d: %q, want %q", i+1, rows[i], want[i])
		}
	}

	// The Questions sheet ends with how many people marked each question,
	// and the Summary says it under each question's title.
	qs := sheetRows(t, f, "Questions")
	last := len(qs[0]) - 1
	if qs[0][last] != "People who said it was hard" {
		t.Fatalf("the Questions sheet's last heading is %q", qs[0][last])
	}
	for id, want := range map[string]string{"like": "3", "thanks": "1", "review": "2"} {
		for _, row := range qs[1:] {
			if row[0] == id && cell([][]string{row}, 0, last) != want {
				t.Errorf("Questions: %s marked by %q people, want %s", id, cell([][]string{row}, 0, last), want)
			}
		}
	}
	summary := sheetRows(t, f, "Summary")
	found := false
	for i := range summary {
		if cell(summary, i, 0) == "Was the review useful?" {
			for _, next := range summary[i+1 : i+4] {
				found = found || (len(next) > 1 && next[0] == "People who said it was hard" && next[1] == "2")
			}
		}
	}
	if !found {
		t.Errorf("the Summary does not say 2 people found the review question hard:\n%q", summary)
	}

	// For analysis (--codes), each response's marks in a column of its own;
	// without, no such column.
	if got := sheetRows(t, f, "Responses")[0]; slices.Contains(got, "_hard_words") {
		t.Errorf("a _hard_words column without Codes: %q", got)
	}
	path, _ = mustExport(t, db, "codes.xlsx", export.Options{SurveyID: "words", Codes: true})
	responses := sheetRows(t, mustOpenWorkbook(t, path), "Responses")
	last = len(responses[0]) - 1
	if responses[0][last] != "_hard_words" {
		t.Fatalf("with Codes, the last column is %q", responses[0][last])
	}
	var marks []string
	for i := 1; i < len(responses); i++ {
		marks = append(marks, cell(responses, i, last))
	}
	if want := []string{"like:(all) thanks:coming review:review", "like:like", "review:adolygiad", "like:like", ""}; !slices.Equal(marks, want) {
		t.Errorf("_hard_words cells %q, want %q", marks, want)
	}

	// In Welsh, the sheet and its words are Welsh; a survey nobody
	// challenged has no such sheet.
	path, _ = mustExport(t, db, "geiriau.xlsx", export.Options{SurveyID: "words", Lang: "cy", Words: appWords(t)})
	if rows := sheetRows(t, mustOpenWorkbook(t, path), "Geiriau anodd"); cell(rows, 2, 3) != "Y cyfan" {
		t.Errorf("the Welsh sheet: %q", rows)
	}
	plain := mustOpenDB(t)
	if _, err := plain.Publish(s); err != nil {
		t.Fatal(err)
	}
	walk(t, plain, s, "en", "Fair", day(10, 0), "tap no", "next", "next")
	path, _ = mustExport(t, plain, "plain.xlsx", export.Options{SurveyID: "words"})
	if got := mustOpenWorkbook(t, path).GetSheetList(); len(got) != 4 {
		t.Errorf("sheets with no marks: %q", got)
	}
}
