package store

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"speakeasy/survey"
)

// scribble overwrites the third page of a database file, as a failing disk might.
func scribble(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i * 7)
	}
	if _, err := f.WriteAt(junk, 2*4096); err != nil {
		t.Fatal(err)
	}
}

func TestCheckHealth(t *testing.T) {
	at := time.Date(2026, 3, 14, 9, 30, 0, 0, time.Local)
	setClock(t, func() time.Time { return at })
	tests := []struct {
		name    string
		damage  func(t *testing.T, path string)
		backup  bool
		damaged bool
	}{
		{"healthy", nil, true, false},
		{"a page scribbled over", scribble, true, true},
		{"a page scribbled over, no backup", scribble, false, true},
		{"words instead of data", func(t *testing.T, path string) {
			os.WriteFile(path, []byte(strings.Repeat("hello ", 1000)), 0o600)
		}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := CheckHealth(dir); err != nil {
				t.Fatalf("a new folder: %v", err)
			}
			db, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			s := mustWalkSurvey(t, db)
			for k := range 30 {
				answerWalk(t, db, s, newTestClock(), k, false)
			}
			var backup string
			if tt.backup {
				if backup, err = db.Backup(dir); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()
			path := filepath.Join(dir, FileName)
			if tt.damage != nil {
				tt.damage(t, path)
				// As after a crash: a -wal and -shm beside the file.
				os.WriteFile(path+"-wal", []byte("wal"), 0o600)
				os.WriteFile(path+"-shm", []byte("shm"), 0o600)
			}
			before, _ := os.ReadFile(path)

			err = CheckHealth(dir)
			if !tt.damaged {
				if err != nil {
					t.Fatal(err)
				}
				if _, err := os.Stat(path); err != nil {
					t.Fatal("a healthy file was moved")
				}
				return
			}
			var de *DamagedError
			if !errors.As(err, &de) || !errors.Is(err, ErrDamaged) {
				t.Fatalf("got %v, want a DamagedError", err)
			}
			moved := path + ".damaged-20260314-093000"
			if de.MovedTo != moved || de.Backup != backup {
				t.Fatalf("error %+v, want moved to %s and backup %q", de, moved, backup)
			}
			msg := err.Error()
			if !strings.Contains(msg, "kept it as "+moved+" and did not delete it") ||
				(backup != "" && !strings.Contains(msg, "The newest backup is "+backup)) ||
				(backup == "" && !strings.Contains(msg, "There is no backup")) {
				t.Fatalf("message %q", msg)
			}
			if got, _ := os.ReadFile(moved); string(got) != string(before) {
				t.Fatal("the damaged file was changed")
			}
			for _, ext := range []string{"-wal", "-shm"} {
				if _, err := os.Stat(moved + ext); err != nil {
					t.Errorf("the %s file was not kept with it: %v", ext, err)
				}
			}
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Fatal("the damaged file is still in place")
			}
			if backup == "" {
				return
			}
			if err := RestoreBackup(dir, backup); err != nil {
				t.Fatal(err)
			}
			if err := CheckHealth(dir); err != nil {
				t.Fatal(err)
			}
			db, err = Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if n := countRows(t, db, "responses"); n != 30 {
				t.Fatalf("%d responses after restoring, want 30", n)
			}
		})
	}
}

// TestCheckHealth_AfterCrash: a healthy file left by a crash, with answers
// still in its -wal and no -shm, passes and keeps those answers.
func TestCheckHealth_AfterCrash(t *testing.T) {
	db := MustOpenDB(t)
	id := answerWalk(t, db, mustWalkSurvey(t, db), newTestClock(), 1, false)
	dir := t.TempDir()
	for _, name := range []string{FileName, FileName + "-wal"} {
		if err := copyFile(filepath.Join(filepath.Dir(db.Path()), name), filepath.Join(dir, name), false); err != nil {
			t.Fatal(err)
		}
	}
	if err := CheckHealth(dir); err != nil {
		t.Fatal(err)
	}
	crashed, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer crashed.Close()
	if _, answers, err := crashed.Response(id); err != nil || len(answers) == 0 {
		t.Fatalf("answers in the -wal: %v %v", answers, err)
	}
}

// TestSave_DiskFull fills the database to a page limit, as a full disk
// would: Save says so plainly and keeps every earlier answer.
func TestSave_DiskFull(t *testing.T) {
	db := MustOpenDB(t)
	s := mustWalkSurvey(t, db)
	id := answerWalk(t, db, s, newTestClock(), 1, false)
	before := dump(t, db)
	db.sql.SetMaxOpenConns(1) // so the limit below holds for every save
	var pages int
	db.sql.QueryRow(`PRAGMA page_count`).Scan(&pages)
	if _, err := db.sql.Exec(`PRAGMA max_page_count = ` + strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	r, _, _ := db.Response(id)
	r.Updated = r.Updated.Add(time.Minute)
	err := db.Save(survey.Change{Response: r, Set: map[string]survey.Answer{"more": {strings.Repeat("a long answer ", 2000)}}})
	if !errors.Is(err, ErrDiskFull) || !strings.Contains(err.Error(), "the disk is full") {
		t.Fatalf("got %v, want the disk is full", err)
	}
	if dump(t, db) != before {
		t.Fatal("a failed save changed what was saved")
	}
}

// TestSave_ReadOnly: a database SQLite can only read (as when the folder
// turned read-only) refuses the save in plain words and loses nothing.
func TestSave_ReadOnly(t *testing.T) {
	rw := MustOpenDB(t)
	s := mustWalkSurvey(t, rw)
	id := answerWalk(t, rw, s, newTestClock(), 1, false)
	before := dump(t, rw)
	sqldb, err := sql.Open("sqlite", "file:"+rw.Path()+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	ro := &DB{sql: sqldb, path: rw.Path()}
	if err := ro.prepare(); err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	r, _, _ := ro.Response(id)
	r.Updated = r.Updated.Add(time.Minute)
	err = ro.Save(survey.Change{Response: r, Set: map[string]survey.Answer{"more": {"more words"}}})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "Speakeasy cannot write to the data folder") {
		t.Fatalf("got %v", err)
	}
	if dump(t, ro) != before {
		t.Fatal("a refused save changed the results")
	}
}

// TestSave_ReadOnlyFolder takes write permission away from the data folder
// and file while Speakeasy has them open. Root ignores file modes, so this
// runs only as another user; TestSave_ReadOnly covers the error's words.
func TestSave_ReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write whatever the modes say")
	}
	db := MustOpenDB(t)
	s := mustWalkSurvey(t, db)
	clk := newTestClock()
	id := answerWalk(t, db, s, clk, 1, false)
	dir := filepath.Dir(db.Path())
	r, _, err := db.Response(id)
	if err != nil {
		t.Fatal(err)
	}
	before := dump(t, db)
	// Every use opens the file afresh and meets the new modes; an open
	// connection would go on writing through the handle it already has.
	db.sql.SetMaxIdleConns(0)
	if err := os.Chmod(db.Path(), 0o400); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	writable := func() {
		os.Chmod(dir, 0o700)
		os.Chmod(db.Path(), 0o600)
	}
	t.Cleanup(writable)
	r.Updated = clk.Now()
	err = db.Save(survey.Change{Response: r, Set: map[string]survey.Answer{"more": {"after the change"}}})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "Speakeasy cannot write to the data folder") {
		t.Fatalf("got %v, want words saying Speakeasy cannot write", err)
	}
	if _, err := Open(dir); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("opening a read-only folder: %v", err)
	}
	writable()
	if got := dump(t, db); got != before {
		t.Fatal("answers saved before the folder turned read-only were lost or changed")
	}
}
