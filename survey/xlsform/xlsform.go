// Package xlsform reads and writes survey definitions as XLSForm
// spreadsheets (the survey, choices and settings sheets that ODK and
// KoboToolbox use), so admins can bring the forms they already have and
// edit Speakeasy's surveys in Excel.
//
// Reading turns what Speakeasy can ask into a survey.Survey, refuses what it
// cannot (repeats, calculations, map points, photos, ...) with an error that
// names the sheet, row and column, and reports anything it leaves out as a
// Notice. Writing gives a form that ODK tools accept, with Speakeasy's own
// settings in extra "speakeasy_" columns that ODK ignores, so reading it
// back gives the same survey.
package xlsform

import (
	"fmt"
	"regexp"
	"strings"
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
type Notice struct {
	Place
	Message string
}

func (n Notice) String() string { return located(n.Place, n.Message) }

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

// languageNames maps language codes to the names written in headers
// ("label::Cymraeg (cy)"), for the languages most spoken in the UK.
var languageNames = map[string]string{
	"en": "English", "cy": "Cymraeg", "ga": "Gaeilge", "gd": "Gàidhlig",
	"pl": "Polski", "ro": "Română", "pa": "ਪੰਜਾਬੀ", "ur": "اردو", "bn": "বাংলা",
	"gu": "ગુજરાતી", "ar": "العربية", "so": "Soomaali", "pt": "Português",
	"es": "Español", "fr": "Français", "de": "Deutsch", "it": "Italiano",
	"lt": "Lietuvių", "uk": "Українська", "zh": "中文", "ta": "தமிழ்", "tr": "Türkçe",
}

// englishNames maps English names of languages to codes, for headers that
// name a language without a code ("label::Welsh").
var englishNames = map[string]string{
	"english": "en", "welsh": "cy", "irish": "ga", "scottish gaelic": "gd", "gaelic": "gd",
	"polish": "pl", "romanian": "ro", "punjabi": "pa", "panjabi": "pa", "urdu": "ur",
	"bengali": "bn", "bangla": "bn", "gujarati": "gu", "arabic": "ar", "somali": "so",
	"portuguese": "pt", "spanish": "es", "french": "fr", "german": "de", "italian": "it",
	"lithuanian": "lt", "ukrainian": "uk", "chinese": "zh", "tamil": "ta", "turkish": "tr",
}

// langHeader is how a language is written after "::" in a header.
func langHeader(code string) string {
	name := languageNames[code]
	if name == "" {
		name = code
	}
	return name + " (" + code + ")"
}

var codeInBrackets = regexp.MustCompile(`\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\)\s*$`)

// langCode reads the language part of a header ("English (en)", "en",
// "Welsh") as a code.
func langCode(s string) string {
	s = strings.TrimSpace(s)
	if m := codeInBrackets.FindStringSubmatch(s); m != nil {
		return strings.ToLower(m[1])
	}
	lower := strings.ToLower(s)
	if code, ok := englishNames[lower]; ok {
		return code
	}
	for code, name := range languageNames {
		if strings.EqualFold(name, s) {
			return code
		}
	}
	return strings.Join(strings.Fields(lower), "-")
}

// header is one column heading, understood.
type header struct {
	text string // as written
	base string // the column it is, in canonical spelling: "label", "media::image"
	lang string // language code, "" if the heading names none
}

// aliases maps other spellings of a column to the canonical one.
var aliases = map[string]string{
	"list name":        "list_name",
	"image":            "media::image",
	"audio":            "media::audio",
	"video":            "media::video",
	"big-image":        "media::big-image",
	"jr:constraintmsg": "constraint_message",
	"jr:requiredmsg":   "required_message",
	"choice filter":    "choice_filter",
	"default language": "default_language",
	"form title":       "form_title",
	"form id":          "form_id",
}

// parseHeader understands a heading such as "Label::Cymraeg (cy)" or
// "media::image::English (en)". Case and spaces around "::" do not matter.
func parseHeader(text string) header {
	parts := strings.Split(text, "::")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	base := strings.Join(strings.Fields(strings.ToLower(parts[0])), " ")
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
