package cli

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestImportForm_LeavesOutWhatItCannotAsk adds a KoboToolbox form that
// mixes questions Speakeasy asks with ones it cannot: the survey comes in
// with what fits, and each thing left out is named once with its rows.
func TestImportForm_LeavesOutWhatItCannotAsk(t *testing.T) {
	data := t.TempDir()
	form := formsDir + "kobo.xlsx"
	code, out, errOut := run(t, "import-form", "--data", data, form)
	if code != 0 || !hasLine(out, "Added survey kobo_household version 2024061001.") {
		t.Fatalf("exit %d, stdout:\n%s\nstderr: %s", code, out, errOut)
	}
	for _, want := range []string{
		form + ": survey sheet, rows 11 and 22, column type: Speakeasy cannot ask for a map point (geopoint). Left out: home and work_place.",
		form + ": survey sheet, rows 9 and 20, column relevant: the skip rule uses a row that is left out, so the question is always asked: works (uses ${adult} from row 8) and more (uses ${children} from row 16).",
	} {
		if !hasLine(out, want) {
			t.Errorf("missing line %q in:\n%s", want, out)
		}
	}
	db, err := OpenData(data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Survey("kobo_household", 0)
	if err != nil || len(s.Questions) != 8 {
		t.Fatalf("stored: %v, %v", s, err)
	}
}

// TestCheck_LeavesOutUnlessStrict checks a form with a map point: it can
// be used without that question, or, --strict, not at all.
func TestCheck_LeavesOutUnlessStrict(t *testing.T) {
	path := formsDir + "geopoint.xlsx"
	code, out, errOut := run(t, "check", path)
	if code != 0 || !hasLine(out, path+": survey sheet, row 3, column type: Speakeasy cannot ask for a map point (geopoint). Left out: where.") {
		t.Errorf("exit %d, stdout:\n%s\nstderr: %s", code, out, errOut)
	}
}

// TestCheck_ChoicesProblemOnce checks a form whose list is used by two
// questions: a problem in the list is said once, not once a question.
func TestCheck_ChoicesProblemOnce(t *testing.T) {
	x := excelize.NewFile()
	defer x.Close()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(x.SetSheetName(x.GetSheetName(0), "survey"))
	for i, row := range [][]any{{"type", "name", "label"}, {"select_one where", "bag", "Where is your bag?"}, {"select_one where", "coat", "Where is your coat?"}} {
		must(x.SetSheetRow("survey", "A"+string(rune('1'+i)), &row))
	}
	_, err := x.NewSheet("choices")
	must(err)
	for i, row := range [][]any{{"list_name", "name", "label"}, {"where", "home", "At home"}, {"where", "lost", "It was lost by staff"}} {
		must(x.SetSheetRow("choices", "A"+string(rune('1'+i)), &row))
	}
	path := filepath.Join(t.TempDir(), "things.xlsx")
	must(x.SaveAs(path))
	code, out, errOut := run(t, "check", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "choices sheet, row 3, column label:") {
			lines = append(lines, l)
		}
	}
	if len(lines) != 1 || strings.Contains(lines[0], "(question") {
		t.Errorf("choices sheet row 3 said %d times:\n%s", len(lines), out)
	}
}

// TestExportForm_Media saves the built-in survey with its pictures beside
// it, as ODK Collect wants them, each named as the form names it.
func TestExportForm_Media(t *testing.T) {
	dir := t.TempDir()
	form, media := filepath.Join(dir, "plan.xlsx"), filepath.Join(dir, "plan-media")
	code, out, errOut := run(t, "export-form", "--data", filepath.Join(dir, "data"), "--out", form, "--media", media)
	if code != 0 || !strings.Contains(out, "(pictures and sounds) in "+media+".") {
		t.Fatalf("exit %d, %q %s", code, out, errOut)
	}
	x, err := excelize.OpenFile(form)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("survey")
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "media::image::English (en)" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no media::image::English (en) column in %q", rows[0])
	}
	pictures := 0
	for _, r := range rows[1:] {
		if col >= len(r) || r[col] == "" {
			continue
		}
		pictures++
		f, err := os.Open(filepath.Join(media, r[col]))
		if err != nil {
			t.Errorf("the form names %q: %v", r[col], err)
			continue
		}
		if _, err := png.Decode(f); err != nil {
			t.Errorf("%s is not a PNG: %v", r[col], err)
		}
		f.Close()
	}
	if pictures == 0 {
		t.Error("the built-in survey names no pictures")
	}
}
