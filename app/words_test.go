package app

import (
	"encoding/json"
	"testing"

	"speakeasy/survey/check"
)

// TestBuiltinWords_PassEasyReadCheck runs the app's own easy-read checker
// over every word the app shows, in English. "PIN" and "USB" are the only
// capitals allowed: staff know them and nothing plainer fits.
func TestBuiltinWords_PassEasyReadCheck(t *testing.T) {
	data, err := translations.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var words map[string]string
	if err := json.Unmarshal(data, &words); err != nil {
		t.Fatal(err)
	}
	opts := check.Options{Allow: []string{"PIN", "PINs", "USB", "OK"}}
	for _, w := range words {
		for _, warn := range check.Text(w, "en", opts) {
			t.Errorf("%q: %s", w, warn)
		}
	}
}
