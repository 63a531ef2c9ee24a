package export_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"speakeasy/survey/export"
)

// translations is where the app keeps its words, English and Welsh.
const translations = "../../app/translations"

// appWords reads the app's translation files, as the app and the
// command line pass them to an export.
func appWords(tb testing.TB) func(lang, key string) string {
	tb.Helper()
	words := map[string]map[string]string{}
	for _, lang := range []string{"en", "cy"} {
		data, err := os.ReadFile(filepath.Join(translations, lang+".json"))
		if err != nil {
			tb.Fatal(err)
		}
		var raw map[string]any // words, or their plural forms
		if err := json.Unmarshal(data, &raw); err != nil {
			tb.Fatalf("%s.json: %v", lang, err)
		}
		m := map[string]string{}
		for k, v := range raw {
			if s, ok := v.(string); ok {
				m[k] = s
			}
		}
		words[lang] = m
	}
	return func(lang, key string) string { return words[lang][key] }
}

// TestWords_EveryKeyInEveryLanguage finds every word this package looks
// up (p.w("...") and the details' descriptions) and checks the app's
// English and Welsh files have it.
func TestWords_EveryKeyInEveryLanguage(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	lookup := regexp.MustCompile(`\.w\(("(?:[^"\\]|\\.)*")\)`)
	about := regexp.MustCompile(`\{"_\w+", ("(?:[^"\\]|\\.)*"),`)
	keys := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range []*regexp.Regexp{lookup, about} {
			for _, m := range re.FindAllSubmatch(src, -1) {
				k, err := strconv.Unquote(string(m[1]))
				if err != nil {
					t.Fatalf("%s: %s: %v", f, m[1], err)
				}
				keys[k] = f
			}
		}
	}
	for m := time.January; m <= time.December; m++ {
		keys[m.String()] = "summary.go (months)"
	}
	if len(keys) < 40 {
		t.Fatalf("found only %d keys; is the pattern right?", len(keys))
	}
	words := appWords(t)
	for k, where := range keys {
		for _, lang := range []string{"en", "cy"} {
			if words(lang, k) == "" {
				t.Errorf("%s/%s.json has no words for %q (used in %s)", translations, lang, k, where)
			}
		}
	}
}

func TestExport_WelshWords(t *testing.T) {
	db, _ := clubDB(t)
	path, _ := mustExport(t, db, "cy.xlsx", export.Options{SurveyID: "club", Lang: "cy", Words: appWords(t)})
	f := mustOpenWorkbook(t, path)
	if got := strings.Join(f.GetSheetList(), ","); got != "Ymatebion,Cwestiynau,Crynodeb,Sylwadau" {
		t.Fatalf("sheets %s", got)
	}
	rows := sheetRows(t, f, "Crynodeb")
	want := map[string]bool{"Ein clwb": false, "Oes gennych chi gynllun?": false, "Ateb": false, "Nifer": false,
		"Canran": false, "Wedi'i hepgor": false, "Heb ei ofyn": false, "Mawrth 2024": false, "Ie": false}
	for _, r := range rows {
		for _, c := range r {
			if _, ok := want[c]; ok {
				want[c] = true
			}
		}
	}
	for w, seen := range want {
		if !seen {
			t.Errorf("the Welsh Summary has no cell %q", w)
		}
	}
	q := sheetRows(t, f, "Cwestiynau")
	if got := cell(q, 0, 3); got != "Math" {
		t.Errorf("Questions heading D1 %q, want Math", got)
	}
	if got := cell(q, 1, 3); got != "un dewis" {
		t.Errorf("the kind of the first question %q, want un dewis", got)
	}
}
