package app

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tileStyle is how a tile looks when not chosen.
type tileStyle int

const (
	styleAnswer  tileStyle = iota // an answer: light, with a border
	stylePrimary                  // the main way on: Start, Next, Yes
	stylePlain                    // a quieter way: Back, Cancel
)

// tile is Speakeasy's one big button: a picture and a word, at least
// tapHeight tall. A chosen tile gets a thick border and a tick, so colour
// is never the only sign. It takes focus, and Space or Enter taps it
// (Fyne's own buttons ignore Enter).
type tile struct {
	widget.BaseWidget
	Label    string
	Picture  string // picture name in assets
	Sound    string // a recorded sound to play instead of reading Label
	Style    tileStyle
	Vertical bool // picture above the word, as for faces
	OnTapped func()
	// OnListen, when set, adds a small speaker that reads just this tile.
	OnListen func()

	chosen, focused bool
	bg, ring        *canvas.Rectangle
	tick            *canvas.Image
	text            *widget.Label // an answer's words
	caption         *canvas.Text  // a button's words
	listen          *widget.Button
}

func newTile(label, picture string, style tileStyle, tapped func()) *tile {
	t := &tile{Label: label, Picture: picture, Style: style, OnTapped: tapped}
	t.ExtendBaseWidget(t)
	return t
}

// SetChosen shows or hides the chosen border and tick.
func (t *tile) SetChosen(on bool) {
	if t.chosen == on {
		return
	}
	t.chosen = on
	t.Refresh()
}

// Chosen reports whether the tile shows as chosen.
func (t *tile) Chosen() bool { return t.chosen }

func (t *tile) Tapped(*fyne.PointEvent) {
	if t.OnTapped != nil {
		t.OnTapped()
	}
}

func (t *tile) FocusGained()   { t.focused = true; t.Refresh() }
func (t *tile) FocusLost()     { t.focused = false; t.Refresh() }
func (t *tile) TypedRune(rune) {}
func (t *tile) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeySpace || e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		t.Tapped(nil)
		return
	}
	// Other keys (numbers, arrows) belong to the screen, as when nothing has focus.
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(e)
	}
}

func (t *tile) CreateRenderer() fyne.WidgetRenderer {
	t.bg = canvas.NewRectangle(color.Transparent)
	t.bg.CornerRadius = 16
	t.ring = canvas.NewRectangle(color.Transparent)
	t.ring.CornerRadius = 20
	t.ring.StrokeWidth = 6
	t.tick = newPicture("check-mark-button", 48)
	var label fyne.CanvasObject
	if t.Style == styleAnswer {
		t.text = widget.NewLabel(t.Label)
		t.text.Wrapping = fyne.TextWrapWord // answers can be long
		fitDirection(t.text, rtlLine/2)
		label = t.text
	} else {
		// A button's word or two: plain bold text in the colour made for its
		// background. (A themed Label would need a theme override, and Fyne
		// loads fonts again for every override: slower first screens.)
		t.caption = canvas.NewText(t.Label, color.Black)
		t.caption.TextStyle.Bold = true
		label = container.NewPadded(t.caption)
	}
	var body fyne.CanvasObject
	var pic fyne.CanvasObject = layout.NewSpacer()
	if t.Picture != "" {
		pic = newPicture(t.Picture, optionPicture)
	}
	if t.Vertical && t.text != nil {
		t.text.Alignment = fyne.TextAlignCenter
		// The tick sits over the top corner, so a row of faces stays low.
		body = container.NewStack(container.NewVBox(pic, label),
			container.NewVBox(container.NewHBox(layout.NewSpacer(), t.tick)))
	} else {
		var right fyne.CanvasObject = t.tick
		if t.OnListen != nil {
			t.listen = widget.NewButtonWithIcon("", pictureResource("speaker-high-volume"), t.OnListen)
			t.listen.Importance = widget.LowImportance
			right = container.NewHBox(t.tick, container.NewCenter(t.listen))
		}
		body = container.NewBorder(nil, nil, pic, right,
			container.NewVBox(layout.NewSpacer(), label, layout.NewSpacer()))
	}
	minHeight := canvas.NewRectangle(color.Transparent)
	minHeight.SetMinSize(fyne.NewSize(0, tapHeight))
	content := container.NewStack(minHeight, t.bg, container.NewPadded(body), t.ring)
	t.applyState()
	return widget.NewSimpleRenderer(content)
}

func (t *tile) Refresh() {
	if t.bg != nil {
		if t.text != nil {
			t.text.SetText(t.Label)
		} else {
			t.caption.Text = t.Label
		}
		t.applyState()
		t.bg.Refresh()
		t.ring.Refresh()
	}
	t.BaseWidget.Refresh()
}

// applyState sets the colours and marks for chosen and focused.
func (t *tile) applyState() {
	th := t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	primary := th.Color(theme.ColorNamePrimary, v)
	switch t.Style {
	case stylePrimary:
		t.bg.FillColor = primary
	case stylePlain:
		t.bg.FillColor = th.Color(theme.ColorNameButton, v)
	default:
		t.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	}
	t.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	t.bg.StrokeWidth = 2
	if t.Style == stylePrimary {
		t.bg.StrokeWidth = 0
	}
	t.tick.Hidden = !t.chosen
	if t.chosen {
		t.bg.StrokeColor = primary
		t.bg.StrokeWidth = borderChosen
		t.bg.FillColor = th.Color(theme.ColorNameSelection, v)
	}
	t.ring.StrokeColor = color.Transparent
	if t.focused {
		t.ring.StrokeColor = th.Color(theme.ColorNameFocus, v)
	}
	if t.caption != nil {
		t.caption.Color = th.Color(theme.ColorNameForeground, v)
		if t.Style == stylePrimary {
			t.caption.Color = th.Color(theme.ColorNameForegroundOnPrimary, v)
		}
		t.caption.TextSize = th.Size(theme.SizeNameText)
		t.caption.Refresh()
	}
}

var (
	pictureMu    sync.Mutex
	highContrast bool // set with the theme; pictures follow it
)

// bigPicture is a question's or screen's picture at full size.
func bigPicture(name string) fyne.CanvasObject {
	if name == "" {
		return layout.NewSpacer()
	}
	return newPicture(name, pictureSize)
}

// words is a left-aligned, wrapping label; heading makes it large and bold.
func words(s string, heading bool) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	width := rtlLine
	if heading {
		l.SizeName = theme.SizeNameHeadingText
		l.TextStyle.Bold = true
		width = rtlLine * 2 / 3
	}
	fitDirection(l, width)
	return l
}
