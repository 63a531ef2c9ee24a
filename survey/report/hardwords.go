package report

import (
	"cmp"
	"slices"

	"speakeasy/survey"
)

// The page "Words you told us were hard": for each word people marked
// hard ("I don't understand", then the word) in the report's language,
// how many people did, and whether the newest version of the survey has
// changed it. Small numbers stay private as everywhere in the report:
// fewer than MinPeople is said without the number.

// hardKey is one word of one question in one language.
type hardKey struct{ question, lang, word string }

// addHard counts one person's marks.
func (r *Results) addHard(marks []survey.HardWord) {
	if len(marks) == 0 {
		return
	}
	if r.hard == nil {
		r.hard = map[hardKey]int{}
	}
	for _, m := range marks {
		r.hard[hardKey{m.Question, m.Language, m.Word}]++
	}
}

// hardSection is the page, or nil when nobody marked a word in the
// report's language.
func hardSection(res *Results, w words) section {
	type mark struct {
		q      int // the question's place in the report
		key    hardKey
		people int
	}
	var marks []mark
	for k, n := range res.hard {
		if k.lang != w.lang {
			continue
		}
		i := slices.IndexFunc(res.Questions, func(qr *QuestionResult) bool { return qr.Question.ID == k.question })
		if i < 0 {
			continue // a note, or a question no version asks now
		}
		marks = append(marks, mark{i, k, n})
	}
	if len(marks) == 0 {
		return nil
	}
	slices.SortFunc(marks, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.q, b.q), -cmp.Compare(a.people, b.people), cmp.Compare(a.key.word, b.key.word))
	})
	sec := section{
		{style: styleHeading, text: w.say("hard words", nil), picture: "thinking-face"},
		{text: w.say("hard thanks", nil)},
	}
	for _, m := range marks {
		q := res.Survey.Question(m.key.question) // the newest version, if it still asks it
		key, a := "found hard", quote(m.key.word)
		if m.key.word == survey.AllWords {
			key, a = "found question hard", quote(res.Questions[m.q].Question.Text.In(w.lang, ""))
		}
		if m.people < w.k {
			key = "few " + key
		}
		done := "will look"
		if changed(q, m.key) {
			done = "changed"
		}
		sec = append(sec, line{text: w.say(key, map[string]any{"n": m.people, "a": a}) + " " + w.say(done, nil),
			picture: "red-question-mark"})
	}
	return sec
}

// changed reports whether the newest version of the survey has changed
// what people found hard: the word is gone from the question, or the
// question hard as a whole now has easier words.
func changed(q *survey.Question, k hardKey) bool {
	if q == nil {
		return true
	}
	if k.word == survey.AllWords {
		return q.Easier[k.lang] != ""
	}
	return !slices.ContainsFunc(survey.QuestionWords(q.Text[k.lang]), func(w string) bool { return survey.NormalWord(w) == k.word })
}

// hardPhrases are the page's own words, added to phrases: {n} people, {a}
// a word or a question in quotes, {k} the privacy threshold.
var hardPhrases = map[string]map[string]string{
	"en": {
		"hard words":              "Words you told us were hard",
		"hard thanks":             "Thank you for telling us. Here is what we will do.",
		"found hard":              "{n} people found {a} hard.",
		"few found hard":          "Fewer than {k} people found {a} hard.",
		"found question hard":     "{n} people found the question {a} hard.",
		"few found question hard": "Fewer than {k} people found the question {a} hard.",
		"changed":                 "We changed it.",
		"will look":               "We will look at it again.",
	},
	"cy": {
		"hard words":              "Geiriau roeddech chi'n eu gweld yn anodd",
		"hard thanks":             "Diolch am ddweud wrthon ni. Dyma beth fyddwn ni'n ei wneud.",
		"found hard":              "Roedd {a} yn anodd i {n} o bobl.",
		"few found hard":          "Roedd {a} yn anodd i lai na {k} o bobl.",
		"found question hard":     "Roedd y cwestiwn {a} yn anodd i {n} o bobl.",
		"few found question hard": "Roedd y cwestiwn {a} yn anodd i lai na {k} o bobl.",
		"changed":                 "Rydyn ni wedi ei newid.",
		"will look":               "Byddwn ni'n edrych arno eto.",
	},
}

func init() {
	for lang, words := range hardPhrases {
		for k, v := range words {
			phrases[lang][k] = v
		}
	}
}
