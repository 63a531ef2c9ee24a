package xlsform

import (
	"fmt"
	"strconv"

	"speakeasy/survey"
)

// read turns the three sheets into a survey, collecting errors and notices.
func (rd *reader) read(sheets map[string]*table, o Options) *survey.Survey {
	s := &survey.Survey{Version: 1, Title: survey.Text{}}
	set := sheets["settings"]
	var values row
	if set != nil && len(set.rows) > 0 {
		values = set.rows[0]
		rd.places.settings = values.num
		for _, r := range set.rows[1:] {
			rd.notice(Place{Sheet: "settings", Row: r.num}, "only the first row of settings is read.")
		}
	}
	rd.languages(sheets, set, values)
	for _, name := range []string{"survey", "choices", "settings"} {
		if t := sheets[name]; t != nil {
			rd.places.record(t)
		}
	}
	if set == nil {
		set = newTable("settings", nil)
	}
	rd.readSettings(set, values, s, o)
	if t := sheets["choices"]; t != nil {
		rd.readChoices(t)
	}
	rd.readSurvey(sheets["survey"], s)
	if t := sheets[jargonSheet]; t != nil {
		rd.readJargon(t, s)
	}
	for _, name := range []string{"survey", "choices", "settings", jargonSheet} {
		if t := sheets[name]; t != nil {
			rd.unused(t)
		}
	}
	s.Languages = rd.langs
	return s
}

// languages works out the form's languages from its headings: the default
// language first (settings default_language, or English for headings
// without a language), then the others in the order they appear.
func (rd *reader) languages(sheets map[string]*table, set *table, values row) {
	var seen []string
	plain := false
	for _, name := range []string{"survey", "choices", "settings"} {
		t := sheets[name]
		if t == nil {
			continue
		}
		for _, h := range t.headers {
			switch {
			case !textBases[h.base]:
			case h.lang == "":
				plain = true
			default:
				seen = append(seen, h.lang)
			}
		}
	}
	if set != nil {
		if v := set.cell(values, set.col("default_language")); v != "" {
			rd.defLang = langCode(v)
		}
	}
	if rd.defLang == "" {
		rd.defLang = "en"
		if !plain && len(seen) > 0 {
			rd.defLang = seen[0]
		}
	}
	rd.places.defLang = rd.defLang
	rd.addLang(rd.defLang)
	for _, l := range seen {
		rd.addLang(l)
	}
}

func (rd *reader) readSettings(t *table, r row, s *survey.Survey, o Options) {
	idCol := t.col("form_id")
	s.ID = t.cell(r, idCol)
	// Name the settings sheet only when there is one.
	at, where := t.place(r, idCol), "there is no form_id"
	if len(t.headers) == 0 {
		at, where = Place{}, "the form has no settings sheet with a form_id"
	}
	if s.ID == "" && o.DefaultID != "" {
		s.ID = o.DefaultID
		rd.notice(at, fmt.Sprintf("%s, so Speakeasy made the survey's ID %q from the file name.", where, s.ID))
	}
	if c := t.col("version"); t.cell(r, c) != "" {
		v, err := strconv.ParseInt(t.cell(r, c), 10, 32)
		if err != nil || v < 0 {
			rd.notice(t.place(r, c), fmt.Sprintf("the version %q is not a whole number, so Speakeasy numbers this survey 1.", t.cell(r, c)))
		} else {
			s.Version = int(v)
		}
	}
	s.Title = rd.texts(t, r, "form_title")
	for lang, v := range rd.texts(t, r, "speakeasy_title") {
		if s.Title == nil {
			s.Title = survey.Text{}
		}
		if _, ok := s.Title[lang]; !ok {
			s.Title[lang] = v
		}
	}
	if s.Title == nil && s.ID != "" {
		title := o.DefaultTitle
		if title == "" {
			title = s.ID
		}
		s.Title = survey.Text{rd.defLang: title}
		at := t.place(r, t.col("form_title"))
		if len(t.headers) == 0 {
			at = Place{}
		}
		rd.notice(at, fmt.Sprintf("there is no form_title, so the survey's title is %q; give it a title people will understand.", title))
	}
	s.Welcome = rd.texts(t, r, "speakeasy_welcome")
	s.Thanks = rd.texts(t, r, "speakeasy_thanks")
	s.Picture = rd.media(t, r, "speakeasy_picture", true)
	s.AnsweredBy = t.cell(r, t.col("speakeasy_answered_by"))
}

// list is one list of choices from the choices sheet.
type list struct {
	name    string
	row     int // its first row
	choices []survey.Choice
	used    bool
}

func (rd *reader) readChoices(t *table) {
	listCol, nameCol := t.col("list_name"), t.col("name")
	if nameCol < 0 {
		nameCol = t.col("value")
	}
	if len(t.rows) > 0 && (listCol < 0 || nameCol < 0) {
		rd.fail(Place{Sheet: "choices", Row: 1}, "the sheet needs a list_name column and a name column.")
		return
	}
	var order []*list
	for _, r := range t.rows {
		name, value := t.cell(r, listCol), t.cell(r, nameCol)
		switch {
		case name == "":
			rd.fail(t.place(r, listCol), "this choice has no list name.")
			continue
		case value == "":
			rd.fail(t.place(r, nameCol), "this choice has no name; the name is what is saved when it is chosen, like \"yes\".")
			continue
		}
		l := rd.lists[name]
		if l == nil {
			l = &list{name: name, row: r.num}
			rd.lists[name] = l
			rd.places.choices[name] = map[string]int{}
			order = append(order, l)
		}
		if first, dup := rd.places.choices[name][value]; dup {
			rd.fail(t.place(r, nameCol), fmt.Sprintf("the list %q has the name %q on row %d already; each choice in a list needs its own name.", name, value, first))
			continue
		}
		rd.places.choices[name][value] = r.num
		text := rd.texts(t, r, "label")
		if text[rd.defLang] == "" && !rd.strict {
			// pyxform lets a choice go without words; a participant needs some.
			if text == nil {
				text = survey.Text{}
			}
			text[rd.defLang] = value
			at := Place{Sheet: "choices", Row: r.num, Column: rd.places.column("choices", "label", rd.defLang)}
			rd.note("choice-words", at, fmt.Sprintf("these choices have no words in %q, so Speakeasy shows their names; write words for them: %%s.", rd.defLang), name+" "+value)
		}
		l.choices = append(l.choices, survey.Choice{
			Value:   value,
			Text:    text,
			Picture: rd.media(t, r, "media::image", true),
			Sound:   rd.media(t, r, "media::audio", false),
		})
	}
	rd.order = order
}

// frame is an open group (or repeat) on the survey sheet.
type frame struct {
	relevant string
	row      int
	repeat   bool
}

func (rd *reader) readSurvey(t *table, s *survey.Survey) {
	typeCol, nameCol := t.col("type"), t.col("name")
	if typeCol < 0 || nameCol < 0 {
		rd.fail(Place{Sheet: "survey", Row: 1}, "the sheet needs a type column and a name column.")
		return
	}
	var stack []frame
	names := map[string]int{}
	repeatRow := 0 // the row of the repeat being left out, 0 if none
	for _, r := range t.rows {
		word, args := splitType(t.cell(r, typeCol))
		at := t.place(r, typeCol)
		name := t.cell(r, nameCol)
		// Every row but the end of a group needs a name of its own.
		needsName := word != "end_group" && word != "end_repeat" && !metadata[word] && refusals[word] == ""
		if needsName && word != "" {
			if name == "" {
				rd.fail(t.place(r, nameCol), "this row has no name; give it one made of letters, numbers and _, like \"age\".")
				continue
			}
			if first, dup := names[name]; dup {
				rd.fail(t.place(r, nameCol), fmt.Sprintf("the name %q is used on row %d already; each row needs its own name.", name, first))
				continue
			}
			names[name] = r.num
		}
		switch {
		case word == "":
			rd.fail(at, "this row has no type; write what it asks, like \"text\" or \"select_one colours\".")
		case word == "begin_group" || word == "begin_repeat":
			rel := t.cell(r, t.col("relevant"))
			if len(stack) > 0 {
				rel = and(stack[len(stack)-1].relevant, rel)
			}
			stack = append(stack, frame{relevant: rel, row: r.num, repeat: word == "begin_repeat"})
			switch {
			case repeatRow > 0:
				rd.inRepeat(t, r, repeatRow, name)
			case word == "begin_repeat" && rd.strict:
				rd.fail(at, repeatWhy)
			case word == "begin_repeat":
				repeatRow = r.num
				rd.inRepeat(t, r, repeatRow, name)
			default:
				rd.note("group", at, "Speakeasy asks the questions in a group (begin_group) one to a screen, so a group's own words and appearance, such as field-list, are not shown. Groups: %s.", name)
				t.skip[r.num] = true
			}
		case word == "end_group" || word == "end_repeat":
			if len(stack) == 0 || stack[len(stack)-1].repeat != (word == "end_repeat") {
				rd.fail(at, fmt.Sprintf("this %s has no begin row that it closes.", word))
				continue
			}
			if repeatRow > 0 {
				rd.inRepeat(t, r, repeatRow, "")
			}
			if top := stack[len(stack)-1]; top.repeat && top.row == repeatRow {
				repeatRow = 0
			}
			stack = stack[:len(stack)-1]
		case repeatRow > 0:
			rd.inRepeat(t, r, repeatRow, name)
		case metadata[word]:
			t.skip[r.num] = true
			rd.metadataNote(at, word)
		case refusals[word] != "":
			t.skip[r.num] = true
			rd.cannot(at, name, refusals[word])
		default:
			rel := ""
			if len(stack) > 0 {
				rel = stack[len(stack)-1].relevant
			}
			q, ok := rd.question(t, r, word, args, rel)
			if !ok {
				t.skip[r.num] = true
				continue
			}
			rd.places.questions[q.ID] = r.num
			s.Questions = append(s.Questions, q)
			if o, ok := rd.orOther(t, r, q, names); ok {
				s.Questions = append(s.Questions, o)
			}
		}
	}
	for _, f := range stack {
		rd.fail(Place{Sheet: "survey", Row: f.row, Column: t.headers[typeCol].text}, "this group has no end_group row after it.")
	}
	for _, l := range rd.order {
		if !l.used {
			rd.notice(Place{Sheet: "choices", Row: l.row}, fmt.Sprintf("no question uses the list %q, so it is left out.", l.name))
		}
	}
}

const repeatWhy = "Speakeasy cannot ask the same questions again and again (begin_repeat); give each question its own row."

// inRepeat leaves out a row of a repeat, which Speakeasy cannot ask.
func (rd *reader) inRepeat(t *table, r row, repeatRow int, name string) {
	t.skip[r.num] = true
	if name != "" {
		rd.left[name] = r.num
	}
	rd.note(fmt.Sprint("repeat", repeatRow), t.place(r, t.col("type")),
		fmt.Sprintf("Speakeasy cannot ask the same questions again and again (begin_repeat on row %d), so the repeat and the rows in it are left out: %%s.", repeatRow), name)
}

// and joins two skip rules; either may be empty.
func and(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return "(" + a + ") and (" + b + ")"
}
