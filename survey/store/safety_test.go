package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// listFiles is every file under dir, relative, sorted.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func TestBackup_ByDay(t *testing.T) {
	cases := []struct {
		name      string
		days      int // days with backups, one a day before the busy day
		busy      int // backups on the last day
		wantKept  int
		wantFirst string
	}{
		{"a busy day keeps the earlier days", 5, 25, 10 + 5, "20260301"},
		{"only the last 30 days count", 40, 3, 3 + 29, "20260301"},
		{"few backups are all kept", 3, 2, 5, "20260301"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := MustOpenDB(t)
			start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.Local)
			now := start
			setClock(t, func() time.Time { return now })
			for d := range c.days {
				now = start.AddDate(0, 0, d)
				if _, err := db.Backup(""); err != nil {
					t.Fatal(err)
				}
			}
			last := start.AddDate(0, 0, c.days)
			for i := range c.busy {
				now = last.Add(time.Duration(i) * time.Minute)
				if _, err := db.Backup(""); err != nil {
					t.Fatal(err)
				}
			}
			backups, _ := Backups(filepath.Dir(db.Path()))
			if len(backups) != c.wantKept {
				t.Fatalf("%d backups kept, want %d", len(backups), c.wantKept)
			}
			days := map[string]bool{}
			for _, b := range backups {
				days[b.Made.Format("20060102")] = true
			}
			if wantDays := min(c.days, KeepDays-1) + 1; len(days) != wantDays {
				t.Fatalf("backups of %d days kept, want %d", len(days), wantDays)
			}
			if c.days < KeepDays && backups[0].Made.Format("20060102") != c.wantFirst {
				t.Fatalf("the oldest kept is %s", backups[0].Path)
			}
		})
	}
}

// TestBackup_TwoAtOnce makes backups from two connections in the same
// second, as two merges at once would: none may take another's name.
func TestBackup_TwoAtOnce(t *testing.T) {
	db := MustOpenDB(t)
	other, err := OpenFile(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	at := time.Date(2026, 3, 14, 9, 0, 0, 0, time.Local)
	setClock(t, func() time.Time { return at })
	var wg sync.WaitGroup
	paths := make([]string, 8)
	for i := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := db
			if i%2 == 1 {
				c = other
			}
			p, err := c.Backup("")
			if err != nil {
				t.Error(err)
			}
			paths[i] = p
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, p := range paths {
		if seen[p] {
			t.Fatalf("two backups named %s", p)
		}
		seen[p] = true
	}
	if backups, _ := Backups(filepath.Dir(db.Path())); len(backups) != len(paths) {
		t.Fatalf("%d backups in the folder, want %d", len(backups), len(paths))
	}
}

// TestBundle_NoCopyBeside checks both ways a bundle reaches its place
// (a rename, and a copy as onto a USB stick) leave nothing but the bundle
// in the destination and nothing in the data folder's temporary area.
func TestBundle_NoCopyBeside(t *testing.T) {
	for _, copying := range []bool{false, true} {
		forceCopy = copying
		t.Cleanup(func() { forceCopy = false })
		db := MustOpenDB(t)
		s := mustWalkSurvey(t, db)
		answerWalk(t, db, s, newTestClock(), 1, false)
		db.SetPIN("13579")
		stick := t.TempDir()
		path := filepath.Join(stick, "laptop.db")
		if err := db.Bundle(context.Background(), path); err != nil {
			t.Fatal(err)
		}
		if got := listFiles(t, stick); len(got) != 1 || got[0] != "laptop.db" {
			t.Errorf("copying %v: the stick holds %v", copying, got)
		}
		if got := listFiles(t, filepath.Join(filepath.Dir(db.Path()), TempFolder)); len(got) != 0 {
			t.Errorf("copying %v: the temporary area holds %v", copying, got)
		}
		if raw, _ := os.ReadFile(path); bytes.Contains(raw, []byte("argon2id")) {
			t.Error("the bundle holds the PIN's hash")
		}
	}
}

// TestCleanTemp_LeftByACrash puts what a killed bundle, merge and restore
// leave (a work folder with a listed half-copy on a stick, and the names
// older versions used) and checks the next Lock removes all of it, but
// not a work folder still in use or a stranger's file.
func TestCleanTemp_LeftByACrash(t *testing.T) {
	dir := t.TempDir()
	stick := t.TempDir()
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dead := filepath.Join(dir, TempFolder, "work-dead")
	os.MkdirAll(dead, 0o700)
	os.WriteFile(filepath.Join(dead, "bundle.db"), []byte("half a bundle"), 0o600)
	partial := filepath.Join(stick, partialPrefix+"0123"+partialSuffix)
	os.WriteFile(partial, []byte("half a copy"), 0o600)
	os.WriteFile(filepath.Join(stick, "mine.db"), []byte("staff's own"), 0o600)
	appendLine(filepath.Join(dead, pendingName), partial)
	appendLine(filepath.Join(dead, pendingName), filepath.Join(stick, "mine.db"))
	os.MkdirAll(filepath.Join(dir, ".merge-123"), 0o700)
	os.WriteFile(filepath.Join(dir, ".merge-123", "other.db"), []byte("x"), 0o600)
	os.WriteFile(filepath.Join(dir, FileName+".restoring"), []byte("x"), 0o600)
	live, err := newWorkDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer live.remove()
	os.WriteFile(live.file("busy.db"), []byte("in use"), 0o600)

	unlock, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	for _, gone := range []string{dead, partial, filepath.Join(dir, ".merge-123"), filepath.Join(dir, FileName+".restoring")} {
		if exists(gone) {
			t.Errorf("%s is still there", gone)
		}
	}
	for _, kept := range []string{live.file("busy.db"), filepath.Join(stick, "mine.db"), filepath.Join(dir, FileName)} {
		if !exists(kept) {
			t.Errorf("%s was removed", kept)
		}
	}
}

// laptopWithBackup makes a data folder with n responses and a backup of
// it, then m more responses; it returns the folder and the backup.
func laptopWithBackup(t *testing.T, n, m int) (string, string, *DB) {
	dir := filepath.Join(t.TempDir(), "data")
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := mustWalkSurvey(t, db)
	clk := newTestClock()
	for k := range n {
		answerWalk(t, db, s, clk, k, false)
	}
	backup, err := db.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	for k := range m {
		answerWalk(t, db, s, clk, n+k, false)
	}
	return dir, backup, db
}

func TestRestore_SaysWhatTheBackupLacks(t *testing.T) {
	dir, backup, db := laptopWithBackup(t, 3, 4)
	db.Close()
	got, err := Restore(dir, backup, RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Lacking != 4 || !strings.Contains(filepath.Base(got.Replaced), FileName+".replaced-") || !exists(got.Replaced) {
		t.Fatalf("restore said %+v; want 4 lacking and the replaced file kept", got)
	}
	if left := listFiles(t, filepath.Join(dir, TempFolder)); len(left) != 0 {
		t.Fatalf("restore left %v", left)
	}
}

func TestRestore_RefusesOtherFiles(t *testing.T) {
	dir, _, db := laptopWithBackup(t, 2, 0)
	bundle := filepath.Join(t.TempDir(), "own-bundle.db")
	if err := db.Bundle(context.Background(), bundle); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, otherBackup, other := laptopWithBackup(t, 1, 0)
	other.Close()
	broken := filepath.Join(t.TempDir(), "broken.db")
	copyFile(otherBackup, broken, false)
	sqlExec(t, broken, `PRAGMA foreign_keys = OFF; DELETE FROM survey_versions`)

	before, _ := os.ReadFile(filepath.Join(dir, FileName))
	cases := []struct {
		name string
		path string
		opts RestoreOptions
		want func(error) bool
	}{
		{"another laptop's backup", otherBackup, RestoreOptions{}, func(err error) bool {
			var o *OtherLaptopError
			return errors.As(err, &o) && strings.Contains(err.Error(), "use merge instead")
		}},
		{"a bundle, not asked", bundle, RestoreOptions{}, func(err error) bool { return errors.Is(err, ErrIsBundle) }},
		{"answers without their survey", broken, RestoreOptions{AllowBundle: true}, func(err error) bool { return errors.Is(err, ErrNotResults) }},
	}
	for _, c := range cases {
		if _, err := Restore(dir, c.path, c.opts); !c.want(err) {
			t.Errorf("%s: %v", c.name, err)
		}
		if after, _ := os.ReadFile(filepath.Join(dir, FileName)); !bytes.Equal(after, before) {
			t.Fatalf("%s: a refused restore changed the results", c.name)
		}
	}
	if got, err := Restore(dir, bundle, RestoreOptions{AllowBundle: true}); err != nil || got.Replaced == "" {
		t.Fatalf("this laptop's bundle, asked: %+v %v", got, err)
	}
}

func TestOpenReadOnly_MakesNothing(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "typo")
	for _, open := range []func(string) (*DB, error){OpenReadOnly, OpenExisting} {
		if _, err := open(empty); !errors.Is(err, ErrNoResults) || err.Error() != "There are no Speakeasy results in "+empty+"." {
			t.Fatalf("no results: %v", err)
		}
		if exists(empty) {
			t.Fatal("opening made the folder")
		}
	}
}
