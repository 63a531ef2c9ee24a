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

func TestParse_PluralFormsGiveOther(t *testing.T) {
	m, err := parse([]byte(`{"a": "A", "{{.N}} things": {"one": "{{.N}} thing", "other": "{{.N}} things"}}`))
	if err != nil || m["a"] != "A" || m["{{.N}} things"] != "{{.N}} things" {
		t.Fatalf("got %v, %v", m, err)
	}
	if _, err := parse([]byte(`not json`)); err == nil {
		t.Error("a damaged file was read")
	}
}
