package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey/openrosa"
)

// Each staff screen, made to fail for real, says what failed and what to
// do in a sentence, and draws no raw error.

// tabRoom is the room a staff tab has in the window on a 1366x768 screen,
// below the window's title and the row of tabs.
var tabRoom = fyne.NewSize(1280, 560)

// staffLook is a test app in English with the staff look, the sizes
// staff see.
func staffLook(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(newTheme())
	useLanguage("en")
}

func TestExportPanel_ReadOnlyFolderInStaffWords(t *testing.T) {
	staffLook(t)
	db := exportTestDB(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(tabRoom)
	p := newExportPanel(w, db, "walk")
	w.SetContent(p.view())
	path := filepath.Join(readOnlyFolder(t), "walk.xlsx")
	p.pickSave = func(then func(string)) { then(path) }
	done := make(chan struct{}, 1)
	p.exported = func() { done <- struct{}{} }
	test.Tap(p.save)
	waitForJob(t, done)
	wantStaffWords(t, w, "Speakeasy could not save the answers. Speakeasy is not allowed to use that folder. Choose another folder, or ask the person who looks after this laptop.")
	wantInView(t, w, p.message)
	if _, err := os.Stat(path); err == nil {
		t.Error("a file was saved in a folder that may not be written")
	}
}

func TestResultsPanel_MissingFolderInStaffWords(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"en", "Speakeasy could not make the report. Speakeasy cannot find that folder or file. If it is on a USB stick, put the stick back in. Then try again."},
		{"cy", "Doedd Speakeasy ddim yn gallu gwneud yr adroddiad. Nid yw Speakeasy yn gallu dod o hyd i'r ffolder neu'r ffeil honno."},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			staffLook(t)
			useLanguage(tt.lang)
			t.Cleanup(func() { useLanguage("en") })
			w := test.NewTempWindow(t, nil)
			w.Resize(tabRoom)
			p := newResultsPanel(w, resultsTestDB(t), "club")
			w.SetContent(p.view())
			// A USB stick taken out between choosing the place and saving.
			p.pickSave = func(then func(string)) { then(filepath.Join(t.TempDir(), "stick", "report.pdf")) }
			done := make(chan struct{}, 1)
			p.made = func() { done <- struct{}{} }
			test.Tap(p.save)
			waitForJob(t, done)
			wantStaffWords(t, w, tt.want)
			wantInView(t, w, p.message)
		})
	}
}

func TestStaff_EventNameNotSavedInStaffWords(t *testing.T) {
	u, _, db := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 768))
	u.showStaff()
	db.Close() // the results file is gone from under the screen
	test.Type(first[*widget.Entry](u), "Family day")
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Save the event name" {
			test.Tap(b)
		}
	})
	wantStaffWords(t, u.win, "Speakeasy could not save the event name. Please try again. If it still does not work, ask the person who looks after this laptop.")
}

func TestPIN_NewPINNotSavedInStaffWords(t *testing.T) {
	u, _, db := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 768))
	u.showSetPIN(func() { t.Error("went on though the PIN was not saved") })
	db.Close()
	for range 2 {
		for _, d := range "1357" {
			test.Tap(tileNamed(t, u, string(d)))
		}
		test.Tap(tileNamed(t, u, "OK"))
	}
	wantStaffWords(t, u.win, "Speakeasy could not save the new PIN.")
}

func TestSendPanel_DamagedSettingsInStaffWords(t *testing.T) {
	staffLook(t)
	db := exportTestDB(t)
	settings := filepath.Join(filepath.Dir(db.Path()), openrosa.SettingsFile)
	if err := os.WriteFile(settings, []byte("{\"url\": \"https://odk.exa"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := newSendPanel(db, "walk")
	w := test.NewTempWindow(t, p.view())
	w.Resize(tabRoom)
	wantStaffWords(t, w, "Speakeasy could not read the saved server details. Please type them again.")
	wantInView(t, w, p.message)
}

// wantInView fails t unless the message shows inside the window, with no
// scrolling: on a laptop screen staff would not look for it below.
func wantInView(t *testing.T, w fyne.Window, message *widget.Label) {
	t.Helper()
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(message).Y
	if h := message.Size().Height; h == 0 || top+h > w.Canvas().Size().Height {
		t.Errorf("the message is at %v (height %v), out of the window %v", top, h, w.Canvas().Size())
	}
}

// waitForJob waits for a background job's signal, or fails.
func waitForJob(t *testing.T, done <-chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the job did not finish")
	}
}
