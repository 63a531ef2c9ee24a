package app

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

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

// dateUI runs the survey in body on a 1366×768 window, on its welcome
// screen.
func dateUI(t *testing.T, body string) (*UI, *store.DB) {
	t.Helper()
	a := test.NewTempApp(t)
	db, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := survey.Parse([]byte(body))
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
	return u, db
}

// chooseAndGoOn taps the date tile label, checks it is shown as chosen
// and said, and taps Next to the next question. It gives the response ID.
func chooseAndGoOn(t *testing.T, u *UI, label string) string {
	t.Helper()
	test.Tap(tileNamed(t, u, label))
	if !tileNamed(t, u, label).Chosen() || !strings.Contains(screenText(u), "You chose: "+label+".") {
		t.Fatalf("%s is not shown as chosen: %s", label, screenText(u))
	}
	rid := u.Session().Response().ID
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "happy")
	return rid
}

// savedAnswer is what SQLite holds for question id of response rid.
func savedAnswer(t *testing.T, db *store.DB, rid, id string) string {
	t.Helper()
	var v string
	if err := db.SQL().QueryRow(`SELECT value FROM answers WHERE response_id = ? AND question_id = ?`, rid, id).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestDate_IDontKnowInPlaceOfADate: on a date question that offers it,
// "I don't know" is in view above the years, replaces a half-chosen date,
// says what was chosen, and is saved in SQLite in place of a date. Going
// back shows it chosen; choosing a whole date after all replaces it.
func TestDate_IDontKnowInPlaceOfADate(t *testing.T) {
	u, db := dateUI(t, dateSurvey)
	test.Tap(tileNamed(t, u, "Start"))
	onQuestion(t, u, "moved")
	if p := FitProblems(u.win); len(p) > 0 {
		t.Fatalf("the date with I don't know does not fit:\n\t%s", strings.Join(p, "\n\t"))
	}
	test.Tap(tileNamed(t, u, "2026")) // half a date, then a change of mind
	rid := chooseAndGoOn(t, u, "I don't know")
	saved := func() string { t.Helper(); return savedAnswer(t, db, rid, "moved") }
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

// TestDate_AboutWhen: a date question that asks for it starts with
// "About when?" tiles; "Last year" is saved as the year, and "Choose the
// day" leads to the year, month and day tiles, with a way back.
func TestDate_AboutWhen(t *testing.T) {
	u, db := dateUI(t, strings.Replace(dateSurvey, `"dont_know": true,`, `"dont_know": true, "about_when": true,`, 1))
	test.Tap(tileNamed(t, u, "Start"))
	onQuestion(t, u, "moved")
	if !strings.Contains(screenText(u), "About when?") {
		t.Fatalf("no About when?: %s", screenText(u))
	}
	if p := FitProblems(u.win); len(p) > 0 {
		t.Fatalf("About when? does not fit:\n\t%s", strings.Join(p, "\n\t"))
	}
	rid := chooseAndGoOn(t, u, "Last year")
	if v, want := savedAnswer(t, db, rid, "moved"), strconv.Itoa(time.Now().Year()-1); v != want {
		t.Fatalf("saved %q, want %q", v, want)
	}

	test.Tap(tileNamed(t, u, "Back"))
	onQuestion(t, u, "moved")
	if !tileNamed(t, u, "Last year").Chosen() {
		t.Fatal("back on the date, Last year is not chosen")
	}
	test.Tap(tileNamed(t, u, "Choose the day"))
	test.Tap(tileNamed(t, u, "About when?")) // and back again, then on
	test.Tap(tileNamed(t, u, "Choose the day"))
	test.Tap(tileNamed(t, u, "2024"))
	test.Tap(tileNamed(t, u, "January"))
	test.Tap(tileNamed(t, u, "5"))
	test.Tap(tileNamed(t, u, "Next"))
	onQuestion(t, u, "happy")
	if v := savedAnswer(t, db, rid, "moved"); v != "2024-01-05" {
		t.Fatalf("saved %q, want 2024-01-05", v)
	}
}
