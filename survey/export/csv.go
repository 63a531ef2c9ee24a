package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// bom starts the file so that Excel reads it as UTF-8.
const bom = "\uFEFF"

// writeCSV writes the same columns and rows as the Responses sheet.
func (p *plan) writeCSV(ctx context.Context, db *store.DB, w io.Writer, opts Options) (Summary, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	if _, err := bw.WriteString(bom); err != nil {
		return Summary{}, err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	record := make([]string, len(p.cols))
	for i, c := range p.cols {
		record[i] = safeText(c.header)
	}
	if err := cw.Write(record); err != nil {
		return Summary{}, err
	}
	sum, err := p.stream(ctx, db, 0, func(cells []any) error {
		for i, v := range cells {
			s := p.csvText(v)
			record[i] = s
			c := &p.cols[i]
			c.longest = max(c.longest, len(s))
			if _, isNumber := v.(float64); isNumber {
				if dot := strings.IndexByte(s, '.'); dot >= 0 {
					c.decimals = max(c.decimals, len(s)-dot-1)
				}
			}
		}
		return cw.Write(record)
	}, opts.Progress)
	if err != nil {
		return Summary{}, err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return Summary{}, err
	}
	return sum, bw.Flush()
}

// csvText is a cell as CSV text. Line breaks in typed words become
// spaces, so that every response is one line: SPSS and PSPP read a CSV
// file line by line, even inside quotes. The workbook keeps them.
func (p *plan) csvText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		if strings.ContainsAny(v, "\r\n") {
			v = strings.Join(strings.FieldsFunc(v, func(r rune) bool { return r == '\r' || r == '\n' }), " ")
		}
		return safeText(v)
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case time.Time:
		return v.Format(survey.DateLayout)
	}
	return safeText(fmt.Sprint(v))
}

// safeText keeps a spreadsheet from reading text as a formula, as OWASP's
// advice on CSV injection says: text starting with = + - @, a tab or a
// carriage return gets a ' in front. Numbers are written as numbers and
// never pass through here, so a negative number stays a number.
func safeText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
