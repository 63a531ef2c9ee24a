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
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, v := range raw {
		var w string
		var forms map[string]string // counted words: each plural form
		switch {
		case json.Unmarshal(v, &w) == nil:
			words = append(words, w)
		case json.Unmarshal(v, &forms) == nil:
			for _, f := range forms {
				words = append(words, f)
			}
		default:
			t.Errorf("en.json: %s is neither words nor plural forms", v)
		}
	}
	opts := check.Options{Allow: []string{"PIN", "PINs", "USB", "OK"}}
	for _, w := range words {
		for _, warn := range check.Text(w, "en", opts) {
			t.Errorf("%q: %s", w, warn)
		}
	}
}
