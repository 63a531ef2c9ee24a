package translations

import "testing"

func TestWords_LooksUpEachLanguage(t *testing.T) {
	tests := []struct{ lang, key, want string }{
		{"en", "Summary", "Summary"},
		{"cy", "Summary", "Crynodeb"},
		{"cy", "no such words", ""},
		{"fr", "Summary", ""},
	}
	for _, tt := range tests {
		if got := Words(tt.lang, tt.key); got != tt.want {
			t.Errorf("Words(%q, %q) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
}
