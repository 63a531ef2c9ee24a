package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestTranslations_EveryKeyInEveryLanguage finds every lang.L("...") in the
// app's code and checks each shipped language has words for it.
func TestTranslations_EveryKeyInEveryLanguage(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	call := regexp.MustCompile(`lang\.L\("((?:[^"\\]|\\.)*)"`)
	keys := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			keys[string(m[1])] = f
		}
	}
	for m := time.January; m <= time.December; m++ {
		keys[m.String()] = "question.go (month names)"
	}
	for _, p := range staffPanels {
		keys[p.Title] = "a staff panel"
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d keys; is the pattern right?", len(keys))
	}
	for _, code := range Languages() {
		data, err := translations.ReadFile("translations/" + code + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var words map[string]string
		if err := json.Unmarshal(data, &words); err != nil {
			t.Fatalf("%s.json: %v", code, err)
		}
		for k, where := range keys {
			if words[k] == "" {
				t.Errorf("%s.json has no words for %q (used in %s)", code, k, where)
			}
		}
	}
}
