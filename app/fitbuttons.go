package app

import "sort"

// The row of buttons at the bottom of a screen, part of the fit rule
// (fit.go). Usually each button gets an equal share of the width and
// keeps its picture. On a small window with bigger words that row can
// grow to four lines tall ("Dw i ddim yn deall" beside Yn ôl, Stopio and
// Nesaf at 1024×600) and push the answers off the screen, so then the
// row is planned to be as short as it can be: each button gets the width
// its words need for the row's height, a button drops its picture only
// when the picture would make it taller, and what is left of the width
// is shared out.

// planButtons chooses each button's width and picture for a row width
// wide, and returns the widths and the row's height. It sets noPicture
// on each button.
func planButtons(buttons []*tile, width, gap float32) ([]float32, float32) {
	n := len(buttons)
	room := width - gap*float32(n-1)
	share := make([]float32, n)
	for i := range share {
		share[i] = room / float32(n)
	}
	// The usual case: equal shares, and no button could be shorter
	// however wide it were.
	if h, ok := rowAt(buttons, share); ok {
		return share, h
	}
	// The heights a button can take, from one line up: try each, lowest
	// first, and keep the first the row can afford.
	var heights []float32
	for _, t := range buttons {
		for _, w := range []float32{room, room / 2, room / 3, room / 4, room / 6, t.minWidthBare()} {
			heights = append(heights, t.bestHeight(w))
		}
	}
	sort.Slice(heights, func(i, j int) bool { return heights[i] < heights[j] })
	for _, h := range heights {
		widths := make([]float32, n)
		used := float32(0)
		for i, t := range buttons {
			widths[i] = t.widthFor(h, room)
			used += widths[i]
		}
		if used > room {
			continue
		}
		for i := range widths {
			widths[i] += (room - used) / float32(n)
		}
		return widths, pictures(buttons, widths)
	}
	return share, pictures(buttons, share)
}

// rowAt reports the row's height at widths, keeping every picture, and
// whether no button could be any shorter at any width.
func rowAt(buttons []*tile, widths []float32) (float32, bool) {
	row, best := float32(0), true
	for i, t := range buttons {
		t.noPicture = false
		h, fits := t.heightFor(widths[i])
		lowest, _ := t.heightFor(1 << 16)
		best = best && fits && h <= lowest
		row = max(row, h)
	}
	return row, best
}

// pictures decides, at widths, which buttons keep their pictures: those
// whose picture does not make the row taller. It returns the row's height.
func pictures(buttons []*tile, widths []float32) float32 {
	row := float32(0)
	for i, t := range buttons {
		row = max(row, t.bestHeight(widths[i]))
	}
	for i, t := range buttons {
		t.noPicture = false
		if h, fits := t.heightFor(widths[i]); !fits || h > row {
			t.noPicture = t.Picture != ""
		}
	}
	return row
}

// bestHeight is how tall the tile is at width, with its picture or
// without, whichever is shorter with every word whole.
func (t *tile) bestHeight(width float32) float32 {
	was := t.noPicture
	defer func() { t.noPicture = was }()
	t.noPicture = false
	h, fits := t.heightFor(width)
	if t.Picture == "" {
		return h
	}
	t.noPicture = true
	bare, _ := t.heightFor(width)
	if fits && h <= bare {
		return h
	}
	return bare
}

// minWidthBare is the narrowest the tile can be without its picture.
func (t *tile) minWidthBare() float32 {
	was := t.noPicture
	t.noPicture = true
	w := t.minWidth()
	t.noPicture = was
	return w
}

// widthFor is the narrowest width, up to most, at which the tile is no
// taller than h with every word whole (most when none is).
func (t *tile) widthFor(h, most float32) float32 {
	lo, hi := t.minWidthBare(), most
	if lo >= hi || t.bestHeight(hi) > h {
		return most + 1 // cannot: the row will not take this height
	}
	for range 12 {
		mid := (lo + hi) / 2
		if t.bestHeight(mid) <= h {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}
