package app

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestExportPanel_AnySurveyAnyChoice: the panel opens on the laptop's
// survey and names it; staff choose another survey, CSV and codes, and
// the file holds that survey's answers as codes.
func TestExportPanel_AnySurveyAnyChoice(t *testing.T) {
	test.NewTempApp(t)
	db := exportTestDB(t) // 30 answers to "walk"
	if err := publishBuiltin(db); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	p := newExportPanel(w, db, "ehc-plan")
	w.SetContent(p.view())
	if !strings.Contains(p.choices.heading.Text, "Your plan") || !p.save.Disabled() {
		t.Fatalf("on the laptop's survey: %q, save off %v", p.choices.heading.Text, p.save.Disabled())
	}

	p.choices.survey.SetSelected("A walk (walk)")
	p.choices.format.SetSelected("CSV")
	p.choices.labels.SetSelected("Answers as codes")
	if got := strings.Join(p.choices.language.Options, ", "); got != "English, Cymraeg" {
		t.Errorf("languages offered: %s", got)
	}
	if p.choices.heading.Text != "Save the answers to A walk in a file" || p.save.Disabled() || p.save.Text != "Export to CSV" || !p.password.Disabled() {
		t.Fatalf("after choosing: %q, save %q off %v, password off %v", p.choices.heading.Text, p.save.Text, p.save.Disabled(), p.password.Disabled())
	}
	if name := p.choices.fileName(time.Now()); !strings.HasPrefix(name, "walk-answers-"+laptopName(db)+"-") || !strings.HasSuffix(name, ".csv") {
		t.Errorf("suggested name %q", name)
	}
	path := filepath.Join(t.TempDir(), "walk")
	p.pickSave = func(then func(string)) { then(path) }
	done := make(chan struct{}, 1)
	p.exported = func() { done <- struct{}{} }
	test.Tap(p.save)
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the export did not finish")
	}
	f, err := os.Open(path + ".csv")
	if err != nil {
		t.Fatalf("%v (%s)", err, p.message.Text)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != 31 || strings.TrimPrefix(rows[0][0], "\ufeff") != "who" { // the file starts with a BOM for Excel
		t.Fatalf("%d rows, first %v (%v)", len(rows), rows[:min(1, len(rows))], err)
	}
}
