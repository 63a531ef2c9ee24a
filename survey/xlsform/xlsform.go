// Package xlsform reads and writes survey definitions as XLSForm
// spreadsheets (the survey, choices and settings sheets that ODK and
// KoboToolbox use), so admins can bring the forms they already have and
// edit Speakeasy's surveys in Excel.
//
// Reading reads what pyxform (the compiler ODK and KoboToolbox use) reads:
// its other spellings of types and headings, groups, or_other. It turns
// what Speakeasy can ask into a survey.Survey and leaves out each question
// it cannot ask (repeats, calculations, map points, photos, ...), naming it
// in a Notice with its sheet, row and column; Options.Strict refuses such a
// form instead. Notices of one kind are said once, with their rows.
// Writing gives a form that pyxform builds whole, with Speakeasy's own
// settings in extra "speakeasy_" columns that ODK ignores, so reading it
// back gives the same survey.
package xlsform

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"speakeasy/survey"
)

// Place is where something is in a workbook. Row counts from 1, as Excel
// shows it; 0 means the whole sheet or column.
type Place struct {
	Sheet  string // "survey", "choices" or "settings"
	Row    int
	Column string // the column's header as the file spells it
}

func (p Place) String() string {
	var parts []string
	if p.Sheet != "" {
		parts = append(parts, p.Sheet+" sheet")
	}
	if p.Row > 0 {
		parts = append(parts, fmt.Sprintf("row %d", p.Row))
	}
	if p.Column != "" {
		parts = append(parts, "column "+p.Column)
	}
	return strings.Join(parts, ", ")
}

// Notice is something Speakeasy left out or changed while reading a form.
// Things of one kind on several rows are one Notice: Place names the first
// row and Rows every row.
type Notice struct {
	Place
	Rows    []int // every row it is about, in order, when there are more than one
	Message string
}

func (n Notice) String() string {
	if len(n.Rows) < 2 {
		return located(n.Place, n.Message)
	}
	p := n.Place
	p.Row = 0
	at := []string{}
	if p.Sheet != "" {
		at = append(at, p.Sheet+" sheet")
	}
	at = append(at, "rows "+rowList(n.Rows))
	if p.Column != "" {
		at = append(at, "column "+p.Column)
	}
	return strings.Join(at, ", ") + ": " + n.Message
}

// rowList says rows as "3, 5, 9 and 9 more (12 in all)".
func rowList(rows []int) string {
	const shown = 3
	words := make([]string, 0, shown)
	for i, r := range rows {
		if i == shown {
			break
		}
		words = append(words, strconv.Itoa(r))
	}
	if len(rows) <= shown {
		return andList(words)
	}
	return fmt.Sprintf("%s and %d more (%d in all)", strings.Join(words, ", "), len(rows)-shown, len(rows))
}

// andList joins words as "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// Error is something in a form that Speakeasy cannot carry.
type Error struct {
	Place
	Message string
}

func (e Error) Error() string { return located(e.Place, e.Message) }

// Errors is every problem found in a form, in sheet and row order.
type Errors []Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func located(p Place, msg string) string {
	if at := p.String(); at != "" {
		return at + ": " + msg
	}
	return msg
}

// langHeader is how a language is written after "::" in a header.
func langHeader(code string) string {
	return survey.LanguageName(code) + " (" + code + ")"
}

var codeInBrackets = regexp.MustCompile(`\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\)\s*$`)

// langCode reads the language part of a header ("English (en)", "en",
// "Welsh") as a code.
func langCode(s string) string {
	s = strings.TrimSpace(s)
	if m := codeInBrackets.FindStringSubmatch(s); m != nil {
		return strings.ToLower(m[1])
	}
	if code, ok := survey.LanguageCode(s); ok {
		return code
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), "-")
}

// header is one column heading, understood.
type header struct {
	text string // as written
	base string // the column it is, in canonical spelling: "label", "media::image"
	lang string // language code, "" if the heading names none
}

// aliases maps other spellings of a column (in snake_case, as pyxform
// compares them) to the canonical one.
var aliases = map[string]string{
	"image": "media::image", "audio": "media::audio", "video": "media::video", "big-image": "media::big-image",
	"jr:constraintmsg": "constraint_message", "constraining_message": "constraint_message",
	"jr:requiredmsg": "required_message", "requiredmsg": "required_message",
	"caption": "label", "relevance": "relevant", "value": "name", "tag": "name", "command": "type",
	"set_form_title": "form_title", "set_form_id": "form_id",
	"calculation": "calculate",
}

// snake writes a heading as pyxform compares it: lower case, words joined by _.
func snake(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "_")) }

// parseHeader understands a heading such as "Label::Cymraeg (cy)",
// "media::image::English (en)" or "label:English". As in pyxform, a sheet
// with any "::" heading (double) splits headings at "::" only; otherwise a
// single ":" splits them, keeping "jr:" names whole. Case and spaces do not
// matter.
func parseHeader(text string, double bool) header {
	var parts []string
	if double || strings.Contains(text, "::") {
		parts = strings.Split(text, "::")
	} else {
		for _, p := range strings.Split(text, ":") {
			if n := len(parts); n > 0 && strings.EqualFold(strings.TrimSpace(parts[n-1]), "jr") {
				parts[n-1] = "jr:" + p
				continue
			}
			parts = append(parts, p)
		}
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	base := snake(parts[0])
	rest := parts[1:]
	if base == "media" && len(rest) > 0 {
		base += "::" + strings.ToLower(rest[0])
		rest = rest[1:]
	}
	if a, ok := aliases[base]; ok {
		base = a
	}
	h := header{text: strings.TrimSpace(text), base: base}
	if len(rest) > 0 {
		h.lang = langCode(strings.Join(rest, "::"))
	}
	return h
}
