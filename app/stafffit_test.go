package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey/fake"
	"speakeasy/survey/store"
)

// staffSizes are the windows every staff tab must fit: a 1366×768 laptop
// in kiosk, a 1280×720 one, and the window Speakeasy opens on a 1366×768
// screen (1280×704) less its menu bar (the test driver draws no menu).
var staffSizes = []fyne.Size{{Width: 1366, Height: 768}, {Width: 1280, Height: 720}, {Width: 1280, Height: 650}}

// longSaid is a message as long as the longest a tab shows after its
// main button: it must be in view, beside or under that button.
const longSaid = "Saved 1234 responses to /home/staff/Documents/ehc-plan-answers-laptop3-2026-11-27-1432.xlsx. Only people with the password can open the file."

// staffWithAnswers is the staff screen with the tabs main lists (but the
// editor, which is another package's) on a survey with answers at three
// events, each panel's message set to longSaid.
func staffWithAnswers(t *testing.T) (*UI, *container.AppTabs) {
	t.Helper()
	return staffSaying(t, longSaid)
}

// staffSaying is staffWithAnswers with each message saying said.
func staffSaying(t *testing.T, said string) (*UI, *container.AppTabs) {
	t.Helper()
	u, _, db := newTestUI(t)
	if _, err := fake.Responses(context.Background(), db, u.survey, fake.Options{Count: 30, Seed: 3, End: time.Now()}); err != nil {
		t.Fatal(err)
	}
	export, results, laptops, send := ExportTab(), ResultsTab(), LaptopsTab(), SendTab()
	export.Make = func(win fyne.Window, db *store.DB, id string) fyne.CanvasObject {
		p := newExportPanel(win, db, id)
		p.message.SetText(said)
		return p.view()
	}
	results.Make = func(win fyne.Window, db *store.DB, id string) fyne.CanvasObject {
		p := newResultsPanel(win, db, id)
		p.message.SetText(said)
		return p.view()
	}
	laptops.Make = func(win fyne.Window, db *store.DB, _ string) fyne.CanvasObject {
		p := makeLaptopsPanel(win, db)
		p.message.SetText(said)
		return p.view()
	}
	send.Make = func(_ fyne.Window, db *store.DB, id string) fyne.CanvasObject {
		p := newSendPanel(db, id)
		p.message.SetText(said)
		return p.view()
	}
	u.cfg.StaffTabs = []StaffTab{export, results, laptops, send}
	u.showStaffSaying(said)
	return u, first[*container.AppTabs](u)
}

// staffKeys are, for each tab, the words on its main button, its other
// controls and its messages, which must be in view without scrolling.
var staffKeys = map[string][]string{
	"Today": {"Start the survey", "Show today's results", "Change the PIN", "Close Speakeasy", "The survey on this laptop",
		"Your plan: tell us what you think (ehc-plan)", "Today: ", "Event name", "Save the event name", "Switch scanning",
		"For example: Family day in the library", "Read aloud is off.", "Light up each answer in turn", longSaid},
	"Export": {"Export to Excel", "Save the answers to Your plan", "Kind of file", "Excel", "Answers in words",
		"English", "Password", "To lock the file", "In all: ", longSaid},
	"Results": {"Make the report", "Events (none ticked", "Language of the report",
		"Hide numbers of people smaller than", "What we will do", "Write one idea a line",
		"Show the words people typed", longSaid},
	"Other laptops": {"Save results for another laptop", "Add results from another laptop", longSaid},
	"Send": {"Send to the server", "Check the server", "This works with Central and KoboToolbox",
		"Server address", "https://central.example.org", "Project number", "Token", "Send unfinished answers too",
		"On this laptop: ", longSaid},
}

// TestStaffTabs_KeyControlsInViewWithoutScrolling: at 1366×768, 1280×720
// and the 1366×768 screen's window, every staff tab shows its main
// button, its controls and its messages inside the window, none of them in
// a part that scrolls, with no word split or cut off.
func TestStaffTabs_KeyControlsInViewWithoutScrolling(t *testing.T) {
	for _, size := range staffSizes {
		u, tabs := staffWithAnswers(t)
		u.win.Resize(size)
		for i, it := range tabs.Items {
			tabs.SelectIndex(i)
			u.win.Content().Refresh()
			where := fmt.Sprintf("%v %s", size, it.Text)
			if got := u.win.Canvas().Size(); got != size {
				t.Errorf("%s: the window grew to %v", where, got)
			}
			for _, p := range FitProblems(u.win) {
				if p != "a scroll bar holds part of the screen" && !strings.Contains(p, "px tall, less than 96") {
					t.Errorf("%s: %s", where, p)
				}
			}
			for _, key := range staffKeys[it.Text] {
				checkInView(t, u.win, it.Content, key, where)
			}
		}
	}
}

// TestStaffTabs_FitASmallScreen: the staff screen never asks for more than
// a 1024×600 screen, whichever tab is open, with a message of two lines
// (a grid of Today's four buttons once made it 1196 px wide).
func TestStaffTabs_FitASmallScreen(t *testing.T) {
	u, tabs := staffSaying(t, "Saved 1234 responses to /home/staff/Documents/ehc-plan-answers-laptop3-2026-11-27-1432.xlsx.")
	for i, it := range tabs.Items {
		tabs.SelectIndex(i)
		u.win.Resize(fyne.NewSize(1024, 600))
		u.win.Content().Refresh()
		if m := u.win.Content().MinSize(); m.Width > 1024 || m.Height > 600 {
			var each []string
			for _, it := range tabs.Items {
				each = append(each, fmt.Sprintf("%s %.0f×%.0f", it.Text, it.Content.MinSize().Width, it.Content.MinSize().Height))
			}
			t.Errorf("with %s open the staff screen needs %.0f×%.0f, more than 1024×600 (%s)", it.Text, m.Width, m.Height, strings.Join(each, ", "))
		}
	}
}

// checkInView finds the thing under tab that shows words (or starts with
// them) and checks it is drawn wholly inside win and not inside a scroll.
func checkInView(t *testing.T, win fyne.Window, tab fyne.CanvasObject, words, where string) {
	t.Helper()
	found := false
	var visit func(o fyne.CanvasObject, at fyne.Position, scrolled bool)
	visit = func(o fyne.CanvasObject, at fyne.Position, scrolled bool) {
		if found || o == nil || !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		if shows(o, words) {
			found = true
			end, size := pos.Add(o.Size()), win.Canvas().Size()
			switch {
			case scrolled:
				t.Errorf("%s: %q is in a part that scrolls", where, words)
			case o.Size().Height < 1 || pos.X < -0.5 || pos.Y < -0.5 || end.X > size.Width+0.5 || end.Y > size.Height+0.5:
				t.Errorf("%s: %q is at %v to %v, not wholly in the %v window", where, words, pos, end, size)
			}
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				visit(c, pos, scrolled)
			}
		case *container.Scroll:
			visit(x.Content, pos, true)
		case *container.ThemeOverride:
			visit(x.Content, pos, scrolled)
		}
	}
	visit(tab, fyne.CurrentApp().Driver().AbsolutePositionForObject(tab).Subtract(tab.Position()), false)
	if !found {
		t.Errorf("%s: nothing shows %q", where, words)
	}
}

// shows reports whether o is a control or words that show s (or start
// with it).
func shows(o fyne.CanvasObject, s string) bool {
	var text string
	switch x := o.(type) {
	case *tile:
		text = x.Label
	case *widget.Button:
		text = x.Text
	case *widget.Check:
		text = x.Text
	case *widget.Label:
		text = x.Text
	case *widget.Select:
		text = x.Selected
	case *widget.Entry:
		text = x.PlaceHolder
	case *escEntry:
		text = x.PlaceHolder
	default:
		return false
	}
	return text != "" && strings.HasPrefix(text, s)
}

// keyToWindow presses a key as the window passes it on: to what has the
// focus, else to the window.
func keyToWindow(win fyne.Window, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	win.Canvas().OnTypedKey()(ev)
}

// TestSaveFile_EscapeClosesAndNameHasFocus: the save dialog opens with the
// name box ready to type in, and Escape closes it without saving, from
// the name box, the folder box, Cancel or nowhere; the window's own keys work
// again afterwards.
func TestSaveFile_EscapeClosesAndNameHasFocus(t *testing.T) {
	for _, from := range []string{"name", "folder", "Cancel", "nowhere"} {
		t.Run(from, func(t *testing.T) {
			test.NewTempApp(t)
			w := test.NewTempWindow(t, widget.NewLabel("behind"))
			w.Resize(fyne.NewSize(1366, 768))
			var keys []fyne.KeyName
			w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) { keys = append(keys, k.Name) })
			saved := ""
			s := newSaveFile(w, "results.db", ".db", nil, func(path string) { saved = path })
			s.show()
			if w.Canvas().Focused() != s.name {
				t.Fatalf("the focus is on %v, not the name box", w.Canvas().Focused())
			}
			test.Type(s.name, "-2")
			if s.name.Text != "results.db-2" && s.name.Text != "-2results.db" && !strings.Contains(s.name.Text, "-2") {
				t.Errorf("typing went elsewhere: the name is %q", s.name.Text)
			}
			switch from {
			case "folder":
				w.Canvas().Focus(s.folder)
			case "Cancel":
				w.Canvas().Focus(inDialog(t, w, func(b *escButton) bool { return b.Text == "Cancel" })[0])
			case "nowhere":
				w.Canvas().Unfocus()
			}
			keyToWindow(w, fyne.KeyEscape)
			if w.Canvas().Overlays().Top() != nil {
				t.Fatalf("Escape from %s left the dialog open", from)
			}
			if saved != "" {
				t.Errorf("Escape saved to %s", saved)
			}
			keyToWindow(w, fyne.KeyF1)
			if len(keys) != 1 || keys[0] != fyne.KeyF1 {
				t.Errorf("the window's keys after the dialog: %v", keys)
			}
		})
	}
}

// TestSaveFile_EnterInTheNameSaves: the name box, focused on opening,
// saves with Enter as before.
func TestSaveFile_EnterInTheNameSaves(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("behind"))
	dir := t.TempDir()
	saved := ""
	s := newSaveFile(w, "report", ".pdf", nil, func(path string) { saved = path })
	s.folder.SetText(dir)
	s.show()
	keyToWindow(w, fyne.KeyReturn)
	if want := filepath.Join(dir, "report.pdf"); saved != want {
		t.Errorf("saved to %q, want %q", saved, want)
	}
}

// TestResultsTab_AdviceKeepsMakeTheReportInView: several easy-read notes
// on staff's words take room from the typed words' list, never push Make
// the report out of the 1366×768 screen's window.
func TestResultsTab_AdviceKeepsMakeTheReportInView(t *testing.T) {
	u, tabs := staffWithAnswers(t)
	u.win.Resize(staffSizes[2])
	tabs.SelectIndex(2)
	var p *widget.Entry
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.MultiLine {
			p = e
		}
	})
	test.Type(p, "The multi-agency panel will be notified of every issue that was raised. Stakeholders will be consulted.")
	u.win.Content().Refresh()
	if got := u.win.Canvas().Size(); got != staffSizes[2] {
		t.Errorf("the window grew to %v", got)
	}
	for _, key := range []string{"What we will do", "Make the report", "Show the words people typed", longSaid} {
		checkInView(t, u.win, tabs.Items[2].Content, key, "Results with notes")
	}
	// The notes head the list beside the box, their first line in view.
	notes := first[*widget.Label](u)
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "These words may be hard to read:") {
			notes = l
		}
	})
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(notes)
	if !strings.HasPrefix(notes.Text, "These words") || pos.Y < 0 || pos.Y+40 > float32(staffSizes[2].Height) {
		t.Errorf("the notes %q start at %v, out of view", short(notes.Text), pos)
	}
}

// TestStaff_OpeningNeverGrowsTheWindow: the staff screen opens in the
// window as it is; tabs not yet shown once asked for 760 px more (their
// words one a line), and the window grew past the bottom of the screen.
func TestStaff_OpeningNeverGrowsTheWindow(t *testing.T) {
	for _, size := range append(staffSizes, fyne.NewSize(1024, 600)) {
		u, _, db := newTestUI(t)
		if _, err := fake.Responses(context.Background(), db, u.survey, fake.Options{Count: 30, Seed: 3, End: time.Now()}); err != nil {
			t.Fatal(err)
		}
		u.cfg.StaffTabs = []StaffTab{ExportTab(), ResultsTab(), LaptopsTab(), SendTab()}
		u.win.Resize(size)
		u.showStaff()
		if got := u.win.Canvas().Size(); got != size {
			t.Errorf("the %v window grew to %v when the staff screen opened", size, got)
		}
		tabs := first[*container.AppTabs](u)
		for i, it := range tabs.Items {
			tabs.SelectIndex(i)
			if got := u.win.Canvas().Size(); got != size {
				t.Errorf("the %v window grew to %v when %s opened", size, got, it.Text)
			}
		}
	}
}
