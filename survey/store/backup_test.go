package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// setClock makes backups and put-aside files named by times from next.
func setClock(t *testing.T, next func() time.Time) {
	t.Helper()
	old := clock
	clock = next
	t.Cleanup(func() { clock = old })
}

// stepClock starts at start and moves on by step at each reading.
func stepClock(start time.Time, step time.Duration) func() time.Time {
	now := start.Add(-step)
	return func() time.Time {
		now = now.Add(step)
		return now
	}
}

func TestBackup_KeepsTheLastTen(t *testing.T) {
	db := MustOpenDB(t)
	mustWalkSurvey(t, db)
	dataDir := filepath.Dir(db.Path())
	setClock(t, stepClock(time.Date(2026, 3, 14, 9, 0, 0, 0, time.Local), time.Minute))
	if err := os.MkdirAll(filepath.Join(dataDir, BackupFolder), 0o700); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(dataDir, BackupFolder, "notes.txt")
	os.WriteFile(notes, []byte("staff notes"), 0o600)
	var made []string
	for range 12 {
		path, err := db.Backup("")
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, path)
	}
	if got := filepath.Base(made[0]); got != "speakeasy-20260314-090000.db" {
		t.Fatalf("first backup named %s", got)
	}
	backups, err := Backups(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(backups) != KeepBackups {
		t.Fatalf("%d backups kept, want %d", len(backups), KeepBackups)
	}
	for i, b := range backups {
		if b.Path != made[i+2] {
			t.Fatalf("backup %d is %s, want %s", i, b.Path, made[i+2])
		}
	}
	if _, err := os.Stat(made[0]); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("the oldest backup is still there")
	}
	if _, err := os.Stat(notes); err != nil {
		t.Fatal("pruning deleted a file Speakeasy did not make")
	}
	b, err := OpenFile(made[11])
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if dump(t, b) != dump(t, db) {
		t.Fatal("the backup does not hold the results")
	}
	if pin, _ := b.Setting("device_id"); pin != db.DeviceID() {
		t.Fatal("the backup lost the settings")
	}
}

func TestBackup_SameSecond(t *testing.T) {
	db := MustOpenDB(t)
	at := time.Date(2026, 3, 14, 9, 0, 0, 0, time.Local)
	setClock(t, func() time.Time { return at })
	first, err := db.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	second, err := db.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(second, "speakeasy-20260314-090000-2.db") {
		t.Fatalf("second backup in the same second named %s", second)
	}
	if newest, _ := NewestBackup(filepath.Dir(db.Path())); newest != second || newest == first {
		t.Fatalf("newest backup %s, want %s", newest, second)
	}
}

func TestDailyBackup(t *testing.T) {
	db := MustOpenDB(t)
	day := time.Date(2026, 3, 14, 8, 30, 0, 0, time.Local)
	now := day
	setClock(t, func() time.Time { return now })
	path, err := db.DailyBackup()
	if err != nil || path == "" {
		t.Fatalf("first start of the day made %q (%v)", path, err)
	}
	now = day.Add(6 * time.Hour)
	if again, err := db.DailyBackup(); err != nil || again != "" {
		t.Fatalf("a second start the same day made %q (%v)", again, err)
	}
	now = day.Add(24 * time.Hour)
	if next, err := db.DailyBackup(); err != nil || next == "" || next == path {
		t.Fatalf("the next day made %q (%v)", next, err)
	}
}

func TestRestoreBackup(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := mustWalkSurvey(t, db)
	clk := newTestClock()
	answerWalk(t, db, s, clk, 1, false)
	backup, err := db.Backup(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := dump(t, db)
	answerWalk(t, db, s, clk, 2, false)
	later := dump(t, db)
	db.Close()
	backupBytes, _ := os.ReadFile(backup)

	setClock(t, func() time.Time { return time.Date(2026, 3, 15, 10, 0, 0, 0, time.Local) })
	if err := RestoreBackup(dir, backup); err != nil {
		t.Fatal(err)
	}
	db, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if dump(t, db) != want {
		t.Fatal("the restored results are not the backup's")
	}
	db.Close()
	if got, _ := os.ReadFile(backup); string(got) != string(backupBytes) {
		t.Fatal("restoring changed the backup")
	}
	kept, err := OpenFile(filepath.Join(dir, FileName+".replaced-20260315-100000"))
	if err != nil {
		t.Fatal(err)
	}
	defer kept.Close()
	if dump(t, kept) != later {
		t.Fatal("the results that were replaced were not kept")
	}

	text := filepath.Join(t.TempDir(), "speakeasy-20260316-090000.db")
	os.WriteFile(text, []byte("not a backup at all, just words"), 0o600)
	before, _ := os.ReadFile(filepath.Join(dir, FileName))
	if err := RestoreBackup(dir, text); !errors.Is(err, ErrNotResults) {
		t.Fatalf("restoring a text file: %v", err)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, FileName)); string(after) != string(before) {
		t.Fatal("a refused restore changed the results file")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*.restoring*")); len(left) != 0 {
		t.Fatalf("a refused restore left %v", left)
	}
}
