package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"speakeasy/app/internal/person"
	"speakeasy/survey"
	"speakeasy/survey/fake"
	"speakeasy/survey/store"
)

// TestJourney_SwitchExportAnotherAndSaveTwoLaptops is the office after a
// family day, by taps, typing and keys on two laptops' staff screens at
// 1366x768. Laptop A switches to another survey on Today; Today, Export
// and Start then show that one. Staff export the survey A ran before, in
// Welsh, and the cells are read back from the workbook. Both laptops save
// their results in one folder on a stick: the names differ, B cannot save
// over A's file, and the folder ends with two bundles, each holding its
// own laptop's results.
func TestJourney_SwitchExportAnotherAndSaveTwoLaptops(t *testing.T) {
	a, _, dbA := newTestUI(t)
	exported := make(chan struct{}, 1)
	var laptopA opened
	a.cfg.StaffTabs = journeyTabs(exported, &laptopA)
	plan, walkS := loadTestSurvey(t, "ehc-plan"), journeySurvey(t, dbA, "../survey/testdata/walk.json")
	for _, s := range []*survey.Survey{plan, walkS} {
		if _, err := fake.Responses(context.Background(), dbA, s, fake.Options{Count: 9, Seed: 3, Events: []string{"Family day"}}); err != nil {
			t.Fatal(err)
		}
	}
	me := staffAt(t, a, dbA)

	// Today: the laptop runs the walk from now on.
	me.Choose(person.After[*widget.Select](me, "The survey on this laptop"), "A walk (walk)")
	today, _ := dbA.CountResponses("walk", startOfDay(time.Now()))
	for _, want := range []string{"This laptop now runs A walk.",
		fmt.Sprintf("Today: %d finished, %d not finished.", today.Complete, today.Incomplete)} {
		if !strings.Contains(me.Sees(), want) {
			t.Errorf("Today does not say %q; it says:\n%s", want, me.Sees())
		}
	}
	me.Tap("Export")
	if got := me.Sees(); !strings.Contains(got, "Save the answers to A walk in a file") || !strings.Contains(got, "A walk (walk)") {
		t.Errorf("after the switch Export says:\n%s", got)
	}

	// Export the survey the laptop ran before, in Welsh, to the stick.
	me.Choose(person.After[*widget.Select](me, "Survey"), "Your plan: tell us what you think (ehc-plan)")
	me.Choose(person.After[*widget.Select](me, "Language"), "Cymraeg")
	all, _ := dbA.CountResponses("ehc-plan", time.Time{})
	if got := me.Sees(); !strings.Contains(got, fmt.Sprintf("In all: %d finished, %d not finished.", all.Complete, all.Incomplete)) {
		t.Errorf("Export does not count the plan's answers:\n%s", got)
	}
	stick := t.TempDir()
	me.Tap("Export to Excel")
	me.Write(&person.After[*escEntry](me, "Save in this folder (you can type or paste it)").Entry, stick) // the save dialog's box
	me.Tap("Save")
	select { // the export runs in the background
	case <-exported:
	case <-time.After(20 * time.Second):
		t.Fatal("the export did not finish")
	}
	checkPlanWorkbook(t, stick, plan, all.Total())

	// Start shows the walk.
	me.Tap("Today")
	me.Tap("Start the survey")
	if a.Screen() != "welcome" || !strings.Contains(me.Sees(), "A walk") {
		t.Errorf("Start opened the %s screen:\n%s", a.Screen(), me.Sees())
	}

	// Laptop A saves its results on the stick, under the name suggested.
	me = staffAt(t, a, dbA)
	me.Tap("Other laptops")
	me.Tap("Save results for another laptop")
	nameA := dialogEntries(t, a.win)[1].Text
	laptopA.save(t)
	laptopA.wait(t)

	// Laptop B offers the stick's folder and another name; A's is refused.
	b, _, dbB := newTestUI(t)
	var laptopB opened
	b.cfg.StaffTabs = journeyTabs(exported, &laptopB)
	you := staffAt(t, b, dbB)
	you.Tap("Other laptops")
	you.Tap("Save results for another laptop")
	folder, name := dialogEntries(t, b.win)[0], dialogEntries(t, b.win)[1]
	nameB := name.Text
	if folder.Text != stick || nameB == nameA {
		t.Errorf("laptop B offers %q in %q; A saved %q in %q", nameB, folder.Text, nameA, stick)
	}
	you.Write(name, nameA)
	laptopB.save(t)
	if said := dialogText(b.win); !strings.Contains(said, "That file holds another laptop's results.") {
		t.Fatalf("saving over laptop A's file was not refused:\n%s", said)
	}
	you.Write(name, nameB)
	laptopB.save(t)
	laptopB.wait(t)

	var bundles []string
	entries, _ := os.ReadDir(stick)
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".db" {
			bundles = append(bundles, e.Name())
		}
	}
	want := []string{nameA, nameB}
	slices.Sort(want)
	if !slices.Equal(bundles, want) {
		t.Fatalf("the stick holds %v, want %v", bundles, want)
	}
	for name, db := range map[string]*store.DB{nameA: dbA, nameB: dbB} {
		if device, err := db.FileDevice(context.Background(), filepath.Join(stick, name)); err != nil || device != db.DeviceID() {
			t.Errorf("%s holds laptop %q's results (%v), want %q", name, device, err, db.DeviceID())
		}
	}
}

// journeySurvey publishes the survey in file on db.
func journeySurvey(t *testing.T, db *store.DB, file string) *survey.Survey {
	t.Helper()
	s, err := survey.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		t.Fatal(err)
	}
	return s
}

// journeyTabs are the staff tabs main lists, with the hooks the test waits
// on for work done in the background: the export, and this laptop's save.
func journeyTabs(exported chan struct{}, laptop *opened) []StaffTab {
	export, laptops := ExportTab(), LaptopsTab()
	export.Make = func(win fyne.Window, db *store.DB, id string) fyne.CanvasObject {
		p := newExportPanel(win, db, id)
		p.exported = func() { exported <- struct{}{} }
		return p.view()
	}
	laptops.Make = func(win fyne.Window, db *store.DB, _ string) fyne.CanvasObject {
		*laptop = opened{p: makeLaptopsPanel(win, db), saved: make(chan struct{}, 1), win: win}
		laptop.p.saved = func() { laptop.saved <- struct{}{} }
		return laptop.p.view()
	}
	return []StaffTab{export, ResultsTab(), laptops, SendTab()}
}

// staffAt opens u's staff screen as staff do: the staff keys, the PIN
// typed, then Enter.
func staffAt(t *testing.T, u *UI, db *store.DB) person.Person {
	t.Helper()
	if has, _ := db.HasPIN(); !has {
		if err := db.SetPIN("2580"); err != nil { // as speakeasy set-pin does
			t.Fatal(err)
		}
	}
	u.win.Resize(fyne.NewSize(1366, 768))
	me := person.New(t, u.win)
	me.Press(staffKey, fyne.KeyModifierControl|fyne.KeyModifierShift)
	test.TypeOnCanvas(u.win.Canvas(), "2580")
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.Screen() != "staff" {
		t.Fatalf("after the staff keys and the PIN: the %s screen:\n%s", u.Screen(), me.Sees())
	}
	return me
}

// checkPlanWorkbook reads back the one workbook in folder: the plan's
// answers, n rows of them, headed and answered in Welsh.
func checkPlanWorkbook(t *testing.T, folder string, plan *survey.Survey, n int) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(folder, "ehc-plan-answers-*.xlsx"))
	if len(files) != 1 {
		t.Fatalf("workbooks in the folder: %v", files)
	}
	f, err := excelize.OpenFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Ymatebion") // Responses, in Welsh
	if err != nil || len(rows) != n+1 {
		t.Fatalf("%d rows for %d responses (%v)", len(rows), n, err)
	}
	who := plan.Question("who")
	if rows[0][0] != who.Text["cy"] {
		t.Fatalf("the first column is %q, want the plan's first question in Welsh %q", rows[0][0], who.Text["cy"])
	}
	welsh := map[string]bool{}
	for _, c := range who.Choices {
		welsh[c.Text["cy"]] = true
	}
	answered := 0
	for _, r := range rows[1:] {
		if len(r) > 0 && r[0] != "" {
			if !welsh[r[0]] {
				t.Errorf("an answer to who is %q, not one of the Welsh answers", r[0])
			}
			answered++
		}
	}
	if answered == 0 {
		t.Error("no answers to who in the workbook")
	}
}
