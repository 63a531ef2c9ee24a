package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"speakeasy/cmd/speakeasy/cli"
	"speakeasy/survey/fake"
	"speakeasy/survey/store"
)

// TestRun_DamagedFileRescuesNewerAnswers: the results file is damaged
// after a backup; staff choose "Put back the newest copy", and the window
// adds what the damaged file still holds that the copy lacks, says how
// many came back, then starts the survey.
func TestRun_DamagedFileRescuesNewerAnswers(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	db, err := cli.OpenData(data)
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.Survey("ehc-plan", 0)
	if err != nil {
		t.Fatal(err)
	}
	end := time.Now().Add(-time.Hour)
	if _, err := fake.Responses(context.Background(), db, s, fake.Options{Count: 20, Seed: 1, End: end}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Backup(data); err != nil {
		t.Fatal(err)
	}
	if _, err := fake.Responses(context.Background(), db, s, fake.Options{Count: 40, Seed: 2, End: time.Now()}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Damage the file's last page.
	path := filepath.Join(data, store.FileName)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i*13 + 1)
	}
	f.WriteAt(junk, (fi.Size()/4096-1)*4096)
	f.Close()

	a := test.NewTempApp(t)
	if err := run(a, options{data: data}); err != nil {
		var damaged *store.DamagedError
		if !errors.As(err, &damaged) {
			t.Fatal(err)
		}
	}
	w := speakeasyWindow(t, a)
	test.Tap(tappableNamed(t, w.Content(), "Put back the newest copy"))
	got := labels(w.Content())
	if !strings.Contains(got, "The newest copy is back") || !strings.Contains(got, "newer responses came back from the damaged file.") {
		t.Fatalf("after putting the copy back the window says:\n%s", got)
	}
	test.Tap(tappableNamed(t, w.Content(), "Start the survey"))
	if !strings.Contains(labels(w.Content()), "Start") {
		t.Fatalf("the survey did not start:\n%s", labels(w.Content()))
	}
	check, err := store.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	c, err := check.CountResponses("", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Total() <= 20 || c.Total() > 60 {
		t.Fatalf("%d responses after the rescue; the copy had 20 and the damaged file 60", c.Total())
	}
}

// tappableNamed is the smallest thing on screen that can be tapped and
// shows exactly these words.
func tappableNamed(t *testing.T, o fyne.CanvasObject, words string) fyne.Tappable {
	t.Helper()
	var found fyne.Tappable
	var visit func(fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if tp, ok := o.(fyne.Tappable); ok && o.Visible() && labels(o) == words {
			found = tp
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, x := range c.Objects {
				visit(x)
			}
		}
	}
	visit(o)
	if found == nil {
		t.Fatalf("nothing to tap says %q:\n%s", words, labels(o))
	}
	return found
}
