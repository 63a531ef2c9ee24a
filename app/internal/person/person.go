// Package person works a Fyne window in the test driver as staff do: it
// finds things by the words drawn on them, taps them, types into boxes and
// presses keys. Journey tests use it; it reaches nothing the screen does
// not show, so a step that needs a setter is a step a person cannot do.
package person

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Person works the window W for the test T.
type Person struct {
	T testing.TB
	W fyne.Window
}

// New is a person at window w.
func New(t testing.TB, w fyne.Window) Person { return Person{t, w} }

// Layer is what the person can work with now: the dialog or menu on top,
// else the window.
func (p Person) Layer() fyne.CanvasObject {
	if top := p.W.Canvas().Overlays().Top(); top != nil {
		return top
	}
	return p.W.Content()
}

// Drawn visits what is drawn under o in order, through containers and the
// insides of widgets, skipping what is hidden. Entries' insides are their
// words, not things to find.
func Drawn(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	switch c := o.(type) {
	case *widget.Entry:
	case *fyne.Container:
		for _, child := range c.Objects {
			Drawn(child, f)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			Drawn(child, f)
		}
	}
}

// WordsOn is the words drawn on o, one space between each.
func WordsOn(o fyne.CanvasObject) string {
	var ws []string
	Drawn(o, func(x fyne.CanvasObject) {
		if t, ok := x.(*canvas.Text); ok {
			ws = append(ws, strings.Fields(t.Text)...)
		}
	})
	return strings.Join(ws, " ")
}

// Sees is every word on the layer on top.
func (p Person) Sees() string { return WordsOn(p.Layer()) }

// Tap taps the n-th thing (from 0, in reading order) that shows exactly
// these words and can be tapped.
func (p Person) Tap(words string, n ...int) {
	p.T.Helper()
	p.tapWhere(words, func(s string) bool { return s == words }, n...)
}

// TapRow taps the first row, tab or button whose words start with these.
func (p Person) TapRow(start string) {
	p.T.Helper()
	p.tapWhere(start+"…", func(s string) bool { return strings.HasPrefix(s, start) })
}

func (p Person) tapWhere(what string, match func(string) bool, n ...int) {
	p.T.Helper()
	var found []fyne.Tappable
	Drawn(p.Layer(), func(o fyne.CanvasObject) {
		if tp, ok := o.(fyne.Tappable); ok && match(WordsOn(o)) {
			found = append(found, tp)
		}
	})
	i := 0
	if len(n) > 0 {
		i = n[0]
	}
	if i >= len(found) {
		p.T.Fatalf("nothing (%d found) to tap says %q; the screen says:\n%s", len(found), what, p.Sees())
	}
	test.Tap(found[i])
}

// After is the first T after the labels with these words, in the order
// the form lists them (a field's caption, then a language's name): the
// box under a caption.
func After[T fyne.CanvasObject](p Person, captions ...string) T {
	p.T.Helper()
	return AllAfter[T](p, captions...)[0]
}

// AllAfter is every T after the labels with these words.
func AllAfter[T fyne.CanvasObject](p Person, captions ...string) []T {
	p.T.Helper()
	var found []T
	next := 0
	Drawn(p.Layer(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && next < len(captions) && l.Text == captions[next] {
			next++
		}
		if w, ok := o.(T); ok && next == len(captions) {
			found = append(found, w)
		}
	})
	if len(found) == 0 {
		var none T
		p.T.Fatalf("no %T after %q; the screen says:\n%s", none, captions, p.Sees())
	}
	return found
}

// Box is the entry that shows this placeholder.
func (p Person) Box(placeholder string) *widget.Entry {
	p.T.Helper()
	var found *widget.Entry
	Drawn(p.Layer(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == placeholder && found == nil {
			found = e
		}
	})
	if found == nil {
		p.T.Fatalf("no box saying %q; the screen says:\n%s", placeholder, p.Sees())
	}
	return found
}

// Write clicks into box, selects what is in it and types words over it.
func (p Person) Write(box *widget.Entry, words string) {
	p.W.Canvas().Focus(box)
	box.TypedShortcut(&fyne.ShortcutSelectAll{})
	if words == "" {
		box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		return
	}
	test.Type(box, words)
}

// Choose opens a drop-down and taps one of its choices.
func (p Person) Choose(s *widget.Select, option string) {
	p.T.Helper()
	test.Tap(s)
	p.Tap(option)
	if s.Selected != option {
		p.T.Fatalf("the drop-down shows %q after choosing %q", s.Selected, option)
	}
}

// Press presses a key combination the window listens for.
func (p Person) Press(key fyne.KeyName, mods fyne.KeyModifier) {
	p.W.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mods})
}
