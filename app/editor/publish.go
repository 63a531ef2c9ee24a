package editor

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"speakeasy/survey"
)

// adviceShown is how many notes the question before publishing lists.
const adviceShown = 8

// adviceList is the question asked before publishing words that have
// notes (easy-read advice, words missing in a language): each note with
// its question and language, so that staff know what participants will
// see where. It is "" when there is nothing to ask about.
func adviceList(s *survey.Survey, ns []note) string {
	var lines []string
	n := 0
	for _, no := range ns {
		if no.problem {
			continue
		}
		n++
		if len(lines) == adviceShown {
			continue
		}
		where := lang.L("The survey")
		if no.at.q >= 0 && no.at.q < len(s.Questions) {
			where = lang.L("Question {{.N}}", map[string]int{"N": no.at.q + 1})
		}
		if no.at.lang != "" {
			where += " (" + survey.LanguageName(no.at.lang) + ")"
		}
		lines = append(lines, "• "+where+": "+no.text)
	}
	if n == 0 {
		return ""
	}
	if n > len(lines) {
		lines = append(lines, lang.L("… and {{.N}} more.", map[string]int{"N": n - len(lines)}))
	}
	return lang.L("Things to look at in the words: {{.N}}.", map[string]int{"N": n}) + "\n" +
		strings.Join(lines, "\n") + "\n\n" +
		lang.L("Participants will see these words as they are now. Where a language has no words, they see the survey's first language. Publish anyway?")
}

// answersByVersion is how many answered: in all when only the newest
// version has answers, otherwise for each version answered.
func (r surveyRow) answersByVersion() []string {
	_, newest := r.byVersion[r.Latest]
	if len(r.byVersion) == 0 || len(r.byVersion) == 1 && newest {
		return []string{lang.L("{{.C}} finished, {{.I}} not finished", map[string]int{"C": r.Counts.Complete, "I": r.Counts.Incomplete})}
	}
	var parts []string
	for v := 1; v <= r.Latest; v++ {
		if c, ok := r.byVersion[v]; ok {
			parts = append(parts, lang.L("version {{.V}}: {{.C}} finished, {{.I}} not finished",
				map[string]int{"V": v, "C": c.Complete, "I": c.Incomplete}))
		}
	}
	return parts
}
