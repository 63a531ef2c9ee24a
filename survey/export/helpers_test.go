package export_test

import (
	"archive/zip"
	"context"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"speakeasy/assets"
	"speakeasy/survey"
	"speakeasy/survey/export"
	"speakeasy/survey/fake"
	"speakeasy/survey/store"
)

// mustOpenDB opens a database in a fresh folder and closes it after the test.
func mustOpenDB(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.Open(filepath.Join(tb.TempDir(), "data"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// practiceDB holds count practice responses to the built-in survey.
func practiceDB(tb testing.TB, count int, seed uint64) (*store.DB, *survey.Survey) {
	tb.Helper()
	db := mustOpenDB(tb)
	data, _ := assets.BuiltinSurvey("ehc-plan")
	s, err := survey.Parse(data)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		tb.Fatal(err)
	}
	if _, err := fake.Responses(context.Background(), db, s, fake.Options{Count: count, Seed: seed}); err != nil {
		tb.Fatal(err)
	}
	return db, s
}

// mustPublish loads a survey from testdata and publishes it.
func mustPublish(tb testing.TB, db *store.DB, name string) *survey.Survey {
	tb.Helper()
	s, err := survey.Load(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		tb.Fatal(err)
	}
	return s
}

// walk drives one participant through s: "tap V", "text V", "next",
// "back" and "stop", each of which must succeed. Every screen takes a minute.
func walk(tb testing.TB, db *store.DB, s *survey.Survey, lang, event string, start time.Time, steps ...string) survey.Response {
	tb.Helper()
	now := start
	ss := survey.NewSession(s, survey.SessionOptions{Language: lang, DeviceID: db.DeviceID(), Event: event, Saver: db,
		Now: func() time.Time { return now }})
	for _, step := range steps {
		verb, arg, _ := strings.Cut(step, " ")
		var err error
		switch verb {
		case "tap":
			ss.Tap(arg)
		case "text":
			ss.SetText(arg)
		case "next":
			now = now.Add(time.Minute)
			err = ss.Next()
		case "back":
			err = ss.Back()
		case "stop":
			err = ss.Stop()
		case "hard":
			err = ss.MarkHard(arg) // a word of the question marked hard
		default:
			tb.Fatalf("unknown step %q", step)
		}
		if err != nil {
			tb.Fatalf("step %q: %v", step, err)
		}
	}
	return ss.Response()
}

// day is a local time on 1 May 2024.
func day(h, m int) time.Time { return time.Date(2024, 5, 1, h, m, 0, 0, time.Local) }

// clubDB holds five responses to two versions of the club survey: with
// skips, a changed answer that hides questions again, a stop part way, a
// Welsh one and formula-like words. They are returned in start order.
func clubDB(tb testing.TB) (*store.DB, []survey.Response) {
	tb.Helper()
	db := mustOpenDB(tb)
	v1 := mustPublish(tb, db, "club-v1.json")
	v2 := mustPublish(tb, db, "club-v2.json")
	if v1.Version != 1 || v2.Version != 2 {
		tb.Fatalf("versions %d and %d, want 1 and 2", v1.Version, v2.Version)
	}
	return db, []survey.Response{
		walk(tb, db, v1, "en", "Fair", day(10, 0),
			"tap parent", "next", "next", "tap yes", "next", "tap 3", "next", "tap doctor", "tap school", "next",
			"text 15", "next", "text 2024-03-02", "next", "tap b", "next", "text =1+1", "next"),
		walk(tb, db, v1, "cy", "Fair", day(10, 5),
			"tap self", "next", "next", "tap no", "next", "text 9", "next", "tap a", "next", "text @SUM(A1)", "next"),
		walk(tb, db, v2, "en", "Club night", day(11, 0),
			"tap self", "next", "next", "tap yes", "next", "tap dont_know", "next", "tap prefer_not", "next",
			"text 12", "next", "tap bus", "next", "next"),
		walk(tb, db, v2, "en", "Club night", day(11, 30),
			"tap parent", "next", "next", "tap dont_know", "next", "text 40", "next", "stop"),
		walk(tb, db, v2, "en", "Club night", day(12, 0),
			"tap self", "next", "next", "tap yes", "next", "tap 2", "next", "tap family", "tap friends",
			"back", "back", "tap no", "next", "text 20", "next", "tap walk", "next", "text -dash", "next"),
	}
}

// metaHeaders are the last columns of every export.
var metaHeaders = []string{"_id", "_uuid", "_submission_time", "_device", "_event", "_survey_version", "_language",
	"_answered_by", "_started", "_finished", "_complete", "_index"}

// clubHeaders are the Responses sheet's header row for the club survey in English.
var clubHeaders = append([]string{
	"Who is answering?", "Do you have a plan?", "Did people listen?", "What helps you most?",
	"What helps you most?/School", "What helps you most?/Doctor", "What helps you most?/Family",
	"What helps you most?/Friends", "What helps you most?/I don't want to say",
	"How old are you?", "How do you get here?", "When was your meeting?", "Anything else?", "Old question?",
}, metaHeaders...)

var clubCodeHeaders = append([]string{
	"who", "has_plan", "listened", "help", "help/school", "help/doctor", "help/family", "help/friends", "help/prefer_not",
	"age", "travel", "meeting", "more", "old_q",
}, metaHeaders...)

// clubRows are the expected question cells of the five club responses, as
// excelize reads them back (numbers raw); "" is an empty cell. Version 1
// did not offer "Friends", so its 1/0 cell is empty for the first response.
var clubRows = [][]string{
	{"A parent", "Yes", "Good", "Doctor, School", "1", "1", "0", "", "0", "15", "", "2024-03-02", "=1+1", "Answer B"},
	{"Me", "No", "", "", "", "", "", "", "", "9", "", "", "@SUM(A1)", "Answer A"},
	{"Me", "Yes", "I don't know", "I don't want to say", "0", "0", "0", "0", "1", "12", "Bus", "", "", ""},
	{"A parent", "I don't know", "", "", "", "", "", "", "", "40", "", "", "", ""},
	{"Me", "No", "", "", "", "", "", "", "", "20", "Walk", "", "-dash", ""},
}

var clubCodeRows = [][]string{
	{"parent", "yes", "3", "doctor school", "1", "1", "0", "", "0", "15", "", "2024-03-02", "=1+1", "b"},
	{"self", "no", "", "", "", "", "", "", "", "9", "", "", "@SUM(A1)", "a"},
	{"self", "yes", "-8", "prefer_not", "0", "0", "0", "0", "1", "12", "bus", "", "", ""},
	{"parent", "dont_know", "", "", "", "", "", "", "", "40", "", "", "", ""},
	{"self", "no", "", "", "", "", "", "", "", "20", "walk", "", "-dash", ""},
}

func mustExport(tb testing.TB, db *store.DB, name string, opts export.Options) (string, export.Summary) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	sum, err := export.Export(context.Background(), db, path, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return path, sum
}

func mustOpenWorkbook(tb testing.TB, path string, opts ...excelize.Options) *excelize.File {
	tb.Helper()
	f, err := excelize.OpenFile(path, opts...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

// sheetRows reads a sheet's cells as text, dates and numbers unformatted.
func sheetRows(tb testing.TB, f *excelize.File, sheet string) [][]string {
	tb.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		tb.Fatal(err)
	}
	return rows
}

// cell is rows[r][c], or "" past the end of a short row.
func cell(rows [][]string, r, c int) string {
	if r >= len(rows) || c >= len(rows[r]) {
		return ""
	}
	return rows[r][c]
}

// checkRows compares the question cells of each response's row.
func checkRows(t *testing.T, rows [][]string, want [][]string, dates map[int]bool) {
	t.Helper()
	if len(rows) != len(want)+1 {
		t.Fatalf("%d rows, want a header and %d responses", len(rows), len(want))
	}
	for i, w := range want {
		for c, wc := range w {
			got := cell(rows, i+1, c)
			if dates[c] && got != "" {
				got = excelDay(t, got)
			}
			if got != wc {
				t.Errorf("response %d, column %s (%s): got %q, want %q", i+1, colName(c), cell(rows, 0, c), got, wc)
			}
		}
	}
}

func colName(c int) string {
	n, _ := excelize.ColumnNumberToName(c + 1)
	return n
}

// excelTime reads an Excel date number.
func excelTime(tb testing.TB, serial string) time.Time {
	tb.Helper()
	f, err := strconv.ParseFloat(serial, 64)
	if err != nil {
		tb.Fatalf("%q is not an Excel date number: %v", serial, err)
	}
	t, err := excelize.ExcelDateToTime(f, false)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func excelDay(tb testing.TB, serial string) string {
	return excelTime(tb, serial).Format("2006-01-02")
}

// local is t as _started and _finished give it: local time and its offset.
func local(t time.Time) string { return t.Local().Format("2006-01-02T15:04:05-07:00") }

// zipParts reads every part of a workbook (a zip file) by name.
func zipParts(tb testing.TB, path string) map[string]string {
	tb.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer z.Close()
	out := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		body, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			tb.Fatal(err)
		}
		out[f.Name] = string(body)
	}
	return out
}
