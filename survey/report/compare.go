package report

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"speakeasy/survey"
)

// Side is one of the two things a "then and now" report compares: an
// event, or a span of days.
type Side struct {
	Event    string    // an event's name; empty for a span of days
	From, To time.Time // the first and last day of a span, when Event is empty
}

// ParseSide reads "Spring family day" as an event, and
// "2024-03-01..2024-05-31" as the days from one date to another.
func ParseSide(s string) (Side, error) {
	from, to, ok := strings.Cut(s, "..")
	if !ok {
		if strings.TrimSpace(s) == "" {
			return Side{}, fmt.Errorf("an event to compare has no name")
		}
		return Side{Event: s}, nil
	}
	a, err1 := time.ParseInLocation("2006-01-02", strings.TrimSpace(from), time.Local)
	b, err2 := time.ParseInLocation("2006-01-02", strings.TrimSpace(to), time.Local)
	if err1 != nil || err2 != nil || b.Before(a) {
		return Side{}, fmt.Errorf("%q: write a span of days as FIRST..LAST, like 2024-03-01..2024-05-31", s)
	}
	return Side{From: a, To: b}, nil
}

// Filter narrows a base filter to this side.
func (s Side) Filter(base Filter) Filter {
	if s.Event != "" {
		base.Events = []string{s.Event}
		return base
	}
	base.Since, base.Until = s.From, s.To.AddDate(0, 0, 1)
	return base
}

// name is how a sentence starts with the side: "At Spring family day".
func (s Side) name(w words) string { return w.at(s.Event, s.From, s.To) }

// WriteCompare writes the "then and now" report of two tallies: for each
// question both asked, what people said then and now, with a plain word
// for up, down or the same.
func WriteCompare(out io.Writer, then, now *Results, sides [2]Side, o Options) error {
	d, err := planCompare(then, now, sides, o)
	if err != nil {
		return err
	}
	return render(out, d)
}

func planCompare(then, now *Results, sides [2]Side, o Options) (*document, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	w := words{lang: o.Lang, k: o.MinPeople}
	results := [2]*Results{then, now}
	names := [2]string{sides[0].name(w), sides[1].name(w)}
	for i, r := range results {
		if r.People < o.MinPeople {
			return nil, fmt.Errorf("%w at %s: %d answered, and a report needs at least %d to keep answers private",
				ErrTooFew, names[i], r.People, o.MinPeople)
		}
	}
	s := now.Survey
	d := &document{title: s.Title.In(o.Lang, s.Lang()), lang: o.Lang}
	cover := section{
		{style: styleTitle, text: w.say("then and now", nil)},
		{style: styleHeading, text: d.title, picture: cmp.Or(s.Picture, "speech-balloon")},
	}
	for i, r := range results {
		cover = append(cover, line{text: w.say("at answered", map[string]any{"x": names[i], "n": r.People}), picture: "busts-in-silhouette"})
	}
	d.sections = append(d.sections, cover)
	var onlyOne section
	for _, qt := range then.Questions {
		qn := now.Question(qt.Question.ID)
		if !then.Asked(qt.Question.ID) || !now.Asked(qt.Question.ID) || qn == nil {
			continue
		}
		d.sections = append(d.sections, compareQuestion([2]*QuestionResult{qt, qn}, names, s.Lang(), w))
	}
	for _, pair := range [][2]*Results{{then, now}, {now, then}} {
		for _, q := range pair[0].Questions {
			if id := q.Question.ID; pair[0].Asked(id) && !pair[1].Asked(id) {
				onlyOne = append(onlyOne, line{text: q.Question.Text.In(o.Lang, s.Lang()), picture: q.Question.Picture})
			}
		}
	}
	if onlyOne != nil {
		d.sections = append(d.sections, append(section{{style: styleStrong, text: w.say("only one asked", nil)}}, onlyOne...))
	}
	return d, nil
}

// compareQuestion is one question's page: for each row of answers both
// sides show the same (so at least k people said it on each side), a
// sentence for then and for now, with their pictures, and up, down or the same.
func compareQuestion(qr [2]*QuestionResult, names [2]string, fallback string, w words) section {
	q := qr[1].Question
	sec := section{{style: styleHeading, text: q.Text.In(w.lang, fallback), picture: q.Picture}}
	var rows [2][]row
	for i := range qr {
		var hidden bool
		rows[i], _, hidden = answerRows(qr[i], w.lang, fallback, w.k)
		if hidden || q.Kind == survey.KindText {
			rows[i] = nil
		}
		if hidden {
			sec = append(sec, line{text: w.say("in hidden", map[string]any{"x": names[i]}), picture: "locked"})
		}
	}
	if q.Kind == survey.KindText {
		return append(sec, line{text: w.say("private", nil), picture: "locked"})
	}
	verb := "in said"
	if q.Kind == survey.KindMany {
		verb = "in chose"
	}
	unit := pictureUnit(append(slices.Clone(rows[0]), rows[1]...))
	if len(rows[0]) > 0 || len(rows[1]) > 0 {
		sec = append(sec, scaleLine(unit, w))
	}
	say := func(side int, r row) line {
		return line{text: w.say(verb, map[string]any{"x": names[side], "n": r.people, "m": qr[side].Answered, "a": w.label(r)}),
			picture: r.picture, icons: max(1, int(math.Round(float64(r.people)/float64(unit))))}
	}
	if q.Kind == survey.KindNumber || q.Kind == survey.KindDate {
		// Each side's ranges are its own, so they are listed, not set
		// against each other.
		for side := range rows {
			for _, r := range rows[side] {
				sec = append(sec, say(side, r))
			}
		}
		return sec
	}
	for _, r0 := range rows[0] {
		i := slices.IndexFunc(rows[1], func(r row) bool { return slices.Equal(r.labels, r0.labels) })
		if i < 0 {
			continue // not shown on its own on both sides
		}
		then, now := say(0, r0), say(1, rows[1][i])
		then.together = 2
		sec = append(sec, then, now)
		// Five points either way is "about the same": a few people more or
		// less in a small group is not a change to report.
		switch diff := float64(rows[1][i].people)/float64(qr[1].Answered) - float64(r0.people)/float64(qr[0].Answered); {
		case diff > 0.05:
			sec = append(sec, line{style: styleStrong, text: w.say("up", nil), picture: "up-arrow"})
		case diff < -0.05:
			sec = append(sec, line{style: styleStrong, text: w.say("down", nil), picture: "down-arrow"})
		default:
			sec = append(sec, line{style: styleStrong, text: w.say("same", nil), picture: "right-arrow"})
		}
	}
	return sec
}
