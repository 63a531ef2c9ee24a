package survey

import (
	"fmt"
	"strings"
)

// JargonWord is a word that is hard for the people who answer this
// survey, with a plainer word to use instead. A survey keeps its own
// list, so the easy-read checker warns about these words in this survey
// on top of its starter list: most often they are words participants
// marked hard ("I don't understand"), added from the editor.
type JargonWord struct {
	Lang    string `json:"lang"`    // the language of the words, like "en"
	Words   string `json:"words"`   // the hard word or words, like "review"
	Plainer string `json:"plainer"` // what to say instead, like "look again at"
}

// AddJargon puts words, with plainer words to use instead, on the
// survey's own list of hard words in language lang. Words already on the
// list in that language (whatever their case) get the new plainer words.
// It reports false, changing nothing, when either is empty.
func (s *Survey) AddJargon(lang, words, plainer string) bool {
	lang, words, plainer = strings.TrimSpace(lang), strings.Join(strings.Fields(words), " "), strings.TrimSpace(plainer)
	if lang == "" || words == "" || plainer == "" {
		return false
	}
	if j := s.JargonFor(lang, words); j != nil {
		j.Plainer = plainer
		return true
	}
	s.Jargon = append(s.Jargon, JargonWord{Lang: lang, Words: words, Plainer: plainer})
	return true
}

// JargonFor returns the survey's own entry for words in lang (whatever
// the case), or nil.
func (s *Survey) JargonFor(lang, words string) *JargonWord {
	for i := range s.Jargon {
		j := &s.Jargon[i]
		if j.Lang == lang && jargonKey(j.Words) == jargonKey(words) {
			return j
		}
	}
	return nil
}

// jargonProblems says what is wrong with the survey's own hard words, in
// plain words, each naming the entry by its place and words. A language
// the survey does not have is no problem: the words wait, unused, in case
// the language comes back.
func (s *Survey) jargonProblems() []string {
	var out []string
	seen := map[string]int{}
	for i, j := range s.Jargon {
		name := fmt.Sprintf("hard word %d", i+1)
		if w := strings.TrimSpace(j.Words); w != "" {
			name = fmt.Sprintf("hard word %d (%q)", i+1, w)
		}
		switch {
		case strings.TrimSpace(j.Lang) == "":
			out = append(out, name+" needs a language, like \"en\"")
		case strings.TrimSpace(j.Words) == "":
			out = append(out, name+" has no words")
		case strings.TrimSpace(j.Plainer) == "":
			out = append(out, name+" needs plainer words to use instead")
		}
		key := j.Lang + "\x00" + jargonKey(j.Words)
		if k, dup := seen[key]; dup && strings.TrimSpace(j.Words) != "" {
			out = append(out, fmt.Sprintf("%s is on the list twice (numbers %d and %d)", name, k+1, i+1))
		}
		seen[key] = i
	}
	return out
}

// jargonKey is words as they are compared: in lower case, one space
// between them.
func jargonKey(words string) string { return strings.ToLower(strings.Join(strings.Fields(words), " ")) }
