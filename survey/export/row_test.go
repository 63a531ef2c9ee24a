package export

import "testing"

// TestPlanQuestion_AnyOrder looks questions up in the order answers come
// (by ID), out of that order, and one that is not there.
func TestPlanQuestion_AnyOrder(t *testing.T) {
	a, b, c := &question{id: "a"}, &question{id: "b"}, &question{id: "c"}
	p := &plan{sorted: []*question{a, b, c}, byID: map[string]*question{"a": a, "b": b, "c": c}}
	next := 0
	for _, tc := range []struct {
		id   string
		want *question
	}{{"b", b}, {"a", a}, {"c", c}, {"bb", nil}, {"a", a}, {"zz", nil}, {"c", c}} {
		if got := p.question(&next, tc.id); got != tc.want {
			t.Errorf("question(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}
