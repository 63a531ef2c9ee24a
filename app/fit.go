package app

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// This file is the one layout rule for every participant screen (welcome,
// consent, each question, stop, "are you still there?", thank you, the PIN
// pad, problems). Given the size the window has and the theme's text size,
// it decides how big the picture is, how many columns the answers take and
// how tall each one is, so that the progress line, the words, every answer
// and the buttons are in view with no scroll bar and no word split across
// lines. When words do not fit it first takes smaller pictures, then fewer
// columns; when answers still do not fit, it puts them on pages with a
// "More answers" tile. A screen asks for almost no minimum size, so a
// window never grows past the screen it is on.

// screen is what a participant screen holds, top to bottom: an optional
// progress line; on the left a picture, on the right words and then groups
// of tiles (the last group may go on pages); a message line; a row of
// buttons.
type screen struct {
	top     fyne.CanvasObject
	picture *canvas.Image
	texts   []*textBlock
	input   fyne.CanvasObject // a box to type in, above the tiles
	extra   []*tile           // tiles inside the input, for keys and scanning
	groups  []*tileGroup
	message *textBlock // shown above the buttons when it has words
	buttons []*tile
	// filler keeps the buttons at the bottom with room between.
	more   *tile        // "More answers", when the last group has pages
	pages  *canvas.Text // "Answers 1 to 6 of 12", on the progress line
	obj    *fyne.Container
	page   int
	last   fyne.Size
	plan   plan
	onPage func() // called when the page changes, to move the focus
	// squeezed hides the spare words: the last thing the rule tries.
	squeezed bool
}

// tileGroup is a set of tiles laid out in a grid. cols lists the column
// counts it may take, most wanted first.
type tileGroup struct {
	tiles []*tile
	cols  []int
	// fixed groups never go on pages (a number pad); only the last group
	// on a screen may, and only when it is not fixed.
	fixed bool
}

// plan is what the rule chose for one size.
type plan struct {
	picture float32
	cols    []int // per group
	perPage int   // tiles per page of the last group; 0 means no pages
	tilePic bool  // whether answer tiles keep their pictures
	// beside puts "More answers" this wide at the end of a page's one
	// row: room for one row and no more. Zero means it is not beside.
	beside float32
}

// gapSize is the room between parts of a screen. It does not grow with
// bigger words: the room is better spent on the words.
func gapSize() float32 { return 12 }

func newScreen(picture string) *screen {
	s := &screen{}
	if picture != "" {
		s.picture = newPicture(picture, pictureSize)
	}
	return s
}

// addText adds words under the ones already there.
func (s *screen) addText(words string, heading bool) *textBlock {
	b := newTextBlock(words, heading)
	s.texts = append(s.texts, b)
	return b
}

// addSpareText adds words that may leave the screen when even pages of
// answers leave no room for one row (biggest words on a small screen).
func (s *screen) addSpareText(words string) *textBlock {
	b := s.addText(words, false)
	b.spare = true
	return b
}

// laid is the groups as the plan lays them out. Squeezed, the last two
// go on pages together ("I don't know" with the faces): on a page of
// their own, the last would have no room for one row.
func (s *screen) laid() []*tileGroup {
	n := len(s.groups)
	if !s.squeezed || n < 2 || s.groups[n-1].fixed || s.groups[n-2].fixed {
		return s.groups
	}
	a, b := s.groups[n-2], s.groups[n-1]
	joined := &tileGroup{tiles: append(append([]*tile{}, a.tiles...), b.tiles...), cols: slices.Clone(a.cols)}
	for _, c := range b.cols {
		if !slices.Contains(joined.cols, c) {
			joined.cols = append(joined.cols, c)
		}
	}
	return append(append([]*tileGroup{}, s.groups[:n-2]...), joined)
}

// shown reports whether b is on the screen in the plan being made.
func (s *screen) shown(b *textBlock) bool { return !b.spare || !s.squeezed }

// addGroup adds a grid of tiles; cols are the column counts it may take.
func (s *screen) addGroup(tiles []*tile, cols ...int) *tileGroup {
	g := &tileGroup{tiles: tiles, cols: cols}
	if len(tiles) > 0 {
		s.groups = append(s.groups, g)
	}
	return g
}

// say shows a message above the buttons, or hides it when msg is empty.
func (s *screen) say(msg string) {
	s.message.Set(msg)
	s.message.Hidden = msg == ""
	s.relayout()
}

// visibleTiles are the tiles on the page on show, in reading order, with
// "More answers" last.
func (s *screen) visibleTiles() []*tile {
	var out []*tile
	for _, g := range s.groups {
		for _, t := range g.tiles {
			if t.Visible() {
				out = append(out, t)
			}
		}
	}
	if s.more != nil && s.more.Visible() {
		out = append(out, s.more)
	}
	return append(out, s.extra...)
}

// build makes the screen's one container.
func (s *screen) build() fyne.CanvasObject {
	s.message = newTextBlock("", false)
	s.message.Importance = widget.WarningImportance
	s.message.Hidden = true
	s.pages = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	s.pages.TextSize = sizes[theme.SizeNameText]
	s.pages.TextStyle.Bold = true
	s.pages.Hidden = true
	s.more = newTile(lang.L("More answers"), "right-arrow", stylePlain, s.nextPage)
	s.more.Hide()
	var objs []fyne.CanvasObject
	add := func(o fyne.CanvasObject) {
		if o != nil {
			objs = append(objs, o)
		}
	}
	add(s.top)
	if s.picture != nil {
		add(s.picture)
	}
	for _, b := range s.texts {
		add(b.Label)
	}
	add(s.input)
	add(s.pages)
	for _, g := range s.groups {
		for _, t := range g.tiles {
			add(t)
		}
	}
	add(s.more)
	add(s.message.Label)
	for _, t := range s.buttons {
		add(t)
	}
	s.obj = &fyne.Container{Layout: s, Objects: objs}
	return s.obj
}

func (s *screen) nextPage() {
	s.page++
	s.relayout()
	if s.onPage != nil {
		s.onPage()
	}
}

func (s *screen) relayout() {
	if s.obj != nil && s.last.Width > 0 {
		s.Layout(nil, s.last)
		s.obj.Refresh()
	}
}

// isScreen reports whether c is laid out by the fit rule.
func isScreen(c *fyne.Container) bool { _, ok := c.Layout.(*screen); return ok }

// MinSize is small on purpose: the screen uses whatever size it is given.
func (s *screen) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(200, 150) }

// Layout applies the rule for size.
func (s *screen) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	s.last = size
	m := framePadding()
	inner := fyne.NewSize(size.Width-2*m, size.Height-2*m)
	// On a big screen the screen's parts stay together in the middle: a
	// line of answers as wide as a 4K screen is hard to take in.
	mx := m
	if widest := maxContentWidth(); inner.Width > widest {
		mx = (size.Width - widest) / 2
		inner.Width = widest
	}
	gap := gapSize()
	y := m
	if s.top != nil {
		h := s.top.MinSize().Height
		s.top.Move(fyne.NewPos(mx, y))
		s.top.Resize(fyne.NewSize(inner.Width, h))
		y += h + gap
	}
	bottom := m + inner.Height
	// The buttons: one row, as tall as the tallest needs.
	if len(s.buttons) > 0 {
		widths, h := planButtons(s.buttons, inner.Width, gap)
		bottom -= h
		x := mx
		for i, t := range s.buttons {
			t.Move(fyne.NewPos(x, bottom))
			t.Resize(fyne.NewSize(widths[i], h))
			x += widths[i] + gap
		}
		bottom -= gap
	}
	if !s.message.Hidden {
		h, _ := s.message.heightFor(inner.Width)
		bottom -= h
		s.message.Move(fyne.NewPos(mx, bottom))
		s.message.Resize(fyne.NewSize(inner.Width, h))
		bottom -= gap
	}
	s.plan = s.choose(inner.Width, bottom-y)
	s.place(fyne.NewPos(mx, y), fyne.NewSize(inner.Width, bottom-y))
}

// framePadding is the margin round every screen.
func framePadding() float32 { return 20 }

// maxContentWidth is the widest a screen's parts spread: 1400 px at the
// usual words, more with bigger words.
func maxContentWidth() float32 {
	th := fyne.CurrentApp().Settings().Theme()
	return 1400 * th.Size(theme.SizeNameText) / sizes[theme.SizeNameText]
}

// pictureSizes are the sizes the screen's picture may take, biggest first.
var pictureSizes = []float32{pictureSize, pictureSize * 3 / 4, pictureSize / 2, 0}

// picturesFor adds a bigger picture to pictureSizes on a tall screen.
func picturesFor(height float32) []float32 {
	if big := min(320, height*0.3); big > pictureSize {
		return append([]float32{big}, pictureSizes...)
	}
	return pictureSizes
}

// choose finds the biggest picture and the fewest pages that fit; when
// nothing fits, it tries again without the spare words.
func (s *screen) choose(width, height float32) plan {
	s.squeeze(false)
	p, score := s.chooseShown(width, height)
	if score > 0 {
		return p
	}
	s.squeeze(true)
	if q, sq := s.chooseShown(width, height); sq > score {
		return q
	}
	s.squeeze(false)
	return p
}

// squeeze hides the spare words and sets headings at the body text's
// size, or puts them back.
func (s *screen) squeeze(on bool) {
	s.squeezed = on
	for _, b := range s.texts {
		if b.squeeze(on) {
			b.Refresh()
		}
	}
}

// chooseShown is choose for the words on show.
func (s *screen) chooseShown(width, height float32) (plan, int) {
	var best plan
	bestScore := math.MinInt
	for _, compact := range []bool{false, true} {
		for _, tilePic := range []bool{true, false} {
			for _, pic := range picturesFor(height) {
				if s.picture == nil && pic > 0 {
					continue
				}
				if pic > height {
					continue
				}
				p, score := s.try(width, height, pic, tilePic, compact)
				if score > bestScore {
					best, bestScore = p, score
				}
				if score == fitsWhole {
					return p, score
				}
			}
		}
	}
	return best, bestScore
}

// Scores for a try: everything on one page beats pages, and more answers
// on a page beats fewer. A try that does not fit scores below zero: less
// so the less it spills over, and least when a word does not fit.
const (
	fitsWhole  = 1 << 20
	wordsSplit = -(1 << 20)
)

// try plans the screen with a picture pic wide and says how good it is.
// Groups that never go on pages take the first column count they list
// whose words fit, or, when compact, the count that makes them shortest.
func (s *screen) try(width, height, pic float32, tilePic, compact bool) (plan, int) {
	p := plan{picture: pic, tilePic: tilePic}
	gap := gapSize()
	right := width
	if pic > 0 {
		right -= pic + gap
	}
	wordsOK := true
	used := float32(0)
	for _, b := range s.texts {
		if s.shown(b) {
			h, ok := b.packedHeight(right)
			wordsOK = wordsOK && ok
			used += h
		}
	}
	gridW := right
	if s.input != nil {
		used += s.input.MinSize().Height + gap
	}
	s.tilePictures(tilePic)
	groups := s.laid()
	last := len(groups) - 1
	fixedLast := last >= 0 && groups[last].fixed
	if fixedLast {
		last = len(groups)
	}
	for i, g := range groups {
		if i == last {
			break
		}
		c, h, ok := shortest(g, gridW)
		if !compact {
			c, h, ok = firstFitting(g, gridW)
			if i == len(groups)-1 && fixedLast {
				// A pad at the bottom takes the first column count that
				// fits the room left, so it keeps its usual shape if it can.
				c, h, ok = firstInRoom(g, gridW, height-used)
			}
		}
		wordsOK = wordsOK && ok
		p.cols = append(p.cols, c)
		used += h + gap
	}
	score := func(room float32) int {
		switch {
		case !wordsOK:
			return wordsSplit
		case room < 0:
			return int(room) - 1
		}
		return fitsWhole
	}
	if last < 0 || last == len(groups) {
		return p, score(height - used + gap)
	}
	g := groups[last]
	room := height - used
	// All on one page, with the first column count that fits.
	for _, c := range g.cols {
		if h, ok := gridHeight(g.tiles, c, gridW); ok && h <= room {
			p.cols = append(p.cols, c)
			return p, score(room - h)
		}
	}
	// Pages: "More answers" in the last place, and "Answers 1 to 6 of 12"
	// on the progress line (or above the answers on a screen without one).
	if s.top == nil {
		room -= s.pages.MinSize().Height + gap
	}
	bestCols, bestPer, bestTallest := 0, 0, float32(0)
	for _, c := range g.cols {
		tw := tileWidth(gridW, c)
		tallest := float32(0)
		ok := true
		for _, t := range append(append([]*tile{}, g.tiles...), s.more) {
			h, fits := t.heightFor(tw)
			ok = ok && fits
			tallest = max(tallest, h)
		}
		if !ok {
			continue
		}
		rows := int((room + gap) / (tallest + gap))
		if per := rows*c - 1; per > bestPer || bestCols == 0 {
			bestCols, bestPer, bestTallest = c, per, tallest
		}
	}
	if bestCols == 0 {
		p.cols = append(p.cols, g.cols[len(g.cols)-1])
		p.perPage = 1
		return p, wordsSplit
	}
	if bestPer < 1 {
		if q, ok := s.oneBeside(p, g, gridW, room); ok {
			return q, 1
		}
	}
	p.cols = append(p.cols, bestCols)
	if bestPer < 1 {
		// Not even one row beside "More answers": show one answer and
		// it, and say how far they spill over.
		p.perPage = max(bestCols-1, 1)
		rows := (p.perPage + bestCols) / bestCols
		return p, score(room - float32(rows)*(bestTallest+gap) + gap)
	}
	p.perPage = bestPer
	if !wordsOK {
		return p, wordsSplit
	}
	return p, bestPer
}

// oneBeside plans pages of one answer each with "More answers" beside
// it, when there is room for one row and answers need the width: the
// last way to keep every answer in view.
func (s *screen) oneBeside(p plan, g *tileGroup, width, room float32) (plan, bool) {
	more := s.more.minWidth()
	h, ok := s.more.heightFor(more)
	for ; h > room && more < width/2; more += 16 {
		h, ok = s.more.heightFor(more)
	}
	tw := width - more - gapSize()
	for _, t := range g.tiles {
		th, fits := t.heightFor(tw)
		ok = ok && fits
		h = max(h, th)
	}
	if !ok || h > room {
		return p, false
	}
	p.cols = append(p.cols, 1)
	p.perPage, p.beside = 1, more
	return p, true
}

// shortest is the column count that makes g shortest with every word
// whole; if no count keeps words whole, the one with the widest tiles.
func shortest(g *tileGroup, width float32) (cols int, height float32, ok bool) {
	for _, c := range g.cols {
		h, fits := gridHeight(g.tiles, c, width)
		if fits && (cols == 0 || h < height) {
			cols, height = c, h
		}
	}
	if cols > 0 {
		return cols, height, true
	}
	cols = g.cols[0]
	for _, c := range g.cols {
		cols = min(cols, c)
	}
	h, _ := gridHeight(g.tiles, cols, width)
	return cols, h, false
}

// firstFitting is the first column count g lists whose words fit.
func firstFitting(g *tileGroup, width float32) (cols int, height float32, ok bool) {
	for _, c := range g.cols {
		if h, fits := gridHeight(g.tiles, c, width); fits {
			return c, h, true
		}
	}
	return shortest(g, width)
}

// firstInRoom is the first column count g lists that fits in room with
// every word whole, or else the shortest.
func firstInRoom(g *tileGroup, width, room float32) (cols int, height float32, ok bool) {
	for _, c := range g.cols {
		if h, fits := gridHeight(g.tiles, c, width); fits && h <= room {
			return c, h, true
		}
	}
	return shortest(g, width)
}

func tileWidth(width float32, cols int) float32 {
	return (width - gapSize()*float32(cols-1)) / float32(cols)
}

// gridHeight is how tall tiles are in cols columns width wide, and whether
// every word fits (the height is measured either way).
func gridHeight(tiles []*tile, cols int, width float32) (float32, bool) {
	if cols <= 0 || len(tiles) == 0 {
		return 0, len(tiles) == 0
	}
	tw := tileWidth(width, cols)
	total, ok := float32(0), true
	for r := 0; r*cols < len(tiles); r++ {
		row := float32(0)
		for _, t := range tiles[r*cols : min((r+1)*cols, len(tiles))] {
			h, fits := t.heightFor(tw)
			ok = ok && fits
			row = max(row, h)
		}
		if r > 0 {
			total += gapSize()
		}
		total += row
	}
	return total, ok
}

// tilePictures shows or hides the answers' pictures.
func (s *screen) tilePictures(on bool) {
	for _, g := range s.groups {
		for _, t := range g.tiles {
			t.noPicture = !on
		}
	}
	s.more.noPicture = !on
}

// place puts everything where the plan says, in the area at pos.
func (s *screen) place(pos fyne.Position, area fyne.Size) {
	p := s.plan
	s.tilePictures(p.tilePic) // the last plan tried may not be the one chosen
	gap := gapSize()
	x := pos.X
	if s.picture != nil {
		s.picture.Hidden = p.picture == 0
		s.picture.Resize(fyne.NewSquareSize(p.picture))
		s.picture.Move(fyne.NewPos(x, pos.Y+(area.Height-p.picture)/2))
		if p.picture > 0 {
			x += p.picture + gap
		}
	}
	width := pos.X + area.Width - x
	y := pos.Y
	for _, b := range s.texts {
		b.Hidden = !s.shown(b)
		if b.Hidden {
			continue
		}
		h, _ := b.packedHeight(width)
		b.Move(fyne.NewPos(x, y-b.overlap()))
		b.Resize(fyne.NewSize(width, h+2*b.overlap()))
		y += h
	}
	if s.input != nil {
		h := s.input.MinSize().Height
		s.input.Move(fyne.NewPos(x, y))
		s.input.Resize(fyne.NewSize(width, h))
		y += h + gap
	}
	s.pages.Hide()
	s.more.Hide()
	groups := s.laid()
	for i, g := range groups {
		cols := 1
		if i < len(p.cols) {
			cols = p.cols[i]
		}
		tiles := g.tiles
		if i == len(groups)-1 && p.perPage > 0 && !g.fixed {
			tiles = s.pageOf(g.tiles, p.perPage)
			s.pages.Show()
			ps := s.pages.MinSize()
			if s.top != nil {
				s.pages.Move(fyne.NewPos(pos.X+area.Width-ps.Width, s.top.Position().Y+(s.top.Size().Height-ps.Height)/2))
			} else {
				s.pages.Move(fyne.NewPos(x, y))
				y += ps.Height + gap
			}
			s.pages.Resize(ps)
		} else {
			for _, t := range g.tiles {
				t.Show()
			}
		}
		if p.beside > 0 && i == len(groups)-1 {
			y = s.placeBeside(tiles, p.beside, x, y, width) + gap
			continue
		}
		y = placeGrid(tiles, cols, x, y, width) + gap
	}
}

// pageOf shows the tiles of the page on show and "More answers" after
// them, hides the rest, and says which answers are in view.
func (s *screen) pageOf(tiles []*tile, per int) []*tile {
	pages := (len(tiles) + per - 1) / per
	if s.page >= pages {
		s.page = 0
	}
	from, to := s.page*per, min((s.page+1)*per, len(tiles))
	for i, t := range tiles {
		t.Hidden = i < from || i >= to
	}
	s.pages.Color = fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	s.pages.Text = (lang.L("Answers {{.From}} to {{.To}} of {{.All}}", map[string]int{"From": from + 1, "To": to, "All": len(tiles)}))
	if s.page == pages-1 {
		s.more.Label = lang.L("First answers")
	} else {
		s.more.Label = lang.L("More answers")
	}
	s.more.Show()
	s.more.Refresh()
	return append(append([]*tile{}, tiles[from:to]...), s.more)
}

// placeBeside lays a page's one answer out with "More answers" at its
// right, in one row, and returns where the row ends.
func (s *screen) placeBeside(tiles []*tile, more, x, y, width float32) float32 {
	tw := width - more - gapSize()
	h, _ := s.more.heightFor(more)
	for _, t := range tiles[:len(tiles)-1] {
		th, _ := t.heightFor(tw)
		h = max(h, th)
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(tw, h))
	}
	s.more.Move(fyne.NewPos(x+tw+gapSize(), y))
	s.more.Resize(fyne.NewSize(more, h))
	return y + h
}

// placeGrid lays tiles out in cols columns from (x, y) and returns where
// the grid ends.
func placeGrid(tiles []*tile, cols int, x, y, width float32) float32 {
	gap := gapSize()
	tw := tileWidth(width, cols)
	for r := 0; r*cols < len(tiles); r++ {
		row := tiles[r*cols : min((r+1)*cols, len(tiles))]
		h := float32(0)
		for _, t := range row {
			th, _ := t.heightFor(tw)
			h = max(h, th)
		}
		for i, t := range row {
			t.Move(fyne.NewPos(x+float32(i)*(tw+gap), y))
			t.Resize(fyne.NewSize(tw, h))
		}
		y += h + gap
	}
	return y - gap
}

// defaultSize is the width of a new window on a big enough screen.
const defaultSize = 1280

var screenSize fyne.Size // the screen the window opens on; zero if unknown

// SetScreenSize tells the app how big the screen is (in Fyne's units), so
// that a new window fits it. The caller finds it from the driver.
func SetScreenSize(s fyne.Size) { screenSize = s }

// WindowSize is the size for a new window: 1280×800, or less on a smaller
// screen, leaving room for the desktop's own bars.
func WindowSize() fyne.Size {
	w, h := float32(defaultSize), float32(800)
	if screenSize.Width > 0 && screenSize.Height > 0 {
		w = min(w, screenSize.Width)
		h = min(h, screenSize.Height-64) // title bar and task bar
	}
	return fyne.NewSize(w, h)
}
