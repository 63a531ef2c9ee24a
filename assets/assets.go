// Package assets holds Speakeasy's embedded pictures, built-in surveys and licences.
//
// The pictures are Fluent Emoji by Microsoft Corporation (MIT licence), one
// SVG file per picture, named with Fluent Emoji's kebab-case names such as
// "grinning-face". Each has a normal version (Fluent Emoji Flat) and, where
// the icon set has one, a black-and-white high-contrast version. The list of
// pictures is pictures/LIST.txt; the files are made from it by
// "go run assets/gen/main.go" (see that file).
//
// The package has no GUI or database code, so anything may import it.
package assets

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed pictures/*.svg pictures/hc/*.svg
var pictures embed.FS

//go:embed surveys/*.json
var surveys embed.FS

//go:embed THIRD_PARTY_LICENSES
var thirdPartyLicenses string

// validName reports whether name is a plain kebab-case picture or survey
// name, so that no name can reach another folder of the embedded files.
func validName(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// Picture returns the SVG bytes of the named picture ("grinning-face"); ok false if unknown.
// The caller owns the returned slice.
func Picture(name string) (svg []byte, ok bool) {
	if !validName(name) {
		return nil, false
	}
	b, err := pictures.ReadFile("pictures/" + name + ".svg")
	if err != nil {
		return nil, false
	}
	return b, true
}

// HighContrastPicture returns the high-contrast version, falling back to the normal one.
// The high-contrast pictures are drawn in black only.
func HighContrastPicture(name string) (svg []byte, ok bool) {
	if !validName(name) {
		return nil, false
	}
	if b, err := pictures.ReadFile("pictures/hc/" + name + ".svg"); err == nil {
		return b, true
	}
	return Picture(name)
}

// pictureNames lists the embedded pictures once.
var pictureNames = sync.OnceValue(func() []string {
	entries, err := fs.ReadDir(pictures, "pictures")
	if err != nil {
		panic("assets: embedded pictures missing: " + err.Error())
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".svg" {
			names = append(names, strings.TrimSuffix(e.Name(), ".svg"))
		}
	}
	sort.Strings(names)
	return names
})

// PictureNames returns every picture name, sorted.
func PictureNames() []string {
	return append([]string(nil), pictureNames()...)
}

// HasPicture reports whether a picture of that name is embedded.
func HasPicture(name string) bool {
	names := pictureNames()
	i := sort.SearchStrings(names, name)
	return i < len(names) && names[i] == name
}

// synonyms maps everyday words to pictures, best first, so an admin who
// types "happy" or "doctor" finds a picture whose name does not say so.
// Every name here must be in pictures/LIST.txt (the tests check).
var synonyms = map[string][]string{
	"happy":     {"smiling-face-with-smiling-eyes", "grinning-face", "slightly-smiling-face", "beaming-face-with-smiling-eyes", "grinning-face-with-big-eyes"},
	"smile":     {"slightly-smiling-face", "smiling-face-with-smiling-eyes", "grinning-face"},
	"good":      {"slightly-smiling-face", "thumbs-up", "ok-hand", "check-mark-button"},
	"great":     {"grinning-face", "star", "sparkles", "trophy", "clapping-hands"},
	"love":      {"smiling-face-with-heart-eyes", "red-heart"},
	"like":      {"thumbs-up", "red-heart", "slightly-smiling-face"},
	"ok":        {"ok-hand", "neutral-face", "thumbs-up"},
	"okay":      {"ok-hand", "neutral-face", "thumbs-up"},
	"so-so":     {"neutral-face"},
	"sad":       {"slightly-frowning-face", "frowning-face", "crying-face", "loudly-crying-face", "pensive-face"},
	"unhappy":   {"frowning-face", "slightly-frowning-face", "crying-face"},
	"bad":       {"frowning-face", "thumbs-down", "slightly-frowning-face"},
	"upset":     {"crying-face", "loudly-crying-face", "frowning-face"},
	"cross":     {"angry-face", "cross-mark"},
	"mad":       {"angry-face"},
	"cry":       {"crying-face", "loudly-crying-face"},
	"worry":     {"worried-face"},
	"scared":    {"worried-face", "face-with-open-mouth"},
	"afraid":    {"worried-face"},
	"surprised": {"face-with-open-mouth"},
	"tired":     {"tired-face", "sleeping-face"},
	"ill":       {"face-with-thermometer", "pill", "health-worker"},
	"sick":      {"face-with-thermometer", "pill", "health-worker"},
	"think":     {"thinking-face", "light-bulb"},
	"idea":      {"light-bulb"},
	"unsure":    {"person-shrugging", "thinking-face", "white-question-mark"},
	"not-sure":  {"person-shrugging", "thinking-face", "white-question-mark"},
	"know":      {"light-bulb", "person-shrugging"},
	"private":   {"zipper-mouth-face", "locked"},
	"secret":    {"zipper-mouth-face", "locked"},
	"quiet":     {"zipper-mouth-face", "muted-speaker"},
	"yes":       {"check-mark-button", "thumbs-up"},
	"no":        {"cross-mark", "thumbs-down", "person-gesturing-no"},
	"agree":     {"thumbs-up", "check-mark-button"},
	"disagree":  {"thumbs-down", "cross-mark"},
	"right":     {"check-mark-button", "right-arrow"},
	"wrong":     {"cross-mark"},
	"question":  {"red-question-mark", "white-question-mark"},
	"ask":       {"raised-hand", "red-question-mark", "person-raising-hand"},
	"hello":     {"waving-hand"},
	"hi":        {"waving-hand"},
	"welcome":   {"waving-hand"},
	"bye":       {"waving-hand"},
	"goodbye":   {"waving-hand"},
	"thanks":    {"folded-hands", "red-heart"},
	"thank":     {"folded-hands", "red-heart"},
	"please":    {"folded-hands"},
	"well-done": {"clapping-hands", "trophy", "star"},
	"finish":    {"party-popper", "check-mark-button"},
	"done":      {"check-mark-button", "party-popper"},
	"end":       {"party-popper", "stop-sign"},
	"next":      {"right-arrow"},
	"back":      {"left-arrow"},
	"wait":      {"hourglass-not-done", "raised-hand"},
	"time":      {"hourglass-not-done", "alarm-clock"},
	"clock":     {"alarm-clock"},
	"date":      {"calendar", "spiral-calendar"},
	"day":       {"calendar", "spiral-calendar"},
	"when":      {"calendar", "alarm-clock"},
	"meeting":   {"busts-in-silhouette", "spiral-calendar", "speech-balloon"},
	"age":       {"birthday-cake", "input-numbers"},
	"old":       {"birthday-cake", "older-person"},
	"birthday":  {"birthday-cake", "wrapped-gift"},
	"number":    {"input-numbers"},
	"count":     {"input-numbers"},
	"sound":     {"speaker-high-volume"},
	"voice":     {"speaker-high-volume", "speaking-head"},
	"listen":    {"ear", "speaker-high-volume"},
	"hear":      {"ear", "ear-with-hearing-aid"},
	"deaf":      {"ear-with-hearing-aid"},
	"see":       {"eyes"},
	"look":      {"eyes", "magnifying-glass-tilted-left"},
	"find":      {"magnifying-glass-tilted-left"},
	"search":    {"magnifying-glass-tilted-left"},
	"talk":      {"speech-balloon", "speaking-head"},
	"say":       {"speech-balloon", "speaking-head"},
	"speak":     {"speaking-head", "speech-balloon"},
	"tell":      {"speech-balloon", "speaking-head"},
	"write":     {"pencil", "writing-hand", "memo"},
	"plan":      {"memo", "clipboard", "bookmark-tabs"},
	"form":      {"clipboard", "memo"},
	"list":      {"clipboard", "bookmark-tabs"},
	"letter":    {"envelope"},
	"email":     {"envelope"},
	"message":   {"envelope", "speech-balloon"},
	"post":      {"envelope"},
	"phone":     {"telephone-receiver", "mobile-phone"},
	"call":      {"telephone-receiver"},
	"computer":  {"laptop"},
	"tv":        {"television"},
	"me":        {"person", "raising-hands"},
	"you":       {"person"},
	"people":    {"busts-in-silhouette", "people-hugging"},
	"family":    {"people-hugging", "house"},
	"parent":    {"people-hugging", "woman", "man"},
	"carer":     {"people-hugging", "handshake"},
	"mum":       {"woman"},
	"mother":    {"woman"},
	"dad":       {"man"},
	"father":    {"man"},
	"friend":    {"people-hugging", "handshake", "busts-in-silhouette"},
	"helper":    {"handshake", "open-hands"},
	"help":      {"handshake", "open-hands", "raised-hand"},
	"support":   {"handshake", "open-hands"},
	"kid":       {"child"},
	"young":     {"child", "girl", "boy"},
	"student":   {"child", "backpack", "graduation-cap"},
	"pupil":     {"child", "backpack"},
	"doctor":    {"health-worker", "stethoscope", "hospital"},
	"nurse":     {"health-worker", "hospital"},
	"health":    {"health-worker", "stethoscope", "red-heart", "hospital"},
	"medicine":  {"pill"},
	"hurt":      {"mending-heart", "face-with-thermometer"},
	"care":      {"people-hugging", "open-hands", "red-heart"},
	"disabled":  {"person-in-manual-wheelchair", "wheelchair-symbol"},
	"disability": {
		"person-in-manual-wheelchair", "wheelchair-symbol",
	},
	"wheelchair": {"person-in-manual-wheelchair", "wheelchair-symbol"},
	"college":    {"graduation-cap", "school", "books"},
	"learn":      {"books", "open-book", "school"},
	"learning":   {"books", "open-book", "school"},
	"read":       {"open-book", "books"},
	"lesson":     {"teacher", "books"},
	"home":       {"house", "house-with-garden"},
	"work":       {"office-building", "laptop"},
	"job":        {"office-building"},
	"office":     {"office-building"},
	"council":    {"office-building"},
	"travel":     {"bus", "automobile", "bicycle", "taxi"},
	"transport":  {"bus", "taxi", "automobile"},
	"car":        {"automobile", "taxi"},
	"bike":       {"bicycle"},
	"walk":       {"person-walking"},
	"play":       {"playground-slide", "soccer-ball", "video-game"},
	"fun":        {"party-popper", "playground-slide", "video-game"},
	"sport":      {"soccer-ball", "person-swimming", "bicycle"},
	"football":   {"soccer-ball"},
	"swim":       {"person-swimming"},
	"swimming":   {"person-swimming"},
	"art":        {"artist-palette"},
	"draw":       {"artist-palette", "pencil"},
	"game":       {"video-game"},
	"games":      {"video-game"},
	"music":      {"musical-note"},
	"song":       {"musical-note"},
	"pet":        {"dog-face", "cat-face"},
	"animal":     {"dog-face", "cat-face", "horse"},
	"food":       {"fork-and-knife-with-plate"},
	"eat":        {"fork-and-knife-with-plate"},
	"sleep":      {"bed", "sleeping-face"},
	"toy":        {"teddy-bear"},
	"present":    {"wrapped-gift"},
	"party":      {"party-popper"},
	"world":      {"globe-showing-europe-africa", "world-map"},
	"map":        {"world-map"},
	"weather":    {"sun", "cloud", "rainbow"},
	"safe":       {"locked", "open-hands"},
	"lock":       {"locked", "key"},
	"password":   {"key", "locked"},
	"danger":     {"warning", "stop-sign"},
	"careful":    {"warning"},
	"stop":       {"stop-sign", "raised-hand", "no-entry"},
	"important":  {"red-exclamation-mark", "warning", "star"},
	"new":        {"sparkles"},
	"best":       {"star", "trophy"},
	"win":        {"trophy"},
	"favourite":  {"star", "red-heart"},
	"skip":       {"right-arrow"},
	"choose":     {"backhand-index-pointing-right", "check-mark-button"},
	"pick":       {"backhand-index-pointing-right", "check-mark-button"},
	"point":      {"backhand-index-pointing-right", "backhand-index-pointing-left"},
	"hope":       {"rainbow", "folded-hands", "sparkles"},
	"future":     {"rainbow", "graduation-cap"},
}

// normalWord lowers a search word and joins its words with hyphens, the
// way picture names are written.
func normalWord(word string) string {
	word = strings.ToLower(strings.TrimSpace(word))
	word = strings.NewReplacer("_", " ", "-", " ").Replace(word)
	return strings.Join(strings.Fields(word), "-")
}

// SearchPictures returns names matching a word (substring of the name, and a few synonyms kept in a small map, e.g. "happy" -> smiling faces, "doctor" -> health-worker, "yes" -> check-mark-button), best first.
//
// The order is: the exact name, then the word's synonyms, then names with
// the word as one of their parts (shorter names first), then names with a
// part that starts with it, then names that contain it inside a part (for
// words of four letters or more). A word with spaces is tried whole, then word by word.
// Case, spaces and hyphens do not matter. An empty word finds nothing.
func SearchPictures(word string) []string {
	w := normalWord(word)
	if w == "" {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	add := func(names []string) {
		for _, n := range names {
			if !seen[n] && HasPicture(n) {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	add(searchOne(w))
	if parts := strings.Split(w, "-"); len(parts) > 1 {
		for _, p := range parts {
			add(searchOne(p))
		}
	}
	return out
}

// searchOne finds the pictures for one normalised word, best first.
func searchOne(w string) []string {
	keys := []string{w}
	// A simple plural: "faces" also finds "face".
	if len(w) > 3 && strings.HasSuffix(w, "s") {
		keys = append(keys, strings.TrimSuffix(w, "s"))
	}
	var exact, syn, part, start, sub []string
	for _, k := range keys {
		if HasPicture(k) {
			exact = append(exact, k)
		}
		syn = append(syn, synonyms[k]...)
	}
	for _, n := range pictureNames() {
		switch {
		case hasPart(n, keys):
			part = append(part, n)
		case containsAny(n, keys, false): // "bus" in "bust-in-silhouette"
			start = append(start, n)
		case containsAny(n, keys, len(w) >= 4): // "book" in "notebook"
			sub = append(sub, n)
		}
	}
	shortFirst := func(s []string) {
		sort.SliceStable(s, func(i, j int) bool { return len(s[i]) < len(s[j]) })
	}
	shortFirst(part)
	shortFirst(start)
	shortFirst(sub)
	out := append(exact, syn...)
	out = append(out, part...)
	out = append(out, start...)
	return append(out, sub...)
}

// hasPart reports whether one of keys is a whole hyphen-separated part (or
// run of parts) of name.
func hasPart(name string, keys []string) bool {
	n := "-" + name + "-"
	for _, k := range keys {
		if strings.Contains(n, "-"+k+"-") {
			return true
		}
	}
	return false
}

// containsAny reports whether one of keys is in name: anywhere if inside
// is true, else only at the start of a part. Short words stay at the start
// of a part, so "yes" does not find "eyes".
func containsAny(name string, keys []string, inside bool) bool {
	for _, k := range keys {
		if inside && strings.Contains(name, k) || strings.Contains("-"+name, "-"+k) {
			return true
		}
	}
	return false
}

// BuiltinSurvey returns the raw JSON of a built-in survey by ID ("ehc-plan").
// The caller owns the returned slice.
func BuiltinSurvey(id string) ([]byte, bool) {
	if !validName(id) {
		return nil, false
	}
	b, err := surveys.ReadFile("surveys/" + id + ".json")
	if err != nil {
		return nil, false
	}
	return b, true
}

// BuiltinSurveyIDs lists them, sorted.
func BuiltinSurveyIDs() []string {
	entries, err := fs.ReadDir(surveys, "surveys")
	if err != nil {
		return nil
	}
	var ids []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".json" {
			ids = append(ids, strings.TrimSuffix(e.Name(), ".json"))
		}
	}
	sort.Strings(ids)
	return ids
}

// ThirdPartyLicenses returns the licence notices of the third-party
// material embedded here (the Fluent Emoji pictures), for an about screen.
func ThirdPartyLicenses() string {
	return thirdPartyLicenses
}
