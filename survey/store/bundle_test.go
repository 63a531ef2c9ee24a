package store

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"speakeasy/survey"
)

func TestBundle_File(t *testing.T) {
	db := MustOpenDB(t)
	s := mustWalkSurvey(t, db)
	clk := newTestClock()
	for k := range 4 {
		answerWalk(t, db, s, clk, k, k == 3)
	}
	if err := db.SetPIN("2468"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting("kiosk_survey", "walk"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "laptop-1.db")
	if err := db.Bundle(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("bundle mode %v, want 0600", perm)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("bundling left %v; want the one file", entries)
	}
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, []byte("argon2id")) {
		t.Error("the bundle holds the staff PIN's hash")
	}

	b, err := OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var settings []string
	rows, _ := b.SQL().Query(`SELECT key || '=' || value FROM settings ORDER BY key`)
	for rows.Next() {
		var kv string
		rows.Scan(&kv)
		settings = append(settings, kv)
	}
	rows.Close()
	if len(settings) != 2 || settings[0] != "device_id="+db.DeviceID() || settings[1] != "made_as=bundle" {
		t.Errorf("bundle settings %v, want only the device ID and the bundle mark", settings)
	}
	if dump(t, b) != dump(t, db) {
		t.Error("the bundle does not hold the same results")
	}
	b.Close()

	raw, _ = os.ReadFile(path)
	if err := db.Bundle(context.Background(), path); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("bundling over a file: %v", err)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(again, raw) {
		t.Fatal("a refused bundle changed the file that was there")
	}
	answerWalk(t, db, s, clk, 9, false)
	if err := db.BundleTo(context.Background(), path, true); err != nil {
		t.Fatal(err)
	}
	if sum := mustMerge(t, MustOpenDB(t), path); sum.Total().Added != 5 {
		t.Fatalf("the replaced bundle gave %+v, want 5 responses", sum)
	}
}

func TestWriteBundle(t *testing.T) {
	db := MustOpenDB(t)
	answerWalk(t, db, mustWalkSurvey(t, db), newTestClock(), 1, false)
	var buf bytes.Buffer
	if err := db.WriteBundle(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "from-writer.db")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	other := MustOpenDB(t)
	if sum := mustMerge(t, other, path); sum.Total().Added != 1 || sum.DeviceID != db.DeviceID() {
		t.Fatalf("summary %+v", sum)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(db.Path()), ".*")); len(leftovers) != 0 {
		t.Fatalf("WriteBundle left %v in the data folder", leftovers)
	}
}

// TestBundle_WhileSaving: a bundle made while answers are being saved is a
// whole database holding a moment's results.
func TestBundle_WhileSaving(t *testing.T) {
	db := MustOpenDB(t)
	s := mustWalkSurvey(t, db)
	clk := newTestClock()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for k := 0; ; k++ {
			select {
			case <-stop:
				return
			default:
			}
			r := survey.Response{ID: "busy", SurveyID: s.ID, Version: s.Version, DeviceID: db.DeviceID(),
				Language: "en", Started: clk.Now(), Updated: clk.Now(), Status: survey.Incomplete}
			// Two answers in one change: a bundle must hold both or neither.
			v := survey.Single(string(rune('a' + k%26)))
			if err := db.Save(survey.Change{Response: r, Set: map[string]survey.Answer{"x": v, "y": v}}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for i := range 5 {
		path := filepath.Join(t.TempDir(), "busy.db")
		if err := db.Bundle(context.Background(), path); err != nil {
			t.Fatal(err)
		}
		b, err := OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := b.IntegrityCheck(context.Background()); err != nil || ok != "ok" {
			t.Fatalf("bundle %d: integrity %q %v", i, ok, err)
		}
		var torn int
		b.SQL().QueryRow(`SELECT COUNT(*) FROM answers x LEFT JOIN answers y ON y.response_id = x.response_id
			AND y.question_id = 'y' WHERE x.question_id = 'x' AND (y.value IS NULL OR y.value <> x.value)`).Scan(&torn)
		b.Close()
		if torn != 0 {
			t.Fatalf("bundle %d holds half a change", i)
		}
	}
	close(stop)
	wg.Wait()
}
