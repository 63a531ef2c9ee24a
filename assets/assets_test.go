package assets

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// listNames reads pictures/LIST.txt the way assets/gen/main.go does.
func listNames(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("pictures", "LIST.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n := strings.TrimSpace(sc.Text())
		if n == "" || strings.HasPrefix(n, "#") {
			continue
		}
		names = append(names, n)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}

// checkSVG fails unless b is a well-formed XML document whose root is <svg>.
func checkSVG(t *testing.T, what string, b []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("<svg")) {
		t.Errorf("%s does not start with <svg: %.40q", what, b)
		return
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("%s is not well-formed XML: %v", what, err)
			return
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
	if root != "svg" {
		t.Errorf("%s: root element is %q, want svg", what, root)
	}
}

func TestListedPicturesAreEmbedded(t *testing.T) {
	names := listNames(t)
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Errorf("LIST.txt has %q twice", n)
		}
		seen[n] = true
		svg, ok := Picture(n)
		if !ok {
			t.Errorf("Picture(%q) not found", n)
			continue
		}
		checkSVG(t, n+".svg", svg)
		hc, ok := HighContrastPicture(n)
		if !ok {
			t.Errorf("HighContrastPicture(%q) not found", n)
			continue
		}
		checkSVG(t, "hc/"+n+".svg", hc)
	}
	// And nothing is embedded that the list does not name.
	got := PictureNames()
	want := slices.Clone(names)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("embedded pictures do not match LIST.txt; run go run assets/gen/main.go\n got %d: %v\nwant %d: %v", len(got), got, len(want), want)
	}
}

func TestAtLeast80Pictures(t *testing.T) {
	if n := len(PictureNames()); n < 80 {
		t.Errorf("%d pictures, want at least 80", n)
	}
	if !sort.StringsAreSorted(PictureNames()) {
		t.Error("PictureNames is not sorted")
	}
}

func TestHighContrastFiles(t *testing.T) {
	entries, err := pictures.ReadDir("pictures/hc")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("no high-contrast pictures")
	}
	for _, e := range entries {
		b, err := pictures.ReadFile("pictures/hc/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("currentColor")) {
			t.Errorf("hc/%s still uses currentColor", e.Name())
		}
		name := strings.TrimSuffix(e.Name(), ".svg")
		if _, ok := Picture(name); !ok {
			t.Errorf("hc/%s has no normal picture", e.Name())
		}
		checkSVG(t, "hc/"+e.Name(), b)
	}
}

func TestHighContrastDiffersAndFallsBack(t *testing.T) {
	normal, _ := Picture("grinning-face")
	hc, ok := HighContrastPicture("grinning-face")
	if !ok || bytes.Equal(normal, hc) {
		t.Error("grinning-face has no separate high-contrast picture")
	}
	if _, ok := HighContrastPicture("no-such-picture"); ok {
		t.Error("HighContrastPicture found a picture that does not exist")
	}
}

func TestPictureRejectsBadNames(t *testing.T) {
	for _, n := range []string{"", "no-such-picture", "hc/grinning-face", "../assets", "grinning-face.svg", "Grinning-Face", "LIST"} {
		if _, ok := Picture(n); ok {
			t.Errorf("Picture(%q) found something", n)
		}
		if _, ok := HighContrastPicture(n); ok {
			t.Errorf("HighContrastPicture(%q) found something", n)
		}
	}
}

func TestPictureReturnsACopy(t *testing.T) {
	a, _ := Picture("star")
	a[0] = 'X'
	b, _ := Picture("star")
	if b[0] != '<' {
		t.Error("changing a returned picture changed the embedded one")
	}
}

func TestSearchPictures(t *testing.T) {
	smiling := func(n string) bool { return strings.Contains(n, "smiling") || strings.Contains(n, "grinning") }
	cases := []struct {
		word  string
		first func(string) bool
		desc  string
	}{
		{"happy", smiling, "a smiling face"},
		{"HAPPY ", smiling, "a smiling face"},
		{"doctor", func(n string) bool { return n == "health-worker" }, "health-worker"},
		{"yes", func(n string) bool { return n == "check-mark-button" }, "check-mark-button"},
		{"star", func(n string) bool { return n == "star" }, "the exact name first"},
		{"thumbs up", func(n string) bool { return n == "thumbs-up" }, "thumbs-up"},
		{"faces", func(n string) bool { return strings.HasSuffix(n, "-face") }, "a face"},
		{"calendar", func(n string) bool { return n == "calendar" }, "calendar"},
	}
	for _, c := range cases {
		got := SearchPictures(c.word)
		if len(got) == 0 || !c.first(got[0]) {
			t.Errorf("SearchPictures(%q) = %v, want %s first", c.word, got, c.desc)
		}
		seen := map[string]bool{}
		for _, n := range got {
			if seen[n] {
				t.Errorf("SearchPictures(%q) has %q twice", c.word, n)
			}
			seen[n] = true
			if _, ok := Picture(n); !ok {
				t.Errorf("SearchPictures(%q) returned unknown %q", c.word, n)
			}
		}
	}
	if got := SearchPictures("happy"); !slices.ContainsFunc(got, smiling) {
		t.Errorf("SearchPictures(happy) = %v, want a smiling face", got)
	}
	if got := SearchPictures("cal"); !slices.Contains(got, "spiral-calendar") {
		t.Errorf("SearchPictures(cal) = %v, want substring matches", got)
	}
	if got := SearchPictures("yes"); slices.Contains(got, "eyes") {
		t.Errorf("SearchPictures(yes) = %v, short words must not match inside a part", got)
	}
	if got := SearchPictures("ear"); !slices.Contains(got, "ear-with-hearing-aid") || slices.Contains(got, "bear") {
		t.Errorf("SearchPictures(ear) = %v", got)
	}
	for _, w := range []string{"", "   ", "zzzzzz"} {
		if got := SearchPictures(w); len(got) != 0 {
			t.Errorf("SearchPictures(%q) = %v, want nothing", w, got)
		}
	}
}

func TestSynonymsNameRealPictures(t *testing.T) {
	for word, names := range synonyms {
		if word != normalWord(word) {
			t.Errorf("synonym key %q is not normalised", word)
		}
		for _, n := range names {
			if !HasPicture(n) {
				t.Errorf("synonym %q names unknown picture %q", word, n)
			}
		}
	}
}

// pictureRefs walks decoded JSON and returns the value of every "picture" key.
func pictureRefs(v any, path string, out map[string]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			p := path + "." + k
			if k == "picture" {
				if s, ok := x.(string); ok {
					out[p] = s
				} else {
					out[p] = "<not a string>"
				}
				continue
			}
			pictureRefs(x, p, out)
		}
	case []any:
		for i, x := range v {
			pictureRefs(x, path+"["+itoa(i)+"]", out)
		}
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

func decodeSurvey(t *testing.T, id string) map[string]any {
	t.Helper()
	raw, ok := BuiltinSurvey(id)
	if !ok {
		t.Fatalf("BuiltinSurvey(%q) not found", id)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s.json: %v", id, err)
	}
	return doc
}

func TestBuiltinSurveys(t *testing.T) {
	ids := BuiltinSurveyIDs()
	if !slices.Contains(ids, "ehc-plan") {
		t.Fatalf("BuiltinSurveyIDs() = %v, want ehc-plan", ids)
	}
	if _, ok := BuiltinSurvey("no-such-survey"); ok {
		t.Error("BuiltinSurvey found a survey that does not exist")
	}
	if _, ok := BuiltinSurvey("../surveys/ehc-plan"); ok {
		t.Error("BuiltinSurvey accepted a path")
	}
	for _, id := range ids {
		doc := decodeSurvey(t, id)
		if doc["id"] != id {
			t.Errorf("%s.json has id %v, want %q", id, doc["id"], id)
		}
		refs := map[string]string{}
		pictureRefs(doc, id, refs)
		if len(refs) == 0 {
			t.Errorf("%s.json names no pictures", id)
		}
		for where, name := range refs {
			if _, ok := Picture(name); !ok {
				t.Errorf("%s: picture %q does not exist", where, name)
			}
		}
	}
}

// The EHC plan survey is the app's showcase: it must use every kind of
// question, have skip rules, and every question and choice needs a picture.
func TestEHCPlanSurveyShape(t *testing.T) {
	doc := decodeSurvey(t, "ehc-plan")
	if doc["answered_by"] != "who" {
		t.Errorf("answered_by = %v, want who", doc["answered_by"])
	}
	if _, ok := doc["picture"].(string); !ok {
		t.Error("no welcome picture")
	}
	qs, _ := doc["questions"].([]any)
	if len(qs) != 12 {
		t.Errorf("%d questions, want 12", len(qs))
	}
	kinds := map[string]int{}
	faces := map[float64]bool{}
	ids := map[string]bool{}
	rules := 0
	for i, x := range qs {
		q, _ := x.(map[string]any)
		id, _ := q["id"].(string)
		kind, _ := q["kind"].(string)
		if id == "" || ids[id] {
			t.Errorf("question %d: missing or repeated id %q", i, id)
		}
		ids[id] = true
		kinds[kind]++
		if p, _ := q["picture"].(string); p == "" {
			t.Errorf("%s: no picture", id)
		}
		if text, _ := q["text"].(map[string]any); text["en"] == nil {
			t.Errorf("%s: no English text", id)
		}
		if r, _ := q["relevant"].(string); r != "" {
			rules++
			for _, ref := range regexp.MustCompile(`\$\{(\w+)\}`).FindAllStringSubmatch(r, -1) {
				if !ids[ref[1]] {
					t.Errorf("%s: rule %q uses %s before it is asked", id, r, ref[1])
				}
			}
		}
		if f, ok := q["faces"].(float64); ok {
			faces[f] = true
		}
		choices, _ := q["choices"].([]any)
		switch kind {
		case "one", "many":
			if len(choices) < 2 {
				t.Errorf("%s: %d choices", id, len(choices))
			}
		default:
			if len(choices) > 0 {
				t.Errorf("%s: kind %s must not have choices", id, kind)
			}
		}
		for _, c := range choices {
			c, _ := c.(map[string]any)
			if p, _ := c["picture"].(string); p == "" {
				t.Errorf("%s: choice %v has no picture", id, c["value"])
			}
		}
		if q["dont_know"] == true || q["prefer_not"] == true {
			switch kind {
			case "one", "many", "faces", "yesno":
			default:
				t.Errorf("%s: dont_know/prefer_not on a %s question", id, kind)
			}
		}
	}
	first, _ := qs[0].(map[string]any)
	if first["id"] != "who" {
		t.Errorf("first question is %v, want who", first["id"])
	}
	for _, k := range []string{"note", "one", "many", "faces", "yesno", "text", "number", "date"} {
		if kinds[k] == 0 {
			t.Errorf("no %s question", k)
		}
	}
	if !faces[3] || !faces[5] {
		t.Errorf("faces sizes %v, want 3 and 5", faces)
	}
	if rules < 2 {
		t.Errorf("%d skip rules, want at least 2", rules)
	}
}

// texts collects every English participant text in the survey.
func texts(v any, out *[]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "en" {
				*out = append(*out, s)
				continue
			}
			texts(x, out)
		}
	case []any:
		for _, x := range v {
			texts(x, out)
		}
	}
}

// The built-in survey follows the easy-read rules: sentences of 15 words or
// fewer and no abbreviations (no word in capitals, such as EHC or SEND).
func TestBuiltinSurveysAreEasyRead(t *testing.T) {
	capitals := regexp.MustCompile(`\b[A-Z]{2,}\b`)
	for _, id := range BuiltinSurveyIDs() {
		var all []string
		texts(decodeSurvey(t, id), &all)
		for _, s := range all {
			if m := capitals.FindString(s); m != "" {
				t.Errorf("%s: %q has the abbreviation %q", id, s, m)
			}
			for _, sentence := range strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '?' || r == '!' }) {
				if n := len(strings.Fields(sentence)); n > 15 {
					t.Errorf("%s: sentence of %d words: %q", id, n, sentence)
				}
			}
		}
	}
}

func TestThirdPartyLicenses(t *testing.T) {
	l := ThirdPartyLicenses()
	for _, want := range []string{"Microsoft Corporation", "MIT License", "Permission is hereby granted"} {
		if !strings.Contains(l, want) {
			t.Errorf("licences do not mention %q", want)
		}
	}
}
