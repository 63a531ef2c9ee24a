package export

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// The Hard words sheet: for each word participants marked hard ("I don't
// understand", then the word), how many people marked it, out of how many
// were shown the question in that language. Staff read it to know which
// words to change. The sheet is there only when someone marked a word, so
// a survey nobody challenged exports as before.
//
// "Shown" is counted as the Summary sheet counts it (answered, or shown
// and skipped), per language; a person who marked a word and then stopped
// before answering was shown the question too, and is counted.

// hardCounts gathers the Hard words sheet as rows are made. Nil when no
// response of the survey has a mark.
type hardCounts struct {
	marks map[string][]survey.HardWord // by response ID
	langs map[string]int               // language to its place in shown
	// shown is, by question (plan order) and language, how many people
	// were shown the question.
	shown [][]int
	// was is each question's answered and skipped counts before the row
	// being made, to tell whether the row was shown it.
	was     [][2]int
	people  map[hardKey]int
	counted []bool // by question: counted shown for the row being made
	// col is the Responses column of each response's marks, with Codes
	// only (for analysis); -1 without.
	col    int
	marked []int // by question: how many people marked any word of it
}

type hardKey struct{ question, lang, word string }

// loadHard reads the survey's marks before the rows are made.
func (p *plan) loadHard(ctx context.Context, db *store.DB) error {
	marks, err := db.HardWords(ctx, p.surveyID)
	if err != nil || len(marks) == 0 {
		return err
	}
	p.hard = &hardCounts{marks: marks, langs: map[string]int{}, shown: make([][]int, len(p.questions)),
		was: make([][2]int, len(p.questions)), people: map[hardKey]int{}, counted: make([]bool, len(p.questions)),
		marked: make([]int, len(p.questions)), col: -1}
	if p.codes {
		p.hard.col = len(p.cols)
		p.cols = append(p.cols, column{header: hardColumnName, format: formatText, width: 30, option: -1})
	}
	return nil
}

// hardColumnName heads the Responses column of each response's marks.
const hardColumnName = "_hard_words"

// countHard counts, once a row is made, the questions it was shown and
// its marks, and with Codes writes the marks in the row's last cell as
// "question:word" pairs. It is called from the reading goroutine, like row.
func (p *plan) countHard(r survey.Response, cells []any) {
	h := p.hard
	if h == nil {
		return
	}
	if h.col >= 0 && len(h.marks[r.ID]) > 0 {
		pairs := make([]string, len(h.marks[r.ID]))
		for i, m := range h.marks[r.ID] {
			pairs[i] = m.Question + ":" + m.Word
		}
		cells[h.col] = strings.Join(pairs, " ")
	}
	shownIn := func(q *question, lang string) {
		l, ok := h.langs[lang]
		if !ok {
			l = len(h.langs)
			h.langs[lang] = l
		}
		if len(h.shown[q.idx]) <= l {
			h.shown[q.idx] = append(h.shown[q.idx], make([]int, l+1-len(h.shown[q.idx]))...)
		}
		h.shown[q.idx][l]++
	}
	clear(h.counted)
	for _, q := range p.questions {
		now := [2]int{q.answered, q.skipped}
		if now != h.was[q.idx] {
			shownIn(q, r.Language)
			h.counted[q.idx] = true // counted shown already
		}
		h.was[q.idx] = now
	}
	seen := map[int]bool{}
	for _, m := range h.marks[r.ID] {
		q := p.byID[m.Question]
		if q == nil {
			continue // a question no version has: cannot be
		}
		h.people[hardKey{m.Question, m.Language, m.Word}]++
		if !seen[q.idx] {
			seen[q.idx] = true
			h.marked[q.idx]++
		}
		if !h.counted[q.idx] {
			// Marked, so shown, though neither answered nor skipped:
			// the person stopped there.
			shownIn(q, m.Language)
			h.counted[q.idx] = true
		}
	}
}

// writeHard adds the Hard words sheet, when there are marks.
func (p *plan) writeHard(f *excelize.File, st styles) error {
	h := p.hard
	if h == nil || len(h.people) == 0 {
		return nil
	}
	sheet := p.w("Hard words")
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	keys := make([]hardKey, 0, len(h.people))
	for k := range h.people {
		keys = append(keys, k)
	}
	// In the survey's order, then the language, then most people first.
	slices.SortFunc(keys, func(a, b hardKey) int {
		return cmp.Or(cmp.Compare(p.byID[a.question].idx, p.byID[b.question].idx), cmp.Compare(a.lang, b.lang),
			-cmp.Compare(h.people[a], h.people[b]), cmp.Compare(a.word, b.word))
	})
	rows := [][]any{{"ID", p.w("Question"), p.w("Language"), p.w("Word"),
		p.w("People who said it was hard"), p.w("People shown the question")}}
	for _, k := range keys {
		q := p.byID[k.question]
		word := k.word
		if word == survey.AllWords {
			word = p.w("All of it")
		}
		var shown any // an information screen has no answers to count it by
		if q.col >= 0 {
			shown = 0
			if l, ok := h.langs[k.lang]; ok && l < len(h.shown[q.idx]) {
				shown = h.shown[q.idx][l]
			}
		}
		rows = append(rows, []any{k.question, q.def.Text.In(k.lang, q.fallback), k.lang, word, h.people[k], shown})
	}
	if err := writeTable(f, sheet, rows, []float64{18, 50, 10, 20, 16, 16}, st); err != nil {
		return err
	}
	return p.hardColumn(f, st)
}

// hardColumn adds to the Questions sheet, after its last column, how many
// people said each question was hard.
func (p *plan) hardColumn(f *excelize.File, st styles) error {
	sheet := p.sheetNames().questions
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		return err
	}
	col := len(rows[0]) + 1
	if err := f.SetCellValue(sheet, cellName(col, 1), p.w("People who said it was hard")); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cellName(col, 1), cellName(col, 1), st.header); err != nil {
		return err
	}
	for i := range p.questions {
		if err := f.SetCellValue(sheet, cellName(col, i+2), p.hard.marked[i]); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sheet, colName(col), colName(col), 16); err != nil {
		return err
	}
	if p.hard.col >= 0 {
		// The data dictionary names the Responses column too, as it
		// names the other details.
		rows = append(rows, []string{hardColumnName})
		at := len(rows)
		for i, v := range []any{hardColumnName, p.w("The words the person said were hard. Each is the question's code, a colon, then the word. (all) means the whole question.")} {
			if err := f.SetCellValue(sheet, cellName(i+1, at), v); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sheet, cellName(1, at), cellName(2, at), st.wrap); err != nil {
			return err
		}
	}
	return f.SetSheetDimension(sheet, "A1:"+cellName(col, len(rows)))
}

// hardFacts is the Summary sheet's line for q: how many people said it
// was hard, when anyone marked a word of the survey.
func (p *plan) hardFacts(q *question) [][2]any {
	if p.hard == nil {
		return nil
	}
	return [][2]any{{p.w("People who said it was hard"), p.hard.marked[q.idx]}}
}
