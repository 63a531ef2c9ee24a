package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FitProblems checks the screen in w the way a participant would find its
// faults, and says what it finds in plain words; nothing means it fits:
//   - the screen asks for more room than the window has (a real window
//     would grow past the edge of the screen);
//   - a scroll bar (a touch screen cannot drag it);
//   - a button, answer or words outside the window;
//   - a word too wide for its place (it would be split, or cut off);
//   - a button or answer less than 96 px tall;
//   - a button or answer on top of another, or of words.
func FitProblems(w fyne.Window) []string {
	c := w.Canvas()
	size := c.Size()
	var out []string
	say := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if m := c.Content().MinSize(); m.Width > size.Width+0.5 || m.Height > size.Height+0.5 {
		say("the screen needs %.0f×%.0f but the window is %.0f×%.0f", m.Width, m.Height, size.Width, size.Height)
	}
	var placed []placedThing // what is drawn so far, to find overlaps
	var visit func(o fyne.CanvasObject, at fyne.Position)
	visit = func(o fyne.CanvasObject, at fyne.Position) {
		if !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		end := pos.Add(o.Size())
		outside := pos.X < -0.5 || pos.Y < -0.5 || end.X > size.Width+0.5 || end.Y > size.Height+0.5
		switch x := o.(type) {
		case *container.Scroll:
			say("a scroll bar holds part of the screen")
		case *tile:
			if outside {
				say("%q is outside the window (%.0f,%.0f to %.0f,%.0f)", x.Label, pos.X, pos.Y, end.X, end.Y)
			}
			if x.Size().Height < tapHeight-4-0.5 {
				say("%q is %.0f px tall, less than 96", x.Label, x.Size().Height)
			}
			if word, ok := x.splitWord(); ok {
				say("%q does not fit in its place in %q", word, x.Label)
			}
			placed = overlaps(placed, placedThing{x.Label, pos, end, true}, say)
		case *widget.Label:
			if outside && x.Text != "" {
				say("the words %q are outside the window", short(x.Text))
			}
			if word, ok := labelSplits(x); ok {
				say("%q does not fit in its place in %q", word, short(x.Text))
			}
			if x.Text != "" {
				// A label's box reaches past its words by its padding.
				pad := fyne.NewPos(0, x.Theme().Size(theme.SizeNameInnerPadding))
				placed = overlaps(placed, placedThing{short(x.Text), pos.Add(pad), end.Subtract(pad), false}, say)
			}
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, child := range x.Objects {
				visit(child, pos)
			}
		case *container.Scroll:
			visit(x.Content, pos)
		}
	}
	visit(c.Content(), fyne.NewPos(0, 0))
	return out
}

// placedThing is a button, an answer or words, where the screen put it.
type placedThing struct {
	name     string
	from, to fyne.Position
	tile     bool
}

// overlaps says so when p lies on top of a tile already placed (or, for a
// tile, of words already placed), and adds p to placed. Words may touch
// words: a text block's box is taller than its words.
func overlaps(placed []placedThing, p placedThing, say func(string, ...any)) []placedThing {
	for _, q := range placed {
		if !p.tile && !q.tile {
			continue
		}
		if p.from.X < q.to.X-1 && q.from.X < p.to.X-1 && p.from.Y < q.to.Y-1 && q.from.Y < p.to.Y-1 {
			say("%q is on top of %q", p.name, q.name)
		}
	}
	return append(placed, p)
}

// labelSplits reports the first word of l that is wider than the room l
// gives it: a wrapping label would split it, a label that does not wrap
// would cut it off.
func labelSplits(l *widget.Label) (string, bool) {
	if l.Text == "" || l.Size().Width <= 0 {
		return "", false
	}
	th := l.Theme()
	size := th.Size(theme.SizeNameText)
	if l.SizeName != "" {
		size = th.Size(l.SizeName)
	}
	room := l.Size().Width - 2*th.Size(theme.SizeNameInnerPadding) + 1
	pieces := strings.Fields(l.Text)
	if l.Wrapping == fyne.TextWrapOff {
		pieces = strings.Split(l.Text, "\n")
	}
	for _, p := range pieces {
		if fyne.MeasureText(p, size, l.TextStyle).Width > room {
			return p, true
		}
	}
	return "", false
}

func short(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
