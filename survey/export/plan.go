package export

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// cellFormat is how a column's values are shown.
type cellFormat int

const (
	formatText     cellFormat = iota
	formatNumber              // numbers, 1/0 and codes that are numbers
	formatDate                // a day: time.Time at midnight UTC
	formatDateTime            // a moment: time.Time in local time
)

// column is one column of the Responses sheet (and of the CSV file).
type column struct {
	header string
	format cellFormat
	width  float64
}

// question is one question as exported: the union of its versions.
type question struct {
	id       string
	def      *survey.Question // from the newest version that has it
	fallback string           // that version's first language
	col      int              // its first column, -1 for an information screen
	opts     []option         // every option any version offers, newest first
	index    map[string]int   // option value to place in opts
	versions []int            // the versions that ask it, oldest first

	counts   []int // how often each option was chosen, for the Summary sheet
	answered int   // how many responses answered it

	// lists remembers stored many-choice lists already decoded: the same
	// few combinations come back again and again.
	lists map[string]list
}

// list is a decoded many-choice answer and its combined cell.
type list struct {
	values []string
	cell   any
}

// maxLists bounds each question's memory of decoded lists.
const maxLists = 512

// option is one answer of a choice question, with its cell made once.
type option struct {
	value, label string
	cell         any // the label, or the code (a number when it is one)
}

// version is what the export needs to know of one survey version.
type version struct {
	kinds      map[string]survey.Kind
	answeredBy map[string]string // code to label of the "who is answering" question
	cell       any               // the version number, made once
	// offered marks, for each many-choice question, which options (by
	// place in question.opts) this version showed: the others are empty
	// for its responses, not 0.
	offered map[string][]bool
}

// plan is the shape of an export: its columns and how a stored response
// becomes a row of cells.
type plan struct {
	surveyID  string
	newest    *survey.Survey
	lang      string
	languages []string // every language any version has, newest's first
	codes     bool
	versions  map[int]*version
	questions []*question // in column order
	byID      map[string]*question
	cols      []column
	meta      int // the first metadata column

	// cells holds a made cell for each of the few details that repeat
	// on every row (device, event, language, who answered), so rows
	// share them rather than each making its own.
	cells map[string]any
}

// maxShared bounds the cells plan.shared keeps.
const maxShared = 1024

// shared is s as a cell, made once for a value seen before.
func (p *plan) shared(s string) any {
	if c, ok := p.cells[s]; ok {
		return c
	}
	c := any(s)
	if len(p.cells) < maxShared {
		p.cells[strings.Clone(s)] = c
	}
	return c
}

// The metadata columns that end every row, and what they hold.
var metaColumns = []struct {
	name, about string
	format      cellFormat
	width       float64
}{
	{"_uuid", "The response's own random ID.", formatText, 38},
	{"_device", "The ID of the laptop the answers were given on.", formatText, 38},
	{"_event", "The event the laptop was at.", formatText, 20},
	{"_survey_version", "The version of the survey that was answered.", formatNumber, 10},
	{"_language", "The language the person answered in.", formatText, 10},
	{"_answered_by", "Who answered: the person, a parent or carer, or a helper.", formatText, 20},
	{"_started", "When the first screen was shown (local time).", formatDateTime, 18},
	{"_finished", "When the last screen was answered (local time); empty if not finished.", formatDateTime, 18},
	{"_status", "complete, or incomplete if the person stopped part way.", formatText, 12},
}

// Cells made once and shared by every row.
var (
	cellOne, cellZero            any = 1, 0
	cellComplete, cellIncomplete any = string(survey.Complete), string(survey.Incomplete)
)

// newPlan reads every version of the survey and lays out the columns:
// the newest version's questions in its order and words, then questions
// only older versions asked, then the metadata.
func newPlan(db *store.DB, opts Options) (*plan, error) {
	if opts.SurveyID == "" {
		return nil, errors.New("say which survey to export")
	}
	all, err := db.SurveyVersions(opts.SurveyID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("%w: %q is not in this data", ErrNoSurvey, opts.SurveyID)
	}
	if err != nil {
		return nil, err
	}
	newest := all[len(all)-1]
	p := &plan{
		surveyID: opts.SurveyID, newest: newest, lang: opts.Lang, codes: opts.Codes,
		versions: map[int]*version{}, byID: map[string]*question{}, cells: map[string]any{},
	}
	for i := len(all) - 1; i >= 0; i-- {
		for _, l := range all[i].Languages {
			if !slices.Contains(p.languages, l) {
				p.languages = append(p.languages, l)
			}
		}
	}
	if p.lang == "" {
		p.lang = newest.Lang()
	} else if !slices.Contains(p.languages, p.lang) {
		return nil, fmt.Errorf("the survey %q has no words in the language %q; it has %s",
			opts.SurveyID, p.lang, strings.Join(p.languages, ", "))
	}
	for i := len(all) - 1; i >= 0; i-- {
		p.addVersion(all[i])
	}
	for _, q := range p.questions {
		slices.Sort(q.versions)
		q.counts = make([]int, len(q.opts))
	}
	for _, v := range p.versions {
		for id, offered := range v.offered {
			v.offered[id] = append(offered, make([]bool, len(p.byID[id].opts)-len(offered))...)
		}
	}
	p.layout()
	return p, nil
}

// addVersion adds one version's questions and options not seen in a newer one.
func (p *plan) addVersion(s *survey.Survey) {
	v := &version{kinds: map[string]survey.Kind{}, answeredBy: map[string]string{}, cell: s.Version,
		offered: map[string][]bool{}}
	p.versions[s.Version] = v
	for i := range s.Questions {
		def := &s.Questions[i]
		v.kinds[def.ID] = def.Kind
		q := p.byID[def.ID]
		if q == nil {
			q = &question{id: def.ID, def: def, fallback: s.Lang(), index: map[string]int{}, lists: map[string]list{}}
			p.byID[def.ID] = q
			p.questions = append(p.questions, q)
		}
		q.versions = append(q.versions, s.Version)
		var offered []int
		for _, o := range def.Options(p.lang, s.Lang()) {
			i, seen := q.index[o.Value]
			if !seen {
				i = len(q.opts)
				q.index[o.Value] = i
				q.opts = append(q.opts, p.option(o))
			}
			offered = append(offered, i)
		}
		if def.Kind == survey.KindMany {
			v.offered[def.ID] = make([]bool, len(q.opts)) // grown below, once all versions are in
			for _, i := range offered {
				v.offered[def.ID][i] = true
			}
		}
	}
	if q := s.Question(s.AnsweredBy); q != nil {
		for _, o := range q.Options(p.lang, s.Lang()) {
			v.answeredBy[o.Value] = o.Label
		}
	}
}

func (p *plan) option(o survey.Option) option {
	opt := option{value: o.Value, label: o.Label, cell: o.Label}
	if p.codes {
		opt.cell = o.Value
		if f, err := strconv.ParseFloat(o.Value, 64); err == nil {
			opt.cell = f
		}
	}
	return opt
}

// layout makes the columns: one per question, one more per option of a
// many-choice question, then the metadata.
func (p *plan) layout() {
	for _, q := range p.questions {
		q.col = -1
		if q.def.Kind == survey.KindNote {
			continue
		}
		q.col = len(p.cols)
		head := p.header(q)
		format := formatText
		switch q.def.Kind {
		case survey.KindNumber:
			format = formatNumber
		case survey.KindDate:
			format = formatDate
		}
		p.cols = append(p.cols, column{header: head, format: format, width: width(head)})
		if q.def.Kind == survey.KindMany {
			for _, o := range q.opts {
				h := head + "/" + o.label
				if p.codes {
					h = q.id + "/" + o.value
				}
				p.cols = append(p.cols, column{header: h, format: formatNumber, width: width(h)})
			}
		}
	}
	p.meta = len(p.cols)
	for _, m := range metaColumns {
		p.cols = append(p.cols, column{header: m.name, format: m.format, width: m.width})
	}
}

// header is a question's column header: its words, or its ID with Codes.
func (p *plan) header(q *question) string {
	if p.codes {
		return q.id
	}
	return q.def.Text.In(p.lang, q.fallback)
}

// width is a column width that fits a header of a sensible length.
func width(header string) float64 {
	return float64(min(max(utf8.RuneCountInString(header)+2, 10), 40))
}

// row fills cells (len(p.cols), reused) with one response, and counts its
// choices for the Summary sheet. Questions not answered, hidden by skip
// logic or not in the response's version stay nil: an empty cell.
func (p *plan) row(r survey.Response, answers []store.StoredAnswer, cells []any) {
	clear(cells)
	v := p.versions[r.Version]
	for _, a := range answers {
		q := p.byID[a.Question]
		if q == nil || q.col < 0 || a.Value == "" {
			continue
		}
		kind, offered := q.def.Kind, []bool(nil)
		if v != nil {
			if k, ok := v.kinds[a.Question]; ok {
				kind, offered = k, v.offered[a.Question]
			}
		}
		p.answer(q, kind, offered, a.Value, cells)
	}
	m := cells[p.meta:]
	m[0], m[1], m[2] = r.ID, p.shared(r.DeviceID), p.shared(r.Event)
	if v != nil {
		m[3] = v.cell
	} else {
		m[3] = r.Version
	}
	m[4] = p.shared(r.Language)
	if r.AnsweredBy != "" {
		who := r.AnsweredBy
		if v != nil && !p.codes {
			if label, ok := v.answeredBy[r.AnsweredBy]; ok {
				who = label
			}
		}
		m[5] = p.shared(who)
	}
	m[6] = r.Started.Local()
	if !r.Finished.IsZero() {
		m[7] = r.Finished.Local()
	}
	m[8] = cellIncomplete
	if r.Status == survey.Complete {
		m[8] = cellComplete
	}
}

// answer puts one stored answer, given as a question of kind, into q's
// columns in the shape of q's newest kind. offered says which options the
// answer's version showed, when it asked for many; nil means all.
func (p *plan) answer(q *question, kind survey.Kind, offered []bool, value string, cells []any) {
	one := [1]string{value}
	values := one[:]
	var combined any
	if kind == survey.KindMany {
		l, ok := q.lists[value]
		if !ok {
			a, err := survey.DecodeAnswer(value, kind)
			if err != nil {
				cells[q.col] = value // not a list after all; show it as it is
				return
			}
			l = list{values: a, cell: p.joined(q, a)}
			if len(q.lists) < maxLists {
				q.lists[strings.Clone(value)] = l
			}
		}
		values, combined = l.values, l.cell
	}
	if len(values) == 0 {
		return
	}
	q.answered++
	switch q.def.Kind {
	case survey.KindOne, survey.KindFaces, survey.KindYesNo:
		if i, ok := q.index[values[0]]; ok && len(values) == 1 {
			cells[q.col] = q.opts[i].cell
			q.counts[i]++
			return
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
		s := strings.Join(values, " ")
		if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			cells[q.col] = f
		} else {
			cells[q.col] = s
		}
	case survey.KindDate:
		s := strings.Join(values, " ")
		if d, err := time.Parse(survey.DateLayout, s); err == nil {
			cells[q.col] = d
		} else {
			cells[q.col] = s
		}
	default:
		cells[q.col] = strings.Join(values, " ")
	}
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
