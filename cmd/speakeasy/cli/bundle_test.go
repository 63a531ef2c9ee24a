package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// run runs a subcommand and returns its exit code and output.
func run(t *testing.T, name string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(name, args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// laptopWithAnswers makes a data folder holding n short responses to the
// walk survey and returns the folder and its device ID.
func laptopWithAnswers(t *testing.T, n int) (dir, device string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "data")
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := survey.Load("../../../survey/testdata/walk.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		t.Fatal(err)
	}
	for range n {
		ss := survey.NewSession(s, survey.SessionOptions{Language: "en", DeviceID: db.DeviceID(), Saver: db})
		ss.Tap("self")
		if err := ss.Next(); err != nil {
			t.Fatal(err)
		}
		if err := ss.Stop(); err != nil {
			t.Fatal(err)
		}
	}
	return dir, db.DeviceID()
}

func TestBundle_Command(t *testing.T) {
	dir, device := laptopWithAnswers(t, 2)
	out := filepath.Join(t.TempDir(), "laptop-a.db")
	if code, _, stderr := run(t, "bundle", "--data", dir); code != 2 || !strings.Contains(stderr, "--out FILE") {
		t.Fatalf("no --out: exit %d, %q", code, stderr)
	}
	code, stdout, stderr := run(t, "bundle", "--data", dir, "--out", out)
	if code != 0 || stdout != "Saved this laptop's results in "+out+": 2 responses (laptop "+device+").\n" {
		t.Fatalf("exit %d, said %q %q", code, stdout, stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the bundle: %v %v", fi, err)
	}
	code, _, stderr = run(t, "bundle", "--data", dir, "--out", out)
	if code != 1 || !strings.Contains(stderr, "is already there; choose another name, or add --replace") {
		t.Fatalf("bundling over a file: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "bundle", "--data", dir, "--out", out, "--replace"); code != 0 {
		t.Fatalf("--replace: exit %d, %q", code, stderr)
	}
	if code, stdout, _ := run(t, "bundle", "--help"); code != 0 || stdout != "" {
		t.Fatalf("--help: exit %d", code)
	}
}

func TestMerge_Command(t *testing.T) {
	a, deviceA := laptopWithAnswers(t, 2)
	b, deviceB := laptopWithAnswers(t, 1)
	bundle := filepath.Join(t.TempDir(), "a.db")
	if code, _, stderr := run(t, "bundle", "--data", a, "--out", bundle); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := run(t, "merge", "--data", b, bundle)
	want := bundle + " (from laptop " + deviceA + "): 2 new responses, 0 updated, 0 already here.\n" +
		"  started on laptop " + deviceA + ": 2 new, 0 updated, 0 already here\n"
	if code != 0 || !strings.Contains(stdout, want) || !strings.Contains(stdout, "Kept a copy of the results before adding") {
		t.Fatalf("exit %d, said %q %q; want %q", code, stdout, stderr, want)
	}
	// Twice adds nothing; a's own file brings b's response back to b... and to a.
	code, stdout, _ = run(t, "merge", "--data", b, bundle)
	if code != 0 || !strings.Contains(stdout, ": 0 new responses, 0 updated, 2 already here.") {
		t.Fatalf("merging again: exit %d, %q", code, stdout)
	}
	code, stdout, _ = run(t, "merge", "--data", a, filepath.Join(b, store.FileName))
	if code != 0 || !strings.Contains(stdout, "started on laptop "+deviceB+": 1 new, 0 updated, 0 already here") {
		t.Fatalf("merging b's raw file into a: exit %d, %q", code, stdout)
	}

	text := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(text, []byte("just some notes, not results"), 0o600)
	code, stdout, stderr = run(t, "merge", "--data", a, text, bundle)
	if code != 1 || !strings.Contains(stderr, text+": this is not a Speakeasy results file") ||
		!strings.Contains(stderr, "1 of 2 files could not be added") || !strings.Contains(stdout, bundle) {
		t.Fatalf("a bad file and a good one: exit %d, %q %q", code, stdout, stderr)
	}
	if code, _, stderr := run(t, "merge", "--data", a); code != 2 || !strings.Contains(stderr, "name at least one file") {
		t.Fatalf("no files: exit %d, %q", code, stderr)
	}
}

func TestBackupRestore_Commands(t *testing.T) {
	dir, _ := laptopWithAnswers(t, 1)
	code, stdout, _ := run(t, "restore", "--data", dir)
	if code != 0 || !strings.Contains(stdout, "There are no backups") {
		t.Fatalf("no backups: exit %d, %q", code, stdout)
	}
	code, stdout, stderr := run(t, "backup", "--data", dir)
	if code != 0 || !strings.HasPrefix(stdout, "Saved a backup in ") {
		t.Fatalf("backup: exit %d, %q %q", code, stdout, stderr)
	}
	path := strings.TrimSuffix(strings.TrimPrefix(stdout, "Saved a backup in "), ".\n")
	code, stdout, _ = run(t, "restore", "--data", dir)
	if code != 0 || !strings.Contains(stdout, path) {
		t.Fatalf("listing: exit %d, %q", code, stdout)
	}

	unlock, err := store.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, "restore", "--data", dir, path)
	unlock()
	if code != 1 || !strings.Contains(stderr, "The Speakeasy window is using this data folder (process") ||
		!strings.Contains(stderr, "Close it first, then try again") {
		t.Fatalf("restore while open: exit %d, %q", code, stderr)
	}
	code, stdout, stderr = run(t, "restore", "--data", dir, path)
	if code != 0 || !strings.HasPrefix(stdout, "Put back "+path) {
		t.Fatalf("restore: exit %d, %q %q", code, stdout, stderr)
	}
	if kept, _ := filepath.Glob(filepath.Join(dir, store.FileName+".replaced-*[0-9]")); len(kept) != 1 {
		t.Fatalf("the replaced results were not kept: %v", kept)
	}
}
