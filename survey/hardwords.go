package survey

import (
	"strings"
	"time"
	"unicode"
)

// AllWords is the word recorded when a participant says the whole
// question was hard ("All of it"). It cannot be a word of a question:
// QuestionWords drops brackets.
const AllWords = "(all)"

// HardWord is a participant's mark that a word of a question was hard to
// understand: the pledge behind Speakeasy asks us to expect to be
// challenged about our words, and this is how participants do it.
type HardWord struct {
	Question string    // the question's ID
	Language string    // the language the question was shown in
	Word     string    // the word in lower case, or AllWords
	At       time.Time // when it was marked
}

// MarkHard records that the participant found word of the current question
// hard (AllWords for the whole question), at once and as durably as an
// answer. It never moves the session on and never changes an answer: the
// participant can still answer, skip or stop. Marking the same word twice
// is kept once.
func (s *Session) MarkHard(word string) error {
	q := s.Current()
	if q == nil {
		return ErrFinished
	}
	if word != AllWords {
		word = NormalWord(word)
	}
	if word == "" {
		return nil
	}
	resp := s.resp
	resp.Updated = s.now()
	ch := Change{Response: resp, Hard: []HardWord{{Question: q.ID, Language: resp.Language, Word: word, At: resp.Updated}}}
	if s.saver != nil {
		if err := s.saver.Save(ch); err != nil {
			return err
		}
	}
	s.resp = resp
	s.saved = true // so Stop and Discard know the response is stored
	return nil
}

// QuestionWords are the words of a question's text, as a participant
// points at them: in order, each once (whatever its case), with the
// punctuation at either end left off ("plan?" is "plan"; "don't" stays).
func QuestionWords(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range strings.Fields(text) {
		w := trimWord(f)
		key := strings.ToLower(w)
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, w)
	}
	return out
}

// NormalWord is how a word is kept and counted: in lower case, with the
// punctuation at either end left off, so "Review" and "review?" count as
// one word.
func NormalWord(w string) string {
	return strings.ToLower(trimWord(w))
}

// trimWord leaves off what is not part of a word at either end: stops,
// commas, brackets, quote marks. Accents and vowel marks stay.
func trimWord(w string) string {
	return strings.TrimFunc(w, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r)
	})
}
