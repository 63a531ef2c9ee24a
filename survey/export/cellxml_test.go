package export

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// excelizeSheetData writes rows with excelize's own StreamWriter (after
// setup, which may set column styles) and returns what it put between
// <sheetData> and </sheetData>; the rows are numbered from first.
func excelizeSheetData(t *testing.T, setup func(*excelize.File, *excelize.StreamWriter) error, rows [][]any, first int) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if setup != nil {
		if err := setup(f, sw); err != nil {
			t.Fatal(err)
		}
	}
	for i, row := range rows {
		if err := sw.SetRow(cellName(1, first+i), row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return string(sheetData(t, buf.Bytes(), "xl/worksheets/sheet1.xml"))
}

// sheetData is what a workbook's part holds between <sheetData> and
// </sheetData>.
func sheetData(t *testing.T, workbook []byte, part string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(part)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	xml, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	start, end := bytes.Index(xml, []byte("<sheetData>")), bytes.LastIndex(xml, []byte("</sheetData>"))
	if start < 0 || end < start {
		t.Fatalf("%s has no sheetData: %.300s", part, xml)
	}
	return xml[start+len("<sheetData>") : end]
}

// trickyString is a string made of the pieces that need care in a cell.
func trickyString(r *rand.Rand) string {
	pieces := []string{"_x", "0041", "D800", "_", "x005F", "_x005F_", "&", "<", "'", "\"", "\n", "\r", "\t", " ",
		"a", "é", "ŵ", "\xff", "\uFFFE", "\x01", "😀", "\uFFFD", "Z"}
	var b strings.Builder
	for range r.IntN(12) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestRowEncoder_SameAsExcelize(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		london = time.FixedZone("BST", 3600)
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	emoji := strings.Repeat("😀", 20000) // 40,000 UTF-16 units
	rows := [][]any{
		{1, 0, -7, int64(1) << 40, int32(-3), true, false, nil, "after a gap"},
		{int8(-8), int16(300), uint(7), uint64(1) << 63, uint32(9), uint16(65535), uint8(255), float32(0.1), float32(1e20), float32(math.NaN())},
		{0.0, math.Copysign(0, -1), 1.5, 0.1 + 0.2, 1e20, 123456789012345678.0, -1e-7, 1.0 / 3, math.MaxFloat64},
		{math.NaN(), math.Inf(1), math.Inf(-1), -8.0, -9.0, 37.0, 2.5e-300, 99999999999999999.0, 1234567.891011121314},
		{"", "plain", " lead", "trail ", "\ttab", "a\nb", "a\r\nb", `<&>"'`, "\x01bad", "bad \xff byte", "\uFFFE"},
		{"Cymraeg ŵŷ", "اردو", "😀", "_x0041_", "_x005F_x0041_", "_x005F_", "_xD800_", "a_x12_b", "_x0041__x0042_", "x0041_x0042_"},
		{strings.Repeat("a", 40000), emoji, " " + strings.Repeat("b", 33000), strings.Repeat("é", 20000)},
		{day(2024, 5, 1), day(1900, 1, 1), day(1900, 2, 28), day(1900, 3, 1), day(1899, 12, 30), day(1800, 1, 1),
			time.Date(2024, 5, 1, 13, 45, 30, 123e6, time.UTC), time.Date(2024, 7, 1, 9, 0, 0, 0, london), day(2500, 1, 1)},
		{excelize.Cell{StyleID: 1, Value: "styled"}, excelize.Cell{StyleID: 1}, excelize.Cell{Value: 5}, excelize.Cell{StyleID: 1, Value: 2.5}},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		row := make([]any, 10)
		for i := range row {
			row[i] = trickyString(r)
		}
		rows = append(rows, row)
	}
	const dateCol = 3 // every row has a column C styled as a date, as the export's are
	var style, timeStyle int
	setup := func(f *excelize.File, sw *excelize.StreamWriter) error {
		format := "yyyy-mm-dd"
		var err error
		if style, err = f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
			return err
		}
		if timeStyle, err = f.NewStyle(&excelize.Style{NumFmt: 22}); err != nil {
			return err
		}
		return sw.SetColStyle(dateCol, dateCol, style)
	}
	want := excelizeSheetData(t, setup, rows, 2)
	enc := newRowEncoder(12, func(col int) int {
		if col == dateCol-1 {
			return style
		}
		return 0
	})
	enc.timeStyle = timeStyle
	var got []byte
	for i, row := range rows {
		got = enc.appendRow(got, i+2, row)
	}
	if string(got) != want {
		gotRows, wantRows := strings.SplitAfter(string(got), "</row>"), strings.SplitAfter(want, "</row>")
		for i := range min(len(gotRows), len(wantRows)) {
			if gotRows[i] != wantRows[i] {
				t.Fatalf("row %d differs from excelize's:\n got %.600q\nwant %.600q", i+2, gotRows[i], wantRows[i])
			}
		}
		t.Fatalf("%d rows, excelize %d", len(gotRows), len(wantRows))
	}
}

// TestRowEncoder_ExportRowsSameAsExcelize writes real rows of the
// benchmark's survey both ways, with the export's own sheet setup.
func TestRowEncoder_ExportRowsSameAsExcelize(t *testing.T) {
	db := smallBenchDB(t, 300, 3)
	p, err := newPlan(db, Options{SurveyID: "bench"})
	if err != nil {
		t.Fatal(err)
	}
	rows := sampleRows(t, db, p, 0)
	var st styles
	setup := func(f *excelize.File, sw *excelize.StreamWriter) (err error) {
		if st, err = newStyles(f); err != nil {
			return err
		}
		return startSheet(sw, p.cols, st)
	}
	want := excelizeSheetData(t, setup, rows, 2)
	want = want[strings.Index(want, "</row>")+len("</row>"):] // the header is excelize's in the export too
	enc := p.responsesEncoder(st)
	var got []byte
	for i, row := range rows {
		got = enc.appendRow(got, i+2, row)
	}
	if string(got) != want {
		t.Fatalf("the export's rows differ from excelize's:\n got %.800s\nwant %.800s", got, want)
	}
}
