package export

import (
	"strconv"
	"strings"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// The metadata columns that end every row, and what they hold. The names
// are KoboToolbox's where Kobo has the same thing (_id, _uuid, _index,
// _submission_time); Speakeasy's own say what they are, so that none can
// be taken for a Kobo column that means something else.
var metaColumns = []struct {
	name, about string
	format      cellFormat
	width       float64
}{
	{"_id", "The response's number: 1, 2, 3 … in the order people finished. Unfinished ones come last.", formatNumber, 8},
	{"_uuid", "The response's own random code.", formatText, 38},
	{"_submission_time", "When Speakeasy last saved the response, in world time, like 2024-05-01T09:00:00Z.", formatText, 22},
	{"_device", "The laptop's own random code.", formatText, 38},
	{"_event", "The event the laptop was at.", formatText, 20},
	{"_survey_version", "The version of the survey the person answered.", formatNumber, 10},
	{"_language", "The language the person answered in.", formatText, 10},
	{"_answered_by", "Who answered: the person, a parent or carer, or a helper.", formatText, 20},
	{"_started", "When the person saw the first screen. It is local time, then how far that is from world time.", formatText, 27},
	{"_finished", "When the person answered the last screen, written like _started. Empty if they did not finish.", formatText, 27},
	{"_complete", "1 if the person reached the end, 0 if they stopped part way.", formatNumber, 10},
	{"_index", "The row's number in this file.", formatNumber, 8},
}

// The places of the metadata columns after plan.meta.
const (
	metaID = iota
	metaUUID
	metaSubmitted
	metaDevice
	metaEvent
	metaVersion
	metaLanguage
	metaAnsweredBy
	metaStarted
	metaFinished
	metaComplete
	metaIndex
)

// Cells made once and shared by every row.
var cellOne, cellZero any = 1, 0

// Time layouts for the details: UTC with Z, and local time with its offset.
const (
	layoutUTC   = "2006-01-02T15:04:05Z"
	layoutLocal = "2006-01-02T15:04:05-07:00"
)

// row fills cells (len(p.cols), reused) with one response, and counts its
// answers for the Summary sheet. Questions not answered, hidden by skip
// logic or not in the response's version stay nil: an empty cell.
func (p *plan) row(r survey.Response, answers []store.StoredAnswer, cells []any) {
	clear(cells)
	p.rows++
	v := p.versions[r.Version]
	last := -1 // the place in v of the last question answered
	next := 0  // where in p.sorted the next answer's question is looked for
	for _, a := range answers {
		q := p.question(&next, a.Question)
		if q == nil || q.col < 0 || a.Value == "" {
			continue
		}
		kind, offered := q.def.Kind, []bool(nil)
		if v != nil && v.pos[q.idx] >= 0 {
			kind, offered = v.kind[q.idx], v.offers[q.idx]
			last = max(last, v.pos[q.idx])
		}
		if p.answer(q, kind, offered, a.Value, cells) {
			q.seen, q.value = p.rows, a.Value
		}
		if q.toRead != "" {
			p.keep(r.ID, q, q.toRead)
			q.toRead = ""
		}
	}
	p.notAnswered(r, v, last)
	p.details(r, v, cells[p.meta:])
	p.countHard(r, cells)
}

// question is the question with the given ID, looked for in p.sorted
// from *next on, as a response's answers come in the order of their
// questions' IDs; an ID out of order is found by hashing.
func (p *plan) question(next *int, id string) *question {
	for *next < len(p.sorted) && p.sorted[*next].id < id {
		*next++
	}
	if *next < len(p.sorted) && p.sorted[*next].id == id {
		return p.sorted[*next]
	}
	return p.byID[id]
}

// notAnswered counts, for each question the row leaves empty, whether the
// person was asked it and skipped it, or was not asked: a skip rule hid
// it, their version did not have it, or they stopped before it.
func (p *plan) notAnswered(r survey.Response, v *version, last int) {
	for _, q := range p.questions {
		if q.col < 0 || q.seen == p.rows {
			continue
		}
		switch {
		case v == nil || v.pos[q.idx] < 0:
			q.notAsked++
		case v.rule[q.idx] != nil && !v.rule[q.idx].shows(p):
			q.notAsked++
		case r.Status != survey.Complete && v.pos[q.idx] > last:
			q.notAsked++
		default:
			q.skipped++
		}
	}
}

// rowEnv gives skip rules the answers of the row being made.
type rowEnv struct{ p *plan }

func (e rowEnv) Lookup(id string) survey.Answer {
	q := e.p.byID[id]
	if q == nil || q.seen != e.p.rows {
		return nil
	}
	if l, ok := q.lists[q.value]; ok {
		return l.values
	}
	a, _ := survey.DecodeAnswer(q.value, q.def.Kind)
	return a
}

func (e rowEnv) Self() survey.Answer { return nil }

// details fills the metadata cells m of a row.
func (p *plan) details(r survey.Response, v *version, m []any) {
	// _id comes later, from p.numbered.
	m[metaUUID], m[metaDevice], m[metaEvent] = r.ID, p.shared(r.DeviceID), p.shared(r.Event)
	submitted := r.Updated
	if !r.Finished.IsZero() {
		submitted = r.Finished
	}
	if !submitted.IsZero() {
		m[metaSubmitted] = submitted.UTC().Format(layoutUTC)
	}
	if v != nil {
		m[metaVersion] = v.cell
	} else {
		m[metaVersion] = r.Version
	}
	m[metaLanguage] = p.shared(r.Language)
	if r.AnsweredBy != "" {
		who := r.AnsweredBy
		if v != nil && !p.codes {
			if label, ok := v.answeredBy[r.AnsweredBy]; ok {
				who = label
			}
		}
		m[metaAnsweredBy] = p.shared(who)
	}
	m[metaStarted] = r.Started.Local().Format(layoutLocal)
	if !r.Finished.IsZero() {
		m[metaFinished] = r.Finished.Local().Format(layoutLocal)
	}
	m[metaComplete] = cellZero
	if r.Status == survey.Complete {
		m[metaComplete] = cellOne
	}
	m[metaIndex] = p.rows
}

// answer puts one stored answer, given as a question of kind, into q's
// columns in the shape of q's newest kind, and reports whether it held an
// answer. offered says which options the answer's version showed, when it
// asked for many; nil means all. An answer that does not fit a number or
// date column is left out of it and put in q.toRead, for the Comments sheet.
func (p *plan) answer(q *question, kind survey.Kind, offered []bool, value string, cells []any) bool {
	one := [1]string{value}
	values := one[:]
	var combined any
	if kind == survey.KindMany {
		l, ok := q.lists[value]
		if !ok {
			a, err := survey.DecodeAnswer(value, kind)
			if err != nil {
				q.toRead = value // not a list after all; keep it as it is
				return false
			}
			l = list{values: a, cell: p.joined(q, a)}
			if len(q.lists) < maxLists {
				q.lists[strings.Clone(value)] = l
			}
		}
		values, combined = l.values, l.cell
	}
	if len(values) == 0 {
		return false
	}
	q.answered++
	switch q.def.Kind {
	case survey.KindOne, survey.KindFaces, survey.KindYesNo:
		if i, ok := q.index[values[0]]; ok && len(values) == 1 {
			cells[q.col] = q.opts[i].cell
			q.counts[i]++
			return true
		}
		if q.numeric { // several, or a code no version knows: not a number
			q.toRead = p.joined(q, values)
			return true
		}
		cells[q.col] = p.joined(q, values) // several, from a version that asked for many
	case survey.KindMany:
		for i := range q.opts {
			if offered == nil || offered[i] {
				cells[q.col+1+i] = cellZero
			}
		}
		for _, v := range values {
			if i, ok := q.index[v]; ok {
				cells[q.col+1+i] = cellOne
				q.counts[i]++
			}
		}
		if combined == nil { // one value, from a version that asked for one
			combined = p.joined(q, values)
		}
		cells[q.col] = combined
	case survey.KindNumber:
		s := strings.TrimSpace(strings.Join(values, " "))
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			cells[q.col] = f
			q.addNumber(f)
		} else {
			q.toRead = s
		}
	case survey.KindDate:
		s := strings.Join(values, " ")
		if d, err := time.Parse(survey.DateLayout, s); err == nil {
			cells[q.col] = d
			q.addDate(d)
		} else if s == survey.DontKnow || s == survey.PreferNot {
			// The date column holds dates only: the Summary counts these
			// and the Comments sheet names them, with the response.
			i := 0
			if s == survey.PreferNot {
				i = 1
			}
			q.unsure[i]++
			q.toRead = survey.BuiltinWord(p.lang, s)
		} else if t, monthKnown, ok := survey.About(s); ok {
			// "About when?": a month counts with the dates' months, a year
			// alone on its own; the Comments sheet has the answer.
			if monthKnown {
				q.addDate(t)
			} else {
				q.addYear(t.Year())
			}
			q.toRead = s
		} else {
			q.toRead = s
		}
	default:
		s := strings.Join(values, " ")
		cells[q.col] = s
		if p.comments != nil {
			q.toRead = s // not bad: words to read with the others
		}
	}
	return true
}

// joined is several choices in one cell: labels joined by ", ", or codes
// by " " as XLSForm writes them. A value no version knows is kept as it is.
func (p *plan) joined(q *question, values []string) string {
	if p.codes {
		return strings.Join(values, " ")
	}
	labels := make([]string, len(values))
	for i, v := range values {
		labels[i] = v
		if j, ok := q.index[v]; ok {
			labels[i] = q.opts[j].label
		}
	}
	return strings.Join(labels, ", ")
}
