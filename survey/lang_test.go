package survey

import "testing"

func TestLanguageName_OwnWords(t *testing.T) {
	tests := []struct{ code, want string }{
		{"en", "English"}, {"cy", "Cymraeg"}, {"de", "Deutsch"}, {"it", "Italiano"},
		{"ta", "தமிழ்"}, {"ur", "اردو"}, {"xx", "xx"}, {"", ""},
	}
	for _, tt := range tests {
		if got := LanguageName(tt.code); got != tt.want {
			t.Errorf("LanguageName(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestLanguageCode_OwnOrEnglishName(t *testing.T) {
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"Cymraeg", "cy", true}, {"welsh", "cy", true}, {"WELSH", "cy", true},
		{"Scottish  Gaelic", "gd", true}, {"Deutsch", "de", true}, {"German", "de", true},
		{"தமிழ்", "ta", true}, {"Klingon", "", false}, {"", "", false},
	}
	for _, tt := range tests {
		if got, ok := LanguageCode(tt.name); got != tt.want || ok != tt.ok {
			t.Errorf("LanguageCode(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

// TestLanguages_OneEntryEach: every language has a code, its own name and
// an English name, and no code or name is given to two languages.
func TestLanguages_OneEntryEach(t *testing.T) {
	seen := map[string]string{}
	for _, l := range languages {
		if l.code == "" || l.own == "" || len(l.english) == 0 {
			t.Errorf("incomplete: %+v", l)
		}
		for _, key := range append([]string{"code " + l.code, "name " + l.own}, l.english...) {
			if other, dup := seen[key]; dup {
				t.Errorf("%q is both %s and %s", key, other, l.code)
			}
			seen[key] = l.code
		}
		if code, ok := LanguageCode(l.own); !ok || code != l.code {
			t.Errorf("%s's own name %q gives %q", l.code, l.own, code)
		}
	}
}
