// Package check is Speakeasy's easy-read checker. It warns about long
// sentences, hard words (from an editable jargon list), words in capitals
// only, the passive voice where it can be spotted simply, questions and
// choices with no picture, and words missing in one of a survey's languages.
//
// The checks are plain rules, not grammar: they point an admin at words to
// look at again, and a warning that does not fit can be left as it is.
package check

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"speakeasy/survey"
)

// MaxWords is the most words an easy-read sentence has.
const MaxWords = 15

// Where says which words a warning is about.
type Where struct {
	Question string // question ID; empty for the survey's own words
	Field    string // the JSON field: "title", "text", "hint", "choices", "picture", ...
	Choice   string // the choice's value, for a choice's words or picture
	Lang     string // the language of the words; empty for a missing picture
}

func (w Where) String() string {
	var parts []string
	if w.Question != "" {
		parts = append(parts, fmt.Sprintf("question %q", w.Question))
	}
	if w.Field != "" {
		parts = append(parts, "field "+w.Field)
	}
	if w.Choice != "" {
		parts = append(parts, fmt.Sprintf("answer %q", w.Choice))
	}
	if w.Lang != "" {
		parts = append(parts, "language "+w.Lang)
	}
	return strings.Join(parts, ", ")
}

// Warning is one thing that may make a survey harder to read.
type Warning struct {
	Where
	Message    string // what may be wrong, in plain words
	Suggestion string // what to do instead
	Found      string // the words the warning is about, as written
}

func (w Warning) String() string {
	s := w.Message
	if w.Suggestion != "" {
		s += " " + w.Suggestion
	}
	if where := w.Where.String(); where != "" {
		return where + ": " + s
	}
	return s
}

// Options changes how Text checks words.
type Options struct {
	Jargon *Jargon // the hard words; nil means the starter list
	// Allow lists more words in capitals that are fine, besides "OK" and "TV".
	Allow []string
}

// allowCapitals are words in capitals that everyone knows.
var allowCapitals = []string{"OK", "TV"}

// Text checks one text in one language.
func Text(s, lang string, o Options) []Warning {
	return newChecker(o).text(s, Where{Lang: lang})
}

// Texts checks a list of texts in one language, such as the words of the
// app's own screens. Each warning's Field is the index of its text in the
// list. A term to explain need only be explained at its first use in the list.
func Texts(texts []string, lang string) []Warning {
	c := newChecker(Options{})
	var out []Warning
	for i, t := range texts {
		out = append(out, c.text(t, Where{Field: strconv.Itoa(i), Lang: lang})...)
	}
	return out
}

// Survey checks every text of a survey in each of its languages, in the
// order a participant meets them, and that each question and choice has a
// picture. Faces and yes/no questions bring their own answer pictures, so
// only a question's own choices need one. jargon nil means the starter
// list; the survey's own hard words (s.Jargon) are checked on top of it.
func Survey(s *survey.Survey, jargon *Jargon) []Warning {
	c := newChecker(Options{Jargon: WithSurvey(jargon, s)})
	var out []Warning
	words := func(t survey.Text, at Where) {
		if !hasWords(t) {
			return
		}
		for _, lang := range s.Languages {
			at.Lang = lang
			if strings.TrimSpace(t[lang]) == "" {
				out = append(out, Warning{Where: at,
					Message:    fmt.Sprintf("These words are missing in %s.", survey.LanguageName(lang)),
					Suggestion: fmt.Sprintf("Add them, so people who choose %s can read them.", survey.LanguageName(lang))})
				continue
			}
			out = append(out, c.text(t[lang], at)...)
		}
	}
	words(s.Title, Where{Field: "title"})
	words(s.Welcome, Where{Field: "welcome"})
	for i := range s.Questions {
		q := &s.Questions[i]
		words(q.Text, Where{Question: q.ID, Field: "text"})
		if q.Picture == "" {
			what := "question"
			if q.Kind == survey.KindNote {
				what = "screen"
			}
			out = append(out, Warning{Where: Where{Question: q.ID, Field: "picture"},
				Message:    fmt.Sprintf("This %s has no picture.", what),
				Suggestion: "Add one, so people who do not read well can follow."})
		}
		words(q.Hint, Where{Question: q.ID, Field: "hint"})
		words(q.Easier, Where{Question: q.ID, Field: "easier"})
		for _, ch := range q.Choices {
			words(ch.Text, Where{Question: q.ID, Field: "choices", Choice: ch.Value})
			if ch.Picture == "" {
				msg := "This answer has no picture." // it has no words yet either
				if words := strings.TrimSpace(ch.Text.In(s.Lang(), "")); words != "" {
					msg = fmt.Sprintf("The answer %q has no picture.", words)
				}
				out = append(out, Warning{Where: Where{Question: q.ID, Field: "choices", Choice: ch.Value},
					Message:    msg,
					Suggestion: "Add one, so people who do not read well can choose it."})
			}
		}
		words(q.RequiredMessage, Where{Question: q.ID, Field: "required_message"})
		words(q.ConstraintMessage, Where{Question: q.ID, Field: "constraint_message"})
	}
	words(s.Thanks, Where{Field: "thanks"})
	return out
}

func hasWords(t survey.Text) bool {
	for _, s := range t {
		if strings.TrimSpace(s) != "" {
			return true
		}
	}
	return false
}

// checker holds what a run of checks shares: the word lists and which terms
// have been explained already.
type checker struct {
	entries   []entry // longest first, so "equine therapy" wins over "therapy"
	allow     map[string]bool
	explained map[string]bool // lang + term: first use seen
}

// entry is a jargon Entry split into words for matching.
type entry struct {
	Entry
	words []string // lower case, or as written for a capitals-only entry
	caps  bool
}

func newChecker(o Options) *checker {
	j := o.Jargon
	if j == nil {
		j = Starter()
	}
	c := &checker{allow: set(allowCapitals...), explained: map[string]bool{}}
	for _, a := range o.Allow {
		c.allow[a] = true
	}
	for _, e := range j.entries {
		en := entry{Entry: e, caps: isCapitals(e.Words)}
		for _, w := range words(e.Words) {
			if en.caps {
				en.words = append(en.words, w.text)
			} else {
				en.words = append(en.words, w.lower)
			}
		}
		c.entries = append(c.entries, en)
	}
	sort.SliceStable(c.entries, func(a, b int) bool { return len(c.entries[a].words) > len(c.entries[b].words) })
	return c
}

// baseLang is a language code without its region: "en-GB" is "en".
func baseLang(lang string) string {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	return base
}

// found is a warning and where in the text it starts, to keep text order.
type found struct {
	at int
	w  Warning
}

// text runs every rule over one text.
func (c *checker) text(s string, at Where) []Warning {
	ws := words(s)
	var out []found
	add := func(pos int, text, message, suggestion string) {
		out = append(out, found{pos, Warning{Where: at, Message: message, Suggestion: suggestion, Found: text}})
	}

	for _, span := range sentences(s) {
		n := 0
		for _, w := range ws {
			if w.start >= span[0] && w.start < span[1] {
				n++
			}
		}
		if n > MaxWords {
			add(span[0], strings.TrimSpace(s[span[0]:span[1]]),
				fmt.Sprintf("This sentence has %d words; easy read keeps to %d or fewer.", n, MaxWords),
				"Split it into shorter sentences.")
		}
	}

	used := make([]bool, len(ws))
	for _, e := range c.entries {
		if baseLang(e.Lang) != baseLang(at.Lang) && at.Lang != "" {
			continue
		}
		for i := range ws {
			if !e.matches(ws, i, used) {
				continue
			}
			last := i + len(e.words) - 1
			for k := i; k <= last; k++ {
				used[k] = true
			}
			text := s[ws[i].start:ws[last].end]
			switch {
			case e.Own:
				add(ws[i].start, text, fmt.Sprintf("People who answer this survey find %q hard.", text), fmt.Sprintf("Try %q.", e.Plain))
				continue
			case !e.Explain:
				add(ws[i].start, text, fmt.Sprintf("Some people will not know %q.", text), fmt.Sprintf("Try %q.", e.Plain))
				continue
			}
			key := baseLang(at.Lang) + "\x00" + strings.ToLower(e.Words)
			if c.explained[key] {
				continue
			}
			c.explained[key] = true
			if !strings.Contains(strings.ToLower(s), strings.ToLower(e.Plain)) {
				add(ws[i].start, text, fmt.Sprintf("Some people will not know what %q means.", text),
					fmt.Sprintf("The first time you use it, explain it: %q.", e.Plain))
			}
		}
	}

	seen := map[string]bool{}
	for i, w := range ws {
		if used[i] || !isCapitals(w.text) || c.allow[w.text] || seen[w.text] {
			continue
		}
		seen[w.text] = true
		add(w.start, w.text, fmt.Sprintf("%q is in capitals only, so it may be short for words some people do not know.", w.text),
			"Write the words in full, or use an everyday word.")
	}

	if baseLang(at.Lang) == "en" {
		for i := 0; i+1 < len(ws); i++ {
			if !beForms[ws[i].lower] {
				continue
			}
			j := i + 1
			for j < len(ws)-1 && j-i <= 2 && inBetween[ws[j].lower] {
				j++
			}
			if isParticiple(ws[j].lower) {
				text := s[ws[i].start:ws[j].end]
				add(ws[i].start, text, fmt.Sprintf("%q may not say who does it.", text),
					"Say who does what, like \"we will tell you\" instead of \"you will be told\".")
				i = j
			}
		}
	}

	sort.SliceStable(out, func(a, b int) bool { return out[a].at < out[b].at })
	warnings := make([]Warning, len(out))
	for i, f := range out {
		warnings[i] = f.w
	}
	return warnings
}

// matches reports whether the entry's words start at ws[i], with none of
// them already part of another match. The last word may have an "s" or
// "es" on the end.
func (e *entry) matches(ws []word, i int, used []bool) bool {
	if i+len(e.words) > len(ws) {
		return false
	}
	for k, want := range e.words {
		if used[i+k] {
			return false
		}
		got := ws[i+k].lower
		if e.caps {
			got = ws[i+k].text
		}
		if got == want {
			continue
		}
		if k == len(e.words)-1 && (got == want+"s" || got == want+"es") {
			continue
		}
		return false
	}
	return true
}
