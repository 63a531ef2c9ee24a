package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"speakeasy/assets"
)

// easyTheme is Speakeasy's easy-read look: big sans-serif text (28 px body
// at scale 1, never smaller), big padding and calm, high-contrast-enough
// colours. HighContrast swaps in white on black with yellow highlights.
// Bigger scales every size up for a participant who asks for bigger text.
type easyTheme struct {
	HighContrast bool
	Bigger       float32 // 1 is normal; comfort steps make it larger
	RightToLeft  bool    // an Arabic-script language is chosen
}

func newTheme() *easyTheme { return &easyTheme{Bigger: 1} }

var (
	_ fyne.Theme = (*easyTheme)(nil)

	// The everyday colours: dark text on a warm white, a strong blue.
	lightColours = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameBackground:          color.NRGBA{0xFF, 0xFD, 0xF6, 0xFF},
		theme.ColorNameForeground:          color.NRGBA{0x1A, 0x1A, 0x1A, 0xFF},
		theme.ColorNamePrimary:             color.NRGBA{0x1F, 0x5F, 0xBF, 0xFF},
		theme.ColorNameForegroundOnPrimary: color.White,
		theme.ColorNameButton:              color.NRGBA{0xEC, 0xF1, 0xFA, 0xFF},
		theme.ColorNameDisabledButton:      color.NRGBA{0xE6, 0xE6, 0xE6, 0xFF},
		theme.ColorNameDisabled:            color.NRGBA{0x6B, 0x6B, 0x6B, 0xFF},
		theme.ColorNameError:               color.NRGBA{0xB3, 0x26, 0x1E, 0xFF},
		theme.ColorNameForegroundOnError:   color.White,
		theme.ColorNameSuccess:             color.NRGBA{0x1E, 0x7B, 0x34, 0xFF},
		theme.ColorNameForegroundOnSuccess: color.White,
		theme.ColorNameWarning:             color.NRGBA{0x9A, 0x5B, 0x00, 0xFF},
		theme.ColorNameForegroundOnWarning: color.White,
		theme.ColorNameFocus:               color.NRGBA{0xF2, 0x9D, 0x00, 0xFF},
		theme.ColorNameHover:               color.NRGBA{0x1F, 0x5F, 0xBF, 0x22},
		theme.ColorNamePressed:             color.NRGBA{0x1F, 0x5F, 0xBF, 0x44},
		theme.ColorNameSelection:           color.NRGBA{0x1F, 0x5F, 0xBF, 0x33},
		theme.ColorNameInputBackground:     color.White,
		theme.ColorNameInputBorder:         color.NRGBA{0x55, 0x55, 0x55, 0xFF},
		theme.ColorNamePlaceHolder:         color.NRGBA{0x5E, 0x5E, 0x5E, 0xFF},
		theme.ColorNameScrollBar:           color.NRGBA{0x00, 0x00, 0x00, 0x66},
		theme.ColorNameScrollBarBackground: color.NRGBA{0x00, 0x00, 0x00, 0x11},
		theme.ColorNameSeparator:           color.NRGBA{0xCC, 0xCC, 0xCC, 0xFF},
		theme.ColorNameShadow:              color.NRGBA{0x00, 0x00, 0x00, 0x33},
		theme.ColorNameHeaderBackground:    color.NRGBA{0xEC, 0xF1, 0xFA, 0xFF},
		theme.ColorNameMenuBackground:      color.White,
		theme.ColorNameOverlayBackground:   color.White,
		theme.ColorNameHyperlink:           color.NRGBA{0x1F, 0x5F, 0xBF, 0xFF},
	}

	// High contrast: white on black, yellow for what is chosen or focused.
	contrastColours = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameBackground:          color.Black,
		theme.ColorNameForeground:          color.White,
		theme.ColorNamePrimary:             color.NRGBA{0xFF, 0xE6, 0x00, 0xFF},
		theme.ColorNameForegroundOnPrimary: color.Black,
		theme.ColorNameButton:              color.NRGBA{0x1A, 0x1A, 0x1A, 0xFF},
		theme.ColorNameDisabledButton:      color.NRGBA{0x33, 0x33, 0x33, 0xFF},
		theme.ColorNameDisabled:            color.NRGBA{0xBB, 0xBB, 0xBB, 0xFF},
		theme.ColorNameError:               color.NRGBA{0xFF, 0x80, 0x80, 0xFF},
		theme.ColorNameForegroundOnError:   color.Black,
		theme.ColorNameSuccess:             color.NRGBA{0x7C, 0xFF, 0x7C, 0xFF},
		theme.ColorNameForegroundOnSuccess: color.Black,
		theme.ColorNameWarning:             color.NRGBA{0xFF, 0xC8, 0x4A, 0xFF},
		theme.ColorNameForegroundOnWarning: color.Black,
		theme.ColorNameFocus:               color.NRGBA{0x00, 0xE5, 0xFF, 0xFF},
		theme.ColorNameHover:               color.NRGBA{0xFF, 0xE6, 0x00, 0x33},
		theme.ColorNamePressed:             color.NRGBA{0xFF, 0xE6, 0x00, 0x66},
		theme.ColorNameSelection:           color.NRGBA{0xFF, 0xE6, 0x00, 0x55},
		theme.ColorNameInputBackground:     color.Black,
		theme.ColorNameInputBorder:         color.White,
		theme.ColorNamePlaceHolder:         color.NRGBA{0xCC, 0xCC, 0xCC, 0xFF},
		theme.ColorNameScrollBar:           color.NRGBA{0xFF, 0xFF, 0xFF, 0x99},
		theme.ColorNameScrollBarBackground: color.NRGBA{0xFF, 0xFF, 0xFF, 0x22},
		theme.ColorNameSeparator:           color.White,
		theme.ColorNameShadow:              color.NRGBA{0xFF, 0xFF, 0xFF, 0x33},
		theme.ColorNameHeaderBackground:    color.NRGBA{0x1A, 0x1A, 0x1A, 0xFF},
		theme.ColorNameMenuBackground:      color.Black,
		theme.ColorNameOverlayBackground:   color.Black,
		theme.ColorNameHyperlink:           color.NRGBA{0xFF, 0xE6, 0x00, 0xFF},
	}

	// Sizes at scale 1. Body text is 28 px: the easy-read floor.
	sizes = map[fyne.ThemeSizeName]float32{
		theme.SizeNameText:               28,
		theme.SizeNameCaptionText:        28,
		theme.SizeNameSubHeadingText:     34,
		theme.SizeNameHeadingText:        42,
		theme.SizeNamePadding:            8,
		theme.SizeNameInnerPadding:       16,
		theme.SizeNameLineSpacing:        8,
		theme.SizeNameInlineIcon:         40,
		theme.SizeNameInputBorder:        3,
		theme.SizeNameInputRadius:        10,
		theme.SizeNameSelectionRadius:    10,
		theme.SizeNameScrollBar:          20,
		theme.SizeNameScrollBarSmall:     8,
		theme.SizeNameSeparatorThickness: 2,
	}
)

// Color gives the named colour; the variant is ignored so the app looks the
// same whatever the operating system's light or dark setting.
func (t *easyTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	set := lightColours
	if t.HighContrast {
		set = contrastColours
	}
	if c, ok := set[n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

// Font is Fyne's own sans-serif, or Noto Sans Arabic for a right-to-left
// language: Fyne 2.7 lays out the pieces of a line that come from different
// fonts left to right, so a right-to-left line must come from one font.
func (t *easyTheme) Font(s fyne.TextStyle) fyne.Resource {
	if t.RightToLeft && !s.Monospace && !s.Symbol {
		if s.Bold {
			return arabicBold
		}
		return arabicRegular
	}
	return theme.DefaultTheme().Font(s)
}

var (
	arabicRegular = fyne.NewStaticResource("NotoSansArabic-Regular.ttf", assets.ArabicFont(false))
	arabicBold    = fyne.NewStaticResource("NotoSansArabic-Bold.ttf", assets.ArabicFont(true))
)

func (t *easyTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *easyTheme) Size(n fyne.ThemeSizeName) float32 {
	k := t.Bigger
	if k < 1 {
		k = 1
	}
	if n == theme.SizeNameHeadingText || n == theme.SizeNameSubHeadingText {
		// Headings grow half as fast as the words: with the biggest words
		// a heading is still bigger than them, but a long question keeps
		// room on a small screen for its answers.
		k = 1 + (k-1)/2
	}
	if s, ok := sizes[n]; ok {
		return s * k
	}
	return theme.DefaultTheme().Size(n) * k
}

// Sizes of our own parts, before the comfort scale.
const (
	tapHeight     = 100 // every tap target is at least 96 px tall
	pictureSize   = 200 // the question's picture
	optionPicture = 72  // the picture inside an answer button
	borderChosen  = 8   // the thick border round a chosen answer
	tickSize      = 48  // the tick on a chosen answer
)

// WarmUp starts loading the regular and bold fonts in the background, so
// that the work overlaps the making of the window instead of delaying the
// first screen. Call it once the Fyne app exists, and call the wait it
// gives before anything measures text: built with migrated_fynedo, Fyne's
// font caches are plain maps that one goroutine at a time may touch (the
// race detector finds two at once; a map written by two can crash).
func WarmUp() (wait func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			fyne.MeasureText("Speakeasy", sizes[theme.SizeNameText], style)
		}
	}()
	return func() { <-done }
}
