package xlsform

import (
	"strings"

	"speakeasy/survey"
)

// places remembers where each part of a survey came from in the workbook,
// so problems and warnings found later can name the sheet, row and column.
type places struct {
	defLang   string
	headers   map[string]string         // sheet, base, language -> heading as written
	questions map[string]int            // question ID -> survey sheet row
	lists     map[string]string         // question ID -> its list's name
	choices   map[string]map[string]int // list -> choice value -> choices sheet row
	settings  int                       // the settings sheet's row of values
}

func newPlaces() *places {
	return &places{headers: map[string]string{}, questions: map[string]int{},
		lists: map[string]string{}, choices: map[string]map[string]int{}}
}

func headerKey(sheet, base, lang string) string { return sheet + "\x00" + base + "\x00" + lang }

// textBases are the columns that hold words, one column per language.
var textBases = map[string]bool{
	"label": true, "hint": true, "easier": true, "required_message": true, "constraint_message": true,
	"form_title": true, "speakeasy_title": true, "speakeasy_welcome": true, "speakeasy_thanks": true,
}

// record remembers a table's headings, the first of each kind.
func (p *places) record(t *table) {
	for _, h := range t.headers {
		lang := h.lang
		if lang == "" && textBases[h.base] {
			lang = p.defLang
		}
		for _, k := range []string{headerKey(t.sheet, h.base, lang), headerKey(t.sheet, h.base, "*")} {
			if _, ok := p.headers[k]; !ok {
				p.headers[k] = h.text
			}
		}
	}
}

// column is the heading of a column as the file spells it, or as
// Speakeasy would write it if the file has no such column.
func (p *places) column(sheet, base, lang string) string {
	if h, ok := p.headers[headerKey(sheet, base, lang)]; ok {
		return h
	}
	if h, ok := p.headers[headerKey(sheet, base, "")]; ok {
		return h
	}
	if lang == "" {
		// A picture or sound column with a language is the one column of its kind.
		if h, ok := p.headers[headerKey(sheet, base, p.defLang)]; ok {
			return h
		}
		if h, ok := p.headers[headerKey(sheet, base, "*")]; ok {
			return h
		}
		return base
	}
	return base + "::" + langHeader(lang)
}

// questionColumns maps a question's JSON fields to XLSForm columns.
var questionColumns = map[string]string{
	"id": "name", "kind": "type", "text": "label", "hint": "hint", "easier": "easier",
	"picture": "media::image", "sound": "media::audio", "required": "required",
	"required_message": "required_message", "relevant": "relevant",
	"constraint": "constraint", "constraint_message": "constraint_message",
	"faces": "appearance", "quick": "appearance", "choices": "type",
	"dont_know": "speakeasy_options", "prefer_not": "speakeasy_options",
	"min": "parameters", "max": "parameters",
}

// surveyColumns maps a survey's own JSON fields to settings columns.
var surveyColumns = map[string]string{
	"id": "form_id", "version": "version", "title": "form_title", "languages": "default_language",
	"welcome": "speakeasy_welcome", "thanks": "speakeasy_thanks", "picture": "speakeasy_picture",
	"answered_by": "speakeasy_answered_by",
}

// Place says where in the workbook a part of the survey came from: a
// question (by ID) or the survey itself (""), a JSON field such as "text"
// or "choices", a choice's value and a language, as in check.Where. For a
// choice, a language names the choice's words and no language its picture.
func (f *Form) Place(question, field, choice, lang string) Place {
	return f.places.place(question, field, choice, lang)
}

func (p *places) place(question, field, choice, lang string) Place {
	if question == "" {
		if field == "questions" {
			return Place{Sheet: "survey"}
		}
		base := surveyColumns[field]
		if base == "" {
			base = field
		}
		if field == "title" && lang != "" && lang != p.defLang {
			base = "speakeasy_title"
		}
		if !textBases[base] {
			lang = ""
		}
		return Place{Sheet: "settings", Row: p.settings, Column: p.column("settings", base, lang)}
	}
	if field == "choices" && choice != "" {
		if row, ok := p.choices[p.lists[question]][choice]; ok {
			base := "label"
			if lang == "" {
				base = "media::image"
			}
			return Place{Sheet: "choices", Row: row, Column: p.column("choices", base, lang)}
		}
	}
	base := questionColumns[field]
	if base == "" {
		base = field
	}
	if !textBases[base] {
		lang = ""
	}
	return Place{Sheet: "survey", Row: p.questions[question], Column: p.column("survey", base, lang)}
}

// problem places a problem that survey.Validate found.
func (p *places) problem(pr survey.Problem, lang string) Place {
	field := pr.Field
	if strings.HasSuffix(field, "_message") || field == "text" || field == "hint" || field == "easier" || field == "title" {
		return p.place(pr.Question, field, "", lang)
	}
	return p.place(pr.Question, field, "", "")
}
