package editor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"speakeasy/survey"
	"speakeasy/survey/xlsform"
)

func TestTab_IsTheSurveysPanel(t *testing.T) {
	db := newTestDB(t)
	tab := Tab()
	if got := tab.Title(); got != "Surveys" {
		t.Errorf("title %q", got)
	}
	w := test.NewTempWindow(t, tab.Make(test.NewTempWindow(t, nil), db, "ehc-plan"))
	w.Resize(fyne.NewSize(1280, 800))
	if got := labelsUnder(w.Content()); !strings.Contains(got, "Choose a survey, then what to do with it.") {
		t.Errorf("the tab shows %q", got)
	}
	editorButton(t, w.Content(), "New survey")
}

func TestSurveysPanel_ListsVersionsAndCounts(t *testing.T) {
	p, running, db := newTestPanel(t)
	ss := survey.NewSession(running, survey.SessionOptions{Saver: db, DeviceID: db.DeviceID()})
	ss.Tap("self")
	if err := ss.Stop(); err != nil {
		t.Fatal(err)
	}
	p.reload()
	title, about := p.rows[0].describe(p.kiosk)
	if title != "Your plan: tell us what you think (ehc-plan)" {
		t.Errorf("title line %q", title)
	}
	if about != "Version 1 · 0 finished, 1 not finished · Runs on this laptop" {
		t.Errorf("second line %q", about)
	}
}

func TestEditor_NewSurvey(t *testing.T) {
	p, _, db := newTestPanel(t)
	p.newID.SetText("Family Day!")
	test.Tap(editorButton(t, p.root, "New survey"))
	if p.editor != nil || !strings.Contains(p.message.Text, "short name") {
		t.Fatalf("a bad name: %q", p.message.Text)
	}
	p.newID.SetText("ehc-plan")
	test.Tap(editorButton(t, p.root, "New survey"))
	if p.editor != nil || !strings.Contains(p.message.Text, "already") {
		t.Fatalf("a name in use: %q", p.message.Text)
	}

	p.newID.SetText("family-day")
	test.Tap(editorButton(t, p.root, "New survey"))
	e := p.editor
	if e == nil || len(e.draft.Questions) != 1 || e.draft.Questions[0].Kind != survey.KindNote {
		t.Fatalf("new survey: %+v", e)
	}
	if _, err := db.Draft("family-day"); err != nil {
		t.Fatalf("no draft kept: %v", err)
	}
	test.Tap(editorButton(t, e.p.root, "Back to the list"))
	i := -1
	for j, r := range p.rows {
		if r.ID == "family-day" {
			i = j
		}
	}
	if _, about := p.rows[i].describe(p.kiosk); about != "Not published yet" {
		t.Errorf("in the list: %q", about)
	}
	e = editSurvey(t, p, "family-day")
	test.Tap(editorButton(t, e.p.root, "Publish"))
	if e.message.Text != "Published as version 1." {
		t.Fatalf("publish: %q", e.message.Text)
	}
	if s, err := db.Survey("family-day", 0); err != nil || s.Version != 1 {
		t.Fatalf("in the database: %v %v", s, err)
	}
}

func TestEditor_ArchiveHidesFromKioskChoice(t *testing.T) {
	p, running, db := newTestPanel(t)
	// The staff screen offers the surveys that are not archived to run
	// (app's TestStaff_OffersSurveysNotArchived).
	archived := func(id string) bool {
		infos, err := db.Surveys()
		if err != nil {
			t.Fatal(err)
		}
		for _, si := range infos {
			if si.ID == id {
				return si.Archived
			}
		}
		t.Fatalf("no survey %s", id)
		return false
	}
	p.selectID("ehc-plan")
	p.newID.SetText("spring-day")
	test.Tap(editorButton(t, p.root, "Make a copy"))
	if s, err := db.Survey("spring-day", 0); err != nil || s.Version != 1 || len(s.Questions) != len(running.Questions) {
		t.Fatalf("the copy: %v", err)
	}
	p.selectID("ehc-plan")
	p.newID.SetText("spring-day")
	test.Tap(editorButton(t, p.root, "Make a copy"))
	if !strings.Contains(p.message.Text, "There is a survey called spring-day already") {
		t.Errorf("a second copy with the same name: %q", p.message.Text)
	}
	if archived("spring-day") {
		t.Fatal("the copy is archived")
	}

	p.selectID("spring-day")
	test.Tap(editorButton(t, p.root, "Archive"))
	if !archived("spring-day") {
		t.Fatal("Archive did not archive the survey")
	}
	if _, about := p.rows[p.selected].describe(p.kiosk); !strings.Contains(about, "Archived") {
		t.Errorf("the list says %q", about)
	}
	if !p.run.Disabled() {
		t.Error("an archived survey can be chosen to run")
	}
	p.runHere()
	if id, _ := db.KioskSurveyID(); id != "ehc-plan" {
		t.Errorf("the kiosk runs %s", id)
	}

	// The survey this laptop runs cannot be archived.
	p.selectID("ehc-plan")
	test.Tap(editorButton(t, p.root, "Archive"))
	if archived("ehc-plan") {
		t.Errorf("the running survey was archived")
	}
	if !strings.Contains(p.message.Text, "This laptop runs this survey") {
		t.Errorf("message %q", p.message.Text)
	}

	p.selectID("spring-day")
	test.Tap(editorButton(t, p.root, "Bring back"))
	test.Tap(editorButton(t, p.root, "Run on this laptop"))
	if id, _ := db.KioskSurveyID(); id != "spring-day" {
		t.Errorf("the kiosk runs %s", id)
	}
}

func TestSurveysPanel_ExportAndImport(t *testing.T) {
	p, _, db := newTestPanel(t)
	dir := t.TempDir()
	p.selectID("ehc-plan")
	for _, name := range []string{"ehc-plan.xlsx", "ehc-plan.json"} {
		path := filepath.Join(dir, name)
		p.files.save = func(_ string, then func(string)) { then(path) }
		test.Tap(editorButton(t, p.root, "Save as a file"))
		if !strings.HasPrefix(p.message.Text, "Saved version 1 of ehc-plan in ") {
			t.Fatalf("%s: %q", name, p.message.Text)
		}
	}
	s, notices, err := xlsform.ReadFile(filepath.Join(dir, "ehc-plan.xlsx"))
	if err != nil {
		t.Fatalf("the exported form: %v %v", err, notices)
	}
	orig, _ := db.Survey("ehc-plan", 0)
	if len(s.Questions) != len(orig.Questions) || s.Question("has_plan") == nil {
		t.Errorf("the exported form has %d questions, want %d", len(s.Questions), len(orig.Questions))
	}

	// Import the JSON back under another name, then again: nothing new.
	j, err := survey.Load(filepath.Join(dir, "ehc-plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	j.ID, j.Version = "imported", 1
	body, _ := j.Marshal()
	in := filepath.Join(dir, "imported.json")
	if err := os.WriteFile(in, body, 0o600); err != nil {
		t.Fatal(err)
	}
	p.files.open = func(exts []string, then func(string)) { then(in) }
	test.Tap(editorButton(t, p.root, "Add a survey from a file"))
	if p.message.Text != "Added imported as version 1." {
		t.Fatalf("import: %q", p.message.Text)
	}
	if s, err := db.Survey("imported", 0); err != nil || s.Version != 1 {
		t.Fatalf("imported survey: %v", err)
	}
	test.Tap(editorButton(t, p.root, "Add a survey from a file"))
	if p.message.Text != "imported is here already as version 1. Nothing has changed." {
		t.Errorf("import again: %q", p.message.Text)
	}
	// The XLSForm comes back in as the same survey: no new version.
	xlsx := filepath.Join(dir, "ehc-plan.xlsx")
	p.files.open = func(exts []string, then func(string)) { then(xlsx) }
	test.Tap(editorButton(t, p.root, "Add a survey from a file"))
	if !strings.Contains(p.message.Text, "ehc-plan is here already as version 1") {
		t.Errorf("import of the exported form: %q", p.message.Text)
	}

	bad := filepath.Join(dir, "bad.xlsx")
	os.WriteFile(bad, []byte("not a spreadsheet"), 0o600)
	p.files.open = func(exts []string, then func(string)) { then(bad) }
	test.Tap(editorButton(t, p.root, "Add a survey from a file"))
	if !strings.HasPrefix(p.message.Text, "Speakeasy cannot use this file.") {
		t.Errorf("a bad file: %q", p.message.Text)
	}
}

// TestSurveysPanel_SaveToAMissingFolderInStaffWords: saving a survey in a
// folder that has gone (a USB stick taken out) says so in plain words,
// never Go's own error.
func TestSurveysPanel_SaveToAMissingFolderInStaffWords(t *testing.T) {
	p, _, _ := newTestPanel(t)
	p.selectID("ehc-plan")
	missing := filepath.Join(t.TempDir(), "stick", "ehc-plan.xlsx")
	p.files.save = func(_ string, then func(string)) { then(missing) }
	test.Tap(editorButton(t, p.root, "Save as a file"))
	got := p.message.Text
	if !strings.HasPrefix(got, "Speakeasy could not save the survey in that file.") {
		t.Errorf("message %q", got)
	}
	for _, raw := range []string{"open ", "no such file", "stick/", ".partial", "xlsx:"} {
		if strings.Contains(got, raw) {
			t.Errorf("the message shows %q: %q", raw, got)
		}
	}
}
