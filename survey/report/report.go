// Package report makes the easy-read "You said" report: a PDF that gives
// the people who answered a survey what they said, in short sentences,
// big words and pictures, and what staff will do about it.
//
// Tally reads the answers through survey/store; Write lays them out. Small
// numbers are kept private: a question fewer than MinPeople people
// answered is not shown, and no number under MinPeople is ever printed on
// its own (small answers are put together, or named without a number).
// Typed answers are never printed unless staff picked them as quotes.
//
// The words are real text in Noto Sans (fonts/, SIL Open Font License),
// the same font the app draws with, so screen readers and pdftotext read
// them. The report's own sentences are in English and Welsh.
package report

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"speakeasy/survey"
	"speakeasy/survey/check"
)

// Options shape a report.
type Options struct {
	Lang string // "en" or "cy"; empty means English
	// MinPeople is the fewest people a number may stand for; 0 means DefaultMinPeople.
	MinPeople int
	// WeWill is staff's own words for the "What we will do" page, one
	// idea a line; empty leaves the page out.
	WeWill string
	// Quotes are typed answers staff chose to show, by question ID. Only
	// words someone really typed are printed; others are left out.
	Quotes map[string][]string
}

// ErrTooFew is returned when too few people answered to make a report
// that keeps their answers private.
var ErrTooFew = errors.New("not enough people answered to make a report")

// check fills in defaults and refuses what cannot be made.
func (o *Options) check() error {
	if o.Lang == "" {
		o.Lang = "en"
	}
	if !slices.Contains(Languages, o.Lang) {
		return fmt.Errorf("the report's words are in English (en) and Welsh (cy) only, not %q", o.Lang)
	}
	if o.MinPeople == 0 {
		o.MinPeople = DefaultMinPeople
	}
	if o.MinPeople < 2 {
		return fmt.Errorf("the smallest number to show must be at least 2, so no one person's answer stands alone (it was %d)", o.MinPeople)
	}
	return nil
}

// CheckWeWill runs the easy-read checker over staff's "What we will do"
// words, so problems can be shown to staff before the report is made.
func CheckWeWill(text, lang string) []check.Warning {
	return check.Text(text, lang, check.Options{})
}

// style is how a line of the report looks.
type style int

const (
	styleBody    style = iota
	styleTitle         // the big "You said" on the cover
	styleHeading       // a question, or a page's heading
	styleStrong        // the sentence that sums a question up
	styleSmall         // how many people one picture stands for
	styleQuote         // words a participant typed, chosen by staff
)

// line is one idea on a page: words, a picture on the left, and perhaps a
// row of small pictures under the words.
type line struct {
	style   style
	text    string
	picture string
	icons   int    // how many small pictures to draw under the words
	icon    string // the small picture; empty means the line's own
	// together is how many lines after this one go on the same page as it.
	together int
}

// section starts on a new page.
type section []line

// document is the whole report before it is drawn.
type document struct {
	title    string
	lang     string
	sections []section
}

// sentences lists every sentence of the document, for tests and checks.
func (d *document) sentences() []string {
	var out []string
	for _, s := range d.sections {
		for _, l := range s {
			out = append(out, l.text)
		}
	}
	return out
}

// plan makes the document's words from the counts.
func plan(res *Results, o Options) (*document, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	if res.People < o.MinPeople {
		return nil, fmt.Errorf("%w: %d answered, and a report needs at least %d to keep answers private", ErrTooFew, res.People, o.MinPeople)
	}
	w := words{lang: o.Lang, k: o.MinPeople}
	s := res.Survey
	d := &document{title: s.Title.In(o.Lang, s.Lang()), lang: o.Lang}
	d.sections = append(d.sections, cover(res, w, d.title))
	for _, qr := range res.Questions {
		d.sections = append(d.sections, questionSection(qr, s.Lang(), w, o))
	}
	if hard := hardSection(res, w); hard != nil {
		d.sections = append(d.sections, hard)
	}
	if we := weWillSection(o.WeWill, w); we != nil {
		d.sections = append(d.sections, we)
	}
	return d, nil
}

// cover is the first page: the title, how many answered, where and when.
func cover(res *Results, w words, title string) section {
	picture := res.Survey.Picture
	if picture == "" {
		picture = "speech-balloon"
	}
	sec := section{
		{style: styleTitle, text: w.say("you said", nil)},
		{style: styleHeading, text: title, picture: picture},
		{text: w.say("answered", map[string]any{"n": res.People}), picture: "busts-in-silhouette"},
	}
	if len(res.Events) > 0 {
		sec = append(sec, line{text: w.say("where", map[string]any{"x": w.list(res.Events, "and")}), picture: "house"})
	}
	if !res.First.IsZero() {
		sec = append(sec, line{text: w.say("when", map[string]any{"x": w.months(res.First, res.Last)}), picture: "spiral-calendar"})
	}
	return sec
}

// questionSection is one question's page.
func questionSection(qr *QuestionResult, fallback string, w words, o Options) section {
	q := qr.Question
	sec := section{{style: styleHeading, text: q.Text.In(w.lang, fallback), picture: q.Picture}}
	rows, few, hidden := answerRows(qr, w.lang, fallback, w.k)
	if hidden {
		return append(sec, line{text: w.say("hidden", nil), picture: "locked"})
	}
	if q.Kind == survey.KindText {
		sec = append(sec, line{text: w.say("wrote", map[string]any{"n": qr.Answered}), picture: "writing-hand"})
		return append(sec, quoteLines(qr, w, o.Quotes[q.ID])...)
	}
	sec = append(sec, line{text: w.say("q answered", map[string]any{"n": qr.Answered})})
	verb := "said"
	if q.Kind == survey.KindMany {
		verb = "chose"
	}
	if sum := summary(rows, qr.Answered, q.Kind, w); sum != "" {
		sec = append(sec, line{style: styleStrong, text: sum})
	}
	unit := pictureUnit(rows)
	sec = append(sec, scaleLine(unit, w))
	for _, r := range rows {
		l := line{text: w.say(verb, map[string]any{"n": r.people, "a": w.label(r)}), picture: r.picture,
			icons: max(1, int(math.Round(float64(r.people)/float64(unit))))}
		if r.span != rangeNone {
			l.icon = "bust-in-silhouette" // a row of people, not of calendars
		}
		sec = append(sec, l)
	}
	for _, r := range few {
		sec = append(sec, line{text: w.say("few chose", map[string]any{"a": w.label(r)}), picture: r.picture})
	}
	return sec
}

// scaleLine says how many people one small picture stands for.
func scaleLine(unit int, w words) line {
	if unit == 1 {
		return line{style: styleSmall, text: w.say("scale 1", nil)}
	}
	return line{style: styleSmall, text: w.say("scale", map[string]any{"n": unit})}
}

// label writes a row's answer: quoted words, or a range.
func (w words) label(r row) string {
	switch r.span {
	case rangeNumbers:
		return w.span(r.lo, r.hi)
	case rangeMonths:
		return w.months(monthTime(r.lo), monthTime(r.hi))
	}
	quoted := make([]string, len(r.labels))
	for i, l := range r.labels {
		quoted[i] = quote(l)
	}
	return w.list(quoted, "or")
}

// summary sums a question up in one sentence: what most people said, or
// what more people said than anything else; empty when neither is true
// or the top row is several answers put together.
func summary(rows []row, answered int, kind survey.Kind, w words) string {
	if len(rows) < 2 {
		return ""
	}
	top := 0
	for i, r := range rows {
		if r.people > rows[top].people {
			top = i
		}
	}
	r := rows[top]
	if len(r.labels) > 1 {
		return ""
	}
	args := map[string]any{"a": w.label(r)}
	switch {
	case r.people*2 > answered && kind == survey.KindMany:
		return w.say("most chose", args)
	case r.people*2 > answered:
		return w.say("most said", args)
	case kind == survey.KindMany || r.span != rangeNone:
		// Ranges are joined to keep numbers private, so a wide one may
		// hold more people only because it is wide.
		return ""
	}
	for i, o := range rows {
		if i != top && o.people == r.people {
			return ""
		}
	}
	return w.say("more said", args)
}

// pictureUnit is how many people one small picture stands for, so that
// the longest row has ten pictures or fewer: 1, 2, 5, 10, 20, 50 …
func pictureUnit(rows []row) int {
	most := 0
	for _, r := range rows {
		most = max(most, r.people)
	}
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if most <= 10*m*p {
				return m * p
			}
		}
	}
}

// quoteLines say how many typed an answer and show the quotes staff chose,
// keeping only words that someone really typed.
func quoteLines(qr *QuestionResult, w words, chosen []string) []line {
	var quotes []line
	for _, c := range chosen {
		if c = strings.TrimSpace(c); c != "" && slices.ContainsFunc(qr.Texts, func(t string) bool { return strings.TrimSpace(t) == c }) {
			quotes = append(quotes, line{style: styleQuote, text: quote(c), picture: "speech-balloon"})
		}
	}
	if len(quotes) == 0 {
		return []line{{text: w.say("private", nil), picture: "locked"}}
	}
	return append([]line{{text: w.say("quotes", nil)}}, quotes...)
}

// weWillSection is staff's "What we will do" page, one line an idea.
func weWillSection(text string, w words) section {
	var sec section
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(strings.TrimLeft(l, "-*• ")); l != "" {
			sec = append(sec, line{text: l, picture: "check-mark-button"})
		}
	}
	if sec == nil {
		return nil
	}
	return append(section{{style: styleHeading, text: w.say("we will", nil), picture: "writing-hand"}}, sec...)
}
