package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"speakeasy/survey/store"
)

func TestKiosk_FullScreenAndPINFirst(t *testing.T) {
	a := test.NewTempApp(t)
	db, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := publishBuiltin(db); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	u, err := New(a, w, Config{DB: db, Kiosk: true, Clock: &fakeClock{}, Quit: func() {}})
	if err != nil {
		t.Fatal(err)
	}
	u.Start()
	if !w.FullScreen() || w.MainMenu() != nil {
		t.Fatalf("kiosk: full screen %v, menu %v", w.FullScreen(), w.MainMenu())
	}
	if u.Screen() != "set-pin" {
		t.Fatalf("a kiosk with no PIN must ask staff for one first; on %s", u.Screen())
	}
	var cancel bool
	walk(w.Content(), func(o fyne.CanvasObject) {
		if t, ok := o.(*tile); ok && t.Label == "Cancel" {
			cancel = true
		}
	})
	if cancel {
		t.Fatal("staff can skip choosing a PIN in the kiosk")
	}
	test.TypeOnCanvas(w.Canvas(), "4321")
	test.Tap(tileNamed(t, u, "OK"))
	test.TypeOnCanvas(w.Canvas(), "4321")
	test.Tap(tileNamed(t, u, "OK"))
	if u.Screen() != "welcome" {
		t.Fatalf("after the PIN: %s", u.Screen())
	}
	// Ctrl+Shift+S (the staff keys) needs the PIN.
	u.askForStaff()
	if u.Screen() != "pin" {
		t.Fatalf("staff keys lead to %s", u.Screen())
	}
}
