package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey"
	"speakeasy/survey/report/pdftext"
	"speakeasy/survey/store"
)

// resultsTestDB holds the club survey answered by 12 people at "Library
// day" (Good 7, OK 5; six typed something, one naming themselves) and 6
// at "Park day" (all Good).
func resultsTestDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := survey.Load("../survey/report/testdata/club.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		t.Fatal(err)
	}
	typed := []string{"Great games.", "My name is Ann Smith.", "Loud music.", "Nice cake.", "Too short.", "Great games."}
	start := time.Date(2024, 6, 3, 10, 0, 0, 0, time.Local)
	batch := db.NewBatch()
	for i := range 18 {
		event, face := "Library day", "3"
		if i >= 7 && i < 12 {
			face = "2"
		}
		if i >= 12 {
			event = "Park day"
		}
		set := map[string]survey.Answer{"fun": {face}}
		if i < len(typed) {
			set["more"] = survey.Single(typed[i])
		}
		at := start.Add(time.Duration(i) * time.Minute)
		r := survey.Response{ID: "r" + string(rune('a'+i)), SurveyID: "club", Version: 1, DeviceID: "d", Event: event,
			Language: "en", Started: at, Updated: at, Finished: at, Status: survey.Complete}
		if err := batch.Save(survey.Change{Response: r, Set: set, Kinds: map[string]survey.Kind{"fun": survey.KindFaces, "more": survey.KindText}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := batch.Commit(); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestResultsPanel_MakesTheReport(t *testing.T) {
	test.NewTempApp(t)
	db := resultsTestDB(t)
	w := test.NewTempWindow(t, nil)
	p := newResultsPanel(w, db, "club")
	w.SetContent(p.view())

	if got := strings.Join(p.events.Options, "|"); got != "Library day|Park day" {
		t.Fatalf("events %q", got)
	}
	// Staff's words are checked as they type.
	test.Type(p.weWill, "The multi-agency panel will be notified of every issue that was raised at the day by families.")
	if !strings.HasPrefix(p.advice.Text, "These words may be hard to read:") || !strings.Contains(p.advice.Text, "multi-agency") {
		t.Errorf("advice %q, want the checker's problems", p.advice.Text)
	}
	p.weWill.SetText("We will buy more games.\nWe will play the music more quietly.")
	if p.advice.Text != "Your words are easy to read." {
		t.Errorf("advice %q for easy words", p.advice.Text)
	}

	// Only the library; one typed answer chosen as a quote.
	p.events.SetSelected([]string{"Library day"})
	test.Tap(p.showTyped)
	var typed *widget.CheckGroup
	for _, o := range p.quotes.Objects {
		if c, ok := o.(*widget.CheckGroup); ok {
			typed = c
		}
	}
	if typed == nil || strings.Join(typed.Options, "|") != "Great games.|My name is Ann Smith.|Loud music.|Nice cake.|Too short." {
		t.Fatalf("typed answers to choose from: %v", typed)
	}
	typed.SetSelected([]string{"Great games."})

	path := filepath.Join(t.TempDir(), "you-said")
	p.pickSave = func(then func(string)) { then(path) }
	done := make(chan struct{}, 1)
	p.made = func() { done <- struct{}{} }
	test.Tap(p.save)
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the report was not made in 30 seconds")
	}
	if p.message.Text != "Saved the report to "+path+".pdf." {
		t.Fatalf("message %q", p.message.Text)
	}
	if info, err := os.Stat(path + ".pdf"); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("report file %v, %v; want it readable only by its owner", info, err)
	}
	text := pdftext.ReadFile(t, path+".pdf")
	for _, want := range []string{"12 people answered.", "Where: Library day.", "7 people said “Good”.", "5 people said “OK”.",
		"6 people wrote an answer.", "“Great games.”", "What we will do We will buy more games. We will play the music more quietly."} {
		if !strings.Contains(text, want) {
			t.Errorf("the report does not say %q:\n%s", want, text)
		}
	}
	for _, bad := range []string{"Park day", "Ann Smith", "Loud music"} {
		if strings.Contains(text, bad) {
			t.Errorf("the report says %q", bad)
		}
	}
	// The words are kept for next time.
	if saved, _ := db.Setting(weWillKey("club")); saved != p.weWill.Text {
		t.Errorf("kept words %q", saved)
	}
	if again := newResultsPanel(w, db, "club"); again.weWill.Text != p.weWill.Text {
		t.Errorf("a new panel shows %q", again.weWill.Text)
	}
}

func TestResultsPanel_TooFewPeopleSaysSo(t *testing.T) {
	test.NewTempApp(t)
	db := resultsTestDB(t)
	w := test.NewTempWindow(t, nil)
	p := newResultsPanel(w, db, "club")
	w.SetContent(p.view())
	p.events.SetSelected([]string{"Park day"})
	p.minPeople.SetSelected("10")
	path := filepath.Join(t.TempDir(), "r.pdf")
	p.pickSave = func(then func(string)) { then(path) }
	done := make(chan struct{}, 1)
	p.made = func() { done <- struct{}{} }
	test.Tap(p.save)
	<-done
	if p.message.Text != "Too few people answered to make a report. 6 answered, and a report needs at least 10. This keeps answers private. Tick more events, or choose a smaller number." {
		t.Errorf("message %q", p.message.Text)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a refused report left a file")
	}
	empty := newResultsPanel(w, mustEmptyDB(t), "club")
	if !empty.save.Disabled() || empty.message.Text != "Nobody has answered this survey yet." {
		t.Errorf("a survey nobody answered: save disabled %v, message %q", empty.save.Disabled(), empty.message.Text)
	}
}

func mustEmptyDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "empty"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
