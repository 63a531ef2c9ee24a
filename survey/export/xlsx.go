package export

import (
	"context"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"speakeasy/survey/store"
)

// maxRows is how many responses fit on one Excel sheet under the header.
const maxRows = 1<<20 - 1

// styles are the workbook's cell styles, made once.
type styles struct {
	header, date, percent, wrap, bold, title int
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	add := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	dateFmt, pctFmt := "yyyy-mm-dd", "0.0%"
	st.header = add(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	st.date = add(&excelize.Style{CustomNumFmt: &dateFmt})
	st.percent = add(&excelize.Style{CustomNumFmt: &pctFmt})
	st.wrap = add(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	st.bold = add(&excelize.Style{Font: &excelize.Font{Bold: true}})
	st.title = add(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	return st, err
}

// writeXLSX writes the workbook: Responses streamed row by row, then the
// small Questions and Summary sheets and the Comments.
func (p *plan) writeXLSX(ctx context.Context, db *store.DB, w io.Writer, opts Options) (Summary, error) {
	p.comments = newComments(len(p.questions))
	names := p.sheetNames()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", names.responses); err != nil {
		return Summary{}, err
	}
	for _, name := range []string{names.questions, names.summary, names.comments} {
		if _, err := f.NewSheet(name); err != nil {
			return Summary{}, err
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return Summary{}, err
	}
	if err := p.loadHard(ctx, db); err != nil {
		return Summary{}, err
	}
	sw, err := f.NewStreamWriter(names.responses)
	if err != nil {
		return Summary{}, err
	}
	if err := startSheet(sw, p.cols, st); err != nil {
		return Summary{}, err
	}
	rows, err := newPackedRows(p.responsesEncoder(st))
	if err != nil {
		return Summary{}, err
	}
	defer rows.close()
	sum, err := p.stream(ctx, db, maxRows, rows.add, opts.Progress)
	if err != nil {
		return Summary{}, err
	}
	p.order = nil // done with: let the memory go before the sheets that follow
	responses := "A1:" + cellName(len(p.cols), rows.row)
	if err := f.AutoFilter(names.responses, responses, nil); err != nil {
		return Summary{}, err
	}
	if err := sw.Flush(); err != nil {
		return Summary{}, err
	}
	if err := p.writeQuestions(f, names.questions, st); err != nil {
		return Summary{}, err
	}
	if err := p.writeSummary(f, names, st, sum); err != nil {
		return Summary{}, err
	}
	comments, err := p.writeComments(f, names.comments, st)
	if comments.rows != nil {
		defer comments.rows.close()
	}
	if err != nil {
		return Summary{}, err
	}
	if err := p.writeHard(f, st); err != nil {
		return Summary{}, err
	}
	p.comments = nil // written out: its memory can go before the zip is made
	f.SetActiveSheet(0)
	parts := map[string]sheetPart{}
	for id, name := range f.GetSheetMap() {
		switch name {
		case names.responses:
			parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", id)] = sheetPart{ref: responses, rows: rows}
		case names.comments:
			parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", id)] = comments
		}
	}
	return sum, save(f, w, opts.Password, parts)
}

// frozenHeader keeps a sheet's first row in view.
func frozenHeader() *excelize.Panes {
	return &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}
}

// startSheet sets up the Responses sheet before its rows: widths, date
// formats, the frozen header row, and the header itself.
func startSheet(sw *excelize.StreamWriter, cols []column, st styles) error {
	header := make([]any, len(cols))
	for i, c := range cols {
		if c.format == formatDate {
			if err := sw.SetColStyle(i+1, i+1, st.date); err != nil {
				return err
			}
		}
		header[i] = excelize.Cell{StyleID: st.header, Value: c.header}
	}
	// Each setting moves its column to the front of the stream writer's
	// list, and Excel wants the list from left to right: so the widths
	// come last, right to left.
	for i := len(cols) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, cols[i].width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(frozenHeader()); err != nil {
		return err
	}
	return sw.SetRow("A1", header, excelize.RowOpts{Height: 48})
}

// save writes the finished workbook to w, with the streamed sheets'
// dimensions and packed rows in parts (by zip part name). Without a
// password the zip goes straight to w; excelize would otherwise build the
// whole file in memory first. An encrypted workbook has to be built in memory to be
// encrypted.
func save(f *excelize.File, w io.Writer, password string, parts map[string]sheetPart) error {
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newDimensionZip(w, parts) })
	if password != "" {
		return f.Write(w, excelize.Options{Password: password})
	}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newDimensionZip(w, parts) })
	return f.Write(io.Discard)
}

// cellName is a cell's A1-style name; col and row count from 1.
func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// colName is a column's letters; col counts from 1.
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}
