package app

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// chooserWindow is a window of the given size in the app's own theme, with
// no folder remembered and a home folder of its own.
func chooserWindow(t *testing.T, w, h float32) fyne.Window {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	t.Setenv("HOME", t.TempDir())
	lastFolderMu.Lock()
	lastFolders = map[string]string{}
	lastFolderMu.Unlock()
	win := test.NewTempWindow(t, widget.NewLabel(""))
	win.Resize(fyne.NewSize(w, h))
	return win
}

// someFiles is a folder holding what a staff laptop's Downloads might: a
// form, results, and files of other kinds, a folder and a hidden file.
func someFiles(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		p := filepath.Join(dir, n)
		if strings.HasSuffix(n, "/") {
			if err := os.MkdirAll(p, 0o700); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var downloads = []string{"boot/", "Zebra folder/", ".hidden/", "survey.xlsx", "Old Form.JSON", "notes.log", "run.sh", "picture.png", ".secret.xlsx"}

// openChooser shows a chooser for exts; chosen gets what it hands on.
func openChooser(t *testing.T, win fyne.Window, exts ...string) (*openFile, *[]string) {
	t.Helper()
	var chosen []string
	o := newOpenFile(win, exts, exts == nil, "", func(p string) { chosen = append(chosen, p) })
	o.show()
	return o, &chosen
}

// rowsShown is the list's rows on the screen, top to bottom.
func rowsShown(win fyne.Window) []*fyne.Container {
	var rows []*fyne.Container
	eachInDialog(win, func(o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok && c.Visible() && c.Position().Y >= 0 {
			if _, ok := c.Layout.(*rowView); ok {
				rows = append(rows, c)
			}
		}
	})
	return rows
}

// shownRows is the names the list shows, top to bottom, as drawn.
func shownRows(win fyne.Window) []string {
	var names []string
	for _, c := range rowsShown(win) {
		names = append(names, c.Objects[1].(*canvas.Text).Text)
	}
	return names
}

// tapRow taps the row that shows name, where it is on the screen.
func tapRow(t *testing.T, win fyne.Window, name string) {
	t.Helper()
	var row fyne.CanvasObject
	for _, c := range rowsShown(win) {
		if c.Objects[1].(*canvas.Text).Text == name {
			row = c
		}
	}
	if row == nil {
		t.Fatalf("no row %q in %q", name, shownRows(win))
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(row)
	test.TapCanvas(win.Canvas(), pos.AddXY(row.Size().Width/2, row.Size().Height/2))
}

func pressKey(win fyne.Window, key fyne.KeyName) {
	win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: key})
}

func TestOpenFile_ListsFoldersThenWantedKinds(t *testing.T) {
	win := chooserWindow(t, 1366, 768)
	dir := someFiles(t, downloads...)
	rememberFolder("", dir)
	o, _ := openChooser(t, win, ".xlsx", ".json")
	want := []string{"boot", "Zebra folder", "Old Form.JSON", "survey.xlsx"}
	if got := shownRows(win); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("the list shows %q, want %q", got, want)
	}
	if !strings.Contains(o.message.Text, ".xlsx, .json") || !strings.Contains(o.message.Text, "other kinds here: 3") {
		t.Errorf("the dialog says %q", o.message.Text)
	}

	o.goTo(filepath.Join(dir, "boot"))
	if len(shownRows(win)) != 0 || !strings.HasPrefix(o.message.Text, "This folder has no folders in it, and no files ending in .xlsx, .json.") {
		t.Errorf("in an empty folder the dialog says %q", o.message.Text)
	}

	// Choosing a folder lists folders only.
	o, _ = openChooser(t, win)
	if got := shownRows(win); strings.Join(got, "|") != "boot|Zebra folder" {
		t.Errorf("choosing a folder, the list shows %q", got)
	}
}

// TestOpenFile_TypedPath types or pastes into the path box and presses
// Enter: a file of the kind wanted is chosen, a folder is gone into, and
// anything else is said in plain words and chooses nothing.
func TestOpenFile_TypedPath(t *testing.T) {
	dir := someFiles(t, downloads...)
	form := filepath.Join(dir, "survey.xlsx")
	for _, c := range []struct {
		name, typed, chosen, folder, says string
	}{
		{"a whole path", form, form, "", ""},
		{"pasted with quotes", `"` + form + `"`, form, "", ""},
		{"from a file manager", "file://" + filepath.ToSlash(form), form, "", ""},
		{"a name in the folder listed", "Old Form.JSON", filepath.Join(dir, "Old Form.JSON"), "", ""},
		{"a folder", filepath.Join(dir, "boot"), "", filepath.Join(dir, "boot"), ""},
		{"a file of another kind", filepath.Join(dir, "notes.log"), "", dir, "Please choose a file ending in .xlsx, .json."},
		{"nothing there", filepath.Join(dir, "gone.xlsx"), "", dir, "There is nothing at " + filepath.Join(dir, "gone.xlsx")},
	} {
		t.Run(c.name, func(t *testing.T) {
			win := chooserWindow(t, 1366, 768)
			rememberFolder("", dir)
			o, chosen := openChooser(t, win, ".xlsx", ".json")
			if win.Canvas().Focused() != o.path {
				t.Fatal("the path box does not have the keys")
			}
			o.path.SetText("")
			test.Type(o.path, c.typed)
			pressKey(win, fyne.KeyReturn)
			if got := strings.Join(*chosen, "|"); got != c.chosen {
				t.Errorf("chosen %q, want %q", got, c.chosen)
			}
			if c.chosen == "" && win.Canvas().Overlays().Top() == nil {
				t.Error("the dialog closed without choosing")
			}
			if c.folder != "" && o.dir != c.folder {
				t.Errorf("the list is of %q, want %q", o.dir, c.folder)
			}
			if !strings.Contains(o.message.Text, c.says) {
				t.Errorf("the dialog says %q, want %q", o.message.Text, c.says)
			}
		})
	}
}

func TestOpenFile_NamesInCountingOrder(t *testing.T) {
	names := []string{"a", "b", "results-2.db", "results-10.db", "Results-11.db", "results-011b.db", "results-11c.db", "z"}
	rows, _, err := readFolder(someFiles(t, names...), []string{".db"}, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.name)
	}
	if want := "results-2.db|results-10.db|Results-11.db|results-011b.db|results-11c.db"; strings.Join(got, "|") != want {
		t.Errorf("the order is %q, want %s", got, want)
	}
}

func TestOpenFile_DriveNamesShort(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("drives are letters")
	}
	for path, want := range map[string]string{"/media/ana/STICK": "STICK", "/media/ana/KINGSTON DATATRAVELER": "KINGSTON DA…"} {
		if got := driveName(path); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
}

func TestOpenFile_TapFolderGoesInThenChooseFile(t *testing.T) {
	win := chooserWindow(t, 1366, 768)
	dir := someFiles(t, "boot/", "boot/bundle.db", "boot/boot.log", "a.db")
	rememberFolder("", dir)
	o, chosen := openChooser(t, win, ".db")
	tapRow(t, win, "boot")
	if o.dir != filepath.Join(dir, "boot") || strings.Join(shownRows(win), "|") != "bundle.db" {
		t.Fatalf("after tapping boot: in %q showing %q", o.dir, shownRows(win))
	}
	tapRow(t, win, "bundle.db")
	if o.path.Text != filepath.Join(dir, "boot", "bundle.db") || len(*chosen) != 0 {
		t.Fatalf("after tapping the file: box %q, chosen %q", o.path.Text, *chosen)
	}
	test.Tap(inDialog(t, win, func(b *keyButton) bool { return b.Text == "Open" })[0])
	if strings.Join(*chosen, "|") != filepath.Join(dir, "boot", "bundle.db") || win.Canvas().Overlays().Top() != nil {
		t.Errorf("Open chose %q", *chosen)
	}
}

// TestOpenFile_Keys works the dialog from the keyboard alone.
func TestOpenFile_Keys(t *testing.T) {
	win := chooserWindow(t, 1366, 768)
	dir := someFiles(t, "boot/", "boot/inner.xlsx", "form.xlsx")
	rememberFolder("", dir)
	o, chosen := openChooser(t, win, ".xlsx")

	pressKey(win, fyne.KeyDown) // from the box into the list: the first row
	if win.Canvas().Focused() != o.list || o.path.Text != filepath.Join(dir, "boot") || o.dir != dir {
		t.Fatalf("Down: focus %T, box %q, in %q", win.Canvas().Focused(), o.path.Text, o.dir)
	}
	pressKey(win, fyne.KeyDown)
	pressKey(win, fyne.KeyDown) // stays on the last row
	if o.path.Text != filepath.Join(dir, "form.xlsx") {
		t.Fatalf("Down Down: box %q", o.path.Text)
	}
	pressKey(win, fyne.KeyUp)
	pressKey(win, fyne.KeyReturn) // into boot
	if o.dir != filepath.Join(dir, "boot") {
		t.Fatalf("Enter on boot: in %q", o.dir)
	}
	pressKey(win, fyne.KeyBackspace)
	if o.dir != dir {
		t.Fatalf("Backspace: in %q", o.dir)
	}
	test.Tap(inDialog(t, win, func(b *keyButton) bool { return b.Text == "Home" })[0])
	if o.dir != os.Getenv("HOME") {
		t.Fatalf("Home went to %q", o.dir)
	}
	test.Tap(o.up)
	if o.dir != filepath.Dir(os.Getenv("HOME")) {
		t.Fatalf("Up one folder went to %q", o.dir)
	}
	win.Canvas().Focus(o.path)
	o.path.SetText(dir)
	pressKey(win, fyne.KeyReturn)
	win.Canvas().Focus(o.list)
	pressKey(win, fyne.KeyEnd)
	pressKey(win, fyne.KeyReturn)
	if strings.Join(*chosen, "|") != filepath.Join(dir, "form.xlsx") {
		t.Fatalf("End Enter chose %q", *chosen)
	}

	// Enter works a button, not only Space.
	o, _ = openChooser(t, win, ".xlsx")
	win.Canvas().Focus(o.up)
	pressKey(win, fyne.KeyReturn)
	if o.dir != filepath.Dir(dir) {
		t.Errorf("Enter on Up one folder: in %q", o.dir)
	}
	pressKey(win, fyne.KeyEscape)

	// Tab goes from the box to Up, Home, the list, Cancel and Open;
	// Escape closes from the box or a button, choosing nothing.
	o, chosen = openChooser(t, win, ".xlsx")
	var order []string
	for range 5 {
		win.Canvas().FocusNext()
		switch f := win.Canvas().Focused().(type) {
		case *keyButton:
			order = append(order, f.Text)
		case *fileList:
			order = append(order, "the list")
		default:
			order = append(order, fmt.Sprintf("%T", f))
		}
	}
	if got := strings.Join(order, ", "); got != "Up one folder, Home, the list, Cancel, Open" {
		t.Errorf("Tab goes to %s", got)
	}
	for _, from := range []fyne.Focusable{o.path, win.Canvas().Focused()} {
		o.show()
		win.Canvas().Focus(from)
		pressKey(win, fyne.KeyEscape)
		if win.Canvas().Overlays().Top() != nil || len(*chosen) != 0 {
			t.Errorf("Escape from %T: dialog still open or chose %q", from, *chosen)
		}
	}
}

// TestOpenFile_RemembersLastFolder: the folder of the file chosen is where
// the next dialog starts, for that kind of file and (failing one of its
// own) for others, also after a restart; a folder that has gone (a USB
// stick taken out) gives way to the home folder.
func TestOpenFile_RemembersLastFolder(t *testing.T) {
	win := chooserWindow(t, 1366, 768)
	if o, _ := openChooser(t, win, ".db"); o.dir != os.Getenv("HOME") {
		t.Fatalf("the first dialog starts in %q, not the home folder", o.dir)
	}
	stick := someFiles(t, "results.db", "photos/")
	o, _ := openChooser(t, win, ".db")
	o.path.SetText(filepath.Join(stick, "results.db"))
	o.submit()
	if o, _ := openChooser(t, win, ".db"); o.dir != stick {
		t.Errorf("the next dialog starts in %q, not %q", o.dir, stick)
	}
	if o, _ := openChooser(t, win, ".png"); o.dir != stick {
		t.Errorf("a dialog for pictures starts in %q, not %q", o.dir, stick)
	}

	// Pictures chosen elsewhere do not move where results are looked for.
	o, _ = openChooser(t, win, ".png")
	o.path.SetText(filepath.Join(stick, "photos"))
	o.submit()
	o.path.SetText(filepath.Join(stick, "photos", "none.png"))
	os.WriteFile(o.path.Text, nil, 0o600)
	o.submit()
	if o, _ := openChooser(t, win, ".db"); o.dir != stick {
		t.Errorf("after a picture, results start in %q, not %q", o.dir, stick)
	}

	lastFolderMu.Lock()
	lastFolders = map[string]string{} // Speakeasy starts again
	lastFolderMu.Unlock()
	if o, _ := openChooser(t, win, ".db"); o.dir != stick {
		t.Errorf("after a restart the dialog starts in %q, not %q", o.dir, stick)
	}
	os.RemoveAll(stick)
	if o, _ := openChooser(t, win, ".db"); o.dir != os.Getenv("HOME") {
		t.Errorf("with the folder gone the dialog starts in %q", o.dir)
	}
}

// TestOpenFile_FitsTheWindow: on a laptop screen the dialog fills nearly
// the whole window, its buttons are in it, and the list shows many rows.
func TestOpenFile_FitsTheWindow(t *testing.T) {
	for size, least := range map[fyne.Size]int{{Width: 1366, Height: 768}: 12, {Width: 1280, Height: 720}: 12, {Width: 1920, Height: 1080}: 20, {Width: 1024, Height: 600}: 8} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			win := chooserWindow(t, size.Width, size.Height)
			var names []string
			for i := range 40 {
				names = append(names, fmt.Sprintf("speakeasy-laptop%02d.db", i))
			}
			rememberFolder("", someFiles(t, names...))
			o, _ := openChooser(t, win, ".db")
			d := fyne.CurrentApp().Driver()
			inWindow := func(what string, obj fyne.CanvasObject) {
				pos := d.AbsolutePositionForObject(obj)
				if pos.X < 0 || pos.Y < 0 || pos.X+obj.Size().Width > size.Width || pos.Y+obj.Size().Height > size.Height {
					t.Errorf("%s at %v size %v is not all in the %v window", what, pos, obj.Size(), size)
				}
			}
			for _, b := range inDialog(t, win, func(b *keyButton) bool { return b.Text == "Open" || b.Text == "Cancel" }) {
				inWindow(b.Text, b)
			}
			if m := win.Canvas().Overlays().Top().MinSize(); m.Width > size.Width || m.Height > size.Height {
				t.Errorf("the dialog needs %v, more than the window", m)
			}
			inWindow("the list", o.list)
			inWindow("the path box", o.path)
			if o.list.Size().Width < size.Width*0.8 {
				t.Errorf("the list is %v wide in a %v window", o.list.Size().Width, size.Width)
			}
			if rows := len(shownRows(win)); rows < least {
				t.Errorf("the list shows %d rows", rows)
			}
			if rows := o.list.Size().Height / o.rowHeight(); rows < float32(least) {
				t.Errorf("the list has room for %.1f rows", rows)
			}
			t.Logf("%v: room for %.1f rows", size, o.list.Size().Height/o.rowHeight())
		})
	}
}

// TestOpenFile_LongNameOnOneLine: a name too long for its row keeps its
// start and its end on one line, with "…" for the middle; a short name
// shows whole.
func TestOpenFile_LongNameOnOneLine(t *testing.T) {
	win := chooserWindow(t, 800, 600)
	long := "speakeasy-laptop3-1a2b results from the second hall on the family day 2026-11-27-1432.db"
	rememberFolder("", someFiles(t, long, "bo ot.db"))
	openChooser(t, win, ".db")
	rows := rowsShown(win)
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	short, name := rows[0].Objects[1].(*canvas.Text), rows[1].Objects[1].(*canvas.Text)
	if short.Text != "bo ot.db" {
		t.Errorf("the short name shows as %q", short.Text)
	}
	start, end, ok := strings.Cut(name.Text, "…")
	if !ok || !strings.HasPrefix(long, start) || !strings.HasSuffix(long, end) || len(start) < 10 || !strings.HasSuffix(end, "1432.db") {
		t.Errorf("the long name shows as %q", name.Text)
	}
	if w := fyne.MeasureText(name.Text, name.TextSize, name.TextStyle).Width; w > name.Size().Width || name.Position().X+name.Size().Width > rows[1].Size().Width {
		t.Errorf("the long name is %v wide in %v", w, name.Size().Width)
	}
}
