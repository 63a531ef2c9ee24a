package editor

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// deskTheme is the app's theme at a desk size. The participant's screens
// need big words and tap targets; an admin editing at a desk with a mouse
// needs a survey's many fields to fit on the screen.
type deskTheme struct{}

const deskScale = 0.6

func (deskTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t deskTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}
func (t deskTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t deskTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }
func (t deskTheme) Size(n fyne.ThemeSizeName) float32       { return t.base().Size(n) * deskScale }

// atDesk shows o in the desk-size theme. Objects added to o later do not
// take the theme (lists' rows do), so parts that change are wrapped anew.
func atDesk(o fyne.CanvasObject) *container.ThemeOverride {
	return container.NewThemeOverride(o, deskTheme{})
}
