package app

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"speakeasy/survey"
	"speakeasy/survey/check"
	"speakeasy/survey/fake"
	"speakeasy/survey/store"
)

// exportTestDB holds 30 practice responses to the walk survey, all on one
// day of one event.
func exportTestDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := survey.Load("../survey/testdata/walk.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		t.Fatal(err)
	}
	end := time.Date(2024, 6, 3, 16, 0, 0, 0, time.Local)
	if _, err := fake.Responses(context.Background(), db, s, fake.Options{Count: 30, Seed: 4, End: end, Events: []string{"Library day"}}); err != nil {
		t.Fatal(err)
	}
	return db
}

func labelTexts(c *fyne.Container) []string {
	var out []string
	for _, o := range c.Objects {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}

func TestExportPanel_SavesLockedWorkbook(t *testing.T) {
	test.NewTempApp(t)
	db := exportTestDB(t)
	c, _ := db.CountResponses("walk", time.Time{})
	w := test.NewTempWindow(t, nil)
	p := newExportPanel(w, db, "walk")
	w.SetContent(p.view())

	lines := append(labelTexts(p.counts), p.total.Text)
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "Library day on ") || !strings.HasSuffix(lines[2], " not finished.") {
		t.Fatalf("counts %q, want two days of Library day and a total", lines)
	}
	want := "In all: " + strconv.Itoa(c.Complete) + " finished, " + strconv.Itoa(c.Incomplete) + " not finished."
	if lines[2] != want {
		t.Errorf("total %q, want %q", lines[2], want)
	}

	path := filepath.Join(t.TempDir(), "walk")
	p.pickSave = func(then func(string)) { then(path) }
	test.Type(p.password, "library 2024")
	done := make(chan struct{}, 1)
	p.exported = func() { done <- struct{}{} }
	test.Tap(p.save)
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the export did not finish")
	}
	msg := messageText(p)
	if want := "Saved 30 responses to " + path + ".xlsx. Only people with the password can open the file."; msg != want {
		t.Fatalf("message %q, want %q", msg, want)
	}
	if p.save.Disabled() {
		t.Error("the button stays off after saving")
	}

	f, err := excelize.OpenFile(path+".xlsx", excelize.Options{Password: "library 2024"})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Responses")
	if err != nil || len(rows) != 31 || rows[0][0] != "Who is answering?" {
		t.Fatalf("%d rows (%v)", len(rows), err)
	}
}

func TestExportPanel_NoAnswersYet(t *testing.T) {
	test.NewTempApp(t)
	db, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p := newExportPanel(test.NewTempWindow(t, nil), db, "walk")
	if lines := append(labelTexts(p.counts), p.total.Text); len(lines) != 1 || lines[0] != "Nobody has answered this survey yet." {
		t.Fatalf("counts %q", lines)
	}
	if !p.save.Disabled() {
		t.Error("Export is on with nothing to export")
	}
}

// TestExportPanel_WordsAreEasyRead checks the panel's own words with the
// app's easy-read checker, before they go into the translations.
func TestExportPanel_WordsAreEasyRead(t *testing.T) {
	for _, w := range []string{
		"Export", "Save the answers in a file", "Export to Excel", "Password",
		"To lock the file, type a password. You can leave this empty.",
		"Nobody has answered this survey yet.", "No event name",
		"{{.Event}} on {{.Day}}: {{.C}} finished, {{.I}} not finished.",
		"In all: {{.C}} finished, {{.I}} not finished.",
		"Saving the answers. Please wait.", "Only people with the password can open the file.",
	} {
		for _, warn := range check.Text(w, "en", check.Options{}) {
			t.Errorf("%q: %s", w, warn)
		}
	}
}

func messageText(p *exportPanel) string { return p.message.Text }
