package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestEasyTheme_AllColoursDefined(t *testing.T) {
	test.AssertAllColorNamesDefined(t, &easyTheme{Bigger: 1}, "everyday")
	test.AssertAllColorNamesDefined(t, &easyTheme{Bigger: 1, HighContrast: true}, "high contrast")
}

func TestEasyTheme_TextNeverBelowEasyReadSize(t *testing.T) {
	for _, th := range []*easyTheme{{}, {Bigger: 1}, {Bigger: 1.5, HighContrast: true}} {
		for _, n := range []fyne.ThemeSizeName{theme.SizeNameText, theme.SizeNameCaptionText, theme.SizeNameSubHeadingText, theme.SizeNameHeadingText} {
			if got := th.Size(n); got < 28 {
				t.Errorf("%s is %v px; easy-read needs 28 or more", n, got)
			}
		}
	}
	if (&easyTheme{Bigger: 1.5}).Size(theme.SizeNameText) != 42 {
		t.Error("bigger text does not scale the body text")
	}
}
