package export_test

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"speakeasy/survey/export"
)

// needTool finds a program the tests read exports with, installed by
// .ci/deps.sh --e2e. Without it the test is skipped on a laptop, but
// fails under CI, where it must be there.
func needTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed; .ci/deps.sh --e2e installs it", name)
		}
		t.Skipf("%s is not installed (.ci/deps.sh --e2e installs it)", name)
	}
	return path
}

// psppTables runs syntax with GNU PSPP in dir and returns its output
// tables as CSV lines, failing on any warning or error.
func psppTables(t *testing.T, pspp, dir, syntax string) string {
	t.Helper()
	file := filepath.Join(dir, "check.sps")
	if err := os.WriteFile(file, []byte(syntax), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "check.csv")
	cmd := exec.Command(pspp, "-O", "format=csv", "-o", out, "check.sps")
	cmd.Dir = dir
	msgs, err := cmd.CombinedOutput()
	if err != nil || strings.Contains(string(msgs), "warning") || strings.Contains(string(msgs), "error") {
		t.Fatalf("pspp %s: %v\n%s", syntax, err, msgs)
	}
	tables, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(tables)
}

// TestExport_CodebookReadByPSPP exports the club's answers to CSV, runs
// the SPSS syntax written beside it with GNU PSPP to make an .sav file,
// and reads that file's dictionary and data back with PSPP.
func TestExport_CodebookReadByPSPP(t *testing.T) {
	pspp := needTool(t, "pspp")
	db, resps := clubDB(t)
	for _, codes := range []bool{true, false} {
		dir := t.TempDir()
		path := filepath.Join(dir, "club answers.csv")
		sum, err := export.Export(context.Background(), db, path, export.Options{SurveyID: "club", Codes: codes})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Codebook != filepath.Join(dir, "club answers.sps") {
			t.Fatalf("codebook %q", sum.Codebook)
		}
		psppTables(t, pspp, dir, "INCLUDE FILE='club answers.sps'.\n")
		tables := psppTables(t, pspp, dir, "GET FILE='club answers.sav'.\nDISPLAY DICTIONARY.\nLIST.\nSHOW N.\n")

		// Name, position, label ... print format, missing values.
		vars := map[string][]string{}
		for _, rec := range csvRecords(t, section(tables, "Table: Variables")) {
			vars[rec[0]] = rec
		}
		want := map[string][2]string{ // label, print format
			"age":            {"How old are you?", "F8.0"},
			"meeting":        {"When was your meeting?", "SDATE10"},
			"help_school":    {"What helps you most?: School", "F8.0"},
			"more":           {"Anything else?", "A9"}, // '@SUM(A1), made safe
			"uuid":           {"The response's own random code.", "A36"},
			"complete":       {"1 if the person reached the end, 0 if they stopped part way.", "F8.0"},
			"survey_version": {"The version of the survey the person answered.", "F8.0"},
		}
		if codes {
			want["listened"] = [2]string{"Did people listen?", "F8.0"}
			want["has_plan"] = [2]string{"Do you have a plan?", "A9"}
		}
		for name, w := range want {
			v := vars[name]
			if len(v) < 9 || v[2] != w[0] || v[7] != w[1] {
				t.Errorf("codes %v: variable %s is %q, want label %q and format %s", codes, name, v, w[0], w[1])
			}
		}
		if codes && vars["listened"][9] != "-9; -8" && vars["listened"][9] != "-8; -9" {
			t.Errorf("listened has missing values %q, want -8 and -9", vars["listened"][9])
		}
		labels := section(tables, "Table: Value Labels")
		for _, w := range []string{"Not finished", "Complete"} {
			if !strings.Contains(labels, w) {
				t.Errorf("codes %v: value labels have no %q:\n%s", codes, w, labels)
			}
		}
		if codes && !strings.Contains(labels, "-8.00[a],I don't know") && !strings.Contains(labels, "-8[a],I don't know") {
			t.Errorf("listened's -8 is not a labelled missing value:\n%s", labels)
		}
		if !strings.Contains(tables, "N is 5.") {
			t.Errorf("codes %v: PSPP read other than 5 cases:\n%s", codes, tables)
		}
		rows := csvRecords(t, section(tables, "Table: Data List"))
		if len(rows) != 6 || !strings.Contains(strings.Join(rows[1], ","), resps[0].ID) {
			t.Errorf("codes %v: PSPP's data %q", codes, rows)
		}
	}
}

// section is one table of PSPP's CSV output, without its title.
func section(tables, title string) string {
	_, after, ok := strings.Cut(tables, title+"\n")
	if !ok {
		return ""
	}
	body, _, _ := strings.Cut(after, "\n\n")
	return body
}

func csvRecords(t *testing.T, s string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(s))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%v in %q", err, s)
	}
	return recs
}
