package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// dateSurvey is a survey whose date question offers "I don't know" and
// "I don't want to say", then a yes/no question.
const dateSurvey = `{"id": "when", "version": 1, "languages": ["en", "cy"],
 "title": {"en": "When", "cy": "Pryd"},
 "questions": [
  {"id": "moved", "kind": "date", "dont_know": true, "prefer_not": true,
   "text": {"en": "When did you move here?", "cy": "Pryd symudaist ti yma?"}},
  {"id": "happy", "kind": "yesno", "text": {"en": "Do you like it here?", "cy": "Wyt ti'n hoffi yma?"}}
 ]}`

// TestDate_IDontKnowInPlaceOfADate: on a date question that offers it,
// "I don't know" is in view above the years, replaces a half-chosen date,
// says what was chosen, and is saved in SQLite in place of a date. Going
// back shows it chosen; choosing a whole date after all replaces it.
func TestDate_IDontKnowInPlaceOfADate(t *testing.T) {
	a := test.NewTempApp(t)
	db, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := survey.Parse([]byte(dateSurvey))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting(store.SettingKioskSurvey, s.ID); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	u, err := New(a, w, Config{DB: db, Clock: &fakeClock{}, Quit: func() {}})
	if err != nil {
		t.Fatal(err)
	}
	w.Resize(fyne.NewSize(1366, 768))
	u.Start()
	test.Tap(tileNamed(t, u, "Start"))
	onQuestion(t, u, "moved")
	if p := FitProblems(w); len(p) > 0 {
		t.Fatalf("the date with I don't know does not fit:\n\t%s", strings.Join(p, "\n\t"))
	}
	test.Tap(tileNamed(t, u, "2026")) // half a date, then a change of mind
	test.Tap(tileNamed(t, u, "I don't know"))
	if !tileNamed(t, u, "I don't know").Chosen() || !strings.Contains(screenText(u), "You chose: I don't know.") {
		t.Fatalf("I don't know is not shown as chosen: %s", screenText(u))
	}
	rid := u.Session().Response().ID
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "happy")
	saved := func() string {
		t.Helper()
		var v string
		if err := db.SQL().QueryRow(`SELECT value FROM answers WHERE response_id = ? AND question_id = 'moved'`, rid).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	if v := saved(); v != survey.DontKnow {
		t.Fatalf("saved %q, want %q", v, survey.DontKnow)
	}

	test.Tap(tileNamed(t, u, "Back"))
	onQuestion(t, u, "moved")
	if !tileNamed(t, u, "I don't know").Chosen() {
		t.Fatal("back on the date, I don't know is not chosen")
	}
	test.Tap(tileNamed(t, u, "2025"))
	test.Tap(tileNamed(t, u, "June"))
	test.Tap(tileNamed(t, u, "More answers")) // days 16 to 31: the row for I don't know costs a row of days
	test.Tap(tileNamed(t, u, "30"))
	if tileNamed(t, u, "I don't know").Chosen() {
		t.Fatal("I don't know is still chosen beside a whole date")
	}
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "happy")
	if v := saved(); v != "2025-06-30" {
		t.Fatalf("saved %q, want 2025-06-30", v)
	}
}
