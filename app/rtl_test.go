package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestWrap_BreaksAtSpacesNeverInsideAWord(t *testing.T) {
	test.NewTempApp(t)
	urdu := "والدین یا دیکھ بھال کرنے والا اور کوئی اور جو مدد کرتا ہے"
	for _, tc := range []struct {
		name, text string
		room       float32
		rtl        bool
	}{
		{"urdu", urdu, 300, true},
		{"english", "Someone else who helps me with my plan", 200, false},
		{"welsh", "Gwasanaethau cymdeithasol a iechyd", 260, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := wrap(tc.text, tc.room, 28, fyne.TextStyle{})
			if w.rtl != tc.rtl || !w.fits || len(w.lines) < 2 {
				t.Fatalf("rtl %v, fits %v, lines %q", w.rtl, w.fits, w.lines)
			}
			if strings.Join(w.lines, " ") != tc.text {
				t.Fatalf("words lost or moved: %q", w.lines)
			}
			for _, l := range w.lines {
				if got := fyne.MeasureText(l, 28, fyne.TextStyle{}).Width; got > tc.room+1 {
					t.Errorf("line %q is %.0f wide, room %.0f", l, got, tc.room)
				}
			}
		})
	}
	if w := wrap("Gwasanaethau", 50, 28, fyne.TextStyle{}); w.fits || len(w.lines) != 1 {
		t.Fatalf("a word wider than its room must be reported, not split: %+v", w)
	}
}

func TestTheme_RightToLeftLanguageUsesOneArabicFont(t *testing.T) {
	u, _, _ := newTestUI(t)
	u.lang = "ur"
	u.setTheme()
	if got := fyne.CurrentApp().Settings().Theme().Font(fyne.TextStyle{}); got != arabicRegular || len(got.Content()) < 100000 {
		t.Fatalf("font for Urdu: %v", got.Name())
	}
	u.chooseLanguage("en")
	if got := fyne.CurrentApp().Settings().Theme().Font(fyne.TextStyle{}); got == arabicRegular {
		t.Fatal("English still uses the Arabic font")
	}
}
