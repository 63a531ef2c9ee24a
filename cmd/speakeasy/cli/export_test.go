package cli

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// practiceData makes a data folder with n practice responses to the built-in survey.
func practiceData(t *testing.T, n string) string {
	t.Helper()
	data := filepath.Join(t.TempDir(), "data")
	code, stdout, stderr := run(t, "fake-responses", "--data", data, "--survey", "ehc-plan", "--count", n, "--seed", "7")
	if code != 0 || !strings.Contains(stdout, "Made "+n+" practice responses to \"ehc-plan\" (") {
		t.Fatalf("fake-responses: exit %d, %q, %q", code, stdout, stderr)
	}
	if strings.Contains(stderr, "Made ") {
		t.Errorf("fake-responses wrote progress lines into a file that is not a terminal: %q", stderr)
	}
	return data
}

func TestExport_WritesWorkbook(t *testing.T) {
	data := practiceData(t, "40")
	out := filepath.Join(t.TempDir(), "answers.xlsx")
	code, stdout, stderr := run(t, "export", "--data", data, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "Saved 40 responses (") || !strings.HasSuffix(stdout, " not finished) to "+out+"\n") {
		t.Errorf("summary %q", stdout)
	}
	if strings.Contains(stderr, "Exported") {
		t.Errorf("progress lines in a file that is not a terminal: %q", stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Responses")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 41 || rows[0][0] != "Who is answering?" {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	event := -1
	for i, h := range rows[0] {
		if h == "_event" {
			event = i
		}
	}
	for _, r := range rows[1:] {
		if event < 0 || event >= len(r) || !strings.HasPrefix(r[event], "Practice: ") {
			t.Fatalf("practice response without a practice event: %q", r)
		}
	}
}

func TestExport_CSVAndCodes(t *testing.T) {
	data := practiceData(t, "10")
	out := filepath.Join(t.TempDir(), "answers.txt")
	code, stdout, stderr := run(t, "export", "--data", data, "--format", "csv", "--codes", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Saved the codebook for SPSS and PSPP to "+filepath.Join(filepath.Dir(out), "answers.sps")) {
		t.Errorf("stdout %q does not say where the codebook is", stdout)
	}
	body, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 11 || records[0][0] != "who" || records[0][len(records[0])-1] != "_index" {
		t.Fatalf("%d records, header %q", len(records), records[0])
	}
	// The codebook beside it, named for it even without .csv.
	sps, err := os.ReadFile(filepath.Join(filepath.Dir(out), "answers.sps"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/FILE='answers.txt'", "SAVE OUTFILE='answers.sav'.", "VARIABLE LABELS", "MISSING VALUES"} {
		if !strings.Contains(string(sps), want) {
			t.Errorf("the codebook has no %q", want)
		}
	}
}

func TestExport_Password(t *testing.T) {
	data := practiceData(t, "5")
	out := filepath.Join(t.TempDir(), "locked.xlsx")
	if code, _, stderr := run(t, "export", "--data", data, "--password", "open sesame", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if f, err := excelize.OpenFile(out); err == nil {
		f.Close()
		t.Fatal("opened without the password")
	}
	f, err := excelize.OpenFile(out, excelize.Options{Password: "open sesame"})
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestExport_Errors(t *testing.T) {
	data := practiceData(t, "3")
	empty := filepath.Join(t.TempDir(), "empty")
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no --out", []string{"--data", data}, 2, "say where to save the file with --out FILE"},
		{"unknown format", []string{"--data", data, "--out", filepath.Join(dir, "a.pdf")}, 2, "the format is xlsx or csv"},
		{"no such survey", []string{"--data", data, "--survey", "nope", "--out", filepath.Join(dir, "a.xlsx")}, 1, `"nope" is not in this data`},
		{"no results folder", []string{"--data", empty, "--out", filepath.Join(dir, "a.xlsx")}, 1, "There are no Speakeasy results in " + empty},
		{"missing folder", []string{"--data", data, "--out", filepath.Join(dir, "gone", "a.xlsx")}, 1, "does not exist"},
		{"password on csv", []string{"--data", data, "--password", "x", "--out", filepath.Join(dir, "a.csv")}, 1, "a CSV file cannot have a password"},
		{"unknown language", []string{"--data", data, "--lang", "fr", "--out", filepath.Join(dir, "a.xlsx")}, 1, `no words in the language "fr"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "export", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.code, tt.want)
			}
			if stdout != "" {
				t.Errorf("printed %q on failure", stdout)
			}
		})
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 0 {
		t.Errorf("failed exports left files: %v", left)
	}
}

func TestFakeResponses_Errors(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if code, _, stderr := run(t, "fake-responses", "--data", data); code != 2 || !strings.Contains(stderr, "--count N") {
		t.Errorf("no count: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "fake-responses", "--data", data, "--survey", "nope", "--count", "3"); code != 1 || !strings.Contains(stderr, `there is no survey "nope"`) {
		t.Errorf("unknown survey: exit %d, %q", code, stderr)
	}
}

func TestExport_Help(t *testing.T) {
	for _, name := range []string{"export", "fake-responses"} {
		code, _, stderr := run(t, name, "--help")
		if code != 0 || !strings.Contains(stderr, "Usage: speakeasy "+name) || !strings.Contains(stderr, "-data") {
			t.Errorf("%s --help: exit %d, %q", name, code, stderr)
		}
	}
}
