package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/report/pdftext"
	"speakeasy/survey/store"
)

// clubData makes a data folder where 12 people at "Library day" and 6 at
// "Park day" answered the club survey's faces question: at the library 7
// said Good and 5 OK; in the park all 6 said Good.
func clubData(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := survey.Load("../../../survey/report/testdata/club.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting("kiosk_survey", "club"); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2024, 6, 3, 10, 0, 0, 0, time.Local)
	for i := range 18 {
		event, face := "Library day", "3"
		if i >= 7 && i < 12 {
			face = "2"
		}
		if i >= 12 {
			event = "Park day"
		}
		at := start.Add(time.Duration(i) * time.Minute)
		r := survey.Response{ID: "r" + string(rune('a'+i)), SurveyID: "club", Version: 1, DeviceID: "d", Event: event,
			Language: "en", Started: at, Updated: at, Finished: at, Status: survey.Complete}
		if err := db.Save(survey.Change{Response: r, Set: map[string]survey.Answer{"fun": {face}}, Kinds: map[string]survey.Kind{"fun": survey.KindFaces}}); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// readPDF reads a PDF's words with pdftotext.
func readPDF(t *testing.T, path string) string {
	t.Helper()
	return pdftext.ReadFile(t, path)
}

func TestReport_WritesPDF(t *testing.T) {
	data := clubData(t)
	dir := t.TempDir()
	weWill := filepath.Join(dir, "we-will.txt")
	if err := os.WriteFile(weWill, []byte("We will buy more games.\nThe multi-agency panel will be notified.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		stdout     string
		stderr     []string
		want, lack []string
	}{
		{"every event", nil, "Saved the report of 18 people's answers to ", nil,
			[]string{"You said Our family day 18 people answered.", "Where: Library day and Park day.", "When: June 2024.",
				"Most people said “Good”.", "13 people said “Good”.", "5 people said “OK”.",
				"How did you get here? Not enough people answered this question to show it."},
			nil},
		{"one event, with staff words", []string{"--event", "Library day", "--we-will", weWill},
			"Saved the report of 12 people's answers to ",
			[]string{`The words for "What we will do" may be hard to read`, "multi-agency"},
			[]string{"12 people answered.", "Where: Library day.", "7 people said “Good”.",
				"What we will do We will buy more games. The multi-agency panel will be notified."},
			[]string{"Park day"}},
		{"in Welsh", []string{"--lang", "cy", "--since", "2024-06-03", "--until", "2024-06-03"}, "Saved the report of 18 people's answers to ", nil,
			[]string{"Atebodd 18 o bobl.", "Pryd: Mehefin 2024.", "Dywedodd 13 o bobl “Da”.", "Dywedodd 5 o bobl “Iawn”."},
			[]string{"people"}},
		{"then and now", []string{"--compare", "Library day", "Park day"}, "Saved the report of 12 and 6 people's answers to ", nil,
			[]string{"Then and now", "At Library day, 7 of 12 people said “Good”. At Park day, 6 of 6 people said “Good”. More people now."},
			[]string{"said “OK”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".pdf")
			code, stdout, stderr := run(t, "report", append([]string{"--data", data, "--out", out}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if stdout != tt.stdout+out+"\n" {
				t.Errorf("stdout %q", stdout)
			}
			for _, w := range tt.stderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q does not say %q", stderr, w)
				}
			}
			if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o600 {
				t.Fatalf("the report file: %v, %v; want it readable only by its owner", info, err)
			}
			text := readPDF(t, out)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("the report does not say %q:\n%s", w, text)
				}
			}
			for _, l := range tt.lack {
				if strings.Contains(text, l) {
					t.Errorf("the report says %q", l)
				}
			}
		})
	}
}

func TestReport_ReplacesOnlyWhenAsked(t *testing.T) {
	data := clubData(t)
	out := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(out, []byte("last year's report"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "report", "--data", data, "--out", out)
	if b, _ := os.ReadFile(out); code != 1 || !strings.Contains(stderr, "is already there; choose another name, or add --replace") || string(b) != "last year's report" {
		t.Errorf("without --replace: exit %d, %q, file %q", code, stderr, b)
	}
	if code, _, stderr := run(t, "report", "--data", data, "--out", out, "--replace"); code != 0 || !strings.Contains(readPDF(t, out), "18 people answered.") {
		t.Errorf("with --replace: exit %d, %q", code, stderr)
	}
}

func TestReport_PlainErrors(t *testing.T) {
	data := clubData(t)
	out := filepath.Join(t.TempDir(), "r.pdf")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no --out", []string{"--data", data}, 2, "say where to save the PDF with --out FILE"},
		{"a bad day", []string{"--data", data, "--out", out, "--since", "3/6/2024"}, 1, "--since: write the day as year-month-day"},
		{"too few people", []string{"--data", data, "--out", out, "--min-people", "20"}, 1, "not enough people answered to make a report: 18 answered, and a report needs at least 20"},
		{"an event nobody came to", []string{"--data", data, "--out", out, "--event", "Zoo day"}, 1, "0 answered"},
		{"a language without report words", []string{"--data", data, "--out", out, "--lang", "pl"}, 1, "English (en) and Welsh (cy) only"},
		{"compare with one event", []string{"--data", data, "--out", out, "--compare", "Library day"}, 2, "--compare needs two events"},
		{"an unknown survey", []string{"--data", data, "--out", out, "--survey", "nope"}, 1, `no survey "nope"`},
		{"a missing staff file", []string{"--data", data, "--out", out, "--we-will", "/no/such/file.txt"}, 1, `cannot read the words for "What we will do"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, "report", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d saying %q", code, stderr, tt.code, tt.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a failed report left a file behind")
			}
		})
	}
}
