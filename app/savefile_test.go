package app

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey/store"
)

// TestSaveFile_TwoLaptopsInOneFolder saves two laptops' results in one
// folder by taps in the real save dialog: the suggested names differ and
// carry the laptop and the minute; laptop B cannot save over A's file;
// A saving again over its own file is asked first, with keeping it the
// highlighted choice.
func TestSaveFile_TwoLaptopsInOneFolder(t *testing.T) {
	a, _, dbA := newTestUI(t)
	dbB, err := store.Open(filepath.Join(t.TempDir(), "b"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dbB.Close() })
	stick := t.TempDir()
	winB := test.NewTempWindow(t, nil)
	winB.Resize(fyne.NewSize(1366, 768))
	a.win.Resize(fyne.NewSize(1366, 768))

	// Laptop A saves under the name suggested.
	openA := openSave(t, a.win, dbA)
	nameA := dialogEntries(t, a.win)[1].Text
	if !regexp.MustCompile(`^speakeasy-[a-z0-9-]+-` + time.Now().Format("2006-01-02") + `-\d{4}\.db$`).MatchString(nameA) {
		t.Errorf("suggested name %q", nameA)
	}
	dialogEntries(t, a.win)[0].SetText(stick) // typed or pasted
	openA.save(t)
	openA.wait(t)
	fileA := filepath.Join(stick, nameA)

	// Laptop B suggests another name, and cannot take A's.
	openB := openSave(t, winB, dbB)
	entries := dialogEntries(t, winB)
	if entries[0].Text != stick {
		t.Errorf("the dialog offers %q, not the folder used last", entries[0].Text)
	}
	nameB := entries[1].Text
	if nameB == nameA {
		t.Fatalf("both laptops suggest %q", nameA)
	}
	entries[1].SetText(nameA)
	openB.save(t)
	if text := dialogText(winB); !strings.Contains(text, "That file holds another laptop's results.") {
		t.Fatalf("saving over A's file was not refused:\n%s", text)
	}
	if device, err := dbB.FileDevice(context.Background(), fileA); err != nil || device != dbA.DeviceID() {
		t.Fatalf("A's file now holds %q (%v)", device, err)
	}
	entries[1].SetText(nameB)
	openB.save(t)
	openB.wait(t)
	if device, err := dbA.FileDevice(context.Background(), filepath.Join(stick, nameB)); err != nil || device != dbB.DeviceID() {
		t.Errorf("B's file holds %q (%v)", device, err)
	}

	// A saves again over its own file: asked, and keeping is highlighted.
	before, _ := os.Stat(fileA)
	openA = openSave(t, a.win, dbA)
	dialogEntries(t, a.win)[1].SetText(nameA)
	openA.save(t)
	keep := dialogButton(t, a, "Keep the old file")
	if keep.Importance != widget.HighImportance || a.win.Canvas().Focused() != keep {
		t.Errorf("keeping the old file is not the highlighted choice (importance %v)", keep.Importance)
	}
	test.Tap(keep)
	if after, _ := os.Stat(fileA); !after.ModTime().Equal(before.ModTime()) {
		t.Error("keeping the old file replaced it")
	}
	openA.save(t)
	test.Tap(dialogButton(t, a, "Replace it"))
	openA.wait(t)
}

// opened is a laptops panel with its save dialog open.
type opened struct {
	p     *laptopsPanel
	saved chan struct{}
	win   fyne.Window
}

// openSave shows a laptops panel on win and taps "Save results for
// another laptop".
func openSave(t *testing.T, win fyne.Window, db *store.DB) opened {
	t.Helper()
	o := opened{p: makeLaptopsPanel(win, db), saved: make(chan struct{}, 1), win: win}
	o.p.saved = func() { o.saved <- struct{}{} }
	win.SetContent(o.p.view())
	test.Tap(buttonNamed(t, o.p, "Save results for another laptop"))
	return o
}

// save taps the dialog's Save.
func (o opened) save(t *testing.T) {
	t.Helper()
	test.Tap(inDialog(t, o.win, func(b *escButton) bool { return b.Text == "Save" })[0])
}

// wait waits for the save to finish (the panel's hook, so that the
// message is read only once the background work is done).
func (o opened) wait(t *testing.T) {
	t.Helper()
	select {
	case <-o.saved:
	case <-time.After(20 * time.Second):
		t.Fatal("saving did not finish")
	}
	if !strings.HasPrefix(o.p.message.Text, "Saved ") {
		t.Fatalf("after saving: %q", o.p.message.Text)
	}
}

func dialogEntries(t *testing.T, win fyne.Window) []*widget.Entry {
	t.Helper()
	var boxes []*widget.Entry
	for _, o := range inDialog[fyne.CanvasObject](t, win, func(o fyne.CanvasObject) bool {
		_, plain := o.(*widget.Entry)
		_, esc := o.(*escEntry)
		return plain || esc
	}) {
		if e, ok := o.(*escEntry); ok {
			boxes = append(boxes, &e.Entry) // the save dialog's boxes
		} else {
			boxes = append(boxes, o.(*widget.Entry))
		}
	}
	return boxes
}

// dialogText is the words of the labels in the dialog on top.
func dialogText(win fyne.Window) string {
	var b strings.Builder
	eachInDialog(win, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// inDialog is every T in the dialog on top for which keep is true.
func inDialog[T fyne.CanvasObject](t *testing.T, win fyne.Window, keep func(T) bool) []T {
	t.Helper()
	var found []T
	eachInDialog(win, func(o fyne.CanvasObject) {
		if w, ok := o.(T); ok && keep(w) {
			found = append(found, w)
		}
	})
	if len(found) == 0 {
		t.Fatalf("not in the dialog:\n%s", dialogText(win))
	}
	return found
}

// eachInDialog visits what the dialog on top draws, through widgets.
func eachInDialog(win fyne.Window, f func(fyne.CanvasObject)) {
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		f(o)
		switch c := o.(type) {
		case *widget.Entry, *escEntry, *widget.Label, *widget.Button, *escButton:
			return // their insides are not what a person reads
		case *fyne.Container:
			for _, child := range c.Objects {
				visit(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(c).Objects() {
				visit(child)
			}
		}
	}
	if top := win.Canvas().Overlays().Top(); top != nil {
		visit(top)
	}
}
