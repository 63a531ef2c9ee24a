package editor

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// People tell us which words were hard: a participant taps "I don't
// understand" and points at the word. Beside each question the editor
// says how many did and which words, so the admin knows what to change.

// readPeople reads, once as the editor opens, what participants said was
// hard in every version of survey id, by question ID: a line for each
// question someone marked. Nothing is said when it cannot be read: these
// are notes, and the editor works without them.
func readPeople(db *store.DB, id string) map[string]string {
	ctx := context.Background()
	questions, err := db.HardQuestions(ctx, id)
	if err != nil || len(questions) == 0 {
		if err != nil {
			fyne.LogError("reading the words people found hard", err)
		}
		return nil
	}
	counts, err := db.CountHardWords(ctx, id)
	if err != nil {
		fyne.LogError("reading the words people found hard", err)
		return nil
	}
	words := map[string][]string{} // by question, most people first
	for _, c := range counts {
		w := fmt.Sprintf("%q (%d)", c.Word, c.People)
		if c.Word == survey.AllWords {
			w = fmt.Sprintf("%s (%d)", strings.ToLower(lang.L("All of it")), c.People)
		}
		words[c.Question] = append(words[c.Question], w)
	}
	out := map[string]string{}
	for q, h := range questions {
		out[q] = lang.L("{{.N}} of {{.M}} people said this was hard: {{.Words}}.",
			map[string]any{"N": h.Marked, "M": h.Reached, "Words": strings.Join(words[q], ", ")})
	}
	return out
}

// peopleNotes puts what people said beside each question of s that has it.
func peopleNotes(s *survey.Survey, people map[string]string) []note {
	var out []note
	for i, q := range s.Questions {
		if said, ok := people[q.ID]; ok {
			out = append(out, note{at: keyAt(i, "text"), text: said})
		}
	}
	return out
}
