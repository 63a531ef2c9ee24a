package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestPIN_ForgotLineSaysWhatToDo: the staff PIN pad says what to do about
// a forgotten PIN; choosing a new PIN has nothing to forget yet.
func TestPIN_ForgotLineSaysWhatToDo(t *testing.T) {
	u, _, db := newTestUI(t)
	u.askForStaff()
	if u.Screen() != "set-pin" || strings.Contains(screenText(u), "Forgot the PIN?") {
		t.Errorf("choosing the first PIN (%s):\n%s", u.Screen(), screenText(u))
	}
	if err := db.SetPIN("2580"); err != nil {
		t.Fatal(err)
	}
	u.showWelcome()
	u.askForStaff()
	if text := screenText(u); u.Screen() != "pin" || !strings.Contains(text, "Forgot the PIN?") || !strings.Contains(text, "speakeasy set-pin") {
		t.Errorf("the PIN pad (%s) does not say what to do about a forgotten PIN:\n%s", u.Screen(), text)
	}
}

// TestStaff_ChangePINSaysSo: after changing the PIN by taps, the staff
// screen says it is changed, and the new PIN is the one that works.
func TestStaff_ChangePINSaysSo(t *testing.T) {
	u, _, db := newTestUI(t)
	if err := db.SetPIN("2580"); err != nil {
		t.Fatal(err)
	}
	u.showStaff()
	if strings.Contains(screenText(u), "The new PIN works from now on.") {
		t.Fatal("the staff screen says the PIN is changed before it is")
	}
	test.Tap(tileNamed(t, u, "Change the PIN"))
	for range 2 {
		for _, d := range "1357" {
			test.Tap(tileNamed(t, u, string(d)))
		}
		test.Tap(tileNamed(t, u, "OK"))
	}
	if u.Screen() != "staff" || !strings.Contains(screenText(u), "The new PIN works from now on.") {
		t.Errorf("after changing the PIN (%s):\n%s", u.Screen(), screenText(u))
	}
	if err := db.CheckPIN("1357", u.cfg.Now()); err != nil {
		t.Errorf("the new PIN does not work: %v", err)
	}
}

// TestStaff_CloseAsksFirst: in a kiosk, "Close Speakeasy" asks, with
// staying highlighted; only the second "Close Speakeasy" closes.
func TestStaff_CloseAsksFirst(t *testing.T) {
	u, _, _ := newTestUI(t)
	quits := 0
	u.cfg.Kiosk, u.cfg.Quit = true, func() { quits++ }
	u.showStaff()

	test.Tap(tileNamed(t, u, "Close Speakeasy"))
	stay := dialogButton(t, u, "Stay in Speakeasy")
	if quits != 0 || stay.Importance != widget.HighImportance || u.win.Canvas().Focused() != stay {
		t.Fatalf("after one tap: %d quits, stay importance %v, focused %v", quits, stay.Importance, u.win.Canvas().Focused())
	}
	if closeIt := dialogButton(t, u, "Close Speakeasy"); closeIt.Importance == widget.HighImportance {
		t.Error("closing is highlighted")
	}
	test.Tap(stay)
	if quits != 0 || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Stay: %d quits, the question still open", quits)
	}
	test.Tap(tileNamed(t, u, "Close Speakeasy"))
	test.Tap(dialogButton(t, u, "Close Speakeasy"))
	if quits != 1 {
		t.Errorf("closing after the question: %d quits", quits)
	}
}

// TestStaff_EventNameSavedInView: "Speakeasy saved the event name." shows
// inside the window, without scrolling, on a laptop screen and a small one.
func TestStaff_EventNameSavedInView(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1366, Height: 768}, {Width: 1024, Height: 600}} {
		u, _, db := newTestUI(t)
		u.win.Resize(size)
		u.showStaff()
		entry := first[*widget.Entry](u)
		test.Type(entry, "Family day")
		var save *widget.Button
		walk(u.win.Content(), func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == "Save the event name" {
				save = b
			}
		})
		test.Tap(save)
		if got, _ := db.Setting("event"); got != "Family day" {
			t.Fatalf("event saved as %q", got)
		}
		var said *widget.Label
		walk(u.win.Content(), func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.Text == "Speakeasy saved the event name." {
				said = l
			}
		})
		if said == nil {
			t.Fatalf("%v: no confirmation:\n%s", size, screenText(u))
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(said)
		if bottom := pos.Y + said.Size().Height; said.Size().Height == 0 || bottom > u.win.Canvas().Size().Height {
			t.Errorf("%v: the confirmation is at %v (height %v), out of the window %v", size, pos, said.Size().Height, u.win.Canvas().Size())
		}
	}
}

// dialogButton finds the button with the given words in the dialog on top.
func dialogButton(tb testing.TB, u *UI, text string) *widget.Button {
	tb.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		tb.Fatalf("no dialog open looking for %q", text)
	}
	var found *widget.Button
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
			return
		}
		var children []fyne.CanvasObject
		switch c := o.(type) {
		case *fyne.Container:
			children = c.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(c).Objects()
		}
		for _, child := range children {
			visit(child)
		}
	}
	visit(top)
	if found == nil {
		tb.Fatalf("no %q in the dialog", text)
	}
	return found
}
