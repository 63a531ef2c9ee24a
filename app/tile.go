package app

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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

// tile is Speakeasy's one big button: a picture and words, at least
// tapHeight tall. A chosen tile gets a thick border and a tick, so colour
// is never the only sign. It takes focus, and Space or Enter taps it
// (Fyne's own buttons ignore Enter).
//
// Its words are broken into lines at spaces, never inside a word: the
// screen's layout asks heightFor(width) before it gives a tile its width,
// and a tile whose longest word does not fit says so, so the layout can
// choose fewer columns or smaller pictures.
type tile struct {
	widget.BaseWidget
	Label    string
	Picture  string // picture name in assets
	Sound    string // a recorded sound to play instead of reading Label
	Style    tileStyle
	Vertical bool // picture above the words, as for faces
	OnTapped func()
	// OnListen, when set, adds a small speaker that reads just this tile.
	OnListen func()
	// noPicture hides the picture when the screen is short of room.
	noPicture bool

	chosen, focused bool
	lines           wrapped        // Label broken for the tile's width
	listen          *speakerButton // the small speaker, once drawn
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

func (t *tile) FocusGained() { t.focused = true; t.Refresh() }
func (t *tile) FocusLost()   { t.focused = false; t.Refresh() }

// TypedRune passes typed letters and numbers to the screen, as when
// nothing has focus (the PIN pad takes its digits that way).
func (t *tile) TypedRune(r rune) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil && c.OnTypedRune() != nil {
		c.OnTypedRune()(r)
	}
}

func (t *tile) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeySpace || e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		t.Tapped(nil)
		return
	}
	// Other keys (numbers, arrows, pages) belong to the screen.
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(e)
	}
}

// speakerButton is the small speaker on an answer. Space and Enter read
// the answer; every other key (numbers, arrows, Page Down) belongs to the
// screen, as on the tile itself, so focus on it is never a trap.
type speakerButton struct {
	widget.Button
}

func newSpeakerButton(tapped func()) *speakerButton {
	b := &speakerButton{}
	b.Icon = pictureResource("speaker-high-volume")
	b.OnTapped = tapped
	b.Importance = widget.LowImportance
	b.ExtendBaseWidget(b)
	return b
}

func (b *speakerButton) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		if b.OnTapped != nil {
			b.OnTapped()
		}
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(e)
	}
}

// tileMetrics are a tile's fixed parts at the theme's sizes.
type tileMetrics struct {
	inset, gap, picture, tick, listen, text float32
	bold                                    bool
}

func (t *tile) metrics() tileMetrics {
	th := t.Theme()
	k := th.Size(theme.SizeNameText) / sizes[theme.SizeNameText]
	m := tileMetrics{
		inset: 14, // the same with bigger words: the room goes to the words
		gap:   8,
		text:  th.Size(theme.SizeNameText),
		bold:  t.Style != styleAnswer,
	}
	if t.showsPicture() {
		m.picture = optionPicture
		if t.Vertical {
			m.picture = optionPicture * k
		}
	}
	if t.Style == styleAnswer && !t.Vertical {
		m.tick = tickSize // kept free even when not chosen, so words never move
	}
	if t.OnListen != nil {
		m.listen = th.Size(theme.SizeNameInlineIcon) + 2*m.gap
	}
	return m
}

func (t *tile) showsPicture() bool { return t.Picture != "" && !t.noPicture }

// textRoom is how wide the words may be in a tile width wide.
func (t *tile) textRoom(width float32) float32 {
	m := t.metrics()
	room := width - 2*m.inset - m.tick - m.listen
	if m.tick > 0 || m.listen > 0 {
		room -= m.gap
	}
	if m.picture > 0 && !t.Vertical {
		room -= m.picture + m.gap
	}
	return room
}

// heightFor is how tall the tile must be at width, and whether every word
// fits on a line of its own. It breaks the words for that width.
func (t *tile) heightFor(width float32) (float32, bool) {
	m := t.metrics()
	style := fyne.TextStyle{Bold: m.bold}
	t.lines = wrap(t.Label, t.textRoom(width), m.text, style)
	h := t.lines.height + 2*m.inset
	if t.Vertical {
		h += m.picture
		if m.picture > 0 && t.Label != "" {
			h += m.gap
		}
	} else if m.picture+2*m.inset > h {
		h = m.picture + 2*m.inset
	}
	return max(h, tapHeight), t.lines.fits
}

// minWidth is the narrowest the tile can be with its longest word whole.
func (t *tile) minWidth() float32 {
	m := t.metrics()
	widest := widestWord(t.Label, m.text, fyne.TextStyle{Bold: m.bold})
	return widest + t.metricsWidth(m)
}

func (t *tile) metricsWidth(m tileMetrics) float32 {
	w := 2*m.inset + m.tick + m.listen + 1
	if m.tick > 0 || m.listen > 0 {
		w += m.gap
	}
	if m.picture > 0 {
		if t.Vertical {
			return max(w, m.picture+2*m.inset)
		}
		w += m.picture + m.gap
	}
	return w
}

// lineWidth is how wide the tile is with all its words on one line.
func (t *tile) lineWidth() float32 {
	m := t.metrics()
	return fyne.MeasureText(t.Label, m.text, fyne.TextStyle{Bold: m.bold}).Width + t.metricsWidth(m)
}

// splitWord reports a word of the tile that is wider than its room, for
// the fit check.
func (t *tile) splitWord() (string, bool) {
	if t.Size().Width <= 0 {
		return "", false
	}
	m := t.metrics()
	style := fyne.TextStyle{Bold: m.bold}
	room := t.textRoom(t.Size().Width) + 1
	for _, w := range splitWords(t.Label) {
		if fyne.MeasureText(w, m.text, style).Width > room {
			return w, true
		}
	}
	return "", false
}

func (t *tile) MinSize() fyne.Size {
	t.ExtendBaseWidget(t)
	return fyne.NewSize(t.minWidth(), tapHeight)
}

func (t *tile) CreateRenderer() fyne.WidgetRenderer {
	r := &tileRenderer{t: t, bg: canvas.NewRectangle(color.Transparent), ring: canvas.NewRectangle(color.Transparent)}
	r.bg.CornerRadius = 16
	r.ring.CornerRadius = 20
	r.ring.StrokeWidth = 6
	r.tick = newPicture("check-mark-button", tickSize)
	if t.Picture != "" {
		r.pic = newPictureOn(t.Picture, optionPicture, t.Style == stylePrimary)
	}
	if t.OnListen != nil {
		r.listen = newSpeakerButton(t.OnListen)
		t.listen = r.listen
	}
	r.Refresh()
	return r
}

// tileRenderer lays a tile out by hand, so that its words get exactly the
// room heightFor measured.
type tileRenderer struct {
	t        *tile
	bg, ring *canvas.Rectangle
	pic      *canvas.Image
	tick     *canvas.Image
	listen   *speakerButton
	texts    []*canvas.Text
	width    float32 // the width the lines were broken for
}

func (r *tileRenderer) Destroy() {}

func (r *tileRenderer) MinSize() fyne.Size { return r.t.MinSize() }

func (r *tileRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.bg}
	if r.pic != nil {
		objs = append(objs, r.pic)
	}
	for _, x := range r.texts {
		objs = append(objs, x)
	}
	objs = append(objs, r.tick)
	if r.listen != nil {
		objs = append(objs, r.listen)
	}
	return append(objs, r.ring)
}

func (r *tileRenderer) Layout(size fyne.Size) {
	t := r.t
	t.heightFor(size.Width)
	r.width = size.Width
	r.syncTexts()
	m := t.metrics()
	r.bg.Resize(size)
	r.ring.Move(fyne.NewPos(-4, -4))
	r.ring.Resize(size.AddWidthHeight(8, 8))
	lineH := t.lines.lineHeight
	textH := t.lines.height
	if r.pic != nil {
		r.pic.Hidden = m.picture == 0
		r.pic.Resize(fyne.NewSquareSize(m.picture))
	}
	if t.Vertical {
		top := (size.Height - m.picture - m.gap - textH) / 2
		if r.pic != nil {
			r.pic.Move(fyne.NewPos((size.Width-m.picture)/2, top))
		}
		y := top + m.picture + m.gap
		for i, x := range r.texts {
			w := t.lines.widths[i]
			x.Move(fyne.NewPos((size.Width-w)/2, y+float32(i)*lineH))
			x.Resize(fyne.NewSize(w, lineH))
		}
		r.tick.Resize(fyne.NewSquareSize(tickSize))
		r.tick.Move(fyne.NewPos(size.Width-tickSize-m.gap, m.gap))
		return
	}
	x := m.inset
	if r.pic != nil && m.picture > 0 {
		r.pic.Move(fyne.NewPos(x, (size.Height-m.picture)/2))
		x += m.picture + m.gap
	}
	right := size.Width - m.inset
	if r.listen != nil {
		s := r.listen.MinSize()
		r.listen.Resize(s)
		r.listen.Move(fyne.NewPos(right-s.Width, (size.Height-s.Height)/2))
		right -= m.listen
	}
	r.tick.Resize(fyne.NewSquareSize(tickSize))
	r.tick.Move(fyne.NewPos(right-tickSize, (size.Height-tickSize)/2))
	room := t.textRoom(size.Width)
	y := (size.Height - textH) / 2
	for i, txt := range r.texts {
		w := t.lines.widths[i]
		px := x
		switch {
		case t.lines.rtl:
			// left here, so that mirrored below each line ends at the same
			// place on the right
		case t.Style != styleAnswer && !t.showsPicture():
			px = x + (room-w)/2 // a word on its own, like a PIN key, sits in the middle
		}
		txt.Move(fyne.NewPos(px, y+float32(i)*lineH))
		txt.Resize(fyne.NewSize(w, lineH))
	}
	if t.lines.rtl {
		// Right to left: the picture on the right, the tick on the left.
		for _, o := range r.Objects() {
			if o != r.bg && o != r.ring {
				o.Move(fyne.NewPos(size.Width-o.Position().X-o.Size().Width, o.Position().Y))
			}
		}
	}
}

// syncTexts makes one canvas.Text for each broken line.
func (r *tileRenderer) syncTexts() {
	lines := r.t.lines.lines
	for len(r.texts) < len(lines) {
		r.texts = append(r.texts, canvas.NewText("", color.Black))
	}
	r.texts = r.texts[:len(lines)]
	r.applyColours()
	for i, l := range lines {
		r.texts[i].Text = l
	}
}

func (r *tileRenderer) Refresh() {
	if r.width > 0 {
		r.Layout(r.t.Size())
	} else {
		r.t.heightFor(max(r.t.Size().Width, r.t.minWidth()))
		r.syncTexts()
	}
	r.applyColours()
	r.bg.Refresh()
	r.ring.Refresh()
	for _, x := range r.texts {
		x.Refresh()
	}
	r.tick.Refresh()
}

// applyColours sets the colours and marks for chosen and focused.
func (r *tileRenderer) applyColours() {
	t := r.t
	th := t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	primary := th.Color(theme.ColorNamePrimary, v)
	switch t.Style {
	case stylePrimary:
		r.bg.FillColor = primary
	case stylePlain:
		r.bg.FillColor = th.Color(theme.ColorNameButton, v)
	default:
		r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	}
	r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.bg.StrokeWidth = 2
	if t.Style == stylePrimary {
		r.bg.StrokeWidth = 0
	}
	r.tick.Hidden = !t.chosen
	if t.chosen {
		r.bg.StrokeColor = primary
		r.bg.StrokeWidth = borderChosen
		r.bg.FillColor = th.Color(theme.ColorNameSelection, v)
	}
	r.ring.StrokeColor = color.Transparent
	if t.focused {
		r.ring.StrokeColor = th.Color(theme.ColorNameFocus, v)
	}
	fg := th.Color(theme.ColorNameForeground, v)
	if t.Style == stylePrimary {
		fg = th.Color(theme.ColorNameForegroundOnPrimary, v)
	}
	for _, x := range r.texts {
		x.Color = fg
		x.TextSize = th.Size(theme.SizeNameText)
		x.TextStyle.Bold = t.Style != styleAnswer
	}
}

var (
	pictureMu    sync.Mutex
	highContrast bool // set with the theme; pictures follow it
)

// words is a left-aligned, wrapping label for the staff screens; heading
// makes it large and bold. Participant screens use the fit layout's
// textBlock instead, which never splits a word.
func words(s string, heading bool) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	if heading {
		l.SizeName = theme.SizeNameHeadingText
		l.TextStyle.Bold = true
	}
	if isRTL(s) {
		l.Alignment = fyne.TextAlignTrailing
	}
	return l
}
