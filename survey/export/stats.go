package export

import (
	"math"
	"slices"
	"strconv"
	"time"
)

// stats are what the Summary sheet says of one question.
type stats struct {
	counts   []int // how often each option was chosen
	answered int   // how many responses answered it
	skipped  int   // shown but not answered
	notAsked int   // not shown: a skip rule, another version, or stopped before it
	numbers  []float64
	months   map[int]int // year*12 + month-1 to how many dates fall in it
	// unsure counts "I don't know" and "I don't want to say" given in
	// place of a date: [0] and [1].
	unsure [2]int
	years  map[int]int // "About when?" answers of a year alone
	// toRead is an answer of the row being made for the Comments sheet:
	// typed words, or an answer that does not fit its number or date column.
	toRead string
}

// addYear counts an "About when?" answer of a year alone.
func (s *stats) addYear(y int) {
	if s.years == nil {
		s.years = map[int]int{}
	}
	s.years[y]++
}

func (s *stats) addNumber(f float64) { s.numbers = append(s.numbers, f) }

func (s *stats) addDate(d time.Time) {
	if s.months == nil {
		s.months = map[int]int{}
	}
	s.months[d.Year()*12+int(d.Month())-1]++
}

// band is a range of numbers, from and up to but not including to, and
// how many answers fall in it. whole bands hold whole numbers only.
type band struct {
	from, to float64
	whole    bool
	count    int
}

// numberSummary is the lowest, median and highest of the numbers given,
// and counts in a few bands of round width. It sorts numbers.
func numberSummary(numbers []float64) (lo, median, hi float64, bands []band) {
	if len(numbers) == 0 {
		return 0, 0, 0, nil
	}
	sorted := numbers
	slices.Sort(sorted)
	n := len(sorted)
	lo, hi = sorted[0], sorted[n-1]
	median = sorted[n/2]
	if n%2 == 0 {
		median = (sorted[n/2-1] + sorted[n/2]) / 2
	}
	whole := true
	for _, f := range sorted {
		if f != math.Trunc(f) {
			whole = false
			break
		}
	}
	if lo == hi {
		return lo, median, hi, []band{{from: lo, to: lo + 1, whole: whole, count: n}}
	}
	step := roundStep((hi-lo)/5, whole)
	start := math.Floor(lo/step) * step
	i := 0
	for k := 0.0; start+k*step <= hi; k++ {
		from, to := start+k*step, start+(k+1)*step
		b := band{from: from, to: to, whole: whole}
		for i < n && sorted[i] < to {
			b.count++
			i++
		}
		bands = append(bands, b)
	}
	return lo, median, hi, bands
}

// roundStep is the smallest of 1, 2, 5, 10, 20, 50 … times a power of ten
// that is at least raw; whole numbers get whole steps.
func roundStep(raw float64, whole bool) float64 {
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			if whole && m*p < 1 {
				return 1
			}
			return m * p
		}
	}
	return 10 * p
}

// number writes a number as briefly as it can be read.
func number(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
