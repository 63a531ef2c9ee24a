package xlsform

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"speakeasy/assets"
	"speakeasy/survey"
)

// Options changes how a form is read.
type Options struct {
	// MediaDir is the folder beside the form where its pictures and sounds
	// are; "" means no folder, so files are not looked for.
	MediaDir string
	// DefaultID is the survey ID to use when the settings sheet has no form_id.
	DefaultID string
	// DefaultTitle is the survey's title when the settings sheet has none;
	// "" means the ID.
	DefaultTitle string
	// Strict refuses a form that has a question Speakeasy cannot ask,
	// instead of leaving the question out.
	Strict bool
}

// Form is a survey read from an XLSForm, with what was left out and where
// each part of the survey came from.
type Form struct {
	Survey  *survey.Survey
	Notices []Notice
	places  *places
}

// Read reads an XLSForm workbook. mediaDir is the folder its pictures and
// sounds are in ("" for none). The survey is checked; the error, if any, is
// Errors, each naming the sheet, row and column.
func Read(r io.Reader, mediaDir string) (*survey.Survey, []Notice, error) {
	f, err := ReadForm(r, Options{MediaDir: mediaDir})
	if err != nil {
		return nil, nil, err
	}
	return f.Survey, f.Notices, nil
}

// ReadFile reads an XLSForm file, with its pictures and sounds beside it.
func ReadFile(path string) (*survey.Survey, []Notice, error) {
	f, err := ReadFormFile(path, Options{})
	if err != nil {
		return nil, nil, err
	}
	return f.Survey, f.Notices, nil
}

// ReadFormFile is ReadFile giving the whole Form, read with o. The folder
// of the file is where its pictures and sounds are, unless o names
// another. A form with no form_id takes its ID from the file name, as
// pyxform does.
func ReadFormFile(path string, o Options) (*Form, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the form: %w", err)
	}
	defer file.Close()
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if o.MediaDir == "" {
		o.MediaDir = filepath.Dir(path)
	}
	if o.DefaultID == "" {
		o.DefaultID, o.DefaultTitle = IDFromName(stem), strings.TrimSpace(stem)
	}
	return ReadForm(file, o)
}

// maxUnzipped limits how big a workbook may be once unzipped, so a small
// file cannot fill the memory.
const maxUnzipped = 256 << 20

// ReadForm reads an XLSForm workbook; see Read.
func ReadForm(r io.Reader, o Options) (form *Form, err error) {
	// excelize is not written for hostile files; a form from anywhere must
	// give an error, never stop the program.
	defer func() {
		if p := recover(); p != nil {
			form, err = nil, fmt.Errorf("the file is damaged, so it could not be read as a spreadsheet (%v)", p)
		}
	}()
	opts := excelize.Options{RawCellValue: true, UnzipSizeLimit: maxUnzipped}
	x, err := excelize.OpenReader(r, opts)
	if err != nil {
		return nil, fmt.Errorf("the file is not an Excel workbook (.xlsx) that Speakeasy can read: %w", err)
	}
	defer x.Close()

	rd := &reader{mediaDir: o.MediaDir, strict: o.Strict, left: map[string]int{}, others: map[string]bool{}, lists: map[string]*list{}, places: newPlaces(), noteAt: map[string]*pending{}}
	sheets := map[string]*table{}
	for _, name := range x.GetSheetList() {
		key := strings.ToLower(strings.TrimSpace(name))
		switch key {
		case "survey", "choices", "settings", jargonSheet:
			if sheets[key] != nil {
				rd.notice(Place{Sheet: key}, fmt.Sprintf("there are two sheets called %q; only the first is read.", key))
				continue
			}
			rows, err := x.GetRows(name, opts)
			if err != nil {
				return nil, fmt.Errorf("%s sheet: cannot read it: %w", key, err)
			}
			sheets[key] = newTable(key, rows)
		default:
			rd.notice(Place{Sheet: name}, "Speakeasy does not use this sheet.")
		}
	}
	if sheets["survey"] == nil {
		return nil, errors.New("the workbook has no sheet called \"survey\", so it is not an XLSForm")
	}
	s := rd.read(sheets, o)
	if len(rd.errs) > 0 {
		return nil, rd.errs
	}
	rd.rulesOnLeftOut(s)
	if err := rd.validate(s); err != nil {
		return nil, err
	}
	return &Form{Survey: s, Notices: rd.notices(), places: rd.places}, nil
}

// reader is the state of reading one workbook.
type reader struct {
	mediaDir string
	strict   bool
	left     map[string]int  // names of rows left out, with their row
	others   map[string]bool // select questions with or_other
	defLang  string
	langs    []string
	lists    map[string]*list
	order    []*list // the lists in the order of the choices sheet
	places   *places
	notes    []*pending
	noteAt   map[string]*pending
	errs     Errors
}

func (rd *reader) fail(p Place, msg string) { rd.errs = append(rd.errs, Error{p, msg}) }

// lang gives the language of a column: its own, or the form's default.
func (rd *reader) lang(h header) string {
	if h.lang == "" {
		return rd.defLang
	}
	return h.lang
}

func (rd *reader) addLang(code string) {
	for _, l := range rd.langs {
		if l == code {
			return
		}
	}
	rd.langs = append(rd.langs, code)
}

// table is one sheet: its headings and the rows under them.
type table struct {
	sheet   string
	headers []header
	rows    []row
	used    map[int]bool // columns Speakeasy has read
	skip    map[int]bool // rows left out, whose cells are not looked at again
}

// row is one row of a sheet under the heading row.
type row struct {
	num   int // as Excel numbers it
	cells []string
}

func newTable(sheet string, rows [][]string) *table {
	t := &table{sheet: sheet, used: map[int]bool{}, skip: map[int]bool{}}
	if len(rows) == 0 {
		return t
	}
	double := false
	for _, h := range rows[0] {
		double = double || strings.Contains(h, "::")
	}
	for _, h := range rows[0] {
		t.headers = append(t.headers, parseHeader(h, double))
	}
	for i, cells := range rows[1:] {
		blank := true
		for _, c := range cells {
			if strings.TrimSpace(c) != "" {
				blank = false
				break
			}
		}
		if !blank {
			t.rows = append(t.rows, row{num: i + 2, cells: cells})
		}
	}
	return t
}

// col finds the first column with the canonical name base and no
// language, or -1.
func (t *table) col(base string) int {
	for i, h := range t.headers {
		if h.base == base && h.lang == "" {
			t.used[i] = true
			return i
		}
	}
	return -1
}

// cols finds every column named base, with or without a language.
func (t *table) cols(base string) []int {
	var out []int
	for i, h := range t.headers {
		if h.base == base {
			t.used[i] = true
			out = append(out, i)
		}
	}
	return out
}

// cell is the trimmed value of a row in column i (-1 gives "").
func (t *table) cell(r row, i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// raw is the value of a row in column i as written, for words.
func (t *table) raw(r row, i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

// place names a cell of the table.
func (t *table) place(r row, i int) Place {
	p := Place{Sheet: t.sheet, Row: r.num}
	if i >= 0 && i < len(t.headers) {
		p.Column = t.headers[i].text
	}
	return p
}

// unused reports each column that has values but that Speakeasy did not read.
func (rd *reader) unused(t *table) {
	for i, h := range t.headers {
		// "$kuid", "$autoname" and the like are KoboToolbox's own bookkeeping.
		if t.used[i] || h.text == "" || strings.HasPrefix(h.text, "$") {
			continue
		}
		for _, r := range t.rows {
			if !t.skip[r.num] && t.cell(r, i) != "" {
				rd.notice(t.place(r, i), fmt.Sprintf("Speakeasy does not use the column %q, so its values are left out.", h.text))
				break
			}
		}
	}
}

// texts reads every column named base (one per language) of a row into a
// Text. Two columns for the same language keep the first's words.
func (rd *reader) texts(t *table, r row, base string) survey.Text {
	var out survey.Text
	from := map[string]int{}
	for _, i := range t.cols(base) {
		v := t.raw(r, i)
		if strings.TrimSpace(v) == "" {
			continue
		}
		lang := rd.lang(t.headers[i])
		if j, ok := from[lang]; ok {
			if out[lang] != v {
				rd.notice(t.place(r, i), fmt.Sprintf("the words for %q are in column %q already, so these are left out.", lang, t.headers[j].text))
			}
			continue
		}
		if out == nil {
			out = survey.Text{}
		}
		out[lang], from[lang] = v, i
	}
	return out
}

// media reads a picture or sound column (one per language, as ODK allows)
// into a single file or picture name, since Speakeasy has one per question.
func (rd *reader) media(t *table, r row, base string, picture bool) string {
	var name string
	var from int
	idx := t.cols(base)
	// The default language's file first, then the others in column order.
	sort.SliceStable(idx, func(a, b int) bool {
		return rd.lang(t.headers[idx[a]]) == rd.defLang && rd.lang(t.headers[idx[b]]) != rd.defLang
	})
	for _, i := range idx {
		v := t.cell(r, i)
		switch {
		case v == "":
		case name == "":
			name, from = rd.file(t.place(r, i), v, picture), i
		case v != t.cell(r, from):
			rd.notice(t.place(r, i), fmt.Sprintf("Speakeasy shows one picture or sound in every language, the one in column %q, so %q is left out.", t.headers[from].text, v))
		}
	}
	return name
}

// file checks a picture or sound named in the form: a file beside the form,
// or one of Speakeasy's own pictures by name.
func (rd *reader) file(at Place, name string, picture bool) string {
	base := filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	if base == "." || base == "/" || base == ".." {
		rd.notice(at, fmt.Sprintf("%q is not a file name, so it is left out.", name))
		return ""
	}
	if base != name {
		rd.notice(at, fmt.Sprintf("only the file name %q is kept; the file must be beside the form.", base))
	}
	if picture {
		if stem := builtinPicture(rd.mediaDir, base); stem != "" {
			return stem
		}
	}
	if rd.mediaDir != "" {
		if st, err := os.Stat(filepath.Join(rd.mediaDir, base)); err == nil && st.Mode().IsRegular() {
			return base
		}
	}
	if rd.mediaDir != "" {
		rd.notice(at, fmt.Sprintf("the file %q is not in the folder %s; add it there before the survey is used.", base, rd.mediaDir))
	}
	return base
}

// builtinPicture gives the built-in picture a form's file name stands for
// ("waving-hand" or "waving-hand.png"), or "". A file of that name beside
// the form that is not the one WriteMedia writes is the admin's own, and
// is kept.
func builtinPicture(dir, base string) string {
	stem, ext := base, strings.ToLower(filepath.Ext(base))
	if ext == ".png" || ext == ".svg" {
		stem = strings.TrimSuffix(base, filepath.Ext(base))
	}
	if !assets.HasPicture(stem) {
		return ""
	}
	if dir == "" || stem == base {
		return stem
	}
	beside, err := os.ReadFile(filepath.Join(dir, base))
	if err != nil {
		return stem
	}
	ours, _ := assets.Picture(stem)
	if ext == ".png" {
		ours, _ = PicturePNG(stem)
	}
	if bytes.Equal(beside, ours) {
		return stem
	}
	return ""
}

// yes reads a yes/no cell as ODK does: yes, true, true() and 1 are yes.
func yes(v string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "yes", "true", "true()", "1", "y":
		return true, true
	case "", "no", "false", "false()", "0", "n":
		return false, true
	}
	return false, false
}

// number formats a number the way it is read back.
func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
