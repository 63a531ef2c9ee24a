package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"speakeasy/cmd/speakeasy/cli"
	"speakeasy/survey/store"
)

// rawErrorWords are pieces of Go's, the system's and SQLite's words that
// staff must never read in the window.
var rawErrorWords = []string{"open /", "mkdir ", "stat ", "permission denied", "no such file", "not a directory",
	"sqlite", "sql:", "process ", "damaged-", "is not a database"}

// wantWindowWords fails t unless the window run opened on data says want,
// with no raw error words and not the data folder's path.
func wantWindowWords(t *testing.T, got, data, want string) {
	t.Helper()
	if !strings.Contains(got, strings.Join(strings.Fields(want), " ")) {
		t.Errorf("the window does not say %q; it says:\n%s", want, got)
	}
	for _, raw := range append(rawErrorWords, data) {
		if strings.Contains(strings.ToLower(got), strings.ToLower(raw)) {
			t.Errorf("the window shows %q:\n%s", raw, got)
		}
	}
}

// TestRun_FolderInUseSaysByWhom: when a command holds the data folder,
// the window names the command, in words, with what to do.
func TestRun_FolderInUseSaysByWhom(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	unlock, err := store.LockAs(data, "speakeasy merge")
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	a := test.NewTempApp(t)
	if err := run(a, options{data: data}); err == nil {
		t.Fatal("the window started on a folder a command holds")
	}
	wantWindowWords(t, labels(speakeasyWindow(t, a).Content()), data,
		"The command speakeasy merge is using these results. Wait for it to finish, then try again.")
}

// TestRun_DamagedFileInStaffWords: a results file that is not a database
// at all is put aside, and the window says so without its paths or
// SQLite's words, offering the copy only when there is one; the detail
// goes to the log file in the data folder.
func TestRun_DamagedFileInStaffWords(t *testing.T) {
	for _, withBackup := range []bool{false, true} {
		data := filepath.Join(t.TempDir(), "data")
		db, err := cli.OpenData(data)
		if err != nil {
			t.Fatal(err)
		}
		if withBackup {
			if _, err := db.Backup(""); err != nil {
				t.Fatal(err)
			}
		}
		db.Close()
		junk := []byte(strings.Repeat("this is a shopping list, not answers\n", 300))
		if err := os.WriteFile(filepath.Join(data, store.FileName), junk, 0o600); err != nil {
			t.Fatal(err)
		}
		a := test.NewTempApp(t)
		run(a, options{data: data})
		want := "Speakeasy put the damaged file aside in the data folder. It deleted nothing. There is no copy of the results to put back. You can start with no results."
		if withBackup {
			want = "Speakeasy put the damaged file aside in the data folder. It deleted nothing. You can put back the newest copy of the results, or start with no results."
		}
		wantWindowWords(t, labels(speakeasyWindow(t, a).Content()), data, want)
		// The detail is for whoever helps staff: in the data folder's log,
		// private to this user.
		logged, err := os.ReadFile(filepath.Join(data, LogName))
		if err != nil || !strings.Contains(string(logged), "file is not a database") || !strings.Contains(string(logged), data) {
			t.Errorf("the log (%v) does not hold the detail:\n%s", err, logged)
		}
		if fi, err := os.Stat(filepath.Join(data, LogName)); err != nil {
			t.Error(err)
		} else if fi.Mode().Perm() != 0o600 {
			t.Errorf("the log file's mode is %v", fi.Mode())
		}
	}
}

// TestRun_DataFolderInAFileInStaffWords: a data folder that cannot be made
// is named, with no raw error after it.
func TestRun_DataFolderInAFileInStaffWords(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(file, "data")
	a := test.NewTempApp(t)
	run(a, options{data: data})
	got := labels(speakeasyWindow(t, a).Content())
	// The folder's name is the one path staff need here.
	got = strings.ReplaceAll(got, "Speakeasy keeps the answers in "+data+",", "")
	wantWindowWords(t, got, data, "Speakeasy cannot find that folder or file.")
}
