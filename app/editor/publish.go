package editor

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey"
)

// adviceShown is how many lines the question before publishing lists.
const adviceShown = 8

// publish makes the draft the survey's newest version. A survey that has
// responses keeps its old versions, and the responses stay with theirs.
func (e *editor) publish() {
	e.recheck()
	if n := e.problems(); n > 0 {
		e.say(lang.N("Please fix the problems first. There are {{.N}}.", n, map[string]int{"N": n}))
		return
	}
	// Participants see the words as they are: staff publish words with
	// notes, or missing in a language, only knowing which and where, and
	// choose whether to offer a language with words missing.
	gaps := missingWords(e.draft)
	if advice := adviceList(e.draft, e.notes, gaps); advice != "" {
		e.askPublish(advice, gaps, e.publishNow)
		return
	}
	e.publishNow(nil)
}

// publishNow publishes the draft as it is, without the languages left out,
// and says what happens to the answers given so far. A language left out
// stays in the draft, to offer once its words are there.
func (e *editor) publishNow(leaveOut []string) {
	before, err := e.db.CountResponses(e.draft.ID, time.Time{})
	if err != nil {
		e.trouble(lang.L("Speakeasy could not count the answers, so it did not publish."), err)
		return
	}
	s := offered(e.draft, leaveOut)
	v, err := e.db.Publish(s)
	if err != nil {
		e.trouble(lang.L("Speakeasy could not publish the survey. Your changes are still here."), err)
		return
	}
	if err := e.db.DeleteDraft(s.ID); err != nil {
		e.trouble(lang.L("Speakeasy published the survey, but could not tidy away the draft."), err)
		return
	}
	var msg string
	if v < e.latest {
		// The same words as an older version: the store keeps that number,
		// and the newest version stays in use.
		msg = lang.L("This is the same as version {{.V}}. Version {{.Latest}} stays the newest.", map[string]int{"V": v, "Latest": e.latest})
	} else {
		msg = lang.L("Published as version {{.V}}.", map[string]int{"V": v})
		if n := before.Total(); n > 0 && v > e.latest {
			msg += " " + lang.N("The {{.N}} answers given so far stay with the version they answered. New answers use version {{.V}}. Export shows them all.",
				n, map[string]int{"N": n, "V": v})
		}
		e.latest = v
	}
	if len(leaveOut) == 0 {
		e.draft, e.kept = s, false
	} else {
		var names []string
		for _, l := range leaveOut {
			names = append(names, survey.LanguageName(l))
		}
		msg += " " + lang.L("Participants cannot choose {{.Langs}} in version {{.V}}. Its words stay in your changes. Add the missing ones, then publish again to offer it.",
			map[string]string{"Langs": strings.Join(names, ", "), "V": fmt.Sprint(s.Version)})
		e.draft.Version = s.Version
		e.kept = true
		if err := e.db.SaveDraft(e.draft); err != nil {
			fyne.LogError("keeping the words of a language not offered", err)
			msg += " " + lang.L("Speakeasy could not keep those words for later.")
			e.kept = false
		}
	}
	e.say(msg)
	e.showPart()
	e.recheck()
}

// words is one text of a survey, with where it is on the editor's form
// and what staff call it.
type words struct {
	at   noteKey
	text *survey.Text
	name string // "the question's words", "the answer “Yes”", ...
}

// allWords lists every text of s that participants read, in the order
// they meet them.
func allWords(s *survey.Survey) []words {
	out := []words{
		{keyAt(-1, "title"), &s.Title, lang.L("the title")},
		{keyAt(-1, "welcome"), &s.Welcome, lang.L("the welcome words")},
	}
	for i := range s.Questions {
		q := &s.Questions[i]
		out = append(out,
			words{keyAt(i, "text"), &q.Text, lang.L("the question's words")},
			words{keyAt(i, "hint"), &q.Hint, lang.L("the hint")},
			words{keyAt(i, "easier"), &q.Easier, lang.L("the easier words")})
		for j := range q.Choices {
			c := &q.Choices[j]
			name := lang.L("the answer “{{.A}}”", map[string]string{"A": c.Text.In(s.Lang(), c.Value)})
			out = append(out, words{noteKey{q: i, field: "choices", choice: j}, &c.Text, name})
		}
		out = append(out,
			words{keyAt(i, "required_message"), &q.RequiredMessage, lang.L("the words when someone must answer")},
			words{keyAt(i, "constraint_message"), &q.ConstraintMessage, lang.L("the words when an answer does not fit")})
	}
	return append(out, words{keyAt(-1, "thanks"), &s.Thanks, lang.L("the thank-you words")})
}

// missing is what a language lacks: for each part (-1 the survey, else a
// question's index), the names of its words with none in the language.
type missing struct {
	lang  string
	parts []int            // in survey order
	names map[int][]string // by part
	keys  map[noteKey]bool // the places, with the language
}

// missingWords finds, for each language but the first, the words that
// have none in it. A language with nothing missing is left out.
func missingWords(s *survey.Survey) []missing {
	var out []missing
	for _, l := range s.Languages[min(1, len(s.Languages)):] {
		m := missing{lang: l, names: map[int][]string{}, keys: map[noteKey]bool{}}
		for _, w := range allWords(s) {
			if !hasWords(*w.text) || strings.TrimSpace((*w.text)[l]) != "" {
				continue
			}
			if _, ok := m.names[w.at.q]; !ok {
				m.parts = append(m.parts, w.at.q)
			}
			m.names[w.at.q] = append(m.names[w.at.q], w.name)
			k := w.at
			k.lang = l
			m.keys[k] = true
		}
		if len(m.parts) > 0 {
			out = append(out, m)
		}
	}
	return out
}

// hasWords reports whether t has words in any language.
func hasWords(t survey.Text) bool {
	return slices.ContainsFunc(slices.Collect(maps.Values(t)), func(s string) bool { return strings.TrimSpace(s) != "" })
}

// partName names a part of the survey for staff.
func partName(s *survey.Survey, q int) string {
	if q >= 0 && q < len(s.Questions) {
		return lang.L("Question {{.N}}", map[string]int{"N": q + 1})
	}
	return lang.L("The survey")
}

// adviceList is the question asked before publishing words that have
// notes or are missing in a language: a line for each part that lacks
// words in a language (which words), then each other note with its part
// and language, so that staff know what participants will see where. It
// is "" when there is nothing to ask about.
func adviceList(s *survey.Survey, ns []note, gaps []missing) string {
	var lines []string
	gap := map[noteKey]bool{}
	for _, m := range gaps {
		name := survey.LanguageName(m.lang)
		for _, q := range m.parts {
			lines = append(lines, fmt.Sprintf("• %s (%s): %s %s", partName(s, q), name,
				lang.L("These words are missing in {{.Lang}}.", map[string]string{"Lang": name}),
				capitalise(strings.Join(m.names[q], ", "))+"."))
		}
		for k := range m.keys {
			gap[k] = true
		}
	}
	seen := map[string]bool{}
	for _, no := range ns {
		if no.problem || gap[no.at] {
			continue
		}
		where := partName(s, no.at.q)
		if no.at.lang != "" {
			where += " (" + survey.LanguageName(no.at.lang) + ")"
		}
		line := "• " + where + ": " + no.text
		if !seen[line] {
			seen[line] = true
			lines = append(lines, line)
		}
	}
	n := len(lines)
	if n == 0 {
		return ""
	}
	if n > adviceShown {
		lines = append(lines[:adviceShown], lang.L("… and {{.N}} more.", map[string]int{"N": n - adviceShown}))
	}
	return lang.L("Things to look at in the words: {{.N}}.", map[string]int{"N": n}) + "\n" +
		strings.Join(lines, "\n") + "\n\n" +
		lang.L("Participants will see these words as they are now. Where a language has no words, they see the survey's first language. Publish anyway?")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// askPublish shows the question before publishing: the list, and for each
// language with missing words the choice to offer it anyway or not to
// offer it in this version. yes gets the languages not to offer.
func (e *editor) askPublish(list string, gaps []missing, yes func(leaveOut []string)) {
	text := widget.NewLabel(list)
	text.Wrapping = fyne.TextWrapWord
	parts := []fyne.CanvasObject{text}
	choices := map[string]*widget.RadioGroup{}
	main := survey.LanguageName(e.draft.Lang())
	for _, m := range gaps {
		name := survey.LanguageName(m.lang)
		offer := lang.L("Offer {{.Lang}}: where its words are missing, people read {{.Main}}", map[string]string{"Lang": name, "Main": main})
		not := lang.L("Do not offer {{.Lang}} to participants in this version", map[string]string{"Lang": name})
		r := widget.NewRadioGroup([]string{offer, not}, nil)
		r.Required = true
		r.SetSelected(offer)
		choices[m.lang] = r
		parts = append(parts, r)
	}
	d := dialog.NewCustomConfirm(lang.L("Are you sure?"), lang.L("Yes"), lang.L("No"),
		atDesk(container.NewVBox(parts...)), func(ok bool) {
			if !ok {
				return
			}
			var leaveOut []string
			for _, m := range gaps {
				if choices[m.lang].Selected != choices[m.lang].Options[0] {
					leaveOut = append(leaveOut, m.lang)
				}
			}
			yes(leaveOut)
		}, e.p.win)
	// As wide as a laptop allows, so that the list takes fewer lines.
	d.Resize(fyne.NewSize(min(e.p.win.Canvas().Size().Width-40, 1000), 0))
	d.Show()
}

// offered is the survey to publish: s without the languages left out,
// and without their words, so that participants cannot choose them and
// nothing shows in them.
func offered(s *survey.Survey, leaveOut []string) *survey.Survey {
	c := cloneSurvey(s)
	if len(leaveOut) == 0 {
		return c
	}
	c.Languages = slices.DeleteFunc(c.Languages, func(l string) bool { return slices.Contains(leaveOut, l) })
	for _, w := range allWords(c) {
		for _, l := range leaveOut {
			delete(*w.text, l)
		}
	}
	return c
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
