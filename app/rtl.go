package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.7 shapes Arabic-script text but has no bidirectional line
// breaking: when it wraps a right-to-left sentence, the words of each line
// come out in the wrong order. So right-to-left words are broken into
// lines here, at spaces, each line drawn whole (one run, shaped right to
// left) and aligned to the right.

// rtlLine is how many letters a right-to-left line may hold before it is
// broken; at 28 px that fits the words column of a 1280 px screen.
const rtlLine = 36

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

// breakLines breaks s at spaces into lines of at most width letters.
func breakLines(s string, width int) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return strings.Join(append(lines, line), "\n")
}

// fitDirection sets a label up for its words' direction.
func fitDirection(l *widget.Label, width int) {
	if !isRTL(l.Text) {
		return
	}
	l.Wrapping = fyne.TextWrapOff
	l.Alignment = fyne.TextAlignTrailing
	l.Text = breakLines(l.Text, width)
}
