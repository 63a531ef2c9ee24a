package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"speakeasy/assets"
	"speakeasy/survey"
)

// found lists what each warning is about, to compare in tables.
func foundOf(ws []Warning) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Found
	}
	return out
}

func sameList(a, b []string) bool {
	return strings.Join(a, "|") == strings.Join(b, "|")
}

// only keeps the warnings whose message contains kind.
func only(ws []Warning, kind string) []Warning {
	var out []Warning
	for _, w := range ws {
		if strings.Contains(w.Message, kind) {
			out = append(out, w)
		}
	}
	return out
}

func TestText_LongSentences(t *testing.T) {
	sixteen := "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen."
	fifteen := "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen."
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"fifteen words pass", fifteen, nil},
		{"sixteen words warn", sixteen, []string{sixteen}},
		{"each sentence on its own", fifteen + " " + fifteen, nil},
		{"a line break ends a sentence", strings.TrimSuffix(fifteen, ".") + "\n" + fifteen, nil},
		{"a decimal point does not", "It costs 2.5 pounds. " + sixteen, []string{sixteen}},
		{"question marks end sentences", "Is it good? " + strings.Replace(sixteen, ".", "?", 1), []string{strings.Replace(sixteen, ".", "?", 1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := only(Text(tc.text, "en", Options{}), "sentence has")
			if !sameList(foundOf(got), tc.want) {
				t.Errorf("found %q, want %q", foundOf(got), tc.want)
			}
			for _, w := range got {
				if !strings.Contains(w.Message, "16 words") || w.Suggestion == "" {
					t.Errorf("warning %q does not count the words or suggest", w)
				}
			}
		})
	}
}

func TestText_Jargon(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // the words found, then each suggestion
		suggest    []string
	}{
		{"phrase", "We offer equine therapy on Fridays.", []string{"equine therapy"}, []string{`Try "horse riding".`}},
		{"any case", "Rebound Therapy is fun.", []string{"Rebound Therapy"}, []string{`Try "trampoline".`}},
		{"plural", "We did two assessments.", []string{"assessments"}, []string{`Try "finding out what help you need".`}},
		{"single word", "We will facilitate this. We utilise it.", []string{"facilitate", "utilise"}, []string{`Try "help".`, `Try "use".`}},
		{"whole words only", "We assisted nobody in assistance.", nil, nil},
		{"capitals-only entry ignores the plain word", "We will send you a letter.", nil, nil},
		{"capitals-only entry", "Is your child SEND?", []string{"SEND"}, []string{`Try "needing extra help to learn, or having a disability".`}},
		{"explained first use passes", "Your EHC plan is your plan for school, health and care.", nil, nil},
		{"unexplained first use warns", "Do you have an EHC plan?", []string{"EHC plan"}, []string{`The first time you use it, explain it: "your plan for school, health and care".`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []Warning
			for _, w := range Text(tc.text, "en", Options{}) {
				if strings.HasPrefix(w.Message, "Some people will not know") {
					got = append(got, w)
				}
			}
			if !sameList(foundOf(got), tc.want) {
				t.Fatalf("found %q, want %q", foundOf(got), tc.want)
			}
			for i, w := range got {
				if w.Suggestion != tc.suggest[i] {
					t.Errorf("suggestion %q, want %q", w.Suggestion, tc.suggest[i])
				}
			}
		})
	}
}

func TestTexts_ExplainOnlyOnFirstUse(t *testing.T) {
	got := Texts([]string{"This is about your EHC plan.", "Is your EHC plan good?"}, "en")
	if len(got) != 1 || got[0].Field != "0" || got[0].Found != "EHC plan" {
		t.Errorf("got %v, want one warning on text 0", got)
	}
	got = Texts([]string{"Your EHC plan is your plan for school, health and care.", "Is your EHC plan good?"}, "en")
	if len(got) != 0 {
		t.Errorf("got %v, want none once explained", got)
	}
}

func TestText_Capitals(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		allow      []string
		want       []string
	}{
		{"abbreviations", "Ask the LA about SEN support or EHCPs.", nil, []string{"LA", "SEN"}},
		{"each once", "SEN here, SEN there.", nil, []string{"SEN"}},
		{"I and OK are fine", "I think it is OK. I watch TV.", nil, nil},
		{"own allow list", "Call the NHS.", []string{"NHS"}, nil},
		{"capital first letter is fine", "Cardiff and Swansea.", nil, nil},
		{"possessive", "The GP's room.", nil, []string{"GP"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := only(Text(tc.text, "en", Options{Allow: tc.allow}), "capitals only")
			if !sameList(foundOf(got), tc.want) {
				t.Errorf("found %q, want %q", foundOf(got), tc.want)
			}
		})
	}
	// EHCPs is on the jargon list: one warning, with the plainer words.
	got := Text("Ask about EHCPs.", "en", Options{})
	if len(got) != 1 || got[0].Suggestion != `Try "your plan for school, health and care".` {
		t.Errorf("EHCPs: got %v, want the jargon warning only", got)
	}
}

func TestText_Passive(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"regular", "More help is needed.", []string{"is needed"}},
		{"-en", "You were given a plan.", []string{"were given"}},
		{"irregular", "We were told to wait.", []string{"were told"}},
		{"with not", "I was not asked.", []string{"was not asked"}},
		{"active passes", "We gave you a plan.", nil},
		{"adjectives pass", "I am tired. The door is open. They are children.", nil},
		{"only English", "Ich bin gegangen.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lang := "en"
			if tc.name == "only English" {
				lang = "de"
			}
			got := only(Text(tc.text, lang, Options{}), "who does it")
			if !sameList(foundOf(got), tc.want) {
				t.Errorf("found %q, want %q", foundOf(got), tc.want)
			}
		})
	}
}

// easySurvey is a small survey with no warnings, for the survey-wide rules.
func easySurvey(t *testing.T) *survey.Survey {
	t.Helper()
	s, err := survey.Parse([]byte(`{"id": "s", "version": 1, "languages": ["en", "cy"],
	  "title": {"en": "Hello", "cy": "Helo"},
	  "questions": [
	    {"id": "pet", "kind": "one", "picture": "dog-face", "text": {"en": "Pick a pet.", "cy": "Dewis anifail."},
	     "choices": [{"value": "dog", "text": {"en": "Dog", "cy": "Ci"}, "picture": "dog-face"},
	                 {"value": "cat", "text": {"en": "Cat", "cy": "Cath"}, "picture": "cat-face"}]},
	    {"id": "happy", "kind": "faces", "faces": 3, "picture": "sun", "text": {"en": "Are you happy?", "cy": "Wyt ti'n hapus?"}},
	    {"id": "end", "kind": "note", "picture": "party-popper", "text": {"en": "Thank you.", "cy": "Diolch."}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSurvey_Pictures(t *testing.T) {
	s := easySurvey(t)
	if ws := Survey(s, nil); len(ws) != 0 {
		t.Fatalf("the easy survey has warnings: %v", ws)
	}
	s.Questions[0].Picture = ""
	s.Questions[0].Choices[1].Picture = ""
	s.Questions[1].Picture = "" // a faces question still needs its own picture
	s.Questions[2].Picture = ""
	want := []Where{
		{Question: "pet", Field: "picture"},
		{Question: "pet", Field: "choices", Choice: "cat"},
		{Question: "happy", Field: "picture"},
		{Question: "end", Field: "picture"},
	}
	got := Survey(s, nil)
	if len(got) != len(want) {
		t.Fatalf("got %v, want %d warnings", got, len(want))
	}
	for i, w := range got {
		if w.Where != want[i] || !strings.Contains(w.Message, "no picture") {
			t.Errorf("warning %d: %v, want at %v", i, w, want[i])
		}
	}
	if got[3].Message != "This screen has no picture." || got[1].Message != `The answer "Cat" has no picture.` {
		t.Errorf("messages: %q, %q", got[3].Message, got[1].Message)
	}
}

func TestSurvey_MissingTranslation(t *testing.T) {
	s := easySurvey(t)
	delete(s.Title, "cy")
	delete(s.Questions[0].Choices[0].Text, "cy")
	s.Questions[1].Hint = survey.Text{"cy": "Dewis un."}
	want := []Where{
		{Field: "title", Lang: "cy"},
		{Question: "pet", Field: "choices", Choice: "dog", Lang: "cy"},
		{Question: "happy", Field: "hint", Lang: "en"},
	}
	got := Survey(s, nil)
	if len(got) != len(want) {
		t.Fatalf("got %v, want %d warnings", got, len(want))
	}
	for i, w := range got {
		if w.Where != want[i] || !strings.Contains(w.Message, "missing in") {
			t.Errorf("warning %d: %v, want at %v", i, w, want[i])
		}
	}
}

func TestSurvey_WordsPerLanguage(t *testing.T) {
	s := easySurvey(t)
	s.Questions[0].Text["en"] = "Pick a pet to facilitate things."
	s.Questions[0].Text["cy"] = "Dewis anifail CAMHS."
	got := Survey(s, nil)
	if len(got) != 2 {
		t.Fatalf("got %v, want 2 warnings", got)
	}
	if got[0].Where != (Where{Question: "pet", Field: "text", Lang: "en"}) || got[0].Found != "facilitate" {
		t.Errorf("first warning %v", got[0])
	}
	// The starter list is English; in Welsh only the capitals rule applies.
	if got[1].Where != (Where{Question: "pet", Field: "text", Lang: "cy"}) || !strings.Contains(got[1].Message, "capitals") {
		t.Errorf("second warning %v", got[1])
	}
	if want := `question "pet", field text, language en: Some people will not know "facilitate". Try "help".`; got[0].String() != want {
		t.Errorf("String() = %q, want %q", got[0].String(), want)
	}
}

func TestParseJargon(t *testing.T) {
	j, err := ParseJargon(strings.NewReader("# note\nhorse therapy -> riding\n\n[cy]\ngair anodd -> gair hawdd\nFOO -> explain: a foo thing\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Lang: "en", Words: "horse therapy", Plain: "riding"},
		{Lang: "cy", Words: "gair anodd", Plain: "gair hawdd"},
		{Lang: "cy", Words: "FOO", Plain: "a foo thing", Explain: true},
	}
	got := j.Entries()
	if len(got) != len(want) {
		t.Fatalf("entries %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if ws := Text("Mae gair anodd yma.", "cy", Options{Jargon: j}); len(ws) != 1 || ws[0].Suggestion != `Try "gair hawdd".` {
		t.Errorf("Welsh entry: %v", ws)
	}
	if ws := Text("Mae gair anodd yma.", "en", Options{Jargon: j}); len(ws) != 0 {
		t.Errorf("a Welsh entry warned in English: %v", ws)
	}

	for _, bad := range []string{"no arrow here", "-> nothing", "word ->", "[]", "x -> explain:"} {
		if _, err := ParseJargon(strings.NewReader(bad)); err == nil || !strings.HasPrefix(err.Error(), "line 1:") {
			t.Errorf("%q: error %v, want one naming line 1", bad, err)
		}
	}
}

func TestLoadJargon(t *testing.T) {
	path := filepath.Join(t.TempDir(), "words.txt")
	if err := os.WriteFile(path, []byte("widget -> thing\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	j, err := LoadJargon(path)
	if err != nil {
		t.Fatal(err)
	}
	if ws := Text("A widget.", "en", Options{Jargon: j}); len(ws) != 1 || ws[0].Found != "widget" {
		t.Errorf("own list: %v", ws)
	}
	if ws := Text("We facilitate.", "en", Options{Jargon: j}); len(ws) != 0 {
		t.Errorf("an own list replaces the starter list, but got %v", ws)
	}
	if _, err := LoadJargon(filepath.Join(t.TempDir(), "none.txt")); err == nil {
		t.Error("a missing file loaded")
	}
}

func TestStarter_Size(t *testing.T) {
	if n := len(Starter().Entries()); n < 40 {
		t.Errorf("the starter list has %d entries, want about 40", n)
	}
}

func TestSurvey_BuiltinSurveysHaveNoWarnings(t *testing.T) {
	for _, id := range assets.BuiltinSurveyIDs() {
		data, _ := assets.BuiltinSurvey(id)
		s, err := survey.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		for _, w := range Survey(s, nil) {
			t.Errorf("%s: %v", id, w)
		}
	}
}
