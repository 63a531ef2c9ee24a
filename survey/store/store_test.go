package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"speakeasy/survey"
)

// MustOpenDB opens a database in a fresh folder and closes it after the test.
func MustOpenDB(tb testing.TB) *DB {
	tb.Helper()
	db, err := Open(filepath.Join(tb.TempDir(), "data"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// mustWalkSurvey loads the survey package's test survey and publishes it.
func mustWalkSurvey(tb testing.TB, db *DB) *survey.Survey {
	tb.Helper()
	s, err := survey.Load("../testdata/walk.json")
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestOpen_FilesArePrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mustWalkSurvey(t, db)
	for _, name := range []string{"", FileName, FileName + "-wal"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm&0o077 != 0 {
			t.Errorf("%s has mode %v; others can read it", filepath.Join(dir, name), perm)
		}
	}
}

func TestOpen_DeviceIDIsKept(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	id := db.DeviceID()
	db.Close()
	db, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if id == "" || db.DeviceID() != id {
		t.Fatalf("device ID changed from %q to %q", id, db.DeviceID())
	}
	if other := MustOpenDB(t); other.DeviceID() == id {
		t.Fatal("two data folders share a device ID")
	}
}

func TestOpen_BadFiles(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
		want    string
	}{
		{"text file", []byte(strings.Repeat("this is not a database\n", 100)), "damaged or is not Speakeasy data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
			if got, _ := os.ReadFile(path); string(got) != string(tt.content) {
				t.Fatal("opening a bad file changed it")
			}
		})
	}
}

func TestOpen_NewerSchemaRefused(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "newer Speakeasy") {
		t.Fatalf("got %v", err)
	}
}

func TestSave_AnswersInSQLite(t *testing.T) {
	db := MustOpenDB(t)
	s := mustWalkSurvey(t, db)
	ss := survey.NewSession(s, survey.SessionOptions{Language: "en", DeviceID: db.DeviceID(), Event: "Fair", Saver: db})
	steps := []func(){
		func() { ss.Tap("parent") }, nil,
		func() { ss.Tap("yes") }, func() { ss.Tap("3") }, func() { ss.Tap("doctor"); ss.Tap("school") },
	}
	for i, do := range steps {
		if do != nil {
			do()
		}
		if err := ss.Next(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	rid := ss.Response().ID
	var n int
	if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM answers WHERE response_id = ?`, rid).Scan(&n); err != nil || n != 4 {
		t.Fatalf("answers rows %d (%v), want 4", n, err)
	}
	var value string
	if err := db.SQL().QueryRow(`SELECT value FROM answers WHERE response_id = ? AND question_id = 'help'`, rid).Scan(&value); err != nil || value != `["doctor","school"]` {
		t.Fatalf("help stored as %q (%v)", value, err)
	}
	// Back to has_plan, change to no: the plan answers go from the database.
	for ss.Current().ID != "has_plan" {
		if err := ss.Back(); err != nil {
			t.Fatal(err)
		}
	}
	ss.Tap("no")
	if err := ss.Next(); err != nil {
		t.Fatal(err)
	}
	r, answers, err := db.Response(rid)
	if err != nil {
		t.Fatal(err)
	}
	if len(answers) != 2 || answers["who"].String() != "parent" || answers["has_plan"].String() != "no" {
		t.Fatalf("answers after change: %v", answers)
	}
	if r.Status != survey.Incomplete || r.AnsweredBy != "parent" || r.Event != "Fair" || r.DeviceID != db.DeviceID() || r.Version != 1 {
		t.Fatalf("response row: %+v", r)
	}
	ss.SetText("9")
	for !ss.Done() {
		if err := ss.Next(); err != nil {
			t.Fatal(err)
		}
	}
	r, _, _ = db.Response(rid)
	if r.Status != survey.Complete || r.Finished.IsZero() || r.Finished.Before(r.Started) {
		t.Fatalf("finished response row: %+v", r)
	}
	c, err := db.CountResponses("walk", time.Time{})
	if err != nil || c.Complete != 1 || c.Incomplete != 0 {
		t.Fatalf("counts %+v %v", c, err)
	}
	if c, _ := db.CountResponses("walk", time.Now().Add(time.Hour)); c.Total() != 0 {
		t.Fatalf("counts since the future: %+v", c)
	}
}

func TestPublish_Versions(t *testing.T) {
	db := MustOpenDB(t)
	s := mustWalkSurvey(t, db)
	if s.Version != 1 {
		t.Fatalf("first version %d", s.Version)
	}
	old := survey.NewSession(s, survey.SessionOptions{Saver: db, DeviceID: db.DeviceID()})
	old.Tap("self")
	if err := old.Next(); err != nil {
		t.Fatal(err)
	}
	same, _ := survey.Load("../testdata/walk.json")
	if v, err := db.Publish(same); err != nil || v != 1 {
		t.Fatalf("publishing the same content made version %d (%v)", v, err)
	}
	changed, _ := survey.Load("../testdata/walk.json")
	changed.Title["en"] = "A new walk"
	if v, err := db.Publish(changed); err != nil || v != 2 {
		t.Fatalf("publishing changed content made version %d (%v)", v, err)
	}
	undone, _ := survey.Load("../testdata/walk.json")
	if v, err := db.Publish(undone); err != nil || v != 3 {
		t.Fatalf("undoing the change made version %d (%v); want 3, so the kiosk runs it", v, err)
	}
	if v, _ := db.Publish(changed); v != 4 {
		t.Fatalf("changing it again made version %d", v)
	}
	if known, err := db.Known(undone); err != nil || !known {
		t.Fatalf("Known: %v %v", known, err)
	}
	undone.Title["en"] = "Never published"
	if known, _ := db.Known(undone); known {
		t.Fatal("unpublished content is known")
	}
	latest, err := db.Survey("walk", 0)
	if err != nil || latest.Version != 4 || latest.Title["en"] != "A new walk" {
		t.Fatalf("latest %+v %v", latest, err)
	}
	r, _, err := db.Response(old.Response().ID)
	if err != nil || r.Version != 1 {
		t.Fatalf("old response now points at version %d (%v)", r.Version, err)
	}
	infos, err := db.Surveys()
	if err != nil || len(infos) != 1 || infos[0].Versions != 4 || infos[0].Latest != 4 || infos[0].Title != "A new walk" || infos[0].Counts.Incomplete != 1 {
		t.Fatalf("surveys %+v %v", infos, err)
	}
	if _, err := db.Survey("nope", 0); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing survey: %v", err)
	}
}

func TestPIN(t *testing.T) {
	db := MustOpenDB(t)
	if has, _ := db.HasPIN(); has {
		t.Fatal("a new laptop has a PIN")
	}
	if err := db.SetPIN("12a4"); err == nil {
		t.Fatal("letters accepted in a PIN")
	}
	if err := db.SetPIN("2468"); err != nil {
		t.Fatal(err)
	}
	stored, _ := db.Setting("pin_hash")
	if strings.Contains(stored, "2468") || !strings.HasPrefix(stored, "argon2id$") {
		t.Fatalf("PIN stored as %q", stored)
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	if err := db.CheckPIN("2468", now); err != nil {
		t.Fatalf("right PIN refused: %v", err)
	}
	for i := 1; i <= 2; i++ {
		if err := db.CheckPIN("0000", now); !errors.Is(err, ErrWrongPIN) {
			t.Fatalf("wrong PIN %d: %v", i, err)
		}
	}
	var w *WaitError
	if wait, err := db.PINWait(now); wait != 0 || err != nil {
		t.Fatalf("two wrong PINs are free, yet the wait is %v (%v)", wait, err)
	}
	if err := db.CheckPIN("0000", now); !errors.As(err, &w) || w.Wait != 5*time.Second || !w.Tried {
		t.Fatalf("third wrong PIN should make staff wait 5 s: %v", err)
	}
	if err := db.CheckPIN("2468", now.Add(2*time.Second)); !errors.As(err, &w) || w.Tried || w.Seconds() != 3 {
		t.Fatalf("even the right PIN must wait, untried, 3 more seconds: %#v", err)
	}
	if wait, _ := db.PINWait(now.Add(2 * time.Second)); wait != 3*time.Second {
		t.Fatalf("PINWait during the wait: %v", wait)
	}
	if err := db.CheckPIN("0000", now.Add(6*time.Second)); !errors.As(err, &w) || w.Wait != 10*time.Second {
		t.Fatalf("fourth wrong PIN should wait 10 s: %v", err)
	}
	if err := db.CheckPIN("2468", now.Add(17*time.Second)); err != nil {
		t.Fatalf("right PIN after waiting: %v", err)
	}
	if err := db.CheckPIN("0000", now.Add(18*time.Second)); !errors.Is(err, ErrWrongPIN) {
		t.Fatalf("the count should start again after a right PIN: %v", err)
	}
}

func TestIntegrityCheck(t *testing.T) {
	db := MustOpenDB(t)
	if got, err := db.IntegrityCheck(context.Background()); err != nil || got != "ok" {
		t.Fatalf("integrity %q %v", got, err)
	}
}
