package app

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Words on participant screens are broken into lines here, at spaces and
// never inside a word, by measuring each word with the theme's font. Fyne's
// own wrapping splits a word that is wider than its label ("Someo / ne
// else"), and it has no bidirectional line breaking: a wrapped right-to-left
// sentence comes out with its words in the wrong order. Each line broken
// here is drawn whole (one run, shaped right to left where it must be) and
// right-to-left lines are aligned to the right.

// isRTL reports whether s is mostly written right to left.
func isRTL(s string) bool {
	rtl, ltr := 0, 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana):
			rtl++
		case unicode.IsLetter(r):
			ltr++
		}
	}
	return rtl > ltr
}

// wrapped is text broken into lines for a width.
type wrapped struct {
	lines      []string
	widths     []float32 // each line's width
	lineHeight float32
	height     float32
	widest     float32 // the widest word
	fits       bool    // every word fits the width
	rtl        bool
}

func splitWords(s string) []string { return strings.Fields(s) }

// wrap breaks s into lines no wider than room, at spaces. A line break in s
// is kept. A word wider than room gets a line of its own and fits is false.
func wrap(s string, room, size float32, style fyne.TextStyle) wrapped {
	out := wrapped{fits: true, rtl: isRTL(s)}
	space := fyne.MeasureText(" ", size, style).Width
	out.lineHeight = fyne.MeasureText("Mg", size, style).Height
	for _, para := range strings.Split(s, "\n") {
		line, lineW := "", float32(0)
		for _, w := range strings.Fields(para) {
			ww := fyne.MeasureText(w, size, style).Width
			out.widest = max(out.widest, ww)
			if ww > room {
				out.fits = false
			}
			if line != "" && lineW+space+ww > room {
				out.add(line, lineW)
				line, lineW = "", 0
			}
			if line != "" {
				line += " "
				lineW += space
			}
			line += w
			lineW += ww
		}
		if line != "" {
			out.add(line, lineW)
		}
	}
	out.height = float32(len(out.lines)) * out.lineHeight
	return out
}

func (w *wrapped) add(line string, width float32) {
	w.lines = append(w.lines, line)
	w.widths = append(w.widths, width)
}

// widestWord is the width of the widest word in s.
func widestWord(s string, size float32, style fyne.TextStyle) float32 {
	var widest float32
	for _, w := range strings.Fields(s) {
		widest = max(widest, fyne.MeasureText(w, size, style).Width)
	}
	return widest
}

// textBlock is a screen's words (a question, a hint, a message): a label
// whose lines the fit layout breaks for the width it gives it.
type textBlock struct {
	*widget.Label
	raw string
	// spare words (a hint) leave the screen when nothing else makes room
	// for the answers; Listen still reads them.
	spare   bool
	heading bool
}

func newTextBlock(s string, heading bool) *textBlock {
	l := widget.NewLabel(s)
	if heading {
		l.SizeName = theme.SizeNameHeadingText
		l.TextStyle.Bold = true
	}
	if isRTL(s) {
		l.Alignment = fyne.TextAlignTrailing
	}
	return &textBlock{Label: l, raw: s, heading: heading}
}

// squeeze sets a heading's words at the body text's size (never smaller
// than the size the participant chose), or back at the heading's. It
// reports whether that changed anything.
func (b *textBlock) squeeze(on bool) bool {
	if !b.heading {
		return false
	}
	size := theme.SizeNameHeadingText
	if on {
		size = theme.SizeNameText
	}
	changed := b.Label.SizeName != size
	b.Label.SizeName = size
	return changed
}

// Set changes the words.
func (b *textBlock) Set(s string) {
	b.raw = s
	b.Label.Alignment = fyne.TextAlignLeading
	if isRTL(s) {
		b.Label.Alignment = fyne.TextAlignTrailing
	}
	b.Label.SetText(s)
}

func (b *textBlock) textSize() float32 {
	th := b.Label.Theme()
	if b.Label.SizeName != "" {
		return th.Size(b.Label.SizeName)
	}
	return th.Size(theme.SizeNameText)
}

func (b *textBlock) inset() float32 { return b.Label.Theme().Size(theme.SizeNameInnerPadding) }

// heightFor breaks the words for width and says how tall they are and
// whether every word fits.
func (b *textBlock) heightFor(width float32) (float32, bool) {
	if b.raw == "" {
		return 0, true
	}
	w := wrap(b.raw, width-2*b.inset(), b.textSize(), b.Label.TextStyle)
	text := strings.Join(w.lines, "\n")
	if b.Label.Text != text {
		b.Label.Text = text
		b.Label.Refresh()
	}
	return b.Label.MinSize().Height, w.fits
}

// packedHeight is heightFor with most of the label's own padding above and
// below taken away, so that the lines of words on a screen sit together
// like a paragraph; the label is drawn over that padding (see overlap).
func (b *textBlock) packedHeight(width float32) (float32, bool) {
	h, ok := b.heightFor(width)
	if h == 0 {
		return 0, ok
	}
	return h - 2*b.overlap(), ok
}

// overlap is how much of the label's padding, above and below, other
// parts of the screen may sit on.
func (b *textBlock) overlap() float32 { return b.inset() / 2 }

// minWidth is the narrowest the block can be with its longest word whole.
func (b *textBlock) minWidth() float32 {
	return widestWord(b.raw, b.textSize(), b.Label.TextStyle) + 2*b.inset() + 1
}
