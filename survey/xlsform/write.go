package xlsform

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"speakeasy/survey"
)

// Write writes s as an XLSForm workbook that ODK and KoboToolbox accept.
//
// Faces questions become select_one with a generated list (faces2, faces3
// or faces5) and the appearance likert; yes / no questions use the list
// yes_no_not_sure; a number question with both bounds is a range. What ODK
// has no column for (the welcome and thank-you words, the survey's picture,
// who answers, "I don't know" and "I don't want to say", a single bound) is
// kept in "speakeasy_" columns, which ODK ignores; the survey's own hard
// words go on a jargon sheet, which ODK does not read. Read gives the same
// survey back.
func Write(s *survey.Survey, w io.Writer) error {
	langs := textLanguages(s)
	lists := newListNames()
	srv := newSheet("survey", "type", "name")
	chs := newSheet("choices", "list_name", "name")
	set := newSheet("settings", "form_title", "form_id", "version", "default_language")
	for _, l := range langs {
		srv.keep = append(srv.keep, "label::"+langHeader(l))
		chs.keep = append(chs.keep, "label::"+langHeader(l))
	}

	for i := range s.Questions {
		q := &s.Questions[i]
		r := map[string]string{"name": q.ID, "relevant": q.Relevant, "constraint": q.Constraint}
		putMedia(r, langs, q.Picture, q.Sound)
		putTexts(r, "label", langs, q.Text)
		putTexts(r, "hint", langs, q.Hint)
		putTexts(r, "easier", langs, q.Easier)
		putTexts(r, "required_message", langs, q.RequiredMessage)
		putTexts(r, "constraint_message", langs, q.ConstraintMessage)
		if q.Required {
			r["required"] = "yes"
		}
		var appearance, options []string
		switch q.Kind {
		case survey.KindOne, survey.KindMany:
			name := lists.take(q.ID)
			r["type"] = map[survey.Kind]string{survey.KindOne: "select_one ", survey.KindMany: "select_multiple "}[q.Kind] + name
			for _, c := range q.Choices {
				cr := map[string]string{"list_name": name, "name": c.Value}
				putMedia(cr, langs, c.Picture, c.Sound)
				putTexts(cr, "label", langs, c.Text)
				chs.rows = append(chs.rows, cr)
			}
		case survey.KindFaces:
			r["type"] = "select_one " + lists.builtin(survey.Question{Kind: survey.KindFaces, Faces: q.Faces}, facesList(q.Faces), langs, chs)
			appearance = append(appearance, "likert")
		case survey.KindYesNo:
			r["type"] = "select_one " + lists.builtin(survey.Question{Kind: survey.KindYesNo}, yesNoList, langs, chs)
		case survey.KindNumber:
			if q.Min != nil && q.Max != nil {
				r["type"] = "range"
				r["parameters"] = "start=" + number(*q.Min) + " end=" + number(*q.Max)
			} else {
				r["type"] = "decimal"
				if q.Min != nil {
					r["speakeasy_min"] = number(*q.Min)
				}
				if q.Max != nil {
					r["speakeasy_max"] = number(*q.Max)
				}
			}
		default: // note, text and date have the same names in XLSForm
			r["type"] = string(q.Kind)
		}
		if q.Quick {
			appearance = append(appearance, "quick")
		}
		if q.DontKnow {
			options = append(options, survey.DontKnow)
		}
		if q.PreferNot {
			options = append(options, survey.PreferNot)
		}
		if q.AboutWhen {
			options = append(options, aboutWhen)
		}
		r["appearance"] = strings.Join(appearance, " ")
		r["speakeasy_options"] = strings.Join(options, " ")
		srv.rows = append(srv.rows, r)
	}
	srv.order(langs, "type", "name", "label", "hint", "easier", "required", "required_message", "relevant",
		"constraint", "constraint_message", "appearance", "parameters", "media::image", "media::audio",
		"speakeasy_options", "speakeasy_min", "speakeasy_max")
	chs.order(langs, "list_name", "name", "label", "media::image", "media::audio")

	first := s.Lang()
	r := map[string]string{"form_title": s.Title[first], "form_id": s.ID, "version": strconv.Itoa(s.Version),
		"default_language": langHeader(first), "speakeasy_picture": s.Picture, "speakeasy_answered_by": s.AnsweredBy}
	putTexts(r, "speakeasy_title", langs[1:], s.Title)
	putTexts(r, "speakeasy_welcome", langs, s.Welcome)
	putTexts(r, "speakeasy_thanks", langs, s.Thanks)
	set.rows = append(set.rows, r)
	set.order(langs[1:], "form_title", "form_id", "version", "default_language", "speakeasy_title")
	set.order(langs, "speakeasy_welcome", "speakeasy_thanks", "speakeasy_picture", "speakeasy_answered_by")

	x := excelize.NewFile()
	defer x.Close()
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	sheets := []*sheet{srv, chs, set}
	if jar := jargonSheetOf(s, langs); jar != nil {
		sheets = append(sheets, jar)
	}
	for i, sh := range sheets {
		if i == 0 {
			err = x.SetSheetName(x.GetSheetName(0), sh.name)
		} else {
			_, err = x.NewSheet(sh.name)
		}
		if err == nil {
			err = sh.write(x, bold)
		}
		if err != nil {
			return fmt.Errorf("cannot write the %s sheet: %w", sh.name, err)
		}
	}
	return x.Write(w)
}

// textLanguages is the survey's languages, then any other language that
// has words somewhere, so no words are lost.
func textLanguages(s *survey.Survey) []string {
	langs := append([]string(nil), s.Languages...)
	if len(langs) == 0 {
		langs = []string{s.Lang()}
	}
	known := map[string]bool{}
	for _, l := range langs {
		known[l] = true
	}
	var extra []string
	add := func(t survey.Text) {
		for l, v := range t {
			if v != "" && !known[l] {
				known[l] = true
				extra = append(extra, l)
			}
		}
	}
	add(s.Title)
	add(s.Welcome)
	add(s.Thanks)
	for _, q := range s.Questions {
		for _, t := range []survey.Text{q.Text, q.Hint, q.Easier, q.RequiredMessage, q.ConstraintMessage} {
			add(t)
		}
		for _, c := range q.Choices {
			add(c.Text)
		}
	}
	sort.Strings(extra)
	return append(langs, extra...)
}

func putTexts(r map[string]string, base string, langs []string, t survey.Text) {
	for _, l := range langs {
		if v := t[l]; v != "" {
			r[base+"::"+langHeader(l)] = v
		}
	}
}

// listNames hands out list names for the choices sheet, each once.
type listNames struct {
	taken map[string]bool
}

func newListNames() *listNames {
	// The generated lists' names are kept for them from the start.
	return &listNames{taken: map[string]bool{yesNoList: true, facesList(2): true, facesList(3): true, facesList(5): true}}
}

// take gives a question's own list its ID as name, or a changed one if
// that is taken.
func (n *listNames) take(id string) string {
	name := id
	for n.taken[name] {
		name += "_list"
	}
	n.taken[name] = true
	return name
}

// builtin writes a generated list with Speakeasy's own words, once.
func (n *listNames) builtin(q survey.Question, name string, langs []string, chs *sheet) string {
	if n.taken[name+"\x00written"] {
		return name
	}
	n.taken[name+"\x00written"] = true
	for i, o := range q.Options(langs[0], langs[0]) {
		r := map[string]string{"list_name": name, "name": o.Value}
		for _, l := range langs {
			r["label::"+langHeader(l)] = q.Options(l, langs[0])[i].Label
		}
		chs.rows = append(chs.rows, r)
	}
	return name
}

// perLanguage are the columns Write writes once per language.
var perLanguage = map[string]bool{"label": true, "hint": true, "easier": true, "required_message": true, "constraint_message": true,
	"speakeasy_title": true, "speakeasy_welcome": true, "speakeasy_thanks": true,
	"media::image": true, "media::audio": true}

// putMedia names a picture and a sound once per language, as ODK Collect
// looks for them, by the file names that WriteMedia writes.
func putMedia(r map[string]string, langs []string, picture, sound string) {
	for _, l := range langs {
		if picture != "" {
			r["media::image::"+langHeader(l)] = FormFileName(picture, true)
		}
		if sound != "" {
			r["media::audio::"+langHeader(l)] = FormFileName(sound, false)
		}
	}
}

// sheet is one sheet to write: its columns and rows of values by column.
type sheet struct {
	name    string
	keep    []string // columns written even when empty
	columns []string
	rows    []map[string]string
}

func newSheet(name string, keep ...string) *sheet { return &sheet{name: name, keep: keep} }

// order adds columns in this order; a column that has words per language
// becomes one column per language. Empty columns are left out unless kept.
func (sh *sheet) order(langs []string, bases ...string) {
	for _, b := range bases {
		cols := []string{b}
		if perLanguage[b] {
			cols = cols[:0]
			for _, l := range langs {
				cols = append(cols, b+"::"+langHeader(l))
			}
		}
		for _, c := range cols {
			if sh.kept(c) || sh.used(c) {
				sh.columns = append(sh.columns, c)
			}
		}
	}
}

func (sh *sheet) kept(col string) bool {
	for _, k := range sh.keep {
		if k == col {
			return true
		}
	}
	return false
}

func (sh *sheet) used(col string) bool {
	for _, r := range sh.rows {
		if r[col] != "" {
			return true
		}
	}
	return false
}

func (sh *sheet) write(x *excelize.File, bold int) error {
	head := make([]any, len(sh.columns))
	for i, c := range sh.columns {
		head[i] = c
	}
	if err := x.SetSheetRow(sh.name, "A1", &head); err != nil {
		return err
	}
	for i, r := range sh.rows {
		cells := make([]any, len(sh.columns))
		for j, c := range sh.columns {
			cells[j] = r[c]
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := x.SetSheetRow(sh.name, cell, &cells); err != nil {
			return err
		}
	}
	if len(sh.columns) == 0 {
		return nil
	}
	last, _ := excelize.ColumnNumberToName(len(sh.columns))
	if err := x.SetCellStyle(sh.name, "A1", last+"1", bold); err != nil {
		return err
	}
	// excelize leaves the sheet's size as "A1", and readers that trust it
	// (pyxform, openpyxl read-only) then see one cell.
	if err := x.SetSheetDimension(sh.name, fmt.Sprintf("A1:%s%d", last, len(sh.rows)+1)); err != nil {
		return err
	}
	return x.SetColWidth(sh.name, "A", last, 22)
}
