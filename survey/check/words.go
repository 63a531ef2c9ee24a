package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of a text, with where it sits in the text.
type word struct {
	text       string // as written, without a possessive 's
	lower      string
	start, end int // byte offsets of the whole word in the text
}

// isWordRune reports whether r is part of a word on its own.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isJoiner reports whether r joins two parts of one word ("don't", "co-op").
func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == '-' }

// words splits s into words: runs of letters and digits, joined by an
// apostrophe or hyphen that has a letter or digit on both sides.
func words(s string) []word {
	var out []word
	start := -1
	for i, r := range s {
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && isJoiner(r) && i+utf8.RuneLen(r) < len(s):
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if !isWordRune(next) {
				out = append(out, newWord(s, start, i))
				start = -1
			}
		default:
			if start >= 0 {
				out = append(out, newWord(s, start, i))
				start = -1
			}
		}
	}
	if start >= 0 {
		out = append(out, newWord(s, start, len(s)))
	}
	return out
}

func newWord(s string, start, end int) word {
	t := s[start:end]
	for _, suffix := range []string{"'s", "’s"} {
		if len(t) > len(suffix) && strings.HasSuffix(t, suffix) {
			t = t[:len(t)-len(suffix)]
		}
	}
	return word{text: t, lower: strings.ToLower(t), start: start, end: end}
}

// sentences splits s at full stops, question and exclamation marks that
// end a sentence (followed by a space or the end), and at line breaks.
// It returns each sentence's span in s.
func sentences(s string) [][2]int {
	var out [][2]int
	start := 0
	cut := func(end, next int) {
		if strings.TrimSpace(s[start:end]) != "" {
			out = append(out, [2]int{start, end})
		}
		start = next
	}
	for i, r := range s {
		size := utf8.RuneLen(r)
		switch {
		case r == '\n':
			cut(i, i+size)
		case strings.ContainsRune(".!?…", r):
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if i+size >= len(s) || unicode.IsSpace(next) {
				cut(i+size, i+size)
			}
		}
	}
	cut(len(s), len(s))
	return out
}

// isCapitals reports whether w is written in capital letters only (with
// perhaps a plural "s": "EHCPs") and has at least two capitals.
func isCapitals(w string) bool {
	w = strings.TrimSuffix(w, "s")
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case unicode.IsDigit(r) || r == '-':
		default:
			return false
		}
	}
	return n >= 2
}

// beForms are the forms of "be" that start a passive: "is needed".
var beForms = set("am", "is", "are", "was", "were", "be", "been", "being",
	"isn't", "aren't", "wasn't", "weren't")

// inBetween are the small words that may sit between "be" and the
// participle: "was not told", "are always given".
var inBetween = set("not", "also", "always", "never", "often", "just", "still", "all", "usually", "sometimes", "being", "already")

// participles are irregular past participles that do not end in -ed or -en.
var participles = set("told", "made", "done", "sent", "kept", "left", "found", "held",
	"paid", "bought", "brought", "taught", "thought", "caught", "put", "set", "cut",
	"let", "hurt", "heard", "said", "spent", "built", "lost", "met", "sold",
	"understood", "felt", "got", "shut", "won", "run", "begun", "drawn", "grown",
	"thrown", "flown", "worn", "torn", "sworn", "shown", "seen", "known", "given",
	"taken", "written", "chosen", "spoken", "broken", "forgotten", "hidden", "driven")

// notParticiples end in -ed or -en but are not passive after "be": "is
// open", "are children", "I am tired".
var notParticiples = set("red", "bed", "shed", "sled", "fed", "wed", "hundred",
	"naked", "wicked", "sacred", "tired", "bored", "scared", "worried", "excited",
	"interested", "pleased", "confused", "annoyed", "surprised", "relaxed",
	"married", "called", "named", "born", "supposed", "allowed",
	"open", "often", "even", "ten", "seven", "eleven", "children", "women", "men",
	"garden", "kitchen", "heaven", "chicken", "happen", "listen", "then", "when",
	"between", "oven", "token", "golden", "wooden", "sudden")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// isParticiple reports whether a lower-case word looks like a past participle.
func isParticiple(w string) bool {
	if participles[w] {
		return true
	}
	if notParticiples[w] || len(w) < 4 {
		return false
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")
}
