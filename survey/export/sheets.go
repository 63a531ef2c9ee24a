package export

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"speakeasy/survey"
)

// writeQuestions writes the data dictionary: what each column holds, and
// the codes that stand for "I don't know" and "I don't want to say" in a
// column of numbers.
func (p *plan) writeQuestions(f *excelize.File, sheet string, st styles) error {
	header := []any{"ID"}
	for _, l := range p.languages {
		header = append(header, p.w("Text")+" ("+l+")")
	}
	header = append(header, p.w("Kind"), p.w("Choices (code = label)"), p.w("Missing-value codes"),
		p.w("Skip rule (shown only when)"), p.w("Versions"), p.w("Columns"))
	widths := []float64{18}
	for range p.languages {
		widths = append(widths, 40)
	}
	widths = append(widths, 16, 30, 24, 30, 10, 12)

	rows := [][]any{header}
	for _, q := range p.questions {
		row := []any{q.id}
		for _, l := range p.languages {
			row = append(row, q.def.Text[l])
		}
		choices := make([]string, len(q.opts))
		for i, o := range q.opts {
			choices[i] = o.value + " = " + o.label
		}
		versions := make([]string, len(q.versions))
		for i, v := range q.versions {
			versions[i] = strconv.Itoa(v)
		}
		cols, missing := "", ""
		if q.col >= 0 {
			cols = colName(q.col + 1)
			if q.def.Kind == survey.KindMany {
				cols += " " + p.w("to") + " " + colName(q.col+1+len(q.opts))
			}
			if p.cols[q.col].missing {
				missing = p.missingCodes(q)
			}
			if q.def.Kind == survey.KindDate && (q.def.DontKnow || q.def.PreferNot || q.def.AboutWhen) {
				missing = p.w("Answers that are not a whole date leave the date empty. The Comments sheet has them.")
			}
		}
		row = append(row, p.kindWord(q.def), strings.Join(choices, "\n"), missing, q.def.Relevant,
			strings.Join(versions, ", "), cols)
		rows = append(rows, row)
	}
	for i, m := range metaColumns {
		row := []any{m.name, p.w(m.about)}
		for range p.languages[1:] {
			row = append(row, "")
		}
		row = append(row, p.w("details of the response"), "", "", "", p.w("all"), colName(p.meta+i+1))
		rows = append(rows, row)
	}
	return writeTable(f, sheet, rows, widths, st)
}

// missingCodes lists the missing-value codes a question's column uses,
// one "code = label" a line, as the choices are listed.
func (p *plan) missingCodes(q *question) string {
	var lines []string
	for _, o := range q.opts {
		if o.value == survey.DontKnow || o.value == survey.PreferNot {
			lines = append(lines, number(codeNumber(o.value).(float64))+" = "+o.label)
		}
	}
	return strings.Join(lines, "\n")
}

// writeTable writes a small sheet: a bold, frozen header row, then rows
// wrapped to their column widths.
func writeTable(f *excelize.File, sheet string, rows [][]any, widths []float64, st styles) error {
	for i, w := range widths {
		if err := f.SetColWidth(sheet, colName(i+1), colName(i+1), w); err != nil {
			return err
		}
	}
	for i, row := range rows {
		if err := f.SetSheetRow(sheet, cellName(1, i+1), &row); err != nil {
			return err
		}
	}
	last := cellName(len(widths), len(rows))
	if err := f.SetCellStyle(sheet, "A2", last, st.wrap); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", cellName(len(widths), 1), st.header); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sheet, "A1:"+last); err != nil {
		return err
	}
	return f.SetPanes(sheet, frozenHeader())
}
