package export

import (
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// comments are the words people typed, and answers that did not fit
// their number or date column, kept while the rows stream by so that
// staff can read them in one place: the Comments sheet.
type comments struct {
	list   []comment
	intern map[string]string // the same words, kept once
	full   bool              // more than one sheet holds
}

type comment struct {
	uuid  string
	index int32 // the row's _index
	q     int32 // question.idx
	text  string
}

// maxIntern bounds the words comments keeps once for many rows.
const maxIntern = 4096

// keep adds one answer of the row being made to the Comments sheet.
func (p *plan) keep(uuid string, q *question, text string) {
	c := p.comments
	if c == nil || text == "" {
		return
	}
	if len(c.list) >= maxRows-1 {
		c.full = true
		return
	}
	s, ok := c.intern[text]
	if !ok {
		s = strings.Clone(text) // the answer is cut from a longer string
		if len(c.intern) < maxIntern {
			c.intern[s] = s
		}
	}
	c.list = append(c.list, comment{uuid: uuid, index: int32(p.rows), q: int32(q.idx), text: s})
}

// writeComments writes the Comments sheet: the question, the words and
// the response's ID, grouped by question in the order of the survey. Its
// rows are packed, as the Responses sheet's are; the part to give save
// is returned even with an error, for its rows to be closed.
func (p *plan) writeComments(f *excelize.File, sheet string, st styles) (sheetPart, error) {
	c := p.comments
	slices.SortStableFunc(c.list, func(a, b comment) int { return int(a.q - b.q) })
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return sheetPart{}, err
	}
	widths := []float64{40, 60, 38, 8}
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return sheetPart{}, err
		}
	}
	if err := sw.SetPanes(frozenHeader()); err != nil {
		return sheetPart{}, err
	}
	header := []any{
		excelize.Cell{StyleID: st.header, Value: p.w("Question")},
		excelize.Cell{StyleID: st.header, Value: p.w("What they wrote")},
		excelize.Cell{StyleID: st.header, Value: "_uuid"},
		excelize.Cell{StyleID: st.header, Value: "_index"},
	}
	if err := sw.SetRow("A1", header); err != nil {
		return sheetPart{}, err
	}
	rows, err := newPackedRows(newRowEncoder(len(header), nil))
	if err != nil {
		return sheetPart{}, err
	}
	part := sheetPart{rows: rows}
	row := make([]any, 4)
	for _, cm := range c.list {
		row[0] = p.text(p.questions[cm.q])
		row[1] = excelize.Cell{StyleID: st.wrap, Value: cm.text}
		row[2], row[3] = cm.uuid, int(cm.index)
		if err := rows.add(row); err != nil {
			return part, err
		}
	}
	if c.full {
		if err := rows.add([]any{p.w("There are more comments than one sheet holds. The Responses sheet has them all.")}); err != nil {
			return part, err
		}
	}
	part.ref = "A1:" + cellName(len(header), rows.row)
	return part, sw.Flush()
}
