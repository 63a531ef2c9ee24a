package survey

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const jargonJSON = `{"id": "s", "version": 2, "languages": ["en", "cy"], "title": {"en": "T"},
	"questions": [{"id": "q", "kind": "text", "text": {"en": "Was your review good?"}}],
	"jargon": [
		{"lang": "en", "words": "review", "plainer": "meeting about your plan"},
		{"lang": "cy", "words": "adolygiad", "plainer": "cyfarfod"}
	]}`

func TestSurvey_JargonRoundTrip(t *testing.T) {
	s, err := Parse([]byte(jargonJSON))
	if err != nil {
		t.Fatal(err)
	}
	want := []JargonWord{{"en", "review", "meeting about your plan"}, {"cy", "adolygiad", "cyfarfod"}}
	if !reflect.DeepEqual(s.Jargon, want) {
		t.Fatalf("read %+v, want %+v", s.Jargon, want)
	}
	data, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"plainer": "meeting about your plan"`) {
		t.Errorf("the JSON does not hold the plainer word:\n%s", data)
	}
	path := filepath.Join(t.TempDir(), "s.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	again, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again.Jargon, want) {
		t.Errorf("after the round trip %+v, want %+v", again.Jargon, want)
	}
	// A survey without its own words writes no "jargon" field.
	again.Jargon = nil
	if data, _ := again.Marshal(); strings.Contains(string(data), "jargon") {
		t.Errorf("an empty list is written:\n%s", data)
	}
}

func TestValidate_JargonProblems(t *testing.T) {
	for _, tc := range []struct {
		name, entries, want string
	}{
		{"no language", `{"words": "review", "plainer": "meeting"}`, `survey field "jargon": hard word 1 ("review") needs a language`},
		{"no words", `{"lang": "en", "words": " ", "plainer": "meeting"}`, `hard word 1 has no words`},
		{"no plainer", `{"lang": "en", "words": "review"}`, `hard word 1 ("review") needs plainer words`},
		{"twice", `{"lang": "en", "words": "review", "plainer": "a"}, {"lang": "en", "words": "Review", "plainer": "b"}`,
			`hard word 2 ("Review") is on the list twice (numbers 1 and 2)`},
		{"unknown field", `{"lang": "en", "words": "review", "plainer": "a", "plain": "b"}`, `does not know: "plain"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := strings.Replace(jargonJSON, jargonJSON[strings.Index(jargonJSON, `"jargon"`):], `"jargon": [`+tc.entries+`]}`, 1)
			_, err := Parse([]byte(data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to say %q", err, tc.want)
			}
		})
	}
	// The same words in two languages, and a language the survey does not
	// have (yet), are fine.
	ok := strings.Replace(jargonJSON, `"adolygiad"`, `"review"`, 1)
	ok = strings.Replace(ok, `"lang": "cy"`, `"lang": "fr"`, 1)
	if _, err := Parse([]byte(ok)); err != nil {
		t.Errorf("a fine list: %v", err)
	}
}

func TestSurvey_AddJargon(t *testing.T) {
	s := &Survey{}
	for _, tc := range []struct {
		lang, words, plainer string
		ok                   bool
	}{
		{"en", "review", "meeting", true},
		{"en", "  Review ", "a meeting about your plan", true}, // the same word: the plainer word changes
		{"cy", "review", "cyfarfod", true},                     // another language: a new entry
		{"en", "care  plan", " your plan ", true},
		{"en", "review", " ", false},
		{"en", "", "x", false},
		{"", "x", "y", false},
	} {
		if got := s.AddJargon(tc.lang, tc.words, tc.plainer); got != tc.ok {
			t.Errorf("AddJargon(%q, %q, %q) = %v, want %v", tc.lang, tc.words, tc.plainer, got, tc.ok)
		}
	}
	want := []JargonWord{{"en", "review", "a meeting about your plan"}, {"cy", "review", "cyfarfod"}, {"en", "care plan", "your plan"}}
	if !reflect.DeepEqual(s.Jargon, want) {
		t.Errorf("list %+v, want %+v", s.Jargon, want)
	}
	if j := s.JargonFor("en", "Care Plan"); j == nil || j.Plainer != "your plan" {
		t.Errorf("JargonFor(en, Care Plan) = %+v", j)
	}
	if j := s.JargonFor("fr", "review"); j != nil {
		t.Errorf("JargonFor(fr, review) = %+v, want nil", j)
	}
}
