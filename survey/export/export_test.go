package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"speakeasy/survey"
	"speakeasy/survey/export"
	"speakeasy/survey/store"
)

func TestExport_ResponsesSheet(t *testing.T) {
	db, resps := clubDB(t)
	path, sum := mustExport(t, db, "club.xlsx", export.Options{SurveyID: "club"})
	if sum.Responses != 5 || sum.Complete != 4 || sum.Incomplete != 1 || sum.Path != path {
		t.Fatalf("summary %+v", sum)
	}
	f := mustOpenWorkbook(t, path)
	if got := f.GetSheetList(); strings.Join(got, ",") != "Responses,Questions,Summary,Comments" {
		t.Fatalf("sheets %v", got)
	}
	rows := sheetRows(t, f, "Responses")
	if got := strings.Join(rows[0], "|"); got != strings.Join(clubHeaders, "|") {
		t.Fatalf("header row\n got %s\nwant %s", got, strings.Join(clubHeaders, "|"))
	}
	checkRows(t, rows, clubRows, map[int]bool{11: true})

	// The details at the end of each row. The fourth response stopped,
	// so it is numbered after the others, which finished in order.
	meta := len(clubRows[0])
	ids := []string{"1", "2", "3", "5", "4"}
	events := []string{"Fair", "Fair", "Club night", "Club night", "Club night"}
	versions := []string{"1", "1", "2", "2", "2"}
	langs := []string{"en", "cy", "en", "en", "en"}
	by := []string{"A parent", "Me", "Me", "A parent", "Me"}
	for i, r := range resps {
		row := i + 1
		submitted, finished, complete := r.Updated, "", "0"
		if r.Status == survey.Complete {
			submitted, finished, complete = r.Finished, local(r.Finished), "1"
		}
		want := []string{ids[i], r.ID, submitted.UTC().Format("2006-01-02T15:04:05Z"), db.DeviceID(), events[i],
			versions[i], langs[i], by[i], local(r.Started), finished, complete, strconv.Itoa(row)}
		for c, w := range want {
			if got := cell(rows, row, meta+c); got != w {
				t.Errorf("response %d %s: got %q, want %q", row, metaHeaders[c], got, w)
			}
		}
	}
	if got := local(resps[0].Started); !regexp.MustCompile(`^2024-05-01T10:00:00[+-]\d\d:\d\d$`).MatchString(got) {
		t.Errorf("_started %q has no offset from UTC", got)
	}
}

func TestExport_CellTypes(t *testing.T) {
	db, _ := clubDB(t)
	path, _ := mustExport(t, db, "club.xlsx", export.Options{SurveyID: "club"})
	f := mustOpenWorkbook(t, path)
	const sheet = "Responses"
	// Words that look like formulas stay words.
	for _, ref := range []string{"M2", "M3", "M6"} {
		if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
			t.Errorf("%s has the formula %q", ref, formula)
		}
		typ, _ := f.GetCellType(sheet, ref)
		if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
			t.Errorf("%s has cell type %v, want text", ref, typ)
		}
	}
	// Numbers, 1/0 columns and the numbered details are numbers; dates are numbers with a date format.
	for _, ref := range []string{"J2", "E2", "I4", "O2", "T2", "Y2", "Z2", "L2"} {
		typ, _ := f.GetCellType(sheet, ref)
		if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s has cell type %v, want a number", ref, typ)
		}
	}
	for ref, format := range map[string]string{"L2": "yyyy-mm-dd", "L3": "yyyy-mm-dd"} {
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.CustomNumFmt == nil || *st.CustomNumFmt != format {
			t.Errorf("%s has number format %v, want %q", ref, st.CustomNumFmt, format)
		}
	}
	if got, _ := f.GetCellValue(sheet, "L2"); got != "2024-03-02" {
		t.Errorf("L2 shows %q, want 2024-03-02", got)
	}
	// Header frozen, filter on, columns wide enough.
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v (%v), want the header row frozen", panes, err)
	}
	if w, _ := f.GetColWidth(sheet, "A"); w < 10 || w > 40 {
		t.Errorf("column A is %v wide", w)
	}
	// Excel wants the column settings from left to right.
	sheet1 := zipParts(t, path)["xl/worksheets/sheet1.xml"]
	mins := regexp.MustCompile(`<col min="(\d+)"`).FindAllStringSubmatch(sheet1, -1)
	for i := range mins {
		if n, _ := strconv.Atoi(mins[i][1]); n != i+1 {
			t.Fatalf("column settings out of order: %v", mins)
		}
	}
	names := f.GetDefinedName()
	if len(names) != 1 || names[0].Name != "_xlnm._FilterDatabase" || names[0].RefersTo != "'Responses'!$A$1:$Z$6" {
		t.Errorf("defined names %+v, want an autofilter over A1:Z6", names)
	}
}

func TestExport_Codes(t *testing.T) {
	db, _ := clubDB(t)
	path, _ := mustExport(t, db, "codes.xlsx", export.Options{SurveyID: "club", Codes: true})
	rows := sheetRows(t, mustOpenWorkbook(t, path), "Responses")
	if got := strings.Join(rows[0], "|"); got != strings.Join(clubCodeHeaders, "|") {
		t.Fatalf("header row\n got %s\nwant %s", got, strings.Join(clubCodeHeaders, "|"))
	}
	checkRows(t, rows, clubCodeRows, map[int]bool{11: true})
	if got := cell(rows, 1, len(clubCodeRows[0])+7); got != "parent" {
		t.Errorf("_answered_by %q, want the code parent", got)
	}
}

func TestExport_Welsh(t *testing.T) {
	db, _ := clubDB(t)
	path, _ := mustExport(t, db, "cy.xlsx", export.Options{SurveyID: "club", Lang: "cy"})
	rows := sheetRows(t, mustOpenWorkbook(t, path), "Responses")
	// Welsh words where the survey has them, English where it has not.
	for c, want := range map[int]string{0: "Pwy sy'n ateb?", 1: "Oes gennych chi gynllun?", 2: "Did people listen?"} {
		if got := cell(rows, 0, c); got != want {
			t.Errorf("header %d: %q, want %q", c, got, want)
		}
	}
	for c, want := range map[int]string{0: "Fi", 1: "Na"} {
		if got := cell(rows, 2, c); got != want {
			t.Errorf("response 2 column %d: %q, want %q", c, got, want)
		}
	}
	if _, err := export.Export(context.Background(), db, filepath.Join(t.TempDir(), "fr.xlsx"),
		export.Options{SurveyID: "club", Lang: "fr"}); err == nil || !strings.Contains(err.Error(), "no words in the language \"fr\"") {
		t.Errorf("French: %v", err)
	}
}

func TestExport_QuestionsSheet(t *testing.T) {
	db, _ := clubDB(t)
	path, _ := mustExport(t, db, "club.xlsx", export.Options{SurveyID: "club"})
	rows := sheetRows(t, mustOpenWorkbook(t, path), "Questions")
	want := [][]string{
		{"ID", "Text (en)", "Text (cy)", "Kind", "Choices (code = label)", "Missing-value codes", "Skip rule (shown only when)", "Versions", "Columns"},
		{"who", "Who is answering?", "Pwy sy'n ateb?", "one choice", "self = Me\nparent = A parent", "", "", "1, 2", "A"},
		{"hello", "Hello.", "", "information screen (no answer)", "", "", "", "1, 2", ""},
		{"has_plan", "Do you have a plan?", "Oes gennych chi gynllun?", "yes / no / not sure",
			"yes = Yes\nno = No\nnot_sure = Not sure\ndont_know = I don't know", "", "", "1, 2", "B"},
		{"listened", "Did people listen?", "", "faces (3)", "1 = Not good\n2 = OK\n3 = Good\ndont_know = I don't know", "",
			"${has_plan} = 'yes'", "1, 2", "C"},
		{"help", "What helps you most?", "", "many choices",
			"school = School\ndoctor = Doctor\nfamily = Family\nfriends = Friends\nprefer_not = I don't want to say", "",
			"${has_plan} = 'yes'", "1, 2", "D to I"},
		{"age", "How old are you?", "", "number", "", "", "", "1, 2", "J"},
		{"travel", "How do you get here?", "", "one choice", "bus = Bus\ncar = Car\nwalk = Walk", "", "", "2", "K"},
		{"meeting", "When was your meeting?", "", "date", "", "", "${has_plan} = 'yes' and ${age} >= 14", "1, 2", "L"},
		{"more", "Anything else?", "", "words", "", "", "", "1, 2", "M"},
		{"old_q", "Old question?", "", "one choice", "a = Answer A\nb = Answer B", "", "", "1", "N"},
		{"_id", "The response's number: 1, 2, 3 … in the order people finished. Unfinished ones come last.", "",
			"details of the response", "", "", "", "all", "O"},
	}
	for r, w := range want {
		for c, wc := range w {
			if got := cell(rows, r, c); got != wc {
				t.Errorf("Questions row %d column %d: %q, want %q", r+1, c+1, got, wc)
			}
		}
	}
	if got := cell(rows, len(rows)-1, 0); got != "_index" {
		t.Errorf("the last row is %q, want _index", got)
	}
}

func TestExport_SummarySheet(t *testing.T) {
	db, _ := clubDB(t)
	path, _ := mustExport(t, db, "club.xlsx", export.Options{SurveyID: "club"})
	f := mustOpenWorkbook(t, path)
	rows := sheetRows(t, f, "Summary")
	if got := cell(rows, 1, 0); got != "Responses: 5. Complete: 4. Not finished: 1." {
		t.Errorf("A2 %q", got)
	}
	// Each question's block, found by its title: every row under the
	// title, as label and value. Skipped means shown and not answered;
	// Not asked means a skip rule hid it, the response's version did not
	// have it, or the person stopped before it.
	blocks := map[string][][2]string{
		"Do you have a plan?": {{"Answer", "Count"}, {"Yes", "2"}, {"No", "2"}, {"Not sure", "0"}, {"I don't know", "1"},
			{"Skipped", "0"}, {"Not asked", "0"}},
		"What helps you most?": {{"Answer", "Count"}, {"School", "1"}, {"Doctor", "1"}, {"Family", "0"}, {"Friends", "0"},
			{"I don't want to say", "1"}, {"Skipped", "0"}, {"Not asked", "3"},
			{"People could choose more than one answer. So the percents can add up to more than 100%.", ""}},
		"How do you get here?": {{"Answer", "Count"}, {"Bus", "1"}, {"Car", "0"}, {"Walk", "1"}, {"Skipped", "0"}, {"Not asked", "3"}},
		"How old are you?": {{"Answered", "5"}, {"Lowest", "9"}, {"Median", "15"}, {"Highest", "40"},
			{"Numbers", "Count"}, {"0 to 9", "1"}, {"10 to 19", "2"}, {"20 to 29", "1"}, {"30 to 39", "0"}, {"40 to 49", "1"},
			{"Skipped", "0"}, {"Not asked", "0"}},
		"When was your meeting?": {{"Month", "Count"}, {"March 2024", "1"}, {"Skipped", "0"}, {"Not asked", "4"}},
		"Anything else?": {{"Wrote something", "3"}, {"Skipped", "1"}, {"Not asked", "1"},
			{"What people wrote is on the Comments sheet.", ""}},
	}
	found := 0
	for r := range rows {
		want, ok := blocks[cell(rows, r, 0)]
		if !ok {
			continue
		}
		found++
		for i, w := range want {
			if got := [2]string{cell(rows, r+1+i, 0), cell(rows, r+1+i, 1)}; got != w {
				t.Errorf("%s row %d: %v, want %v", cell(rows, r, 0), i+1, got, w)
			}
		}
		if got := cell(rows, r+2, 2); cell(rows, r, 0) == "Do you have a plan?" && got != "0.4" {
			t.Errorf("percent of Yes %q, want 0.4", got)
		}
	}
	if found != len(blocks) {
		t.Errorf("found %d of %d question blocks", found, len(blocks))
	}
	// A chart for every question with a table of counts: all but the words.
	var charts []string
	for name := range zipParts(t, path) {
		if strings.HasPrefix(name, "xl/charts/chart") {
			charts = append(charts, name)
		}
	}
	if len(charts) != 8 || !slices.Contains(charts, "xl/charts/chart1.xml") {
		t.Errorf("charts %v, want 8", charts)
	}
}

func TestExport_Password(t *testing.T) {
	db, _ := clubDB(t)
	path, _ := mustExport(t, db, "secret.xlsx", export.Options{SurveyID: "club", Password: "s3cret pass"})
	if f, err := excelize.OpenFile(path); err == nil {
		f.Close()
		t.Fatal("the workbook opened without its password")
	}
	if f, err := excelize.OpenFile(path, excelize.Options{Password: "wrong"}); err == nil {
		f.Close()
		t.Fatal("the workbook opened with the wrong password")
	}
	f := mustOpenWorkbook(t, path, excelize.Options{Password: "s3cret pass"})
	rows := sheetRows(t, f, "Responses")
	checkRows(t, rows, clubRows, map[int]bool{11: true})
}

func TestExport_CSV(t *testing.T) {
	db, resps := clubDB(t)
	var progress [][2]int
	path, sum := mustExport(t, db, "club.csv", export.Options{SurveyID: "club",
		Progress: func(done, total int) { progress = append(progress, [2]int{done, total}) }})
	if sum.Responses != 5 {
		t.Fatalf("summary %+v", sum)
	}
	if len(progress) == 0 || progress[len(progress)-1] != [2]int{5, 5} {
		t.Errorf("progress %v, want to end at 5 of 5", progress)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		t.Fatal("the CSV file does not start with a UTF-8 byte order mark")
	}
	records, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(records[0], "|"); got != strings.Join(clubHeaders, "|") {
		t.Fatalf("CSV header\n got %s\nwant %s", got, strings.Join(clubHeaders, "|"))
	}
	want := make([][]string, len(clubRows))
	for i, r := range clubRows {
		want[i] = append([]string(nil), r...)
	}
	want[0][12], want[1][12], want[4][12] = "'=1+1", "'@SUM(A1)", "'-dash"
	if len(records) != len(want)+1 {
		t.Fatalf("%d records", len(records))
	}
	for i, w := range want {
		for c, wc := range w {
			if got := records[i+1][c]; got != wc {
				t.Errorf("CSV response %d column %s: %q, want %q", i+1, clubHeaders[c], got, wc)
			}
		}
		meta := records[i+1][len(w):]
		complete := map[survey.Status]string{survey.Complete: "1", survey.Incomplete: "0"}[resps[i].Status]
		if meta[1] != resps[i].ID || meta[8] != local(resps[i].Started) || meta[10] != complete || meta[11] != strconv.Itoa(i+1) {
			t.Errorf("CSV response %d details %v", i+1, meta)
		}
	}
}

// TestExport_BuiltinSurveyMatchesStoredAnswers exports practice responses
// to the built-in survey and checks every question cell of every row
// against the answers in the database, worked out here from the survey's
// own options.
func TestExport_BuiltinSurveyMatchesStoredAnswers(t *testing.T) {
	db, s := practiceDB(t, 150, 5)
	path, _ := mustExport(t, db, "ehc.xlsx", export.Options{SurveyID: s.ID})
	rows := sheetRows(t, mustOpenWorkbook(t, path), "Responses")

	// The columns the survey should give, with what each holds.
	type col struct {
		q      *survey.Question
		option string // for a 1/0 column
	}
	var cols []col
	var headers []string
	for i := range s.Questions {
		q := &s.Questions[i]
		if q.Kind == survey.KindNote {
			continue
		}
		cols = append(cols, col{q: q})
		headers = append(headers, q.Text["en"])
		if q.Kind == survey.KindMany {
			for _, o := range q.Options("en", "en") {
				cols = append(cols, col{q: q, option: o.Value})
				headers = append(headers, q.Text["en"]+"/"+o.Label)
			}
		}
	}
	if got := strings.Join(rows[0], "|"); got != strings.Join(append(headers, metaHeaders...), "|") {
		t.Fatalf("header row\n got %s\nwant %s", got, strings.Join(append(headers, metaHeaders...), "|"))
	}

	r := 0
	err := db.EachResponse(context.Background(), s.ID, func(resp survey.Response, stored []store.StoredAnswer) error {
		r++
		answers := map[string]survey.Answer{}
		for _, a := range stored {
			answers[a.Question], _ = survey.DecodeAnswer(a.Value, s.Question(a.Question).Kind)
		}
		for c, cl := range cols {
			a := answers[cl.q.ID]
			want := ""
			switch {
			case a.Empty():
			case cl.option != "" && a.Has(cl.option):
				want = "1"
			case cl.option != "":
				want = "0"
			case cl.q.Kind.HasOptions():
				labels := make([]string, len(a))
				for i, v := range a {
					o, _ := cl.q.Option(v, "en", "en")
					labels[i] = o.Label
				}
				want = strings.Join(labels, ", ")
			default:
				want = a.String()
			}
			got := cell(rows, r, c)
			if cl.q.Kind == survey.KindDate && got != "" {
				got = excelDay(t, got)
			}
			if got != want {
				t.Errorf("row %d, %s (%s): got %q, want %q", r, colName(c), rows[0][c], got, want)
			}
		}
		if got := cell(rows, r, len(cols)+1); got != resp.ID {
			t.Errorf("row %d is %s, want %s", r, got, resp.ID)
		}
		return nil
	})
	if err != nil || r != 150 || len(rows) != 151 {
		t.Fatalf("%d responses, %d rows (%v)", r, len(rows), err)
	}
}
