package export

import (
	"encoding/binary"

	"speakeasy/survey"
)

// skipRule is a question's skip rule in one version. What it works out
// to depends only on the answers it refers to, and those repeat from row
// to row (a few choices), so each outcome is remembered by them: looking
// it up costs less than working the rule out again for every row.
type skipRule struct {
	expr survey.Expr
	refs []*question     // the questions it refers to; nil for one no version has
	memo map[string]bool // nil: nothing is remembered
}

// maxMemo bounds what a rule remembers (a rule on typed words could see
// a new answer in every row).
const maxMemo = 4096

func (p *plan) newSkipRule(expr survey.Expr) *skipRule {
	r := &skipRule{expr: expr, memo: map[string]bool{}}
	for _, id := range expr.Refs() {
		r.refs = append(r.refs, p.byID[id])
	}
	return r
}

// shows reports whether the rule shows its question in the row being
// made: by the answers of that row that it refers to, as rowEnv gives
// them.
func (r *skipRule) shows(p *plan) bool {
	if r.memo == nil {
		return r.expr.Eval(rowEnv{p})
	}
	key := p.ruleKey[:0]
	for _, q := range r.refs {
		if q == nil || q.seen != p.rows {
			key = append(key, 0) // not answered in this row
			continue
		}
		key = append(key, 1)
		key = binary.AppendUvarint(key, uint64(len(q.value)))
		key = append(key, q.value...)
	}
	p.ruleKey = key
	if shown, ok := r.memo[string(key)]; ok {
		return shown
	}
	shown := r.expr.Eval(rowEnv{p})
	if len(r.memo) < maxMemo {
		r.memo[string(key)] = shown
	}
	return shown
}
