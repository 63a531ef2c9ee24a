package app

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// pluralForms are the forms each language's words need for a count
// (lang.N), by CLDR's plural rules. Welsh has six.
var pluralForms = map[string][]string{
	"en": {"one", "other"},
	"cy": {"zero", "one", "two", "few", "many", "other"},
}

// appKeys finds every lang.L("...") and lang.N("...") in the module's Go
// code, outside tests, from the module's root: the app's words are also
// used by app/editor, cmd/speakeasy and any later package. It gives each
// key the file it is in, and says which are counted (lang.N).
func appKeys(t *testing.T) (keys map[string]string, counted map[string]bool) {
	t.Helper()
	call := regexp.MustCompile(`lang\.(L|N)\(\s*"((?:[^"\\]|\\.)*)"`)
	keys, counted = map[string]string{}, map[string]bool{}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "testdata", "bin", "dist", "node_modules":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			k := string(m[2])
			keys[k] = path
			if string(m[1]) == "N" {
				counted[k] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for m := time.January; m <= time.December; m++ {
		keys[m.String()] = "question.go (month names)"
	}
	return keys, counted
}

// TestTranslations_EveryKeyInEveryLanguage finds every lang.L and lang.N
// in the module's code and checks each shipped language has words for it,
// with every plural form the language needs for a counted one.
func TestTranslations_EveryKeyInEveryLanguage(t *testing.T) {
	keys, counted := appKeys(t)
	if len(keys) < 200 {
		t.Fatalf("found only %d keys; is the pattern right?", len(keys))
	}
	for _, where := range []string{"../cmd/speakeasy/window.go", "../app/editor/surveys.go", "../app/staff.go"} {
		found := false
		for _, f := range keys {
			found = found || filepath.Clean(f) == filepath.Clean(where)
		}
		if !found {
			t.Errorf("no keys found in %s: the test does not read the whole module", where)
		}
	}
	if len(counted) == 0 {
		t.Error("no lang.N found; is the pattern right?")
	}
	for _, code := range Languages() {
		data, err := translations.ReadFile("translations/" + code + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var words map[string]json.RawMessage
		if err := json.Unmarshal(data, &words); err != nil {
			t.Fatalf("%s.json: %v", code, err)
		}
		for k, where := range keys {
			raw, ok := words[k]
			if !ok {
				t.Errorf("%s.json has no words for %q (used in %s)", code, k, where)
				continue
			}
			if !counted[k] {
				var s string
				if json.Unmarshal(raw, &s) != nil || s == "" {
					t.Errorf("%s.json: %q should be words in quotes (used in %s)", code, k, where)
				}
				continue
			}
			var forms map[string]string
			if err := json.Unmarshal(raw, &forms); err != nil {
				t.Errorf("%s.json: %q is counted (lang.N in %s), so it needs its plural forms in { }", code, k, where)
				continue
			}
			for _, f := range pluralForms[code] {
				if forms[f] == "" {
					t.Errorf("%s.json: %q has no %q form (used in %s)", code, k, f, where)
				}
			}
		}
	}
}
