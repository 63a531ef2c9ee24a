package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"speakeasy/survey/fake"
)

func TestResultsScreen_TodaysAnswersOneQuestionAScreen(t *testing.T) {
	u, _, db := newTestUI(t)
	// 40 practice answers today, 30 yesterday: the screens count today's only.
	s, err := db.Survey("ehc-plan", 0)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2024, 6, 3, 16, 0, 0, 0, time.Local)
	u.cfg.Now = func() time.Time { return now }
	for _, day := range []struct {
		count int
		end   time.Time
	}{{40, now}, {30, startOfDay(now).Add(-time.Hour)}} {
		if _, err := fake.Responses(context.Background(), db, s, fake.Options{Count: day.count, Seed: 5, End: day.end, Events: []string{"Library day"}}); err != nil {
			t.Fatal(err)
		}
	}
	c, err := db.CountResponses("ehc-plan", startOfDay(now))
	if err != nil || c.Total() < 5 || c.Total() >= 70 {
		t.Fatalf("%d answered today (%v): the test needs some of them, not all", c.Total(), err)
	}
	u.showStaff()
	tileNamed(t, u, "Show today's results").Tapped(nil)
	if u.Screen() != "results" {
		t.Fatalf("on %q, want the results", u.Screen())
	}
	first := screenText(u)
	if !strings.Contains(first, "You said") || !strings.Contains(first, fmt.Sprintf("%d people answered.", c.Total())) {
		t.Fatalf("first screen:\n%s", first)
	}
	seen := []string{first}
	for range 40 {
		if u.Screen() != "results" {
			break
		}
		next := tileNamed(t, u, "Next")
		next.Tapped(nil)
		if u.Screen() == "results" {
			seen = append(seen, screenText(u))
		}
		if len(seen) > 1 && strings.Contains(seen[len(seen)-1], "Done") {
			break
		}
	}
	all := strings.Join(seen, "\n")
	for _, want := range []string{"Who is answering?", "people said “", "Do you have a plan for school, health and care?"} {
		if !strings.Contains(all, want) {
			t.Errorf("the results screens never say %q", want)
		}
	}
	for _, typed := range []string{"My teacher is kind", "More help at school", "Fewer than 5 people said"} {
		if strings.Contains(all, typed) {
			t.Errorf("the results screens show %q", typed)
		}
	}
	tileNamed(t, u, "Done").Tapped(nil)
	if u.Screen() != "welcome" {
		t.Errorf("Done went to %q, want the welcome screen", u.Screen())
	}
}

func TestResultsScreen_TooFewToday(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.showStaff()
	tileNamed(t, u, "Show today's results").Tapped(nil)
	if got := screenText(u); u.Screen() != "results" || !strings.Contains(got, "Not enough people have answered today to show the answers.") {
		t.Fatalf("on %q:\n%s", u.Screen(), got)
	}
	tileNamed(t, u, "Done").Tapped(nil)
	if u.Screen() != "welcome" {
		t.Errorf("Done went to %q", u.Screen())
	}
}
