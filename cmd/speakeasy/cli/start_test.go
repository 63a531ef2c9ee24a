package cli

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"speakeasy/survey/store"
)

func TestParse_FlagsAnywhere(t *testing.T) {
	cases := []struct {
		args      []string
		wantData  string
		wantFiles string
		wantErr   bool
	}{
		{[]string{"a.db", "--data", "X"}, "X", "a.db", false},
		{[]string{"--data", "X", "a.db", "b.db"}, "X", "a.db b.db", false},
		{[]string{"a.db", "--data=X", "b.db"}, "X", "a.db b.db", false},
		{[]string{"a.db", "--", "--data", "X"}, "", "a.db --data X", false},
		{[]string{"a.db", "--dta", "X"}, "", "", true},
	}
	for _, c := range cases {
		var errb bytes.Buffer
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(&errb)
		data := fs.String("data", "", "")
		err := parse(fs, c.args)
		if (err != nil) != c.wantErr {
			t.Errorf("%q: error %v", c.args, err)
			continue
		}
		if c.wantErr {
			if !strings.Contains(errb.String(), "flag provided but not defined: -dta") {
				t.Errorf("%q: the unknown flag is not named: %q", c.args, errb.String())
			}
			continue
		}
		if *data != c.wantData || strings.Join(fs.Args(), " ") != c.wantFiles {
			t.Errorf("%q: data %q files %q; want %q %q", c.args, *data, fs.Args(), c.wantData, c.wantFiles)
		}
	}
}

// TestMerge_FlagsAfterTheFile merges into the --data folder given after
// the file name, not into the default folder.
func TestMerge_FlagsAfterTheFile(t *testing.T) {
	a, _ := laptopWithAnswers(t, 2)
	b, _ := laptopWithAnswers(t, 1)
	bundle := filepath.Join(t.TempDir(), "a.db")
	if code, _, stderr := run(t, "bundle", "--out", bundle, "--data", a); code != 0 {
		t.Fatal(stderr)
	}
	t.Setenv("HOME", t.TempDir()) // the default folder, if it were wrongly used
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(os.Getenv("HOME"), ".config"))
	if code, stdout, stderr := run(t, "merge", bundle, "--data", b); code != 0 || !strings.Contains(stdout, "2 new responses") {
		t.Fatalf("exit %d %q %q", code, stdout, stderr)
	}
	if store.HasResults(DefaultDataDir()) {
		t.Fatal("the merge went into the default folder")
	}
	if code, _, stderr := run(t, "bundle", "--data", a, "extra", "--out", bundle+"2"); code != 2 ||
		!strings.Contains(stderr, `"extra" is not a flag this command knows`) {
		t.Fatalf("an extra word: exit %d %q", code, stderr)
	}
}

// TestCommands_NoResultsMakeNothing gives commands that need results a
// mistyped folder: each says so, and nothing is made there.
func TestCommands_NoResultsMakeNothing(t *testing.T) {
	typo := filepath.Join(t.TempDir(), "resluts")
	out := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"bundle", "--data", typo, "--out", out},
		{"backup", "--data", typo},
		{"restore", "--data", typo},
		{"restore", "--data", typo, out},
	} {
		code, _, stderr := run(t, args[0], args[1:]...)
		if code != 1 || stderr != "speakeasy "+args[0]+": There are no Speakeasy results in "+typo+".\n" {
			t.Errorf("%v: exit %d %q", args, code, stderr)
		}
		if _, err := os.Stat(typo); err == nil {
			t.Fatalf("%v made the folder", args)
		}
	}
}

func TestCommands_StartANewFolderAndSaySo(t *testing.T) {
	a, _ := laptopWithAnswers(t, 1)
	bundle := filepath.Join(t.TempDir(), "a.db")
	if code, _, stderr := run(t, "bundle", "--data", a, "--out", bundle); code != 0 {
		t.Fatal(stderr)
	}
	for _, args := range [][]string{
		{"merge", bundle},
		{"set-pin", "2468"},
		{"import-form", "../../../survey/testdata/walk.json"},
	} {
		dir := filepath.Join(t.TempDir(), "new")
		code, stdout, stderr := run(t, args[0], append(args[1:], "--data", dir)...)
		if code != 0 || stderr != "Started a new data folder in "+dir+".\n" || !store.HasResults(dir) {
			t.Errorf("%v: exit %d %q %q", args, code, stdout, stderr)
		}
	}
}

// TestWriters_TakeTheLock runs every writing command while the window
// holds the folder: each is refused, says who holds it, and changes nothing.
func TestWriters_TakeTheLock(t *testing.T) {
	dir, _ := laptopWithAnswers(t, 1)
	other, _ := laptopWithAnswers(t, 1)
	backup := filepath.Join(t.TempDir(), "b.db")
	run(t, "bundle", "--data", other, "--out", backup)
	before, _ := os.ReadFile(filepath.Join(dir, store.FileName))
	unlock, err := store.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	for _, args := range [][]string{
		{"merge", backup}, {"restore", backup}, {"import-form", "../../../survey/testdata/walk.json"},
		{"set-pin", "2468"}, {"walk", "--count", "1"}, {"backup"},
	} {
		code, _, stderr := run(t, args[0], append(args[1:], "--data", dir)...)
		if code != 1 || !strings.Contains(stderr, "The Speakeasy window is using this data folder") {
			t.Errorf("%v: exit %d %q", args, code, stderr)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(dir, store.FileName)); !bytes.Equal(before, after) {
		t.Fatal("a refused command changed the results")
	}
	if backups, _ := store.Backups(dir); len(backups) != 0 {
		t.Fatalf("a refused command made %v", backups)
	}
}

// TestCommands_CheckHealthFirst damages the results: a writer and a
// reader both stop with the window's words, and the file is put aside.
func TestCommands_CheckHealthFirst(t *testing.T) {
	for _, args := range [][]string{{"backup"}, {"bundle", "--out", "OUT"}, {"set-pin", "2468"}} {
		dir, _ := laptopWithAnswers(t, 3)
		path := filepath.Join(dir, store.FileName)
		raw, _ := os.ReadFile(path)
		for i := 4096; i < len(raw); i++ {
			raw[i] = 0x5a
		}
		os.WriteFile(path, raw, 0o600)
		out := filepath.Join(t.TempDir(), "x.db")
		for i := range args {
			if args[i] == "OUT" {
				args[i] = out
			}
		}
		code, _, stderr := run(t, args[0], append(args[1:], "--data", dir)...)
		if code != 1 || !strings.Contains(stderr, "The results file was damaged. Speakeasy kept it as") {
			t.Errorf("%v: exit %d %q", args, code, stderr)
		}
		if kept, _ := filepath.Glob(filepath.Join(dir, store.FileName+".damaged-*")); len(kept) == 0 {
			t.Errorf("%v: the damaged file was not put aside", args)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: wrote %s from a damaged file", args, out)
		}
	}
}

func TestRestore_Command(t *testing.T) {
	dir, device := laptopWithAnswers(t, 1)
	backup := mustBackup(t, dir)
	more, _ := laptopWithAnswers(t, 2) // two responses this laptop gets after the backup
	if code, _, stderr := run(t, "bundle", "--data", more, "--out", filepath.Join(t.TempDir(), "m.db")); code != 0 {
		t.Fatal(stderr)
	}
	bundle := filepath.Join(t.TempDir(), "own.db")
	run(t, "merge", "--data", dir, filepath.Join(more, store.FileName))
	run(t, "bundle", "--data", dir, "--out", bundle)

	code, _, stderr := run(t, "restore", "--data", dir, filepath.Join(more, store.FileName))
	if code != 1 || !strings.Contains(stderr, "this file is from another laptop") || !strings.Contains(stderr, "this one is "+device) {
		t.Fatalf("another laptop's file: exit %d %q", code, stderr)
	}
	code, _, stderr = run(t, "restore", "--data", dir, bundle)
	if code != 1 || !strings.Contains(stderr, "is a bundle made for another laptop, not a backup") || !strings.Contains(stderr, "add --bundle") {
		t.Fatalf("a bundle: exit %d %q", code, stderr)
	}
	code, stdout, stderr := run(t, "restore", backup, "--data", dir)
	if code != 0 || !strings.Contains(stdout, "They hold 2 responses that the backup does not have") ||
		!strings.Contains(stdout, "To add them back: speakeasy merge --data") {
		t.Fatalf("restore: exit %d %q %q", code, stdout, stderr)
	}
}

// mustBackup makes a backup with the command and returns its path.
func mustBackup(t *testing.T, dir string) string {
	t.Helper()
	code, stdout, stderr := run(t, "backup", "--data", dir)
	if code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	return strings.TrimSuffix(strings.TrimPrefix(stdout, "Saved a backup in "), ".\n")
}

func TestDataDirFor_EachSystem(t *testing.T) {
	cases := []struct{ goos, home, config, want string }{
		{"linux", "/home/ana", "/home/ana/.config", filepath.Join("/home/ana/.config", "fyne", AppID)},
		{"freebsd", "/home/ana", "/xdg", filepath.Join("/xdg", "fyne", AppID)},
		{"darwin", "/Users/ana", "/Users/ana/Library/Application Support", filepath.Join("/Users/ana", "Library", "Preferences", "fyne", AppID)},
		{"windows", "/Users/ana", "/Users/ana/AppData/Roaming", filepath.Join("/Users/ana", "AppData", "Roaming", "fyne", AppID)},
	}
	for _, c := range cases {
		if got := dataDirFor(c.goos, c.home, c.config); got != c.want {
			t.Errorf("%s: %s, want %s", c.goos, got, c.want)
		}
	}
}

func TestRun_CtrlCAndTerminal(t *testing.T) {
	commands["test-cancel"] = command{"", func(*Env, []string) error { return context.Canceled }}
	defer delete(commands, "test-cancel")
	if code, _, stderr := run(t, "test-cancel"); code != 1 || stderr != "speakeasy test-cancel: Stopped. No file was saved.\n" {
		t.Fatalf("Ctrl-C: exit %d %q", code, stderr)
	}
	if isTerminal(&bytes.Buffer{}) {
		t.Fatal("a buffer taken for a terminal")
	}
	f, _ := os.Create(filepath.Join(t.TempDir(), "log"))
	defer f.Close()
	if isTerminal(f) {
		t.Fatal("a log file taken for a terminal")
	}
}

func TestCheckOut_NeedsReplace(t *testing.T) {
	dir := t.TempDir()
	there := filepath.Join(dir, "there.xlsx")
	os.WriteFile(there, []byte("someone's work"), 0o600)
	if err := checkOut(there, false); err == nil || !strings.Contains(err.Error(), "add --replace to write over it") {
		t.Fatalf("existing file: %v", err)
	}
	if err := checkOut(there, true); err != nil {
		t.Fatal(err)
	}
	if err := checkOut(dir, true); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Fatalf("a folder: %v", err)
	}
	if err := checkOut(filepath.Join(dir, "new.xlsx"), false); err != nil {
		t.Fatal(err)
	}
}

// TestRescue_Command damages the results, puts the backup back with
// restore (which names the damaged file) and rescues from it.
func TestRescue_Command(t *testing.T) {
	dir, _ := laptopWithAnswers(t, 2)
	backup := mustBackup(t, dir)
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	db.SetSetting("marker", strings.Repeat("x", 20000)) // pages past the responses
	db.Close()
	path := filepath.Join(dir, store.FileName)
	raw, _ := os.ReadFile(path)
	for i := len(raw) - 4096; i < len(raw); i++ {
		raw[i] = byte(i)
	}
	os.WriteFile(path, raw, 0o600)
	code, stdout, stderr := run(t, "restore", "--data", dir, backup)
	if code != 0 || !strings.Contains(stdout, "The results file was damaged") || !strings.Contains(stdout, "speakeasy rescue --data") {
		t.Fatalf("restore: exit %d %q %q", code, stdout, stderr)
	}
	damaged, _ := filepath.Glob(filepath.Join(dir, store.FileName+".damaged-*[0-9]"))
	if len(damaged) != 1 {
		t.Fatalf("damaged files %v", damaged)
	}
	code, stdout, stderr = run(t, "rescue", damaged[0], "--data", dir)
	if code != 0 || !strings.Contains(stdout, "newer responses were rescued.") {
		t.Fatalf("rescue: exit %d %q %q", code, stdout, stderr)
	}
}
