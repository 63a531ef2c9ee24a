// Package apptest holds what tests of Speakeasy's screens share across
// packages: reading the words a screen draws, as staff or participants
// would read them.
package apptest

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// Words is every word drawn under o, in order, one space between each:
// the text of the canvas objects its widgets' renderers draw, so wrapped
// lines read as one. Hidden objects and what they hold are left out.
func Words(o fyne.CanvasObject) string {
	var words []string
	var visit func(fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *canvas.Text:
			words = append(words, strings.Fields(x.Text)...)
		case *fyne.Container:
			for _, c := range x.Objects {
				visit(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				visit(c)
			}
		}
	}
	visit(o)
	return strings.Join(words, " ")
}
