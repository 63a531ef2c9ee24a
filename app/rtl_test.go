package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

func TestFitDirection_BreaksRightToLeftLines(t *testing.T) {
	l := words("والدین یا دیکھ بھال کرنے والا اور کوئی اور جو مدد کرتا ہے", false)
	if l.Wrapping != fyne.TextWrapOff || l.Alignment != fyne.TextAlignTrailing {
		t.Fatal("Urdu words are not set right to left")
	}
	lines := strings.Split(l.Text, "\n")
	if len(lines) != 2 || strings.Join(lines, " ") != "والدین یا دیکھ بھال کرنے والا اور کوئی اور جو مدد کرتا ہے" {
		t.Fatalf("lines: %q", l.Text)
	}
	for _, line := range lines {
		if n := utf8.RuneCountInString(line); n > rtlLine {
			t.Errorf("line of %d letters: %q", n, line)
		}
	}
	if en := words("Who is answering?", false); en.Wrapping != fyne.TextWrapWord || en.Alignment != fyne.TextAlignLeading {
		t.Fatal("English words changed")
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
