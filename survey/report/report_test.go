package report

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestReport_SaysWhatPeopleSaid(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	text := mustReport(t, db, Filter{SurveyID: "club"}, Options{})
	t.Log(text)
	assertContains(t, text,
		"You said", "Our family day", "30 people answered.",
		"Where: Spring family day.", "When: March 2024.",
		// fun: the 3 who said Not good join the 7 who said OK.
		"30 people answered this question.", "Most people said “Good”.",
		"20 people said “Good”.", "10 people said “Not good” or “OK”.",
		// travel: the 2 by taxi join the 6 who walked.
		"29 people answered this question.", "More people said “Bus” than anything else.",
		"12 people said “Bus”.", "9 people said “Car”.", "8 people said “Walk” or “Taxi”.",
		// help: one person can choose several, so small ones are named without a number.
		"21 people answered this question.", "Most people chose “School”.",
		"18 people chose “School”.", "7 people chose “Doctor”.", "Fewer than 5 people chose “Family”.",
		// age: ranges two years wide; the 3 aged 16 join the 14 and 15 year olds.
		"8 people said 8 to 9.", "7 people said 10 to 11.", "6 people said 12 to 13.", "9 people said 14 to 17.",
		// meeting: by month; December's 2 join January.
		"12 people said December 2023 to January 2024.", "10 people said February 2024.", "7 people said March 2024.",
		// secret: only 3 answered.
		"Do you like secrets? Not enough people answered this question to show it.",
		// more: typed words stay private.
		"10 people wrote an answer.", "We keep their words private.",
		"One picture stands for 2 people.",
	)
	assertLacks(t, text, "Sam Jones", "The bus was late", "“Yes”", "“No”", "3 people", "people said “Not good”.")
	assertNoSmallCounts(t, text, 5)
}

func TestReport_SmallNumbersStayPrivate(t *testing.T) {
	db, s := mustOpenDB(t)
	addSpringDay(t, db, s)
	tests := []struct {
		k          int
		want, lack []string
	}{
		{k: 3, want: []string{"3 people said “Not good”.", "7 people said “OK”.", "Do you like secrets? 3 people answered this question.", "8 people said “Walk” or “Taxi”.", "3 people chose “Family”.", "3 people said “Yes” or “No”."}},
		{k: 10, want: []string{"20 people said “Good”.", "10 people said “Not good” or “OK”.", "12 people said “Bus”.", "17 people said “Car”, “Walk” or “Taxi”.",
			"Fewer than 10 people chose “Doctor”.", "Do you like secrets? Not enough people answered"},
			lack: []string{"7 people chose"}},
		{k: 31, want: nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("at least %d", tt.k), func(t *testing.T) {
			if tt.k > 30 {
				res, err := Tally(context.Background(), db, Filter{SurveyID: "club"})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := plan(res, Options{MinPeople: tt.k}); err == nil || !strings.Contains(err.Error(), "not enough people answered") {
					t.Fatalf("30 people with a threshold of 31: error %v, want not enough people", err)
				}
				return
			}
			text := mustReport(t, db, Filter{SurveyID: "club"}, Options{MinPeople: tt.k})
			assertContains(t, text, tt.want...)
			assertLacks(t, text, tt.lack...)
			assertNoSmallCounts(t, text, tt.k)
		})
	}
}
