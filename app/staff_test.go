package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

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
