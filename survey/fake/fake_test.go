package fake_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/fake"
	"speakeasy/survey/store"
)

func walkDB(t *testing.T) (*store.DB, *survey.Survey) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := survey.Load("../testdata/walk.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		t.Fatal(err)
	}
	return db, s
}

func TestResponses_RealisticAndRespectSkips(t *testing.T) {
	db, s := walkDB(t)
	end := time.Date(2024, 7, 1, 17, 0, 0, 0, time.Local)
	var progress []int
	counts, err := fake.Responses(context.Background(), db, s, fake.Options{Count: 300, Seed: 3, End: end, BatchSize: 64,
		Progress: func(done, total int) { progress = append(progress, done) }})
	if err != nil {
		t.Fatal(err)
	}
	if counts.Total() != 300 || counts.Incomplete < 10 || counts.Incomplete > 60 {
		t.Fatalf("counts %+v, want 300 with about one in ten not finished", counts)
	}
	if stored, _ := db.CountResponses(s.ID, time.Time{}); stored != counts {
		t.Fatalf("stored %+v, reported %+v", stored, counts)
	}
	if len(progress) != 5 || progress[len(progress)-1] != 300 {
		t.Errorf("progress %v, want five batches ending at 300", progress)
	}

	formulaLike, days := 0, map[string]bool{}
	err = db.EachResponse(context.Background(), s.ID, func(r survey.Response, stored []store.StoredAnswer) error {
		if !slices.Contains(fake.DefaultEvents, r.Event) || r.Started.After(end) || r.Language == "" {
			t.Errorf("response details %+v", r)
		}
		days[r.Started.Local().Format("2006-01-02")] = true
		if r.Status == survey.Complete && r.Finished.Before(r.Started) {
			t.Errorf("finished before it started: %+v", r)
		}
		answers := map[string]survey.Answer{}
		for _, a := range stored {
			q := s.Question(a.Question)
			v, err := survey.DecodeAnswer(a.Value, q.Kind)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range v {
				if _, ok := q.Option(x, "en", "en"); q.Kind.HasOptions() && !ok {
					t.Errorf("%s: %q is not an answer", q.ID, x)
				}
			}
			answers[q.ID] = v
		}
		if r.Status == survey.Complete && (answers["who"].Empty() || answers["has_plan"].Empty()) {
			t.Errorf("a complete response lacks a required answer: %v", answers)
		}
		if r.AnsweredBy != answers["who"].String() {
			t.Errorf("answered by %q, who %q", r.AnsweredBy, answers["who"])
		}
		planned := answers["has_plan"].String() == "yes"
		for _, id := range []string{"listened", "help"} {
			if !planned && !answers[id].Empty() {
				t.Errorf("%s answered though hidden: %v", id, answers)
			}
		}
		if !answers["doctor_good"].Empty() && !answers["help"].Has("doctor") {
			t.Errorf("doctor_good answered though hidden: %v", answers)
		}
		if age, _ := strconv.Atoi(answers["age"].String()); !answers["meeting"].Empty() && (!planned || age < 14) {
			t.Errorf("meeting answered though hidden: %v", answers)
		}
		if strings.HasPrefix(answers["more"].String(), "=") {
			formulaLike++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if formulaLike == 0 {
		t.Error("no typed answer starts with =")
	}
	if len(days) < 3 {
		t.Errorf("responses on %d days, want a few", len(days))
	}
}

func TestResponses_SameSeedSameAnswers(t *testing.T) {
	var got [2]store.Counts
	for i := range got {
		db, s := walkDB(t)
		var err error
		if got[i], err = fake.Responses(context.Background(), db, s, fake.Options{Count: 50, Seed: 9}); err != nil {
			t.Fatal(err)
		}
	}
	if got[0] != got[1] {
		t.Errorf("seed 9 gave %+v then %+v", got[0], got[1])
	}
}

func TestResponses_Stops(t *testing.T) {
	db, s := walkDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := fake.Responses(ctx, db, s, fake.Options{Count: 10}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	if _, err := fake.Responses(context.Background(), db, s, fake.Options{Count: -1}); err == nil {
		t.Error("a count below 0 was accepted")
	}
	if n, _ := db.CountResponses(s.ID, time.Time{}); n.Total() != 0 {
		t.Errorf("%d responses saved", n.Total())
	}
}
