package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAddressFor_Paths(t *testing.T) {
	cases := []struct{ goos, path, want string }{
		{"linux", "/home/ana/data/speakeasy.db", "file:///home/ana/data/speakeasy.db"},
		{"linux", "/r/odd?dir/speakeasy.db", "file:///r/odd%3Fdir/speakeasy.db"},
		{"linux", "/r/odd#dir/x.db", "file:///r/odd%23dir/x.db"},
		{"linux", "/r/%41/x.db", "file:///r/%2541/x.db"},
		{"linux", "/r/a b&c'\"/x.db", "file:///r/a%20b%26c%27%22/x.db"},
		{"linux", "/r/Dŵr/x.db", "file:///r/D%C5%B5r/x.db"},
		{"darwin", "/Users/ana/Library/Preferences/fyne/x.db", "file:///Users/ana/Library/Preferences/fyne/x.db"},
		{"windows", `C:\Users\Ana Lewis\AppData\Roaming\fyne\speakeasy.db`, "file:///C:/Users/Ana%20Lewis/AppData/Roaming/fyne/speakeasy.db"},
		{"windows", `d:\results?#\x.db`, "file:///d:/results%3F%23/x.db"},
		{"windows", `\\server\share\Speakeasy\x.db`, "file:////server/share/Speakeasy/x.db"},
	}
	for _, c := range cases {
		if got := addressFor(c.goos, c.path, ""); got != c.want {
			t.Errorf("%s %q:\n got %s\nwant %s", c.goos, c.path, got, c.want)
		}
	}
	if got := addressFor("linux", "/a?b/x.db", paramsRead); got != "file:///a%3Fb/x.db?"+paramsRead {
		t.Errorf("with parameters: %s", got)
	}
}

// TestOpen_OddFolderNames saves in folders whose names SQLite's addresses
// treat specially, and checks the results land in that folder's own file,
// private and with WAL, synchronous=FULL and foreign keys on.
func TestOpen_OddFolderNames(t *testing.T) {
	root := t.TempDir()
	names := []string{"odd?dir", "odd#dir", "%41", "a b", "x&y=z", `quote'"s`, "Dŵr ✓ ünï", "odd", "[*]",
		strings.Repeat("long folder name ", 12)}
	for _, name := range names {
		dir := filepath.Join(root, "results", name)
		db, err := Open(dir)
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		if err := db.SetSetting("folder", name); err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		var journal string
		var syncMode, fk int
		db.SQL().QueryRow(`PRAGMA journal_mode`).Scan(&journal)
		db.SQL().QueryRow(`PRAGMA synchronous`).Scan(&syncMode)
		db.SQL().QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
		if journal != "wal" || syncMode != 2 || fk != 1 {
			t.Errorf("%q: journal %s, synchronous %d, foreign keys %d; want wal, 2, 1", name, journal, syncMode, fk)
		}
		if _, err := db.Backup(""); err != nil {
			t.Errorf("%q: backup: %v", name, err)
		}
		db.Close()
		fi, err := os.Stat(filepath.Join(dir, FileName))
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%q: the results file is not in its folder, private: %v %v", name, fi, err)
		}
	}
	// Every folder kept its own results; nothing was saved anywhere else.
	for _, name := range names {
		db, err := OpenReadOnly(filepath.Join(root, "results", name))
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		if got, _ := db.Setting("folder"); got != name {
			t.Errorf("folder %q holds the results of %q", name, got)
		}
		db.Close()
	}
	var stray []string
	filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() && filepath.Dir(p) == filepath.Join(root, "results") {
			stray = append(stray, p)
		}
		return nil
	})
	if len(stray) > 0 {
		t.Errorf("files saved outside the folders: %v", stray)
	}
}

// TestBundleMergeRestore_OddFolderNames runs every copy there is between
// folders with odd names.
func TestBundleMergeRestore_OddFolderNames(t *testing.T) {
	root := t.TempDir()
	a, err := Open(filepath.Join(root, "laptop?1#%41"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	s := mustWalkSurvey(t, a)
	clk := newTestClock()
	for k := range 3 {
		answerWalk(t, a, s, clk, k, false)
	}
	bundle := filepath.Join(root, "stick ?#", "laptop 1.db")
	os.MkdirAll(filepath.Dir(bundle), 0o700)
	if err := a.Bundle(context.Background(), bundle); err != nil {
		t.Fatal(err)
	}
	b, err := Open(filepath.Join(root, "laptop 2 ?"))
	if err != nil {
		t.Fatal(err)
	}
	if sum := mustMerge(t, b, bundle); sum.Total().Added != 3 {
		t.Fatalf("merged %+v", sum.Total())
	}
	backup, err := b.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	got, err := Restore(filepath.Dir(filepath.Dir(backup)), backup, RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Replaced == "" || got.Lacking != 0 {
		t.Fatalf("restore: %+v", got)
	}
}
