package assets

import "embed"

//go:embed fonts/*.ttf
var fonts embed.FS

// ArabicFont returns Noto Sans Arabic (SIL Open Font License), regular or
// bold, for right-to-left languages: Fyne draws a right-to-left line in the
// right order only when one font holds every letter of it.
func ArabicFont(bold bool) []byte {
	name := "fonts/NotoSansArabic-Regular.ttf"
	if bold {
		name = "fonts/NotoSansArabic-Bold.ttf"
	}
	data, _ := fonts.ReadFile(name)
	return data
}
