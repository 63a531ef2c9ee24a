package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The staff tabs share one way to fit a laptop screen: at 1366×768 a
// window has about 550 px under its menu and tabs. Text stays the staff
// look's size; the room round each line is smaller (compactTheme), a wide
// tab uses two columns, only a list part scrolls, and the main button and
// what it says sit at the foot, always in view.

// compactTheme is the app's theme of the moment with half the room round
// each line of words, so a staff form row is about 54 px, not 70.
type compactTheme struct{}

func (compactTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t compactTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}
func (t compactTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t compactTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t compactTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameInnerPadding:
		return t.base().Size(n) / 2
	case theme.SizeNamePadding, theme.SizeNameLineSpacing:
		return t.base().Size(n) / 2
	}
	return t.base().Size(n)
}

// appTheme is the app's theme of the moment, unchanged: a tab's content
// under the compact tab bar keeps the usual rows (the editor's tab).
type appTheme struct{ compactTheme }

func (t appTheme) Size(n fyne.ThemeSizeName) float32 { return t.base().Size(n) }

// asUsual shows o with the app's theme, inside something compact.
func asUsual(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewThemeOverride(o, appTheme{})
}

// compact shows o with compact rows.
func compact(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewThemeOverride(o, compactTheme{})
}

// staffTab lays out a staff tab: top across the width (nil for none),
// the body (usually two columns), and the foot, always in view.
func staffTab(top, body, foot fyne.CanvasObject) fyne.CanvasObject {
	return container.NewPadded(compact(container.NewBorder(top, foot, nil, nil, body)))
}

// form is captions on the left and what they name on the right.
func form(captionsAndThings ...fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewFormLayout(), captionsAndThings...)
}

// caption is a form's caption, on one line: a caption that wraps is
// given one word's width by the form, and stands one word a line.
func caption(s string, bold bool) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
}

// title is bold words over a part of a tab, wrapped to its width.
func title(s string) *widget.Label {
	l := words(s, false)
	l.TextStyle.Bold = true
	return l
}

// footRow is what a button said on the left, the button on the right.
func footRow(message fyne.CanvasObject, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), message)
}

// tileRow lays a row of tiles out as the fit rule plans a participant
// screen's buttons: equal shares when there is room, and on a narrow
// window each as wide as its words need, dropping a picture that would
// make the row taller. So four tiles fit 1024 px (a grid of four needs
// four times the widest, 1196 px).
type tileRow struct {
	tiles []*tile
	width float32 // the last width laid out
}

func newTileRow(tiles ...*tile) *fyne.Container {
	objs := make([]fyne.CanvasObject, len(tiles))
	for i, t := range tiles {
		objs[i] = t
	}
	return container.New(&tileRow{tiles: tiles}, objs...)
}

func (r *tileRow) gap() float32 { return theme.Padding() }

func (r *tileRow) MinSize([]fyne.CanvasObject) fyne.Size {
	w := r.gap() * float32(len(r.tiles)-1)
	for _, t := range r.tiles {
		w += t.minWidthBare()
	}
	_, h := planButtons(r.tiles, max(r.width, w), r.gap())
	return fyne.NewSize(w, h)
}

func (r *tileRow) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	r.width = size.Width
	widths, h := planButtons(r.tiles, size.Width, r.gap())
	x := float32(0)
	for i, t := range r.tiles {
		t.Move(fyne.NewPos(x, 0))
		t.Resize(fyne.NewSize(widths[i], h))
		t.Refresh() // a picture may have come or gone
		x += widths[i] + r.gap()
	}
}

// columns are two parts of a tab side by side, half the width each when
// both fit in half; else each gets what it needs and they share the rest.
// A grid of two would need twice the wider one: too wide for 1024 px.
func columns(left, right fyne.CanvasObject) *fyne.Container {
	return container.New(twoColumns{share: 0.5}, left, right)
}

// columnsSharing is columns with share of the width for the left one.
func columnsSharing(share float32, left, right fyne.CanvasObject) *fyne.Container {
	return container.New(twoColumns{share: share}, left, right)
}

type twoColumns struct{ share float32 }

func (twoColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	l, r := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(l.Width+theme.Padding()+r.Width, max(l.Height, r.Height))
}

func (c twoColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding()
	lw, rw := objs[0].MinSize().Width, objs[1].MinSize().Width
	room := size.Width - gap
	left := room * c.share
	if lw > left || rw > room-left {
		left = lw + (room-lw-rw)/2
	}
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(left, size.Height))
	objs[1].Move(fyne.NewPos(left+gap, 0))
	objs[1].Resize(fyne.NewSize(room-left, size.Height))
}
