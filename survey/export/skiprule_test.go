package export

import (
	"fmt"
	"slices"
	"testing"
)

// TestSkipRule_RememberedSameAsWorkedOut counts Skipped and Not asked for
// every question of the benchmark's survey (skip rules on a yes/no and on
// a many-choice question) twice: with the rules' outcomes remembered, and
// worked out for every row. The counts are the same, and remembering
// happened.
func TestSkipRule_RememberedSameAsWorkedOut(t *testing.T) {
	db := smallBenchDB(t, 400, 4)
	counts := func(remember bool) ([]string, int) {
		p, err := newPlan(db, Options{SurveyID: "bench"})
		if err != nil {
			t.Fatal(err)
		}
		var rules []*skipRule
		for _, v := range p.versions {
			for _, r := range v.rule {
				if r != nil {
					rules = append(rules, r)
					if !remember {
						r.memo = nil
					}
				}
			}
		}
		sampleRows(t, db, p, 0)
		var out []string
		notAsked := 0
		for _, q := range p.questions {
			out = append(out, fmt.Sprintf("%s skipped %d, not asked %d", q.id, q.skipped, q.notAsked))
			if v := p.versions[1]; v.rule[q.idx] != nil {
				notAsked += q.notAsked
			}
		}
		remembered := 0
		for _, r := range rules {
			remembered += len(r.memo)
		}
		// 8 rules over 400 rows: far fewer outcomes than rows, as the
		// answers they look at (yes/no, lists of choices) repeat.
		if remember && (remembered == 0 || remembered >= 400) {
			t.Errorf("the rules remember %d outcomes", remembered)
		}
		return out, notAsked
	}
	got, hidden := counts(true)
	want, _ := counts(false)
	if !slices.Equal(got, want) {
		t.Errorf("remembered:\n%v\nworked out:\n%v", got, want)
	}
	if hidden == 0 {
		t.Error("no skip rule hid a question: the test shows nothing")
	}
}
