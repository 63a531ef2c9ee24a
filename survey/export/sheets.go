package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"speakeasy/survey"
)

// kindWords names each kind of question for the data dictionary.
var kindWords = map[survey.Kind]string{
	survey.KindNote:   "information screen (no answer)",
	survey.KindOne:    "one choice",
	survey.KindMany:   "many choices",
	survey.KindFaces:  "faces",
	survey.KindYesNo:  "yes / no / not sure",
	survey.KindText:   "words",
	survey.KindNumber: "number",
	survey.KindDate:   "date",
}

// writeQuestions writes the data dictionary: what each column holds.
func (p *plan) writeQuestions(f *excelize.File, st styles) error {
	header := []any{"ID"}
	for _, l := range p.languages {
		header = append(header, "Text ("+l+")")
	}
	header = append(header, "Kind", "Choices (code = label)", "Skip rule (shown only when)", "Versions", "Columns")
	widths := []float64{18}
	for range p.languages {
		widths = append(widths, 40)
	}
	widths = append(widths, 16, 30, 30, 10, 12)

	rows := [][]any{header}
	for _, q := range p.questions {
		row := []any{q.id}
		for _, l := range p.languages {
			row = append(row, q.def.Text[l])
		}
		kind := kindWords[q.def.Kind]
		if q.def.Kind == survey.KindFaces {
			kind = fmt.Sprintf("faces (%d)", q.def.Faces)
		}
		choices := make([]string, len(q.opts))
		for i, o := range q.opts {
			choices[i] = o.value + " = " + o.label
		}
		versions := make([]string, len(q.versions))
		for i, v := range q.versions {
			versions[i] = strconv.Itoa(v)
		}
		cols := ""
		if q.col >= 0 {
			cols = colName(q.col + 1)
			if q.def.Kind == survey.KindMany {
				cols += " to " + colName(q.col+1+len(q.opts))
			}
		}
		row = append(row, kind, strings.Join(choices, "\n"), q.def.Relevant, strings.Join(versions, ", "), cols)
		rows = append(rows, row)
	}
	for i, m := range metaColumns {
		row := []any{m.name, m.about}
		for range p.languages[1:] {
			row = append(row, "")
		}
		row = append(row, "details of the response", "", "", "all", colName(p.meta+i+1))
		rows = append(rows, row)
	}
	return writeTable(f, sheetQuestions, rows, widths, st)
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
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// writeSummary writes, for each question answered by tapping, how many
// chose each answer and what share of those who answered that is, with a
// bar chart beside it.
func (p *plan) writeSummary(f *excelize.File, st styles, sum Summary) error {
	const sheet = sheetSummary
	set := func(cell string, v any, style int) error {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
		if style == 0 {
			return nil
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	}
	for i, w := range []float64{36, 10, 10} {
		if err := f.SetColWidth(sheet, colName(i+1), colName(i+1), w); err != nil {
			return err
		}
	}
	title := p.newest.Title.In(p.lang, p.newest.Lang())
	if err := set("A1", title, st.bold); err != nil {
		return err
	}
	if err := set("A2", fmt.Sprintf("%d responses: %d complete, %d not finished.", sum.Responses, sum.Complete, sum.Incomplete), 0); err != nil {
		return err
	}
	row := 4
	for _, q := range p.questions {
		if q.col < 0 || !q.def.Kind.HasOptions() || len(q.opts) == 0 {
			continue
		}
		first := row + 2
		last := first + len(q.opts) - 1
		cells := []struct {
			cell  string
			v     any
			style int
		}{
			{cellName(1, row), p.header(q), st.bold},
			{cellName(1, row+1), "Answer", st.header},
			{cellName(2, row+1), "Count", st.header},
			{cellName(3, row+1), "Percent", st.header},
			{cellName(1, last+1), "No answer", 0},
			{cellName(2, last+1), sum.Responses - q.answered, 0},
		}
		for _, c := range cells {
			if err := set(c.cell, c.v, c.style); err != nil {
				return err
			}
		}
		for i, o := range q.opts {
			r := first + i
			label := o.label
			if p.codes {
				label = o.value
			}
			if err := set(cellName(1, r), label, 0); err != nil {
				return err
			}
			if err := set(cellName(2, r), q.counts[i], 0); err != nil {
				return err
			}
			if q.answered > 0 {
				if err := set(cellName(3, r), float64(q.counts[i])/float64(q.answered), st.percent); err != nil {
					return err
				}
			}
		}
		if q.def.Kind == survey.KindMany {
			note := "People could choose more than one answer, so the percents can add up to more than 100%."
			if err := set(cellName(1, last+2), note, 0); err != nil {
				return err
			}
		}
		height := uint(max(220, 60+28*len(q.opts)))
		chart := &excelize.Chart{
			Type: excelize.Bar,
			Series: []excelize.ChartSeries{{
				Name:       fmt.Sprintf("%s!$B$%d", sheet, row+1),
				Categories: fmt.Sprintf("%s!$A$%d:$A$%d", sheet, first, last),
				Values:     fmt.Sprintf("%s!$B$%d:$B$%d", sheet, first, last),
			}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: p.header(q)}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			Dimension: excelize.ChartDimension{Width: 560, Height: height},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true},
			XAxis:     excelize.ChartAxis{ReverseOrder: true},
		}
		if err := f.AddChart(sheet, cellName(5, row), chart); err != nil {
			return err
		}
		row += max(len(q.opts)+5, int(height)/20+2)
	}
	return nil
}
