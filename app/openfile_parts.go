package app

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The parts of the open dialog (openfile.go): its path box and list, which
// take the keys staff expect, a row that shows a name on one line, and the
// folder remembered for next time.

// pathEntry is the path box: Enter does what it says, Down goes to the
// list, Escape closes the dialog.
type pathEntry struct {
	widget.Entry
	o *openFile
}

func newPathEntry(o *openFile) *pathEntry {
	e := &pathEntry{o: o}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { o.submit() }
	return e
}

func (e *pathEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		e.o.d.Hide()
	case fyne.KeyDown:
		e.o.win.Canvas().Focus(e.o.list)
		e.o.list.move(1)
	default:
		e.Entry.TypedKey(k)
	}
}

// keyButton is a button that also takes Enter, as staff expect (Fyne's
// take only Space), and Escape, which closes the dialog.
type keyButton struct {
	widget.Button
	o *openFile
}

func (o *openFile) button(text string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{o: o}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *keyButton) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() {
			b.OnTapped()
		}
	case fyne.KeyEscape:
		b.o.d.Hide()
	default:
		b.Button.TypedKey(k)
	}
}

// fileList is the list of folders and files. The arrow keys move the
// selection (and the path box with it) without going into folders; Enter
// or Space opens what is selected, Backspace goes up, Escape closes.
type fileList struct {
	widget.List
	o   *openFile
	cur int // the row selected, or -1
}

func newFileList(o *openFile) *fileList {
	l := &fileList{o: o, cur: -1}
	l.Length = func() int { return len(o.rows) }
	l.CreateItem = newRowView
	l.UpdateItem = func(i widget.ListItemID, obj fyne.CanvasObject) {
		r := o.rows[i]
		obj.(*fyne.Container).Layout.(*rowView).set(obj.(*fyne.Container), r)
	}
	l.OnSelected = func(i widget.ListItemID) { l.cur = i; o.selected(i) }
	l.OnUnselected = func(widget.ListItemID) { l.cur = -1 }
	l.ExtendBaseWidget(l)
	return l
}

// move selects the row by rows away from the one selected (the first row
// if none is), staying in the list.
func (l *fileList) move(by int) {
	n := len(l.o.rows)
	if n == 0 {
		return
	}
	i := l.cur + by
	if l.cur < 0 { // nothing selected yet: count from the top
		i = max(by-1, 0)
	}
	i = max(0, min(n-1, i))
	l.o.byKey = true
	l.Select(i)
	l.o.byKey = false
}

// FocusGained and FocusLost leave out the List's own focus mark: the keys
// move the selection, so a second mark would stay behind on another row.
func (l *fileList) FocusGained() {}
func (l *fileList) FocusLost()   {}

func (l *fileList) TypedKey(k *fyne.KeyEvent) {
	page := max(1, int(l.Size().Height/max(1, l.o.rowHeight())))
	switch k.Name {
	case fyne.KeyDown:
		l.move(1)
	case fyne.KeyUp:
		l.move(-1)
	case fyne.KeyPageDown:
		l.move(page)
	case fyne.KeyPageUp:
		l.move(-page)
	case fyne.KeyHome:
		l.move(-len(l.o.rows))
	case fyne.KeyEnd:
		l.move(len(l.o.rows))
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		l.o.submit()
	case fyne.KeyBackspace:
		l.o.goUp()
	case fyne.KeyEscape:
		l.o.d.Hide()
	default:
		l.List.TypedKey(k)
	}
}

// rowHeight is the height of one row of the list with its separator.
func (o *openFile) rowHeight() float32 {
	th := atDesk{fyne.CurrentApp().Settings().Theme()}
	return newRowView().MinSize().Height + th.Size(theme.SizeNamePadding)
}

// rowView lays out a row: an icon, the name on one line, and the date
// on the right. A name too long for its room loses its middle, never a
// line break: the start and the end (a laptop's name and time, the kind
// of file) are what tell files apart.
type rowView struct {
	full string
	size float32
}

func newRowView() fyne.CanvasObject {
	th := atDesk{fyne.CurrentApp().Settings().Theme()}
	v := fyne.CurrentApp().Settings().ThemeVariant()
	size := th.Size(theme.SizeNameText)
	text := func() *canvas.Text {
		t := canvas.NewText("", th.Color(theme.ColorNameForeground, v))
		t.TextSize = size
		return t
	}
	return container.New(&rowView{size: size}, widget.NewIcon(theme.FileIcon()), text(), text())
}

func (r *rowView) set(c *fyne.Container, row fileRow) {
	icon, when := c.Objects[0].(*widget.Icon), c.Objects[2].(*canvas.Text)
	if row.dir {
		icon.SetResource(theme.FolderIcon())
	} else {
		icon.SetResource(theme.FileIcon())
	}
	r.full = row.name
	when.Text = row.when.Format("2006-01-02 15:04")
	when.Color = mutedColour()
	c.Refresh()
	r.Layout(c.Objects, c.Size())
}

func (r *rowView) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	icon, name, when := objs[0], objs[1].(*canvas.Text), objs[2].(*canvas.Text)
	gap := r.size
	line := fyne.MeasureText("Mg", r.size, fyne.TextStyle{}).Height
	icon.Resize(fyne.NewSquareSize(line))
	icon.Move(fyne.NewPos(0, (size.Height-line)/2))
	w := fyne.MeasureText(when.Text, r.size, when.TextStyle).Width
	when.Resize(fyne.NewSize(w, line))
	when.Move(fyne.NewPos(size.Width-w, (size.Height-line)/2))
	room := size.Width - line - w - 2*gap
	name.Text = elideMiddle(r.full, room, r.size)
	name.Resize(fyne.NewSize(max(room, 0), line))
	name.Move(fyne.NewPos(line+gap, (size.Height-line)/2))
	name.Refresh()
}

func (r *rowView) MinSize(objs []fyne.CanvasObject) fyne.Size {
	line := fyne.MeasureText("Mg", r.size, fyne.TextStyle{}).Height
	return fyne.NewSize(line*4, line)
}

// elideMiddle is s if it fits in width, or its start, "…" and its end.
func elideMiddle(s string, width, size float32) string {
	fits := func(t string) bool { return fyne.MeasureText(t, size, fyne.TextStyle{}).Width <= width }
	if fits(s) {
		return s
	}
	runes := []rune(s)
	cut := func(keep int) string {
		back := keep * 2 / 5
		return string(runes[:keep-back]) + "…" + string(runes[len(runes)-back:])
	}
	lo, hi := 0, len(runes)-1 // how many letters to keep
	for lo < hi {
		if mid := (lo + hi + 1) / 2; fits(cut(mid)) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return cut(lo)
}

func mutedColour() color.Color {
	return fyne.CurrentApp().Settings().Theme().Color(theme.ColorNamePlaceHolder, fyne.CurrentApp().Settings().ThemeVariant())
}

var (
	lastFolderMu sync.Mutex
	lastFolders  = map[string]string{} // kind of file ("" for any) → folder
)

// prefLastFolder is where the folder last used is kept between runs.
const prefLastFolder = "lastFolder"

// lastFolder is the folder to start in for a kind of file: the one last
// used for that kind, else the one last used for any, in this run or an
// earlier one, if it is still there (a USB stick may have gone); else the
// home folder.
func lastFolder(kind string) string {
	lastFolderMu.Lock()
	defer lastFolderMu.Unlock()
	prefs := fyne.CurrentApp().Preferences()
	for _, k := range []string{kind, ""} {
		for _, d := range []string{lastFolders[k], prefs.String(prefLastFolder + k)} {
			if d != "" && isDir(d) {
				return d
			}
		}
	}
	return homeFolder()
}

// rememberFolder keeps dir as the last folder used, for kind and for any.
func rememberFolder(kind, dir string) {
	lastFolderMu.Lock()
	defer lastFolderMu.Unlock()
	prefs := fyne.CurrentApp().Preferences()
	for _, k := range []string{kind, ""} {
		lastFolders[k] = dir
		prefs.SetString(prefLastFolder+k, dir)
	}
}
