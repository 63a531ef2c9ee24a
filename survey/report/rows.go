package report

import (
	"math"
	"slices"
	"sort"
	"time"

	"speakeasy/survey"
)

// DefaultMinPeople is the fewest people a number in a report may stand
// for, unless staff choose another.
const DefaultMinPeople = 5

// row is one line of a question's answers: one answer, or a few answers
// (or a range of numbers or months) put together so that no number under
// the threshold is shown. people is never under the threshold.
type row struct {
	labels  []string // answer words, not yet quoted
	picture string   // the first answer's picture
	people  int
	// span says the row is a range of numbers or months, lo to hi, rather
	// than answer words.
	span   rangeKind
	lo, hi float64
}

// rangeKind says what a row's range is of.
type rangeKind int

const (
	rangeNone    rangeKind = iota
	rangeNumbers           // lo and hi are numbers
	rangeMonths            // lo and hi are months counted from year 0
)

// answerRows turns a question's counts into rows that keep small numbers
// private, in the order the answers are offered. few lists, for a
// many-choice question, the answers fewer than k people chose: they are
// named without a number. hidden is true when fewer than k people
// answered the question at all.
func answerRows(qr *QuestionResult, lang, fallback string, k int) (rows []row, few []row, hidden bool) {
	if qr.Answered < k {
		return nil, nil, true
	}
	q := qr.Question
	switch q.Kind {
	case survey.KindNumber:
		return numberRows(qr.Numbers, k), nil, false
	case survey.KindDate:
		return monthRows(qr.Counts, k), nil, false
	case survey.KindText:
		return nil, nil, false
	}
	var all []row
	known := map[string]bool{}
	for _, o := range q.Options(lang, fallback) {
		known[o.Value] = true
		if n := qr.Counts[o.Value]; n > 0 {
			all = append(all, row{labels: []string{o.Label}, picture: o.Picture, people: n})
		}
	}
	// Answers to choices a newer version took away keep their value as words.
	var gone []string
	for v := range qr.Counts {
		if !known[v] {
			gone = append(gone, v)
		}
	}
	slices.Sort(gone)
	for _, v := range gone {
		all = append(all, row{labels: []string{v}, people: qr.Counts[v]})
	}
	if q.Kind == survey.KindMany {
		// One person may choose several answers, so the counts do not
		// add up to a total that would give a small one away: each small
		// one is named without its number.
		for _, r := range all {
			if r.people >= k {
				rows = append(rows, r)
			} else {
				few = append(few, r)
			}
		}
		return rows, few, false
	}
	return groupSmall(all, k), nil, false
}

// groupSmall puts every answer under k people into one row at the end,
// its answers in the order they are offered. If that row is still under k
// (so the total would give it away), the smallest of the other answers
// joins it until it is not.
func groupSmall(all []row, k int) []row {
	grouped := make([]bool, len(all))
	sum := 0
	for i, r := range all {
		if r.people < k {
			grouped[i] = true
			sum += r.people
		}
	}
	for sum > 0 && sum < k {
		smallest := -1
		for i, r := range all {
			if !grouped[i] && (smallest < 0 || r.people < all[smallest].people) {
				smallest = i
			}
		}
		if smallest < 0 {
			break
		}
		grouped[smallest] = true
		sum += all[smallest].people
	}
	var out []row
	var group row
	for i, r := range all {
		if !grouped[i] {
			out = append(out, r)
			continue
		}
		group.labels = append(group.labels, r.labels...)
		group.people += r.people
		if group.picture == "" {
			group.picture = r.picture
		}
	}
	if group.people > 0 {
		out = append(out, group)
	}
	return out
}

// bucket is a span of numbers (or of months, counted from year 0) and the
// people whose answer falls in it.
type bucket struct {
	lo, hi float64
	people int
}

// mergeSmall joins each bucket under k people to its smaller neighbour
// until none is under k, so a range never stands for fewer than k people.
func mergeSmall(bs []bucket, k int) []bucket {
	for len(bs) > 1 {
		small := -1
		for i, b := range bs {
			if b.people < k && (small < 0 || b.people < bs[small].people) {
				small = i
			}
		}
		if small < 0 {
			break
		}
		with := small - 1
		if with < 0 || small+1 < len(bs) && bs[small+1].people < bs[with].people {
			with = small + 1
		}
		lo, hi := min(small, with), max(small, with)
		bs[lo] = bucket{lo: bs[lo].lo, hi: bs[hi].hi, people: bs[lo].people + bs[hi].people}
		bs = slices.Delete(bs, hi, hi+1)
	}
	return bs
}

// numberRows puts number answers (rounded to whole numbers) into at most
// six ranges of a round width (1, 2 or 5 times a power of ten), their edges
// on multiples of it, so that no edge is any one person's answer.
func numberRows(ns []float64, k int) []row {
	if len(ns) == 0 {
		return nil
	}
	whole := make([]float64, len(ns))
	for i, n := range ns {
		whole[i] = math.Round(n)
	}
	width := roundWidth(slices.Min(whole), slices.Max(whole))
	counts := map[float64]int{}
	for _, n := range whole {
		counts[math.Floor(n/width)]++
	}
	var bs []bucket
	for key, n := range counts {
		bs = append(bs, bucket{lo: key * width, hi: key*width + width - 1, people: n})
	}
	return spanRows(bs, k, rangeNumbers, "input-numbers")
}

// roundWidth is the smallest of 1, 2, 5, 10, 20, 50 … that cuts lo to hi
// into six ranges or fewer.
func roundWidth(lo, hi float64) float64 {
	for p := 1.0; ; p *= 10 {
		for _, m := range []float64{1, 2, 5} {
			if w := m * p; math.Floor(hi/w)-math.Floor(lo/w) < 6 {
				return w
			}
		}
	}
}

// monthRows counts date answers by month, or by 2, 3, 6 or 12 months (or
// more years) when that keeps to six rows or fewer, the spans starting on
// calendar quarters, halves and years; spans with fewer than k people are
// joined to their neighbours.
func monthRows(counts map[string]int, k int) []row {
	months := map[float64]int{}
	for key, n := range counts {
		t, err := time.Parse("2006-01", key)
		if err != nil {
			continue
		}
		months[float64(t.Year()*12+int(t.Month())-1)] += n
	}
	if len(months) == 0 {
		return nil
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for m := range months {
		lo, hi = min(lo, m), max(hi, m)
	}
	// Whole years once months are too many: 1, 2, 5, 10 … years wide.
	width := roundWidth(math.Floor(lo/12), math.Floor(hi/12)) * 12
	for _, w := range []float64{6, 3, 2, 1} {
		if math.Floor(hi/w)-math.Floor(lo/w) < 6 {
			width = w
		}
	}
	spans := map[float64]int{}
	for m, n := range months {
		spans[math.Floor(m/width)] += n
	}
	var bs []bucket
	for key, n := range spans {
		bs = append(bs, bucket{lo: key * width, hi: key*width + width - 1, people: n})
	}
	return spanRows(bs, k, rangeMonths, "calendar")
}

// spanRows sorts buckets, joins the small ones and makes them rows.
func spanRows(bs []bucket, k int, kind rangeKind, picture string) []row {
	sort.Slice(bs, func(i, j int) bool { return bs[i].lo < bs[j].lo })
	bs = mergeSmall(bs, k)
	rows := make([]row, len(bs))
	for i, b := range bs {
		rows[i] = row{span: kind, lo: b.lo, hi: b.hi, people: b.people, picture: picture}
	}
	return rows
}

// monthTime turns a month counted from year 0 back into a time.
func monthTime(m float64) time.Time {
	n := int(m)
	return time.Date(n/12, time.Month(n%12+1), 1, 0, 0, 0, 0, time.UTC)
}
