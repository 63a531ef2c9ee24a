package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey"
	"speakeasy/survey/fake"
	"speakeasy/survey/store"
)

// TestStaff_TabsInTheOrderGiven: the staff screen has "Today", then the
// tabs cmd/speakeasy passes in Config, in that order, each made for the
// survey that runs.
func TestStaff_TabsInTheOrderGiven(t *testing.T) {
	u, _, _ := newTestUI(t)
	var madeFor []string
	tab := func(title string) StaffTab {
		return StaffTab{Title: func() string { return title }, Make: func(_ fyne.Window, _ *store.DB, id string) fyne.CanvasObject {
			madeFor = append(madeFor, id)
			return widget.NewLabel(title + " tab")
		}}
	}
	u.cfg.StaffTabs = []StaffTab{tab("Zebra"), tab("Apple"), ExportTab(), LaptopsTab()}
	u.showStaff()
	var titles []string
	for _, it := range first[*container.AppTabs](u).Items {
		titles = append(titles, it.Text)
	}
	if got, want := strings.Join(titles, ", "), "Today, Zebra, Apple, Export, Other laptops"; got != want {
		t.Errorf("tabs %s, want %s", got, want)
	}
	if strings.Join(madeFor, " ") != "ehc-plan ehc-plan" {
		t.Errorf("tabs made for %v", madeFor)
	}
}

// TestStaff_OffersSurveysNotArchived: the choice of the survey this laptop
// runs leaves archived surveys out.
func TestStaff_OffersSurveysNotArchived(t *testing.T) {
	u, _, db := newTestUI(t)
	if _, err := db.Duplicate("ehc-plan", "spring-day"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Duplicate("ehc-plan", "old-day"); err != nil {
		t.Fatal(err)
	}
	if err := db.Archive("old-day"); err != nil {
		t.Fatal(err)
	}
	u.showStaff()
	got := strings.Join(first[*widget.Select](u).Options, "\n")
	if !strings.Contains(got, "(spring-day)") || !strings.Contains(got, "(ehc-plan)") || strings.Contains(got, "(old-day)") {
		t.Errorf("the staff screen offers:\n%s", got)
	}
}

// TestStaff_EveryTabFollowsTheSurveyThatRuns: however staff change the
// survey this laptop runs (the list on Today, or "Run on this laptop" on
// another tab), Today names it, Export counts its answers, and Start opens
// it: the bug was Today and Export showing the survey they were made for.
func TestStaff_EveryTabFollowsTheSurveyThatRuns(t *testing.T) {
	for _, how := range []string{"Today's list", "Run on this laptop"} {
		t.Run(how, func(t *testing.T) {
			u, _, db := newTestUI(t)
			walkSurvey, err := survey.Load("../survey/testdata/walk.json")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Publish(walkSurvey); err != nil {
				t.Fatal(err)
			}
			if _, err := fake.Responses(context.Background(), db, walkSurvey, fake.Options{Count: 12, Seed: 2, End: time.Now()}); err != nil {
				t.Fatal(err)
			}
			runHere := StaffTab{Title: func() string { return "Surveys" }, Make: func(_ fyne.Window, db *store.DB, _ string) fyne.CanvasObject {
				return widget.NewButton("Run on this laptop", func() {
					if err := RunOnThisLaptop(db, "walk"); err != nil {
						t.Error(err)
					}
				})
			}}
			u.cfg.StaffTabs = []StaffTab{ExportTab(), runHere}
			u.showStaff()
			tabs := first[*container.AppTabs](u)
			if strings.Contains(screenText(u), "Today: 12") {
				t.Fatalf("Today counts the other survey before the change:\n%s", screenText(u))
			}
			if how == "Today's list" {
				first[*widget.Select](u).SetSelected("A walk (walk)")
			} else {
				tabs.SelectIndex(2)
				test.Tap(first[*widget.Button](u))
				if got := first[*widget.Button](u); got == nil || got.Text != "Run on this laptop" {
					t.Fatal("the tab staff were using was made again: what they were doing is lost")
				}
			}

			tabs.SelectIndex(0)
			if got := first[*widget.Select](u).Selected; got != "A walk (walk)" {
				t.Errorf("Today says the laptop runs %q", got)
			}
			if !strings.Contains(screenText(u), "This laptop now runs A walk.") {
				t.Errorf("Today does not say what changed:\n%s", screenText(u))
			}
			tabs.SelectIndex(1)
			if text := screenText(u); strings.Contains(text, "Nobody has answered") || !strings.Contains(text, "In all:") {
				t.Errorf("Export does not count the walk's answers:\n%s", text)
			}
			tabs.SelectIndex(0)
			test.Tap(tileNamed(t, u, "Start the survey"))
			if u.survey.ID != "walk" || !strings.Contains(u.win.Title(), "A walk") {
				t.Errorf("Start opened %s (window %q)", u.survey.ID, u.win.Title())
			}
		})
	}
}
