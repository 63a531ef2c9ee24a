package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Journeys through the open dialog from the screens that use it.

// TestOpenFile_SaveChoosesAFolder: "Choose a folder" in the save dialog
// opens the folder chooser, and the folder chosen goes in the save box.
func TestOpenFile_SaveChoosesAFolder(t *testing.T) {
	win := chooserWindow(t, 1366, 768)
	dir := someFiles(t, "stick/", "stick/results/", "notes.log")
	askSavePath(win, "x.db", ".db", func(string) {})
	test.Tap(inDialog(t, win, func(b *widget.Button) bool { return b.Text == "Choose a folder" })[0])
	o := chooserOnTop(t, win)
	o.path.SetText(filepath.Join(dir, "stick"))
	o.submit()
	tapRow(t, win, "results")
	test.Tap(inDialog(t, win, func(b *keyButton) bool { return b.Text == "Use this folder" })[0])
	if got := dialogEntries(t, win)[0].Text; got != filepath.Join(dir, "stick", "results") {
		t.Errorf("the save dialog's folder is %q", got)
	}
}

// TestOpenFile_AddResultsFromAnotherLaptop adds a laptop's results through
// the real dialog, by pasting the file's path.
func TestOpenFile_AddResultsFromAnotherLaptop(t *testing.T) {
	a, _, dbA := newTestUI(t)
	a.Shutdown()
	stick := someFiles(t, "notes.log")
	bundle := filepath.Join(stick, "laptop-a.db")
	if err := dbA.BundleTo(context.Background(), bundle, true); err != nil {
		t.Fatal(err)
	}
	b, _, dbB := newTestUI(t)
	p := makeLaptopsPanel(b.win, dbB)
	added := make(chan struct{}, 1)
	p.added = func() { added <- struct{}{} }
	b.win.SetContent(p.view())
	test.Tap(buttonNamed(t, p, "Add results from another laptop"))
	o := chooserOnTop(t, b.win)
	o.path.SetText(stick)
	o.submit()
	if got := strings.Join(shownRows(b.win), "|"); got != "laptop-a.db" {
		t.Errorf("the list shows %q", got)
	}
	tapRow(t, b.win, "laptop-a.db")
	pressKey(b.win, fyne.KeyReturn)
	select {
	case <-added:
	case <-time.After(20 * time.Second):
		t.Fatal("adding did not finish")
	}
	if !strings.Contains(p.message.Text, "Added 0 new responses.") || strings.Contains(p.message.Text, "nothing") {
		t.Errorf("after adding: %q", p.message.Text)
	}
}

// chooserOnTop is the open dialog showing on win.
func chooserOnTop(t *testing.T, win fyne.Window) *openFile {
	t.Helper()
	var o *openFile
	eachInDialog(win, func(obj fyne.CanvasObject) {
		if l, ok := obj.(*fileList); ok {
			o = l.o
		}
	})
	if o == nil {
		t.Fatal("no open dialog")
	}
	return o
}
