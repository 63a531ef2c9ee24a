package export

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// cellFormat is how a column's values are shown.
type cellFormat int

const (
	formatText   cellFormat = iota
	formatNumber            // numbers only: 1/0, numbers, codes that are numbers
	formatDate              // a day: time.Time at midnight UTC
)

// column is one column of the Responses sheet (and of the CSV file).
type column struct {
	header string
	format cellFormat
	width  float64
	// missing marks a number column that uses the missing-value codes
	// for "I don't know" and "I don't want to say".
	missing bool
	// q is the question the column belongs to (nil for details); option
	// is the place of its choice, for a 1/0 column, else -1.
	q      *question
	option int
	// longest is the longest text written in the column, in bytes, and
	// decimals the most digits after a decimal point, for the SPSS syntax.
	longest, decimals int
}

// The missing-value codes a number column holds for the two answers that
// are not numbers, as the UK Data Service's surveys code them.
const (
	codeDontKnow  = -8
	codePreferNot = -9
)

// question is one question as exported: the union of its versions.
type question struct {
	id       string
	idx      int              // its place in plan.questions
	def      *survey.Question // from the newest version that has it
	fallback string           // that version's first language
	col      int              // its first column, -1 for an information screen
	opts     []option         // every option any version offers, newest first
	index    map[string]int   // option value to place in opts
	versions []int            // the versions that ask it, oldest first
	// numeric is true when the question's codes are numbers, so that its
	// column (with Codes) holds numbers and missing-value codes only.
	numeric bool

	stats

	// lists remembers stored many-choice lists already decoded: the same
	// few combinations come back again and again.
	lists map[string]list

	// The answer in the row being made, for skip rules: seen is the row's
	// number when the question was answered in it.
	seen  int
	value string
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
	answeredBy map[string]string // code to label of the "who is answering" question
	cell       any               // the version number, made once
	// offered marks, for each many-choice question, which options (by
	// place in question.opts) this version showed: the others are empty
	// for its responses, not 0.
	offered map[string][]bool
	// pos is each question's place in this version by question.idx, -1
	// when the version does not ask it; rule is its skip rule there,
	// kind its kind and offers its offered (what the maps say, kept by
	// place so that a row looks them up without hashing).
	pos    []int
	rule   []*skipRule
	kind   []survey.Kind
	offers [][]bool
	defs   []*survey.Question // this version's questions, in order
}

// plan is the shape of an export: its columns and how a stored response
// becomes a row of cells.
type plan struct {
	surveyID  string
	newest    *survey.Survey
	lang      string
	languages []string // every language any version has, newest's first
	codes     bool
	words     func(lang, key string) string
	versions  map[int]*version
	questions []*question // in column order
	byID      map[string]*question
	ruleKey   []byte // skipRule.shows's key, reused
	// sorted are the questions in the order of their IDs, which is the
	// order a response's answers come in, for lookups without hashing.
	sorted []*question
	cols   []column
	meta   int // the first metadata column

	// order numbers the responses in the order they finished (_id).
	order map[string]int
	rows  int // rows made so far, for _index and question.seen
	// comments are the words people typed, for the Comments sheet; nil
	// when the export has no such sheet.
	comments *comments

	// cells holds a made cell for each of the few details that repeat
	// on every row (device, event, language, who answered), so rows
	// share them rather than each making its own.
	cells map[string]any

	hard *hardCounts // the Hard words sheet's counts; nil when nobody marked a word
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
		surveyID: opts.SurveyID, newest: newest, lang: opts.Lang, codes: opts.Codes, words: opts.Words,
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
		q.numeric = p.codes && numericCodes(q)
		if q.numeric {
			for i := range q.opts {
				q.opts[i].cell = codeNumber(q.opts[i].value)
			}
		}
	}
	for _, v := range p.versions {
		for id, offered := range v.offered {
			v.offered[id] = append(offered, make([]bool, len(p.byID[id].opts)-len(offered))...)
		}
		v.pos = make([]int, len(p.questions))
		v.rule = make([]*skipRule, len(p.questions))
		v.kind = make([]survey.Kind, len(p.questions))
		v.offers = make([][]bool, len(p.questions))
		for i := range v.pos {
			v.pos[i] = -1
		}
		for pos, def := range v.defs {
			i := p.byID[def.ID].idx
			v.pos[i], v.kind[i], v.offers[i] = pos, def.Kind, v.offered[def.ID]
			if def.Relevant != "" {
				if expr, err := survey.ParseExpr(def.Relevant); err == nil { // checked when published
					v.rule[i] = p.newSkipRule(expr)
				}
			}
		}
	}
	p.sorted = slices.SortedFunc(slices.Values(p.questions), func(a, b *question) int { return strings.Compare(a.id, b.id) })
	p.layout()
	return p, nil
}

// addVersion adds one version's questions and options not seen in a newer one.
func (p *plan) addVersion(s *survey.Survey) {
	v := &version{answeredBy: map[string]string{}, cell: s.Version,
		offered: map[string][]bool{}}
	p.versions[s.Version] = v
	for i := range s.Questions {
		def := &s.Questions[i]
		v.defs = append(v.defs, def)
		q := p.byID[def.ID]
		if q == nil {
			q = &question{id: def.ID, idx: len(p.questions), def: def, fallback: s.Lang(),
				index: map[string]int{}, lists: map[string]list{}}
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
	}
	return opt
}

// numericCodes reports whether every code of a one-answer question is a
// number, apart from "I don't know" and "I don't want to say", which
// then get the missing-value codes.
func numericCodes(q *question) bool {
	if !q.def.Kind.HasOptions() || q.def.Kind == survey.KindMany || len(q.opts) == 0 {
		return false
	}
	for _, o := range q.opts {
		if _, ok := codeNumber(o.value).(float64); !ok {
			return false
		}
	}
	return true
}

// codeNumber is a code as a number: its own value, or a missing-value
// code; nil if it is neither.
func codeNumber(code string) any {
	switch code {
	case survey.DontKnow:
		return float64(codeDontKnow)
	case survey.PreferNot:
		return float64(codePreferNot)
	}
	if f, err := strconv.ParseFloat(code, 64); err == nil {
		return f
	}
	return nil
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
		c := column{header: head, width: width(head), q: q, option: -1}
		switch {
		case q.def.Kind == survey.KindNumber:
			c.format = formatNumber
		case q.def.Kind == survey.KindDate:
			c.format = formatDate
		case q.numeric:
			c.format = formatNumber
			_, dk := q.index[survey.DontKnow]
			_, pn := q.index[survey.PreferNot]
			c.missing = dk || pn
		}
		p.cols = append(p.cols, c)
		if q.def.Kind == survey.KindMany {
			for i, o := range q.opts {
				h := head + "/" + o.label
				if p.codes {
					h = q.id + "/" + o.value
				}
				p.cols = append(p.cols, column{header: h, format: formatNumber, width: width(h), q: q, option: i})
			}
		}
	}
	p.meta = len(p.cols)
	for _, m := range metaColumns {
		p.cols = append(p.cols, column{header: m.name, format: m.format, width: m.width, option: -1})
	}
}

// header is a question's column header: its words, or its ID with Codes.
func (p *plan) header(q *question) string {
	if p.codes {
		return q.id
	}
	return p.text(q)
}

// text is a question's words in the export's language.
func (p *plan) text(q *question) string {
	return q.def.Text.In(p.lang, q.fallback)
}

// width is a column width that fits a header of a sensible length.
func width(header string) float64 {
	return float64(min(max(utf8.RuneCountInString(header)+2, 10), 40))
}
