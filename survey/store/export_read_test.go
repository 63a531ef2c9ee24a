package store

import (
	"context"
	"testing"
	"time"

	"speakeasy/survey"
)

func TestFinishOrder_NumbersByFinishingThenUnfinished(t *testing.T) {
	db := MustOpenDB(t)
	s := mustWalkSurvey(t, db)
	at := func(m int) time.Time { return time.Date(2024, 5, 1, 10, m, 0, 0, time.UTC) }
	// Started a, b, c, d, e; finished c, a, e; b and d stopped, d saved last.
	for _, r := range []struct {
		id               string
		started, updated int
		finished         int // -1: not finished
	}{
		{"a", 0, 20, 20}, {"b", 1, 30, -1}, {"c", 2, 10, 10}, {"d", 3, 40, -1}, {"e", 4, 25, 25},
	} {
		resp := survey.Response{ID: r.id, SurveyID: s.ID, Version: s.Version, Started: at(r.started),
			Updated: at(r.updated), Status: survey.Incomplete}
		if r.finished >= 0 {
			resp.Finished, resp.Status = at(r.finished), survey.Complete
		}
		if err := db.Save(survey.Change{Response: resp}); err != nil {
			t.Fatal(err)
		}
	}
	order, err := db.FinishOrder(context.Background(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"c": 1, "a": 2, "e": 3, "b": 4, "d": 5}
	if len(order) != len(want) {
		t.Fatalf("order %v, want %v", order, want)
	}
	for id, n := range want {
		if order[id] != n {
			t.Errorf("response %s is number %d, want %d", id, order[id], n)
		}
	}
	if none, err := db.FinishOrder(context.Background(), "nope"); err != nil || len(none) != 0 {
		t.Errorf("a survey with no responses: %v, %v", none, err)
	}
}
