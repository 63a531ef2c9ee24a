package store

import (
	"context"
	"slices"
	"testing"

	"speakeasy/survey"
)

// hardRows is every hard-word mark in db as "response question language
// word", in a fixed order.
func hardRows(tb testing.TB, db *DB) []string {
	tb.Helper()
	rows, err := db.SQL().Query(`SELECT response_id || ' ' || question_id || ' ' || language || ' ' || word
		FROM hard_words ORDER BY response_id, question_id, language, word`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			tb.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// markWalk starts a participant on s, marks words of the first question
// hard, answers it and goes on one screen. It returns the session.
func markWalk(tb testing.TB, db *DB, s *survey.Survey, clk *testClock, words ...string) *survey.Session {
	tb.Helper()
	ss := survey.NewSession(s, survey.SessionOptions{Language: "en", DeviceID: db.DeviceID(), Saver: db, Now: clk.Now})
	for _, w := range words {
		if err := ss.MarkHard(w); err != nil {
			tb.Fatal(err)
		}
	}
	ss.Tap(ss.Options()[0].Value)
	if err := ss.Next(); err != nil {
		tb.Fatal(err)
	}
	return ss
}

func TestHardWords_SavedAtOnceWithTheResponse(t *testing.T) {
	db := MustOpenDB(t)
	s := mustWalkSurvey(t, db)
	clk := newTestClock()
	ss := survey.NewSession(s, survey.SessionOptions{Language: "en", DeviceID: db.DeviceID(), Saver: db, Now: clk.Now})
	id := ss.Response().ID
	// Before any answer: the mark alone makes the response's row.
	for _, w := range []string{"Answering?", "answering", survey.AllWords} {
		if err := ss.MarkHard(w); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{id + " who en (all)", id + " who en answering"}
	if got := hardRows(t, db); !slices.Equal(got, want) {
		t.Fatalf("hard_words rows %q, want %q", got, want)
	}
	r, answers, err := db.Response(id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != survey.Incomplete || len(answers) != 0 {
		t.Errorf("the response after a mark: %+v, answers %v", r, answers)
	}
	// The mark never blocks: the participant still answers and goes on.
	ss.Tap("self")
	if err := ss.Next(); err != nil {
		t.Fatal(err)
	}
	if _, answers, _ = db.Response(id); answers["who"].String() != "self" {
		t.Errorf("answers after the mark: %v", answers)
	}
	// Thrown away with the response (a survey that does not keep stopped answers).
	if err := ss.Discard(); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, db, "hard_words"); n != 0 {
		t.Errorf("%d marks left after the response was thrown away", n)
	}
}

func TestHardWords_MergeTakesBothSidesOnce(t *testing.T) {
	clk := newTestClock()
	a, b := MustOpenDB(t), MustOpenDB(t)
	s := mustWalkSurvey(t, a)
	mustWalkSurvey(t, b)
	ss := markWalk(t, a, s, clk, "who", survey.AllWords)
	markWalk(t, b, s, clk, "answering")
	id := ss.Response().ID

	// B gets A's results twice, on a stick and as the raw file: once.
	mustMerge(t, b, mustBundle(t, a))
	mustMerge(t, b, a.Path())
	if n := countRows(t, b, "hard_words"); n != 3 {
		t.Fatalf("after merging twice: %d marks, want 3: %q", n, hardRows(t, b))
	}
	// A goes on with its response, marking another word; B's older copy
	// and A's newer one come together with every mark once.
	if err := ss.MarkHard("listen"); err != nil {
		t.Fatal(err)
	}
	mustMerge(t, b, a.Path())
	mustMerge(t, a, b.Path())
	mustMerge(t, a, mustBundle(t, b))
	want := hardRows(t, b)
	if got := hardRows(t, a); !slices.Equal(got, want) || len(got) != 4 {
		t.Fatalf("laptop A %q, laptop B %q: want the same four marks", got, want)
	}
	counts, err := a.CountHardWords(context.Background(), "walk")
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != 4 || counts[0].People != 1 {
		t.Errorf("counts %+v", counts)
	}
	marks, err := a.HardWords(context.Background(), "walk")
	if err != nil {
		t.Fatal(err)
	}
	if got := marks[id]; len(got) != 3 || got[0].Language != "en" || got[0].At.IsZero() {
		t.Errorf("response %s marks %+v", id, got)
	}
}

func TestCountHardWords_PeopleNotTaps(t *testing.T) {
	db := MustOpenDB(t)
	s := mustWalkSurvey(t, db)
	clk := newTestClock()
	for _, words := range [][]string{{"Who", "who"}, {"WHO?", "answering"}, {"who"}, {survey.AllWords}} {
		markWalk(t, db, s, clk, words...)
	}
	counts, err := db.CountHardWords(context.Background(), "walk")
	if err != nil {
		t.Fatal(err)
	}
	want := []HardWordCount{{"who", "en", "who", 3}, {"who", "en", "(all)", 1}, {"who", "en", "answering", 1}}
	if len(counts) != len(want) {
		t.Fatalf("counts %+v, want %+v", counts, want)
	}
	for i := range want {
		if counts[i] != want[i] {
			t.Errorf("count %d = %+v, want %+v", i, counts[i], want[i])
		}
	}
}

func TestHardQuestions_MarkedOutOfReached(t *testing.T) {
	db := MustOpenDB(t)
	s := mustWalkSurvey(t, db)
	clk := newTestClock()
	markWalk(t, db, s, clk, "who", "answering") // one person, two words
	markWalk(t, db, s, clk, survey.AllWords)
	markWalk(t, db, s, clk)
	ss := survey.NewSession(s, survey.SessionOptions{Language: "en", DeviceID: db.DeviceID(), Saver: db, Now: clk.Now})
	if err := ss.MarkHard("who"); err != nil { // marks, then stops with no answer
		t.Fatal(err)
	}
	got, err := db.HardQuestions(context.Background(), "walk")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got["who"] != (HardQuestion{Marked: 3, Reached: 4}) {
		t.Errorf("HardQuestions = %+v, want who: 3 of 4", got)
	}
}

func TestRescue_KeepsHardWords(t *testing.T) {
	clk := newTestClock()
	from := MustOpenDB(t)
	s := mustWalkSurvey(t, from)
	ss := markWalk(t, from, s, clk, "who", survey.AllWords)
	into := MustOpenDB(t)
	mustWalkSurvey(t, into)
	if _, err := into.Rescue(context.Background(), mustBundle(t, from)); err != nil {
		t.Fatal(err)
	}
	id := ss.Response().ID
	if got, want := hardRows(t, into), []string{id + " who en (all)", id + " who en who"}; !slices.Equal(got, want) {
		t.Errorf("after the rescue: %q, want %q", got, want)
	}
}
