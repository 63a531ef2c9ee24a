package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestLaptopsPanel_SaveThenAdd(t *testing.T) {
	// Laptop A: one person answers the first question.
	a, _, dbA := newTestUI(t)
	test.Tap(tileNamed(t, a, "Start"))
	test.Tap(a.keys.options()[0])
	test.Tap(tileNamed(t, a, "Next"))
	a.Shutdown()
	bundle := filepath.Join(t.TempDir(), "laptop-a.db")

	panel := &laptopsPanel{win: a.win, db: dbA, progress: widget.NewProgressBar(), message: widget.NewLabel("")}
	panel.pickSave = func(then func(string)) { then(bundle) }
	saved := make(chan struct{}, 1)
	panel.saved = func() { saved <- struct{}{} }
	a.win.SetContent(panel.view())
	test.Tap(buttonNamed(t, panel, "Save results for another laptop"))
	select {
	case <-saved:
	case <-time.After(20 * time.Second):
		t.Fatal("saving did not finish")
	}
	if !strings.Contains(panel.message.Text, "Saved 1 response to "+bundle) {
		t.Fatalf("after saving: %q", panel.message.Text)
	}

	// Laptop B adds the file twice: the second time adds nothing.
	b, _, dbB := newTestUI(t)
	panelB := &laptopsPanel{win: b.win, db: dbB, progress: widget.NewProgressBar(), message: widget.NewLabel("")}
	panelB.pickOpen = func(then func(string)) { then(bundle) }
	added := make(chan struct{}, 1)
	panelB.added = func() { added <- struct{}{} }
	b.win.SetContent(panelB.view())
	for _, want := range []string{"Added 1 new response. Updated 0 responses. 0 responses were here already.", "Added 0 new responses. Updated 0 responses. 1 response was here already."} {
		test.Tap(buttonNamed(t, panelB, "Add results from another laptop"))
		select {
		case <-added:
		case <-time.After(20 * time.Second):
			t.Fatal("adding did not finish")
		}
		if !strings.Contains(panelB.message.Text, want) {
			t.Fatalf("after adding: %q, want %q", panelB.message.Text, want)
		}
		panelB.message.SetText("")
	}
	if c, _ := dbB.CountResponses("", time.Time{}); c.Incomplete != 1 {
		t.Fatalf("laptop B has %+v responses", c)
	}
}

// TestLaptopsPanel_BusyWhileWorking holds a save and an add in the
// background: meanwhile both buttons are off and the window goes on
// answering (the work is not on the UI goroutine); afterwards they are on.
func TestLaptopsPanel_BusyWhileWorking(t *testing.T) {
	a, _, db := newTestUI(t)
	a.Shutdown()
	bundle := filepath.Join(t.TempDir(), "laptop-a.db")
	panel := &laptopsPanel{win: a.win, db: db, progress: widget.NewProgressBar(), message: widget.NewLabel("")}
	panel.pickSave = func(then func(string)) { then(bundle) }
	notes := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(notes, []byte("just some notes"), 0o600)
	panel.pickOpen = func(then func(string)) { then(notes) }
	release := make(chan struct{})
	panel.hold = func() { <-release }
	done := make(chan struct{}, 1)
	panel.saved = func() { done <- struct{}{} }
	panel.added = panel.saved
	a.win.SetContent(panel.view())
	for _, label := range []string{"Save results for another laptop", "Add results from another laptop"} {
		test.Tap(buttonNamed(t, panel, label))
		save, add := buttonNamed(t, panel, "Save results for another laptop"), buttonNamed(t, panel, "Add results from another laptop")
		if !save.Disabled() || !add.Disabled() {
			t.Fatalf("%s: the buttons stay on while it runs", label)
		}
		release <- struct{}{}
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%s did not finish", label)
		}
		if save.Disabled() || add.Disabled() {
			t.Fatalf("%s: the buttons stay off afterwards", label)
		}
	}
	if panel.message.Text != "Speakeasy added nothing: this file does not hold Speakeasy results, or something damaged it." {
		t.Fatalf("adding a file of notes: %q", panel.message.Text)
	}
}

func buttonNamed(t *testing.T, p *laptopsPanel, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(p.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", label)
	}
	return found
}
