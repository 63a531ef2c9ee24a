package report

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestMonthRows_WideSpans(t *testing.T) {
	month := func(from string, n, each int) map[string]int {
		out := map[string]int{}
		t0, _ := time.Parse("2006-01", from)
		for i := range n {
			out[t0.AddDate(0, i, 0).Format("2006-01")] = each
		}
		return out
	}
	tests := []struct {
		name   string
		counts map[string]int
		want   []string
	}{
		{"four months", month("2024-01", 4, 6), []string{"6 January 2024", "6 February 2024", "6 March 2024", "6 April 2024"}},
		{"two years go by halves", month("2023-01", 24, 3),
			[]string{"18 January to June 2023", "18 July to December 2023", "18 January to June 2024", "18 July to December 2024"}},
		{"twelve years go by two years", month("2014-01", 144, 1),
			[]string{"24 January 2014 to December 2015", "24 January 2016 to December 2017", "24 January 2018 to December 2019",
				"24 January 2020 to December 2021", "24 January 2022 to December 2023", "24 January 2024 to December 2025"}},
		{"a small month joins its smaller neighbour", map[string]int{"2024-01": 9, "2024-02": 2, "2024-05": 7}, []string{"9 January 2024", "9 February to May 2024"}},
	}
	w := words{lang: "en", k: 5}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range monthRows(tt.counts, 5) {
				got = append(got, fmt.Sprint(r.people, " ", w.label(r)))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("rows %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNumberRows_RoundEdges(t *testing.T) {
	tests := []struct {
		name string
		ns   []float64
		want []string
	}{
		{"ones", []float64{3, 3, 3, 3, 3, 4, 4, 4, 4, 4}, []string{"5 3", "5 4"}},
		{"tens, the small top joined", []float64{12, 15, 18, 19, 11, 23, 25, 27, 21, 22, 47}, []string{"5 10 to 19", "6 20 to 49"}},
		{"decimals rounded", []float64{1.2, 1.4, 0.6, 1.1, 0.9}, []string{"5 1"}},
	}
	w := words{lang: "en", k: 5}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range numberRows(tt.ns, 5) {
				got = append(got, fmt.Sprint(r.people, " ", w.label(r)))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("rows %q, want %q", got, tt.want)
			}
		})
	}
}
