package editor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The editor's parts that keep still: labels and places that keep their
// height while their words change, and moving the keyboard to an input
// without throwing the form about.

// oneLine is a label that never wraps: its height stays one line, and
// words that do not fit end in "…".
func oneLine(s string, bold bool) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = bold
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// closeLines puts labels one under another with the room of one line
// between them, not two labels' padding.
func closeLines() fyne.Layout {
	return layout.NewCustomPaddedVBoxLayout(-2 * deskTheme{}.Size(theme.SizeNameInnerPadding))
}

// fixedScroll shows o in a place lines of words tall, scrolling when o
// needs more: what changes in it never moves what is around it.
func fixedScroll(o fyne.CanvasObject, lines int) *container.Scroll {
	s := container.NewVScroll(o)
	line := fyne.MeasureText("Ag", deskTheme{}.Size(theme.SizeNameText), fyne.TextStyle{}).Height +
		deskTheme{}.Size(theme.SizeNameLineSpacing)
	s.SetMinSize(fyne.NewSize(0, float32(lines)*line+2*deskTheme{}.Size(theme.SizeNameInnerPadding)))
	return s
}

// focusInput puts the keyboard in the form's input for k, scrolling the
// form only as far as it takes to see it.
func (e *editor) focusInput(k noteKey) {
	in, ok := e.inputs[k].(fyne.Focusable)
	if !ok {
		return
	}
	e.p.win.Canvas().Focus(in)
	o := in.(fyne.CanvasObject)
	at, found := positionIn(e.scroll.Content, o)
	if !found {
		return
	}
	top, view := at.Y, e.scroll.Size().Height
	switch off := e.scroll.Offset; {
	case top < off.Y:
		e.scroll.ScrollToOffset(fyne.NewPos(off.X, top))
	case top+o.Size().Height > off.Y+view:
		e.scroll.ScrollToOffset(fyne.NewPos(off.X, top+o.Size().Height-view+theme.Padding()*4))
	}
}

// positionIn is where o is inside root, through containers and theme
// overrides. (The driver's AbsolutePositionForObject knows new objects
// only after the next frame.)
func positionIn(root, o fyne.CanvasObject) (fyne.Position, bool) {
	if root == o {
		return fyne.Position{}, true
	}
	var children []fyne.CanvasObject
	switch c := root.(type) {
	case *fyne.Container:
		children = c.Objects
	case *container.ThemeOverride:
		children = []fyne.CanvasObject{c.Content}
	}
	for _, child := range children {
		if at, ok := positionIn(child, o); ok {
			return at.Add(child.Position()), true
		}
	}
	return fyne.Position{}, false
}

// deskSelect is a drop-down whose list of choices opens in the desk size,
// like the form it is on. (Fyne opens a drop-down's list on the window,
// outside the form's theme, so it came up in the staff tabs' size and
// eight kinds of question filled the screen.)
type deskSelect struct {
	widget.Select
	themed fyne.CanvasObject // the list last put in the desk size
}

func newDeskSelect(options []string, changed func(string)) *deskSelect {
	s := &deskSelect{}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// Tapped opens the list of choices, in the desk size.
func (s *deskSelect) Tapped(ev *fyne.PointEvent) {
	s.Select.Tapped(ev)
	s.atDesk()
}

// TypedKey opens the list from the keyboard as a Select does, in the desk
// size.
func (s *deskSelect) TypedKey(ev *fyne.KeyEvent) {
	s.Select.TypedKey(ev)
	s.atDesk()
}

// atDesk puts the list the Select has just opened in the desk size, as
// wide as the drop-down and as tall as its choices now need.
func (s *deskSelect) atDesk() {
	c := fyne.CurrentApp().Driver().CanvasForObject(s)
	if c == nil {
		return
	}
	// An open list takes the keyboard (on a desktop), so it is the one
	// focused.
	menu, ok := c.Focused().(*widget.PopUpMenu)
	if !ok || menu == s.themed {
		return
	}
	s.themed = menu
	atDesk(menu) // only for the theme it gives menu and what is in it
	menu.Resize(fyne.NewSize(s.Size().Width, menu.MinSize().Height))
	// Under the drop-down where it fits now, else above it: never over
	// the drop-down itself.
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(s)
	h := menu.Size().Height
	switch {
	case at.Y+s.Size().Height+h <= c.Size().Height:
		menu.Move(at.AddXY(0, s.Size().Height))
	case at.Y-h >= 0:
		menu.Move(at.AddXY(0, -h))
	}
}
