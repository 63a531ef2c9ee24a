package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The big sheets' rows are written as SpreadsheetML here rather than
// through excelize's StreamWriter.SetRow. The XML is the same, byte for
// byte (TestRowEncoder_SameAsExcelize holds it to that), but SetRow costs
// several allocations, a regular expression and a trip through
// encoding/xml for every cell: more than reading the responses out of
// SQLite. Here a row is appended to one reused buffer.

// rowEncoder writes rows of cells, starting at column A, as <row>
// elements.
type rowEncoder struct {
	letters []string // each column's letters
	styles  []int    // each column's style (SetColStyle), 0 for none
	// timeStyle formats a time in a column with no style of its own
	// (excelize makes one with number format 22; the export has no such
	// cells, its days are all in date columns).
	timeStyle int
	scratch   []byte // for strings that need escaping in two steps
}

// newRowEncoder is an encoder for n columns; style gives a column's
// style (counting from 0), as the sheet's SetColStyle set it.
func newRowEncoder(n int, style func(col int) int) *rowEncoder {
	e := &rowEncoder{letters: make([]string, n), styles: make([]int, n)}
	for i := range n {
		e.letters[i] = colName(i + 1)
		if style != nil {
			e.styles[i] = style(i)
		}
	}
	return e
}

// appendRow appends row number row (counting from 1) to b.
func (e *rowEncoder) appendRow(b []byte, row int, cells []any) []byte {
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, `">`...)
	for i, v := range cells {
		if v != nil {
			b = e.appendCell(b, i, row, v)
		}
	}
	return append(b, `</row>`...)
}

// appendCell appends one cell of column col (from 0). Cells hold what the
// export makes: whole numbers, float64, strings, days as time.Time, and
// excelize.Cell for a style of its own.
func (e *rowEncoder) appendCell(b []byte, col, row int, v any) []byte {
	style := 0
	if col < len(e.styles) {
		style = e.styles[col]
	}
	if c, ok := v.(excelize.Cell); ok {
		if c.StyleID > 0 {
			style = c.StyleID
		}
		v = c.Value
	}
	b = append(b, `<c r="`...)
	if col < len(e.letters) {
		b = append(b, e.letters[col]...)
	} else {
		b = append(b, colName(col+1)...)
	}
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	switch v := v.(type) {
	case nil: // a style with no value
		return append(b, `></c>`...)
	case int:
		return appendValue(strconv.AppendInt(append(b, `><v>`...), int64(v), 10))
	case int64:
		return appendValue(strconv.AppendInt(append(b, `><v>`...), v, 10))
	case int32:
		return appendValue(strconv.AppendInt(append(b, `><v>`...), int64(v), 10))
	case int16:
		return appendValue(strconv.AppendInt(append(b, `><v>`...), int64(v), 10))
	case int8:
		return appendValue(strconv.AppendInt(append(b, `><v>`...), int64(v), 10))
	case uint:
		return appendValue(strconv.AppendUint(append(b, `><v>`...), uint64(v), 10))
	case uint64:
		return appendValue(strconv.AppendUint(append(b, `><v>`...), v, 10))
	case uint32:
		return appendValue(strconv.AppendUint(append(b, `><v>`...), uint64(v), 10))
	case uint16:
		return appendValue(strconv.AppendUint(append(b, `><v>`...), uint64(v), 10))
	case uint8:
		return appendValue(strconv.AppendUint(append(b, `><v>`...), uint64(v), 10))
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return e.appendString(b, fmt.Sprint(v))
		}
		return appendValue(appendFloat(append(b, `><v>`...), v, 64))
	case float32:
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return e.appendString(b, fmt.Sprint(float64(v)))
		}
		return appendValue(appendFloat(append(b, `><v>`...), float64(v), 32))
	case bool:
		b = append(b, ` t="b"><v>`...)
		if v {
			return appendValue(append(b, '1'))
		}
		return appendValue(append(b, '0'))
	case string:
		return e.appendString(b, v)
	case time.Time:
		// A day is a number in a date-formatted column; before 1900,
		// which Excel cannot count, it is written as text.
		if serial, ok := excelDay(v); ok {
			if style == 0 && e.timeStyle != 0 {
				b = append(b, ` s="`...)
				b = strconv.AppendInt(b, int64(e.timeStyle), 10)
				b = append(b, '"')
			}
			return appendValue(strconv.AppendFloat(append(b, `><v>`...), serial, 'f', -1, 64))
		}
		b = append(b, ` t="inlineStr"><is><t>`...)
		return append(append(b, v.Format(time.RFC3339Nano)...), `</t></is></c>`...)
	}
	return e.appendString(b, fmt.Sprint(v))
}

func appendValue(b []byte) []byte { return append(b, `</v></c>`...) }

// appendFloat writes a number as Excel keeps it: at most 15 significant
// digits, the rest cut off (zeros before the decimal point). bits is the
// size of the float the number was.
func appendFloat(b []byte, v float64, bits int) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', -1, bits)
	if math.Abs(v) == math.MaxFloat64 {
		return b
	}
	s := b[start:]
	point := -1
	digits := 0
	for i, c := range s {
		switch {
		case c == '.':
			point = i
		case c < '0' || c > '9' || digits == 0 && c == '0':
		default:
			digits++
			if digits <= 15 {
				continue
			}
			if point >= 0 { // the cut falls after the decimal point
				s = s[:i]
				if s[len(s)-1] == '.' {
					s = s[:len(s)-1]
				}
				return b[:start+len(s)]
			}
			end := strings.IndexByte(string(s), '.')
			if end < 0 {
				end = len(s)
			}
			for j := i; j < end; j++ {
				s[j] = '0'
			}
			return b[:start+end]
		}
	}
	return b
}

// The day before Excel's first, 1 January 1900, and the first day after
// the 29 February 1900 that Excel counts though it never was.
var (
	excelDayZero   = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	excelLeapAfter = time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
)

// excelDay is t's wall-clock time as an Excel serial day number (days since
// 30 December 1899), false before 1900.
func excelDay(t time.Time) (float64, bool) {
	_, offset := t.Zone()
	t = t.Add(time.Duration(offset) * time.Second)
	if t.Before(excelDayZero) {
		return 0, false
	}
	// A time.Duration holds 292 years: count in steps shorter than that.
	const day = 24 * time.Hour
	const step = 290 * 364 * day
	days, at := 0.0, t
	diff := at.Sub(excelDayZero)
	for diff >= step {
		days += float64(step / day)
		at = at.Add(-step)
		diff = at.Sub(excelDayZero)
	}
	rem := diff % day
	days += float64(diff-rem)/float64(day) + float64(rem)/float64(day)
	if t.After(excelLeapAfter) {
		days++
	}
	return days, days > 0
}

// maxCellChars is the most UTF-16 units Excel keeps in a cell.
const maxCellChars = 32767

// appendString appends the rest of a text cell, from its type on.
func (e *rowEncoder) appendString(b []byte, s string) []byte {
	if len(s) > maxCellChars {
		s = cutUTF16(s, maxCellChars)
	}
	b = append(b, ` t="inlineStr"><is><t`...)
	if s != "" && (isXMLSpace(s[0]) || isXMLSpace(s[len(s)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	if !strings.Contains(s, "_x") {
		b = appendEscaped(b, s)
	} else {
		// Text like _x0041_ is an escaped character in SpreadsheetML:
		// such text itself is escaped, after the XML escaping.
		e.scratch = appendEscaped(e.scratch[:0], s)
		b = appendEscapedCodes(b, string(e.scratch))
	}
	return append(b, `</t></is></c>`...)
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// cutUTF16 cuts s to at most n UTF-16 units, at a character's edge.
func cutUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > n {
			return s[:i]
		}
	}
	return s
}

// appendEscaped escapes s as encoding/xml.EscapeText does, except that a
// line break stays a line break; characters XML cannot hold become U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '&' && c != '\'' && c != '<' && c != '>' {
			i++
			continue
		}
		r, width := rune(c), 1
		if c >= utf8.RuneSelf {
			r, width = utf8.DecodeRuneInString(s[i:])
		}
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			i += width
			continue
		case '\r':
			esc = "&#xD;"
		default:
			if xmlChar(r) && !(r == utf8.RuneError && width == 1) {
				i += width
				continue
			}
			esc = "\uFFFD"
		}
		b = append(append(b, s[last:i]...), esc...)
		i += width
		last = i
	}
	return append(b, s[last:]...)
}

// xmlChar reports whether XML 1.0 allows r in text.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// appendEscapedCodes escapes the _xHHHH_ codes in s (already XML-escaped)
// by putting _x005F (an escaped "_") before each, as excelize does; the
// code for "_" itself, followed by what looks like another code, is
// escaped twice so that it reads back as it was.
func appendEscapedCodes(b []byte, s string) []byte {
	last := 0
	for i := 0; i+7 <= len(s); {
		if !isCode(s[i : i+7]) {
			i++
			continue
		}
		b = append(b, s[last:i]...)
		code := s[i : i+7]
		i += 7
		last = i
		switch {
		case code == "_x005F_" && i+6 <= len(s) && s[i] == 'x' && isHex4(s[i+1:i+5]) && s[i+5] == '_' && validCode(s[i+1:i+5]):
			b = append(b, "_x005F_x005F_x005F_"...)
		case code == "_x005F_":
			b = append(b, "_x005F_x005F_"...)
		case validCode(code[2:6]):
			b = append(append(b, "_x005F"...), code...)
		}
		// A code for no character (half a surrogate pair) is dropped,
		// as excelize drops it.
	}
	return append(b, s[last:]...)
}

// isCode reports whether s (7 bytes) is _xHHHH_.
func isCode(s string) bool { return s[0] == '_' && s[1] == 'x' && isHex4(s[2:6]) && s[6] == '_' }

func isHex4(s string) bool {
	for i := range 4 {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// validCode reports whether four hex digits name a character (not half of
// a surrogate pair).
func validCode(hex string) bool {
	n, _ := strconv.ParseUint(hex, 16, 32)
	return utf8.ValidRune(rune(n))
}

// responsesEncoder writes the Responses sheet's rows, with the styles
// startSheet gives its columns.
func (p *plan) responsesEncoder(st styles) *rowEncoder {
	e := newRowEncoder(len(p.cols), func(col int) int {
		if p.cols[col].format == formatDate {
			return st.date
		}
		return 0
	})
	e.timeStyle = st.date
	return e
}
