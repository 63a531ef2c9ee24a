package export

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// comments are the words people typed, and answers that did not fit
// their number or date column, kept while the rows stream by so that
// staff can read them in one place: the Comments sheet.
type comments struct {
	// byQuestion holds each question's comments (by question.idx), in
	// the order of the rows, in blocks that are filled and never moved:
	// grouped by question without sorting, and without copying a long
	// list each time it grows.
	byQuestion [][][]comment
	n          int
	intern     map[string]string // the same words, kept once
	full       bool              // more than one sheet holds
}

type comment struct {
	uuid  string
	index int32 // the row's _index
	text  string
}

// commentBlock is how many comments a block holds.
const commentBlock = 1024

func newComments(questions int) *comments {
	return &comments{byQuestion: make([][][]comment, questions), intern: map[string]string{}}
}

// maxIntern bounds the words comments keeps once for many rows.
const maxIntern = 4096

// keep adds one answer of the row being made to the Comments sheet.
func (p *plan) keep(uuid string, q *question, text string) {
	c := p.comments
	if c == nil || text == "" {
		return
	}
	if c.n >= maxRows-1 {
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
	blocks := c.byQuestion[q.idx]
	if len(blocks) == 0 || len(blocks[len(blocks)-1]) == commentBlock {
		blocks = append(blocks, make([]comment, 0, commentBlock))
		c.byQuestion[q.idx] = blocks
	}
	last := &blocks[len(blocks)-1]
	*last = append(*last, comment{uuid: uuid, index: int32(p.rows), text: s})
	c.n++
}

// writeComments writes the Comments sheet: the question, the words and
// the response's ID, grouped by question in the order of the survey. Its
// rows are packed, as the Responses sheet's are; the part to give save
// is returned even with an error, for its rows to be closed.
func (p *plan) writeComments(f *excelize.File, sheet string, st styles) (sheetPart, error) {
	c := p.comments
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
	for i, blocks := range c.byQuestion {
		row[0] = p.text(p.questions[i])
		for _, block := range blocks {
			for _, cm := range block {
				row[1] = excelize.Cell{StyleID: st.wrap, Value: cm.text}
				row[2], row[3] = cm.uuid, int(cm.index)
				if err := rows.add(row); err != nil {
					return part, err
				}
			}
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
