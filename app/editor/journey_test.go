package editor

import (
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/app"
	"speakeasy/app/internal/person"
	"speakeasy/survey"
	"speakeasy/survey/store"
)

// TestJourney_AdminWritesPublishesAndRunsASurvey is an admin's morning,
// by taps, typing and keys on the staff screen at 1366x768: a new survey
// with four kinds of question, pictures, Welsh words and a skip rule;
// publishing it with a word missing in Welsh (the screen lists it and
// waits for a yes), then again with nothing missing (no question asked);
// then running it on this laptop, after which Today, Export and Start all
// show it. The survey rows in SQLite are read back after each publish. A
// participant then answers in Welsh: every screen is in Welsh, the skip
// rule brings the last question, and the answers are saved for version 2.
func TestJourney_AdminWritesPublishesAndRunsASurvey(t *testing.T) {
	db := newTestDB(t)
	if err := db.SetPIN("2580"); err != nil { // as speakeasy set-pin does
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	u, err := app.New(fyne.CurrentApp(), w, app.Config{DB: db, Clock: stillClock{}, Quit: func() {},
		StaffTabs: []app.StaffTab{app.ExportTab(), Tab()}})
	if err != nil {
		t.Fatal(err)
	}
	w.Resize(fyne.NewSize(1366, 768))
	u.Start()
	me := person.New(t, w)

	// The staff keys, the PIN, then the Surveys tab.
	me.Press(fyne.KeyS, fyne.KeyModifierControl|fyne.KeyModifierShift)
	test.TypeOnCanvas(w.Canvas(), "2580")
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.Screen() != "staff" {
		t.Fatalf("after the staff keys and the PIN: the %s screen:\n%s", u.Screen(), me.Sees())
	}
	me.Tap("Surveys")
	test.Type(me.Box("Short name, like family-day"), "family-day")
	me.Tap("New survey")

	// About the survey: its title, and Welsh.
	me.Write(person.After[*widget.Entry](me, "Title", "English (en)"), "Family day")
	test.Type(me.Box("Language code, like cy for Welsh"), "cy")
	me.Tap("Add the language")
	test.Type(person.After[*widget.Entry](me, "Title", "Cymraeg (cy)"), "Diwrnod teulu")
	me.TapRow("1. Hello.")
	test.Type(person.After[*widget.Entry](me, "Words", "Cymraeg (cy)"), "Helo. Diolch am ddod.")

	// Four kinds of question, each with a picture and words in both languages.
	question := func(kind, id, english, welsh, search, picture string) {
		t.Helper()
		me.Tap("Add a question")
		if kind != "" {
			choose(me, person.After[*deskSelect](me, "Kind of question"), kind)
		}
		me.Write(person.After[*widget.Entry](me, "Short name, for skip rules and results"), id)
		test.Type(person.After[*widget.Entry](me, "Words", "English (en)"), english)
		if welsh != "" {
			test.Type(person.After[*widget.Entry](me, "Words", "Cymraeg (cy)"), welsh)
		}
		test.Type(me.Box("Find a picture: type a word, like happy or school"), search)
		me.Tap(picture)
	}
	question("Choose one answer", "who", "Who came with you?", "Pwy ddaeth gyda ti?", "family", "people-hugging")
	me.Tap("Add an answer")
	me.Tap("Add an answer")
	for j, a := range [][3]string{{"My mum", "Fy mam", "woman"}, {"My dad", "Fy nhad", "man"}} {
		n := "Answer " + string(rune('1'+j))
		test.Type(person.After[*widget.Entry](me, "Answers to choose from", n, "English (en)"), a[0])
		test.Type(person.After[*widget.Entry](me, "Answers to choose from", n, "Cymraeg (cy)"), a[1])
		me.Tap("Choose a picture", j)
		test.Type(me.Box("Find a picture: type a word, like happy or school"), a[2])
		me.Tap(a[2])
		me.Tap("Done")
	}
	question("", "food", "Did you like the food?", "Oeddet ti'n hoffi'r bwyd?", "food", "fork-and-knife-with-plate") // yes, no or not sure
	question("Faces, from sad to happy", "day", "How was your day?", "Sut oedd dy ddiwrnod?", "sun", "sun")
	question("Words typed in", "better", "What can we do better?", "", "star", "star") // no Welsh yet

	// The skip rule: ask what to do better only of people who did not like the food.
	rule := person.AllAfter[*deskSelect](me, "Show this question only if:")
	choose(me, rule[0], "3. Did you like the food? (food)")
	choose(me, rule[1], "is")
	choose(me, rule[2], "No")

	// Publish with a word missing in Welsh: the screen says which and waits.
	me.Tap("Publish")
	asked := me.Sees()
	for _, want := range []string{"Things to look at in the words: 1.",
		"Question 5 (Cymraeg): These words are missing in Cymraeg.", "Publish anyway?"} {
		if !strings.Contains(asked, want) {
			t.Errorf("before publishing, the screen does not say %q; it says:\n%s", want, asked)
		}
	}
	if vs := publishedVersions(t, db, "family-day"); len(vs) != 0 {
		t.Fatalf("published before staff said yes: %d versions", len(vs))
	}
	me.Tap("Yes")
	if said := me.Sees(); !strings.Contains(said, "Published as version 1.") {
		t.Fatalf("after saying yes:\n%s", said)
	}
	v1 := publishedVersions(t, db, "family-day")
	if len(v1) != 1 || v1[0].Version != 1 || v1[0].Questions[4].Text["cy"] != "" {
		t.Fatalf("after the first publish the survey's rows are %+v", v1)
	}

	// The Welsh words added, publishing asks nothing.
	test.Type(person.After[*widget.Entry](me, "Words", "Cymraeg (cy)"), "Beth allwn ni wneud yn well?")
	me.Tap("Publish")
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("publishing with nothing missing asked:\n%s", person.WordsOn(top))
	}
	if said := me.Sees(); !strings.Contains(said, "Published as version 2.") {
		t.Fatalf("after the second publish:\n%s", said)
	}
	vs := publishedVersions(t, db, "family-day")
	if len(vs) != 2 || vs[1].Version != 2 {
		t.Fatalf("versions after two publishes: %d", len(vs))
	}
	checkFamilyDay(t, vs[1])

	// Run it on this laptop: Today, Export and Start follow.
	me.Tap("Back to the list")
	me.TapRow("Family day (family-day)")
	me.Tap("Run on this laptop")
	if id, _ := db.KioskSurveyID(); id != "family-day" {
		t.Fatalf("the laptop runs %q", id)
	}
	me.Tap("Today")
	today := me.Sees()
	for _, want := range []string{"This laptop now runs Family day.", "Family day (family-day)", "Today: 0 finished, 0 not finished."} {
		if !strings.Contains(today, want) {
			t.Errorf("Today does not say %q; it says:\n%s", want, today)
		}
	}
	me.Tap("Export")
	if export := me.Sees(); !strings.Contains(export, "Save the answers to Family day in a file") ||
		!strings.Contains(export, "Family day (family-day)") || !strings.Contains(export, "Nobody has answered this survey yet.") {
		t.Errorf("Export says:\n%s", export)
	}
	me.Tap("Today")
	me.Tap("Start the survey")
	if u.Screen() != "welcome" || !strings.Contains(me.Sees(), "Family day") || w.Title() != "Speakeasy: Family day" {
		t.Errorf("Start opened the %s screen of %q:\n%s", u.Screen(), w.Title(), me.Sees())
	}

	// A participant answers in Welsh; not liking the food brings the last
	// question, and the answers are saved against version 2.
	me.Tap("Cymraeg")
	me.Tap("Dechrau")
	if got := me.Sees(); !strings.Contains(got, "Helo. Diolch am ddod.") {
		t.Errorf("the first screen in Welsh says:\n%s", got)
	}
	me.Tap("Nesaf")
	for _, tap := range []string{"Fy mam", "Na", "Da"} {
		me.Tap(tap)
		me.Tap("Nesaf")
	}
	if got := me.Sees(); !strings.Contains(got, "Cwestiwn 4 o 4 Beth allwn ni wneud yn well?") {
		t.Fatalf("after not liking the food, the screen says:\n%s", got)
	}
	test.Type(w.Canvas().Focused(), "Mwy o fwyd")
	me.Tap("Nesaf")
	var version int
	var language, status string
	if err := db.SQL().QueryRow(`SELECT version, language, status FROM responses WHERE survey_id = 'family-day'`).Scan(&version, &language, &status); err != nil {
		t.Fatal(err)
	}
	answers := map[string]string{}
	rows, err := db.SQL().Query(`SELECT a.question_id, a.value FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.survey_id = 'family-day'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var q, v string
		if err := rows.Scan(&q, &v); err != nil {
			t.Fatal(err)
		}
		answers[q] = v
	}
	if version != 2 || language != "cy" || status != "complete" || answers["who"] != "answer1" || answers["food"] != "no" || answers["better"] != "Mwy o fwyd" {
		t.Errorf("saved version %d in %q, %s, with %v", version, language, status, answers)
	}
}

// publishedVersions reads a survey's rows in survey_versions, oldest first.
func publishedVersions(t *testing.T, db *store.DB, id string) []survey.Survey {
	t.Helper()
	rows, err := db.SQL().Query(`SELECT version, definition FROM survey_versions WHERE survey_id = ? ORDER BY version`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []survey.Survey
	for rows.Next() {
		var v int
		var def string
		var s survey.Survey
		if err := rows.Scan(&v, &def); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(def), &s); err != nil {
			t.Fatalf("version %d: %v", v, err)
		}
		s.Version = v
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkFamilyDay checks what the journey wrote, as SQLite holds it.
func checkFamilyDay(t *testing.T, s survey.Survey) {
	t.Helper()
	if strings.Join(s.Languages, " ") != "en cy" || s.Title["en"] != "Family day" || s.Title["cy"] != "Diwrnod teulu" {
		t.Errorf("languages %v, title %v", s.Languages, s.Title)
	}
	want := []struct {
		id      string
		kind    survey.Kind
		cy, pic string
	}{
		{"hello", survey.KindNote, "Helo. Diolch am ddod.", "waving-hand"},
		{"who", survey.KindOne, "Pwy ddaeth gyda ti?", "people-hugging"},
		{"food", survey.KindYesNo, "Oeddet ti'n hoffi'r bwyd?", "fork-and-knife-with-plate"},
		{"day", survey.KindFaces, "Sut oedd dy ddiwrnod?", "sun"},
		{"better", survey.KindText, "Beth allwn ni wneud yn well?", "star"},
	}
	if len(s.Questions) != len(want) {
		t.Fatalf("%d questions: %+v", len(s.Questions), s.Questions)
	}
	for i, w := range want {
		q := s.Questions[i]
		if q.ID != w.id || q.Kind != w.kind || q.Text["cy"] != w.cy || q.Picture != w.pic {
			t.Errorf("question %d is %s (%s) %q with %q; want %+v", i+1, q.ID, q.Kind, q.Text["cy"], q.Picture, w)
		}
	}
	who := s.Questions[1].Choices
	if len(who) != 2 || who[0].Text["cy"] != "Fy mam" || who[0].Picture != "woman" || who[1].Text["en"] != "My dad" || who[1].Picture != "man" {
		t.Errorf("the answers to who: %+v", who)
	}
	if got := s.Questions[4].Relevant; got != "${food} = 'no'" {
		t.Errorf("the skip rule is %q", got)
	}
	if faces := s.Questions[3].Faces; faces != 3 {
		t.Errorf("%d faces", faces)
	}
}

// TestJourney_PublishQuestionFitsALaptop: on a 1366x768 laptop, an admin
// publishes a survey whose Welsh words are mostly missing. The question
// that lists them must fit the window, its closing question above the
// buttons, so that staff read what they say yes to. Each line must say
// where the words are missing (the question's words, its hint, an
// answer), or staff cannot find them.
func TestJourney_PublishQuestionFitsALaptop(t *testing.T) {
	db := newTestDB(t)
	s, err := db.Survey("ehc-plan", 0)
	if err != nil {
		t.Fatal(err)
	}
	s.ID = "no-welsh"
	for i := range s.Questions {
		q := &s.Questions[i]
		delete(q.Text, "cy")
		delete(q.Hint, "cy")
		for j := range q.Choices {
			delete(q.Choices[j].Text, "cy")
		}
	}
	if _, err := db.Publish(s); err != nil {
		t.Fatal(err)
	}
	p := openTestPanel(t, db)
	p.confirm = newSurveysPanel(p.win, db).confirm // the real question, as staff see it
	p.win.Resize(fyne.NewSize(1366, 768))
	me := person.New(t, p.win)
	me.TapRow("Your plan: tell us what you think (no-welsh)")
	me.Tap("Edit")
	me.Tap("Publish")

	asked := me.Sees()
	var lines []string
	for _, l := range strings.Split(asked, "•")[1:] {
		lines = append(lines, strings.TrimSpace(l))
	}
	if len(lines) < 3 || lines[1] == lines[2] {
		t.Errorf("two lines of the list say the same, so staff cannot tell where the words are missing: %q", lines)
	}
	var question *widget.Label
	person.Drawn(me.Layer(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasSuffix(l.Text, "Publish anyway?") {
			question = l
		}
	})
	if question == nil {
		t.Fatalf("no question before publishing:\n%s", asked)
	}
	// A wrapped label learns its height from its width only at the next
	// layout (the real window's next frame): what it needs at its width is
	// its MinSize now.
	yes := buttonAt(me, "Yes")
	d := fyne.CurrentApp().Driver()
	top, need := d.AbsolutePositionForObject(question).Y, question.MinSize().Height
	yesAt, window := d.AbsolutePositionForObject(yes).Y, p.win.Canvas().Size().Height
	if top < 0 || top+need > yesAt || yesAt+yes.Size().Height > window {
		t.Errorf("in a %v window the list needs y=%v to %v and Yes is at y=%v: the list runs off the window or under the buttons",
			p.win.Canvas().Size(), top, top+need, yesAt)
	}
}

// buttonAt is the button with these words on the layer on top.
func buttonAt(me person.Person, words string) *widget.Button {
	var found *widget.Button
	person.Drawn(me.Layer(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == words {
			found = b
		}
	})
	if found == nil {
		me.T.Fatalf("no button %q:\n%s", words, me.Sees())
	}
	return found
}

// choose opens one of the editor's drop-downs and taps one of its choices,
// as person.Choose does for a Select.
func choose(me person.Person, s *deskSelect, option string) {
	me.T.Helper()
	test.Tap(s)
	me.Tap(option)
	if s.Selected != option {
		me.T.Fatalf("the drop-down shows %q after choosing %q", s.Selected, option)
	}
}
