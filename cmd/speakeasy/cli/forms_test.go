package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"speakeasy/assets"
	"speakeasy/survey"
	"speakeasy/survey/xlsform"
)

const (
	walkJSON = "../../../survey/testdata/walk.json"
	formsDir = "../../../testdata/xlsform/"
)

// lines splits output into its lines.
func lines(s string) []string { return strings.Split(strings.TrimSuffix(s, "\n"), "\n") }

// hasLine reports whether out has exactly this line.
func hasLine(out, line string) bool {
	for _, l := range lines(out) {
		if l == line {
			return true
		}
	}
	return false
}

// builtinFile writes the built-in EHC plan survey to a .json file.
func builtinFile(t *testing.T) string {
	t.Helper()
	data, _ := assets.BuiltinSurvey("ehc-plan")
	path := filepath.Join(t.TempDir(), "ehc-plan.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheck_BuiltinSurveyHasNoWarnings(t *testing.T) {
	path := builtinFile(t)
	code, out, errOut := run(t, "check", path)
	if code != 0 || out != path+": no warnings; the words look easy to read.\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestCheck_ListsWarningsAndExitsZero(t *testing.T) {
	code, out, errOut := run(t, "check", walkJSON)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		walkJSON + `: question "who", field text, language cy: These words are missing in Cymraeg. Add them, so people who choose Cymraeg can read them.`,
		walkJSON + `: question "who", field choices, answer "parent", language cy: These words are missing in Cymraeg. Add them, so people who choose Cymraeg can read them.`,
		walkJSON + `: question "hello", field picture: This screen has no picture. Add one, so people who do not read well can follow.`,
		walkJSON + `: question "help", field choices, answer "school": The answer "School" has no picture. Add one, so people who do not read well can choose it.`,
	} {
		if !hasLine(out, want) {
			t.Errorf("missing line %q in:\n%s", want, out)
		}
	}
	last := lines(out)[len(lines(out))-1]
	if !strings.HasPrefix(last, walkJSON+": ") || !strings.HasSuffix(last, " warnings to look at.") {
		t.Errorf("last line %q", last)
	}
}

func TestCheck_OwnJargonList(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "words.txt")
	if err := os.WriteFile(list, []byte("walk -> stroll\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The flag may come after the file, as people type it.
	code, out, errOut := run(t, "check", walkJSON, "--jargon", list)
	want := walkJSON + `: field title, language en: Some people will not know "walk". Try "stroll".`
	if code != 0 || !hasLine(out, want) {
		t.Errorf("exit %d, want line %q in:\n%s%s", code, want, out, errOut)
	}
	if code, _, errOut := run(t, "check", "--jargon", filepath.Join(dir, "none.txt"), walkJSON); code != 1 || !strings.Contains(errOut, "cannot read the word list") {
		t.Errorf("a missing list: exit %d, %q", code, errOut)
	}
	code, out, _ = run(t, "check", "--print-jargon")
	if code != 0 || !strings.Contains(out, "equine therapy -> horse riding") {
		t.Errorf("--print-jargon: exit %d, %q", code, out)
	}
}

func TestCheck_InvalidSurveyExitsOne(t *testing.T) {
	s, err := survey.Load(walkJSON)
	if err != nil {
		t.Fatal(err)
	}
	s.Questions[1].Relevant = "${more} = 'x'"
	s.Questions[2].Kind = "slider"
	body, _ := s.Marshal()
	path := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "check", path)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{
		path + `: question "hello", field "relevant": the skip rule uses ${more}, which is not an earlier question`,
		path + `: question "has_plan", field "kind": "slider" is not a kind of question; use one of note, one, many, faces, yesno, text, number, date`,
		"speakeasy check: " + path + " cannot be used: 3 problems",
	} {
		if !hasLine(errOut, want) {
			t.Errorf("missing line %q in:\n%s", want, errOut)
		}
	}
}

func TestCheck_XLSForm(t *testing.T) {
	path := formsDir + "full.xlsx"
	code, out, errOut := run(t, "check", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		// What reading left out, then the warnings, each with its row and column.
		path + `: survey sheet, rows 2, 3, 4 and 1 more (4 in all), column type: Speakeasy saves the times, the day and the laptop of every answer itself, so these rows are left out: start, end, today and deviceid.`,
		path + `: survey sheet, row 11, column Label::Cymraeg (cy) (question "listened"): These words are missing in Cymraeg. Add them, so people who choose Cymraeg can read them.`,
		path + `: choices sheet, row 19, column label::Cymraeg (cy): These words are missing in Cymraeg.`,
		path + `: settings sheet, row 2, column speakeasy_welcome::Cymraeg (cy): These words are missing in Cymraeg. Add them, so people who choose Cymraeg can read them.`,
	} {
		if !hasLine(out, want) && !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

func TestCheck_RefusedXLSFormExitsOne(t *testing.T) {
	path := formsDir + "geopoint.xlsx"
	code, _, errOut := run(t, "check", "--strict", path)
	want := path + ": survey sheet, row 3, column type: Speakeasy cannot ask for a map point (geopoint).\n" +
		"speakeasy check: " + path + " cannot be used: 1 problem\n"
	if code != 1 || errOut != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, errOut, want)
	}
	code, _, errOut = run(t, "check", formsDir+"not_a_workbook.xlsx")
	if code != 1 || !strings.Contains(errOut, "not_a_workbook.xlsx: the file is not an Excel workbook") {
		t.Errorf("not a workbook: exit %d, %q", code, errOut)
	}
}

func TestCheck_Usage(t *testing.T) {
	if code, _, _ := run(t, "check"); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
	if code, _, errOut := run(t, "check", "--help"); code != 0 || !strings.Contains(errOut, "Usage: speakeasy check") {
		t.Errorf("--help: exit %d, %q", code, errOut)
	}
}

// copyForm copies a form and the files beside it into a new folder.
func copyForm(t *testing.T, name string, media ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range append(media, name) {
		data, err := os.ReadFile(formsDir + f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, name)
}

func TestImportForm_AddsTheSurvey(t *testing.T) {
	form := copyForm(t, "full.xlsx", "photo.png", "hello.mp3")
	data := t.TempDir()
	code, out, errOut := run(t, "import-form", form, "--data", data)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !hasLine(out, "Added survey full_form version 3.") ||
		!hasLine(out, form+`: choices sheet, row 23: no question uses the list "spare", so it is left out.`) {
		t.Errorf("output:\n%s", out)
	}

	db, err := OpenData(data)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := db.Survey("full_form", 0)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := xlsform.ReadFile(form)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := marshalOf(t, stored), marshalOf(t, want); a != b {
		t.Errorf("stored survey differs from the form:\n%s\n%s", a, b)
	}

	code, out, _ = run(t, "import-form", "--data", data, form)
	if code != 0 || !hasLine(out, "Survey full_form is here already as version 3; nothing changed.") {
		t.Errorf("second import: exit %d:\n%s", code, out)
	}
}

func TestImportForm_RefusedFormAddsNothing(t *testing.T) {
	data := t.TempDir()
	code, out, errOut := run(t, "import-form", "--strict", "--data", data, formsDir+"repeat.xlsx")
	if code != 1 || strings.Contains(out, "Added") ||
		!strings.Contains(errOut, "repeat.xlsx: survey sheet, row 3, column type: Speakeasy cannot ask the same questions again and again (begin_repeat)") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	db, err := OpenData(data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Survey("refused", 0); err == nil {
		t.Error("the refused survey was stored")
	}
}

func marshalOf(t *testing.T, s *survey.Survey) string {
	t.Helper()
	b, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExportForm_RoundTrip saves surveys as XLSForm, adds them to another
// laptop, saves them back as JSON, and finds them unchanged.
func TestExportForm_RoundTrip(t *testing.T) {
	builtin, err := survey.Load(builtinFile(t))
	if err != nil {
		t.Fatal(err)
	}
	walk, err := survey.Load(walkJSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, from, added string
		want              *survey.Survey
	}{
		{"walk", walkJSON, "Added survey walk version 1.", walk},
		// The other laptop has the built-in survey already, the same.
		{"ehc-plan", "ehc-plan", "Survey ehc-plan is here already as version 1; nothing changed.", builtin},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			form := filepath.Join(dir, tc.name+".xlsx")
			code, out, errOut := run(t, "export-form", "--survey", tc.from, "--data", filepath.Join(dir, "a"), "--out", form)
			if code != 0 || out != "Saved survey "+tc.name+" version 1 to "+form+".\n" {
				t.Fatalf("export-form: exit %d, %q %s", code, out, errOut)
			}
			code, out, errOut = run(t, "import-form", "--data", filepath.Join(dir, "b"), form)
			if code != 0 || !hasLine(out, tc.added) {
				t.Fatalf("import-form: exit %d, %q %s", code, out, errOut)
			}
			back := filepath.Join(dir, "back.json")
			if code, _, errOut := run(t, "export-form", "--survey", tc.name, "--data", filepath.Join(dir, "b"), "--out", back); code != 0 {
				t.Fatalf("export-form to JSON: exit %d: %s", code, errOut)
			}
			got, err := survey.Load(back)
			if err != nil {
				t.Fatal(err)
			}
			if a, b := marshalOf(t, got), marshalOf(t, tc.want); a != b {
				t.Errorf("the survey changed on its way:\n%s\nwant:\n%s", a, b)
			}
		})
	}
}

func TestExportForm_Errors(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if code, _, errOut := run(t, "export-form", "--data", data, "--out", filepath.Join(dir, "x.csv")); code != 2 ||
		!strings.Contains(errOut, "The --out file must end in .xlsx or .json.") {
		t.Errorf("a .csv file: exit %d, %q", code, errOut)
	}
	code, _, errOut := run(t, "export-form", "--data", data, "--survey", "nothing", "--out", filepath.Join(dir, "x.xlsx"))
	if code != 1 || !strings.Contains(errOut, `there is no survey "nothing"`) {
		t.Errorf("an unknown survey: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.xlsx")); !os.IsNotExist(err) {
		t.Errorf("a file was left behind: %v", err)
	}
	code, _, errOut = run(t, "export-form", "--data", data, "--survey", "ehc-plan", "--version", "9", "--out", filepath.Join(dir, "x.json"))
	if code != 1 || !strings.Contains(errOut, "there is no version 9") {
		t.Errorf("an unknown version: exit %d, %q", code, errOut)
	}
}
