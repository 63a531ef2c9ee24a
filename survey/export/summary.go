package export

import (
	"fmt"
	"slices"
	"time"

	"github.com/xuri/excelize/v2"

	"speakeasy/survey"
)

// block is one question on the Summary sheet: a few facts, a table of
// counts with percents (charted), and how many skipped it or were not
// asked it.
type block struct {
	title             string
	facts             [][2]any // label and value, above the table
	head              string   // the heading of the table's first column
	cats              []cat
	base              int // what the percents are of
	skipped, notAsked int
	note              string
}

type cat struct {
	label string
	count int
}

// sortedKeys is m's keys, smallest first.
func sortedKeys(m map[int]int) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// blocks makes a block for every question that has an answer column.
func (p *plan) blocks() []block {
	var out []block
	for _, q := range p.questions {
		if q.col < 0 {
			continue
		}
		b := block{title: p.text(q), base: q.answered, skipped: q.skipped, notAsked: q.notAsked, head: p.w("Answer")}
		switch {
		case q.def.Kind.HasOptions():
			for i, o := range q.opts {
				b.cats = append(b.cats, cat{o.label, q.counts[i]})
			}
			if q.def.Kind == survey.KindMany {
				b.note = p.w("People could choose more than one answer. So the percents can add up to more than 100%.")
			}
		case q.def.Kind == survey.KindNumber:
			p.numberBlock(&b, q)
		case q.def.Kind == survey.KindDate:
			b.head, b.base = p.w("Month"), 0
			for _, k := range sortedKeys(q.months) {
				b.cats = append(b.cats, cat{p.w(time.Month(k%12+1).String()) + " " + fmt.Sprint(k/12), q.months[k]})
				b.base += q.months[k]
			}
			for _, y := range sortedKeys(q.years) {
				b.cats = append(b.cats, cat{fmt.Sprint(y) + " " + p.w("(no month)"), q.years[y]})
				b.base += q.years[y]
			}
			for i, v := range []string{survey.DontKnow, survey.PreferNot} {
				if q.unsure[i] > 0 {
					b.cats = append(b.cats, cat{survey.BuiltinWord(p.lang, v), q.unsure[i]})
					b.base += q.unsure[i]
				}
			}
		default:
			b.facts = [][2]any{{p.w("Wrote something"), q.answered}}
			b.note = p.w("What people wrote is on the Comments sheet.")
		}
		b.facts = append(b.facts, p.hardFacts(q)...)
		out = append(out, b)
	}
	return out
}

// numberBlock fills in a number question's facts and bands.
func (p *plan) numberBlock(b *block, q *question) {
	b.head, b.base = p.w("Numbers"), len(q.numbers)
	b.facts = [][2]any{{p.w("Answered"), len(q.numbers)}}
	lo, median, hi, bands := numberSummary(q.numbers)
	if len(q.numbers) > 0 {
		b.facts = append(b.facts, [2]any{p.w("Lowest"), lo}, [2]any{p.w("Median"), median}, [2]any{p.w("Highest"), hi})
	}
	for _, bd := range bands {
		label := number(bd.from) + " " + p.w("to under") + " " + number(bd.to)
		switch {
		case bd.whole && bd.to-bd.from == 1:
			label = number(bd.from)
		case bd.whole:
			label = number(bd.from) + " " + p.w("to") + " " + number(bd.to-1)
		}
		b.cats = append(b.cats, cat{label, bd.count})
	}
}

// Page layout of the Summary sheet, in rows of the default height (20
// pixels, 15 points). The sheet is fitted to the width of an A4 page,
// portrait: its columns and a chart are about 1000 pixels (750 points)
// wide and the page prints 494 points, so everything prints at about two
// thirds of its size, and the 734 points of a page's height hold about
// 74 rows. Page breaks go between questions, at 64 rows at most, so no
// chart is cut in two even if an office program scales a little less.
const (
	rowPixels   = 20
	rowsPerPage = 64
	chartWidth  = 560
	noteRows    = 3
)

// writeSummary writes, for each question, its counts in a table and a
// bar chart beside it, with page breaks between questions so that no
// chart is split over two printed pages.
func (p *plan) writeSummary(f *excelize.File, names sheetNames, st styles, sum Summary) error {
	sheet := names.summary
	s := &sheetWriter{f: f, sheet: sheet}
	for i, w := range []float64{38, 10, 10, 2} {
		s.width(i+1, w)
	}
	s.set(1, 1, p.newest.Title.In(p.lang, p.newest.Lang()), st.title)
	s.set(1, 2, fmt.Sprintf("%s: %d. %s: %d. %s: %d.", p.w("Responses"), sum.Responses,
		p.w("Complete"), sum.Complete, p.w("Not finished"), sum.Incomplete), 0)
	s.set(1, 3, p.w("Skipped")+": "+p.w("the person saw the question and did not answer it."), 0)
	s.set(1, 4, p.w("Not asked")+": "+p.w("a skip rule hid the question, or their survey did not have it. Or they stopped before it."), 0)
	row, onPage := 6, 5
	for _, b := range p.blocks() {
		height := blockRows(b)
		if onPage+height > rowsPerPage && onPage > 0 {
			s.pageBreak(row)
			onPage = 0
		}
		p.writeBlock(s, b, row, st)
		row += height + 1
		onPage += height + 1
	}
	s.err = firstErr(s.err, f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: intPtr(9), Orientation: strPtr("portrait"), FitToWidth: intPtr(1), FitToHeight: intPtr(0)}))
	s.err = firstErr(s.err, f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: boolPtr(true)}))
	s.err = firstErr(s.err, f.SetSheetDimension(sheet, "A1:"+cellName(3, s.last)))
	return s.err
}

// tableRows is how many rows a block's table takes: title, facts,
// heading, answers, Skipped, Not asked and the note.
func tableRows(b block) int {
	n := 1 + len(b.facts) + 2
	if len(b.cats) > 0 {
		n += 1 + len(b.cats)
	}
	if b.note != "" {
		n += noteRows
	}
	return n
}

// chartRows is how many rows a block's chart covers, none without one.
func chartRows(b block) int {
	if len(b.cats) == 0 {
		return 0
	}
	px := max(200, 70+22*len(b.cats))
	return (px + rowPixels - 1) / rowPixels
}

// blockRows is the height of a block: its table or its chart, whichever
// is taller (the chart starts a row down, under the title).
func blockRows(b block) int { return max(tableRows(b), 1+chartRows(b)) }

// writeBlock writes one question's table and chart from row down.
func (p *plan) writeBlock(s *sheetWriter, b block, row int, st styles) {
	top := row
	s.set(1, row, b.title, st.bold)
	row++
	for _, fact := range b.facts {
		s.set(1, row, fact[0], 0)
		s.set(2, row, fact[1], 0)
		row++
	}
	first := row + 1
	if len(b.cats) > 0 {
		s.set(1, row, b.head, st.header)
		s.set(2, row, p.w("Count"), st.header)
		s.set(3, row, p.w("Percent"), st.header)
		for i, c := range b.cats {
			s.set(1, first+i, c.label, st.wrap)
			s.set(2, first+i, c.count, 0)
			if b.base > 0 {
				s.set(3, first+i, float64(c.count)/float64(b.base), st.percent)
			}
		}
		row = first + len(b.cats)
	}
	s.set(1, row, p.w("Skipped"), 0)
	s.set(2, row, b.skipped, 0)
	s.set(1, row+1, p.w("Not asked"), 0)
	s.set(2, row+1, b.notAsked, 0)
	row += 2
	if b.note != "" {
		// Merged over the table's three columns and wrapped, so the
		// note stays beside the chart, never under it.
		end := cellName(3, row+noteRows-1)
		s.err = firstErr(s.err, s.f.MergeCell(s.sheet, cellName(1, row), end))
		s.set(1, row, b.note, st.wrap)
	}
	if len(b.cats) > 0 {
		s.err = firstErr(s.err, s.f.AddChart(s.sheet, cellName(5, top+1), p.chart(s.sheet, b, first)))
	}
}

// sheetWriter writes cells of a small sheet, keeping the first error.
type sheetWriter struct {
	f     *excelize.File
	sheet string
	last  int // the last row written
	err   error
}

func (s *sheetWriter) set(col, row int, v any, style int) {
	if s.err != nil {
		return
	}
	cell := cellName(col, row)
	s.last = max(s.last, row)
	s.err = s.f.SetCellValue(s.sheet, cell, v)
	if s.err == nil && style != 0 {
		s.err = s.f.SetCellStyle(s.sheet, cell, cell, style)
	}
}

func (s *sheetWriter) width(col int, w float64) {
	s.err = firstErr(s.err, s.f.SetColWidth(s.sheet, colName(col), colName(col), w))
}

// pageBreak starts a new printed page at row.
func (s *sheetWriter) pageBreak(row int) {
	s.err = firstErr(s.err, s.f.InsertPageBreak(s.sheet, cellName(1, row)))
}

func firstErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func intPtr(i int) *int       { return &i }
func strPtr(s string) *string { return &s }
func boolPtr(b bool) *bool    { return &b }
