package check

import (
	"fmt"
	"slices"
	"strings"

	"speakeasy/survey"
)

// Marked is a word participants marked hard ("I don't understand", then
// the word) in a survey's responses, any version, and how many people did.
type Marked struct {
	Question, Lang string
	Word           string // in lower case, or survey.AllWords
	People         int
}

// People warns about the words of s that participants marked hard in
// earlier answers: the checker learns from the people who answer. A word
// is named only while the question's words still hold it, so changing the
// word quiets the warning, and so does putting it on the survey's own
// hard words (Survey then warns, with the plainer word); a question marked
// hard as a whole is named while it has no easier words.
func People(s *survey.Survey, marked []Marked) []Warning {
	var out []Warning
	for _, m := range marked {
		q := s.Question(m.Question)
		if q == nil || m.People <= 0 {
			continue
		}
		at := Where{Question: q.ID, Field: "text", Lang: m.Lang}
		people := "1 person"
		if m.People > 1 {
			people = fmt.Sprintf("%d people", m.People)
		}
		if m.Word == survey.AllWords {
			if strings.TrimSpace(q.Easier[m.Lang]) == "" {
				out = append(out, Warning{Where: at, Message: people + " found this whole question hard.",
					Suggestion: "Say it more simply, or give easier words for it."})
			}
			continue
		}
		if !hasWord(q.Text[m.Lang], m.Word) || s.JargonFor(m.Lang, m.Word) != nil {
			continue // the survey's own hard words warn about it, with the plainer word
		}
		out = append(out, Warning{Where: at, Found: m.Word,
			Message:    fmt.Sprintf("%s found %q hard.", people, m.Word),
			Suggestion: "Try a plainer word, or give easier words for this question."})
	}
	return out
}

// hasWord reports whether text holds word (lower case), as a participant
// would point at it.
func hasWord(text, word string) bool {
	return slices.ContainsFunc(survey.QuestionWords(text), func(w string) bool { return survey.NormalWord(w) == word })
}
