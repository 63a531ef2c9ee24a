package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// person works a window as staff do: finds things by the words drawn on
// them, taps them, types into boxes and presses keys. It reaches nothing
// the screen does not show: a step that needs a setter is a step a person
// cannot do.
type person struct {
	t *testing.T
	w fyne.Window
}

// layer is what the person can work with now: the dialog or menu on top,
// else the window.
func (p person) layer() fyne.CanvasObject {
	if top := p.w.Canvas().Overlays().Top(); top != nil {
		return top
	}
	return p.w.Content()
}

// drawn visits what is drawn under o in order, through containers and the
// insides of widgets, skipping what is hidden. Entries' insides are their
// words, not things to find.
func drawn(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	switch c := o.(type) {
	case *widget.Entry:
	case *fyne.Container:
		for _, child := range c.Objects {
			drawn(child, f)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			drawn(child, f)
		}
	}
}

// wordsOn is the words drawn on o, one space between each.
func wordsOn(o fyne.CanvasObject) string {
	var ws []string
	drawn(o, func(x fyne.CanvasObject) {
		if t, ok := x.(*canvas.Text); ok {
			ws = append(ws, strings.Fields(t.Text)...)
		}
	})
	return strings.Join(ws, " ")
}

// sees is every word on the layer on top.
func (p person) sees() string { return wordsOn(p.layer()) }

// tap taps the n-th thing (from 0, in reading order) that shows exactly
// these words and can be tapped.
func (p person) tap(words string, n ...int) {
	p.t.Helper()
	p.tapWhere(words, func(s string) bool { return s == words }, n...)
}

// tapRow taps the first row, tab or button whose words start with these.
func (p person) tapRow(start string) {
	p.t.Helper()
	p.tapWhere(start+"…", func(s string) bool { return strings.HasPrefix(s, start) })
}

func (p person) tapWhere(what string, match func(string) bool, n ...int) {
	p.t.Helper()
	var found []fyne.Tappable
	drawn(p.layer(), func(o fyne.CanvasObject) {
		if tp, ok := o.(fyne.Tappable); ok && match(wordsOn(o)) {
			found = append(found, tp)
		}
	})
	i := 0
	if len(n) > 0 {
		i = n[0]
	}
	if i >= len(found) {
		p.t.Fatalf("nothing (%d found) to tap says %q; the screen says:\n%s", len(found), what, p.sees())
	}
	test.Tap(found[i])
}

// after is the first T after the labels with these words, in the order
// the form lists them (a field's caption, then a language's name): the
// box under a caption.
func after[T fyne.CanvasObject](p person, captions ...string) T {
	p.t.Helper()
	return allAfter[T](p, captions...)[0]
}

// allAfter is every T after the labels with these words.
func allAfter[T fyne.CanvasObject](p person, captions ...string) []T {
	p.t.Helper()
	var found []T
	next := 0
	drawn(p.layer(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && next < len(captions) && l.Text == captions[next] {
			next++
		}
		if w, ok := o.(T); ok && next == len(captions) {
			found = append(found, w)
		}
	})
	if len(found) == 0 {
		var none T
		p.t.Fatalf("no %T after %q; the screen says:\n%s", none, captions, p.sees())
	}
	return found
}

// box is the entry that shows this placeholder.
func (p person) box(placeholder string) *widget.Entry {
	p.t.Helper()
	var found *widget.Entry
	drawn(p.layer(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == placeholder && found == nil {
			found = e
		}
	})
	if found == nil {
		p.t.Fatalf("no box saying %q; the screen says:\n%s", placeholder, p.sees())
	}
	return found
}

// write clicks into box, selects what is in it and types words over it.
func (p person) write(box *widget.Entry, words string) {
	p.w.Canvas().Focus(box)
	box.TypedShortcut(&fyne.ShortcutSelectAll{})
	if words == "" {
		box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		return
	}
	test.Type(box, words)
}

// choose opens a drop-down and taps one of its choices.
func (p person) choose(s *widget.Select, option string) {
	p.t.Helper()
	test.Tap(s)
	p.tap(option)
	if s.Selected != option {
		p.t.Fatalf("the drop-down shows %q after choosing %q", s.Selected, option)
	}
}

// press presses a key combination the window listens for.
func (p person) press(key fyne.KeyName, mods fyne.KeyModifier) {
	p.w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mods})
}
