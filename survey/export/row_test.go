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

// TestComments_GroupedInRowOrder keeps more comments than a block holds,
// for two questions in turn, and finds them grouped by question in the
// survey's order, each group in the order of the rows.
func TestComments_GroupedInRowOrder(t *testing.T) {
	q0, q1 := &question{id: "first", idx: 0}, &question{id: "second", idx: 1}
	p := &plan{questions: []*question{q0, q1}, comments: newComments(2)}
	const n = 2*commentBlock + 7
	for i := range n {
		p.rows = i + 1
		p.keep("uuid", q1, "later question") // kept first, written second
		p.keep("uuid", q0, "words")
	}
	var got []int32
	for _, q := range []int{0, 1} {
		for _, block := range p.comments.byQuestion[q] {
			for _, c := range block {
				got = append(got, int32(q)*1_000_000+c.index)
			}
		}
	}
	if len(got) != 2*n || p.comments.n != 2*n {
		t.Fatalf("%d comments, counted %d, want %d", len(got), p.comments.n, 2*n)
	}
	for i := 1; i < len(got); i++ {
		if got[i] <= got[i-1] {
			t.Fatalf("comment %d (%d) comes after %d", i, got[i], got[i-1])
		}
	}
}
