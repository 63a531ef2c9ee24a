package export_test

import (
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"speakeasy/survey/export"
)

// pyWorkbook is what testdata/read_workbook.py reports of a workbook.
type pyWorkbook struct {
	Sheets []struct {
		Name      string
		MaxRow    int       `json:"max_row"`
		MaxColumn int       `json:"max_column"`
		Rows      [][][]any `json:"rows"` // each cell: [type, value]
		Layout    struct {
			FitToWidth  *string `json:"fit_to_width"`
			FitToHeight *string `json:"fit_to_height"`
			FitToPage   *string `json:"fit_to_page"`
			Breaks      []int
			Anchors     [][2]int
		}
	}
	Charts []struct {
		Min         []string
		Vary        []string
		Series      []struct{ Fills []string }
		TextColours []string `json:"text_colours"`
		Title       string
		LabelPos    []string `json:"label_pos"`
	}
}

// readWithPython reads a workbook with openpyxl (Debian's python3-openpyxl).
func readWithPython(t *testing.T, path string) pyWorkbook {
	t.Helper()
	python := needTool(t, "/usr/bin/python3")
	if err := exec.Command(python, "-c", "import openpyxl").Run(); err != nil {
		needTool(t, "openpyxl (python3-openpyxl)")
	}
	out, err := exec.Command(python, "testdata/read_workbook.py", path).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("read_workbook.py: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	var wb pyWorkbook
	if err := json.Unmarshal(out, &wb); err != nil {
		t.Fatal(err)
	}
	return wb
}

// TestExport_ReadByOpenpyxl reads every sheet of the club export with
// openpyxl in read-only mode, which trusts each sheet's dimension: every
// row must be there, the sheet's size must match its rows, and each
// column of the Responses sheet must hold one type of cell.
func TestExport_ReadByOpenpyxl(t *testing.T) {
	db, _ := clubDB(t)
	for _, codes := range []bool{false, true} {
		path, _ := mustExport(t, db, "club.xlsx", export.Options{SurveyID: "club", Codes: codes})
		wb := readWithPython(t, path)
		rowsWanted := map[string]int{"Responses": 6, "Questions": 1 + 10 + 12, "Comments": 1 + 3}
		for _, s := range wb.Sheets {
			if s.MaxRow != len(s.Rows) || s.MaxRow == 0 {
				t.Errorf("codes %v, %s: dimension says %d rows, openpyxl read %d", codes, s.Name, s.MaxRow, len(s.Rows))
			}
			if want, ok := rowsWanted[s.Name]; ok && len(s.Rows) != want {
				t.Errorf("codes %v, %s: %d rows, want %d", codes, s.Name, len(s.Rows), want)
			}
			if s.Name == "Responses" && s.MaxColumn != len(clubHeaders) {
				t.Errorf("codes %v: Responses has %d columns, want %d", codes, s.MaxColumn, len(clubHeaders))
			}
		}
		if len(wb.Sheets) != 4 {
			t.Fatalf("%d sheets", len(wb.Sheets))
		}
		// n: numbers, s: text, d: dates, "": empty.
		types := map[string]string{"Did people listen?": "s", "listened": "n", "What helps you most?/School": "n",
			"help/school": "n", "How old are you?": "n", "age": "n", "When was your meeting?": "d", "meeting": "d",
			"Anything else?": "s", "_id": "n", "_uuid": "s", "_submission_time": "s", "_survey_version": "n",
			"_started": "s", "_finished": "s", "_complete": "n", "_index": "n", "has_plan": "s"}
		rows := wb.Sheets[0].Rows
		for c, head := range rows[0] {
			want, ok := types[fmt.Sprint(head[1])]
			if !ok {
				continue
			}
			for r, row := range rows[1:] {
				if got := row[c][0]; got != "" && got != want {
					t.Errorf("codes %v, %s row %d: cell type %q (%v), want %q", codes, head[1], r+2, got, row[c][1], want)
				}
			}
		}
		if codes && rows[3][2][1] != -8.0 {
			t.Errorf("listened for the third response is %v, want the missing-value code -8", rows[3][2][1])
		}
		if got := rows[1][11][1]; got != "2024-03-02T00:00:00" {
			t.Errorf("the meeting date reads as %v", got)
		}
		comments := wb.Sheets[3].Rows
		if got := fmt.Sprint(comments[1][1][1], "|", comments[2][1][1], "|", comments[3][1][1]); got != "=1+1|@SUM(A1)|-dash" {
			t.Errorf("comments %s", got)
		}
		// Chart titles are the questions' words, even with codes.
		if len(wb.Charts) != 8 || wb.Charts[0].Title != "Who is answering?" {
			t.Errorf("codes %v: %d charts, the first titled %q", codes, len(wb.Charts), wb.Charts[0].Title)
		}
	}
}

// TestExport_ChartsHonestAndReadable checks, in the chart XML of the
// built-in survey's Summary, that every chart is read from zero, in one
// colour, with dark words and the count at the end of each bar; and in
// the sheet's page setup that it prints one page wide with no chart
// across a page break.
func TestExport_ChartsHonestAndReadable(t *testing.T) {
	db, s := practiceDB(t, 300, 9)
	path, _ := mustExport(t, db, "ehc.xlsx", export.Options{SurveyID: s.ID})
	wb := readWithPython(t, path)
	if len(wb.Charts) < 8 {
		t.Fatalf("only %d charts", len(wb.Charts))
	}
	for i, c := range wb.Charts {
		if strings.Join(c.Min, ",") != "0" {
			t.Errorf("chart %d (%s): value axis minimum %v, want 0", i+1, c.Title, c.Min)
		}
		if strings.Join(c.Vary, ",") != "0" || len(c.Series) != 1 || len(c.Series[0].Fills) != 1 {
			t.Errorf("chart %d (%s): colours vary %v, series %+v; want one colour", i+1, c.Title, c.Vary, c.Series)
		}
		if strings.Join(c.LabelPos, ",") != "outEnd" {
			t.Errorf("chart %d (%s): count labels at %v, want outEnd", i+1, c.Title, c.LabelPos)
		}
		if len(c.TextColours) < 3 {
			t.Errorf("chart %d (%s): words have no colour of their own: %v", i+1, c.Title, c.TextColours)
		}
		for _, colour := range c.TextColours {
			if ratio := contrast(t, colour, "FFFFFF"); ratio < 4.5 {
				t.Errorf("chart %d (%s): words in #%s on white have contrast %.1f:1, want 4.5:1 or more", i+1, c.Title, colour, ratio)
			}
		}
		if c.Title == "" || strings.HasPrefix(c.Title, "Count") {
			t.Errorf("chart %d has the title %q, want its question", i+1, c.Title)
		}
	}
	summary := wb.Sheets[2]
	l := summary.Layout
	if l.FitToWidth == nil || *l.FitToWidth != "1" || l.FitToHeight == nil || *l.FitToHeight != "0" || l.FitToPage == nil || *l.FitToPage != "true" {
		t.Errorf("Summary page setup: fit to width %v, height %v, fit to page %v", l.FitToWidth, l.FitToHeight, l.FitToPage)
	}
	if len(l.Breaks) == 0 || len(l.Anchors) != len(wb.Charts) {
		t.Fatalf("Summary has %d page breaks and %d charts placed", len(l.Breaks), len(l.Anchors))
	}
	for _, a := range l.Anchors {
		from, to := a[0]+1, a[1]+1 // the drawing counts rows from 0; breaks from 1, after the row
		for _, b := range l.Breaks {
			if from <= b && b < to {
				t.Errorf("a chart on rows %d to %d is split by the page break after row %d", from, to, b)
			}
		}
	}
	if summary.MaxRow != len(summary.Rows) {
		t.Errorf("Summary: dimension says %d rows, openpyxl read %d", summary.MaxRow, len(summary.Rows))
	}
}

// contrast is WCAG 2's contrast ratio of two sRGB colours written as hex.
func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	lum := func(hex string) float64 {
		v, err := strconv.ParseUint(hex, 16, 32)
		if err != nil || len(hex) != 6 {
			t.Fatalf("colour %q", hex)
		}
		var l float64
		for i, w := range []float64{0.2126, 0.7152, 0.0722} {
			c := float64(v>>(16-8*i)&0xFF) / 255
			if c <= 0.03928 {
				c /= 12.92
			} else {
				c = math.Pow((c+0.055)/1.055, 2.4)
			}
			l += w * c
		}
		return l
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
