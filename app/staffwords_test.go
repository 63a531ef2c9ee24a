package app

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"speakeasy/app/apptest"
	"speakeasy/survey/store"
)

// rawErrorWords are pieces of Go's, the system's and SQLite's words that
// staff must never read on a screen.
var rawErrorWords = []string{"open /", "mkdir ", "stat ", "rename ", "permission denied", "operation not permitted",
	"no such file", "not a directory", "no space left", "sqlite", "sql:", "database is closed", "errno"}

// drawnWords is every word drawn in w, its dialogs included.
func drawnWords(w fyne.Window) string {
	words := []string{apptest.Words(w.Content())}
	for _, o := range w.Canvas().Overlays().List() {
		words = append(words, apptest.Words(o))
	}
	return strings.Join(words, " ")
}

// wantStaffWords fails t unless w shows want, and no raw error words and
// no path under the test's temporary folders.
func wantStaffWords(t *testing.T, w fyne.Window, want string) {
	t.Helper()
	got := drawnWords(w)
	if !strings.Contains(got, strings.Join(strings.Fields(want), " ")) {
		t.Errorf("the screen does not say %q; it says:\n%s", want, got)
	}
	lower := strings.ToLower(got)
	for _, raw := range rawErrorWords {
		if strings.Contains(lower, raw) {
			t.Errorf("the screen shows the raw error words %q:\n%s", raw, got)
		}
	}
	if tmp := os.TempDir(); strings.Contains(got, tmp+string(filepath.Separator)) {
		t.Errorf("the screen shows a path under %s:\n%s", tmp, got)
	}
}

// readOnlyFolder is a folder this process may not write in: its mode says
// so, and as root, whom modes do not stop, it is made immutable.
func readOnlyFolder(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "locked")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	if canWrite(dir) {
		if exec.Command("chattr", "+i", dir).Run() == nil {
			t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
		}
	}
	if canWrite(dir) {
		t.Skip("this user may write in any folder, and chattr did not help")
	}
	return dir
}

func canWrite(dir string) bool {
	f, err := os.CreateTemp(dir, "probe")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// TestStaffCause_KnownCausesInPlainWords: errors the system really gives
// (a folder that may not be written, a missing file, a full device, a
// folder another Speakeasy holds, a file that is not Speakeasy's) each
// have their own plain sentence; any other error has none.
func TestStaffCause_KnownCausesInPlainWords(t *testing.T) {
	test.NewTempApp(t)
	useLanguage("en")
	tests := []struct {
		name string
		err  func(t *testing.T) error
		want string
	}{
		{"a folder that may not be written", func(t *testing.T) error {
			return os.WriteFile(filepath.Join(readOnlyFolder(t), "answers.xlsx"), nil, 0o600)
		}, "Speakeasy is not allowed to use that folder. Choose another folder, or ask the person who looks after this laptop."},
		{"a data folder that may not be written", func(t *testing.T) error {
			_, err := store.Open(readOnlyFolder(t))
			return err
		}, "Speakeasy cannot write to its data folder. Ask the person who looks after this laptop for help."},
		{"a missing file", func(t *testing.T) error {
			_, err := os.Open(filepath.Join(t.TempDir(), "gone", "answers.db"))
			return fmt.Errorf("cannot add the results: %w", err)
		}, "Speakeasy cannot find that folder or file. If it is on a USB stick, put the stick back in. Then try again."},
		{"a full device", func(t *testing.T) error {
			if _, err := os.Stat("/dev/full"); err != nil {
				t.Skip("no /dev/full here")
			}
			return os.WriteFile("/dev/full", []byte("answers"), 0o600)
		}, "The disk is full. Make some room on it, then try again."},
		{"a folder a command holds", func(t *testing.T) error {
			dir := t.TempDir()
			unlock, err := store.LockAs(dir, "speakeasy merge")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(unlock)
			_, err = store.Lock(dir)
			return err
		}, "The command speakeasy merge is using these results. Wait for it to finish, then try again."},
		{"a file that is not Speakeasy's", func(t *testing.T) error {
			db := mustEmptyDB(t)
			other := filepath.Join(t.TempDir(), "notes.db")
			if err := os.WriteFile(other, []byte(strings.Repeat("shopping list\n", 400)), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := db.Merge(t.Context(), other, nil)
			return err
		}, "Something damaged the file, or it is not a Speakeasy file. Choose another file, or ask the person who looks after this laptop."},
		{"a results file another writer holds", func(t *testing.T) error {
			return fmt.Errorf("cannot save the setting: %w", sqliteError(5|2<<8)) // SQLITE_BUSY_SNAPSHOT
		}, "Another Speakeasy is using these results just now. Wait a moment, then try again."},
		{"a results file that is closed", func(t *testing.T) error {
			db := mustEmptyDB(t)
			db.Close()
			return db.SetSetting(store.SettingEvent, "Family day")
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err(t)
			if err == nil {
				t.Fatal("no error")
			}
			if got := StaffCause(err); got != tt.want {
				t.Errorf("%v\nsays %q\nwant %q", err, got, tt.want)
			}
		})
	}
}

// sqliteError stands in for the SQLite driver's error, which says its
// extended result code through a Code method.
type sqliteError int

func (e sqliteError) Error() string { return fmt.Sprintf("database is locked (%d)", int(e)) }
func (e sqliteError) Code() int     { return int(e) }

// TestStaffProblem_WelshAndLogged: the words come in the app's language,
// what failed first; the error itself goes to the log, not to the words.
func TestStaffProblem_WelshAndLogged(t *testing.T) {
	test.NewTempApp(t)
	useLanguage("cy")
	t.Cleanup(func() { useLanguage("en") })
	var logged bytes.Buffer
	log.SetOutput(&logged)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	_, err := os.Open(filepath.Join(t.TempDir(), "gone.db"))
	got := StaffProblem("Doedd Speakeasy ddim yn gallu cadw'r atebion.", err)
	want := "Doedd Speakeasy ddim yn gallu cadw'r atebion. Nid yw Speakeasy yn gallu dod o hyd i'r ffolder neu'r ffeil honno."
	if !strings.HasPrefix(got, want) || strings.Contains(got, "no such file") {
		t.Errorf("in Welsh: %q", got)
	}
	if !strings.Contains(logged.String(), "gone.db: no such file or directory") {
		t.Errorf("the log does not hold the error:\n%s", logged.String())
	}
	if got := StaffProblem("", errors.New("sql: database is closed")); !strings.HasPrefix(got, "Rhowch gynnig arall arni.") {
		t.Errorf("an unknown error in Welsh: %q", got)
	}
}
