package xlsform

import (
	"fmt"
	"strconv"
	"strings"

	"speakeasy/survey"
)

// read turns the three sheets into a survey, collecting errors and notices.
func (rd *reader) read(sheets map[string]*table, defaultID string) *survey.Survey {
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
		set = &table{sheet: "settings", used: map[int]bool{}}
	}
	rd.readSettings(set, values, s, defaultID)
	if t := sheets["choices"]; t != nil {
		rd.readChoices(t)
	}
	rd.readSurvey(sheets["survey"], s)
	for _, name := range []string{"survey", "choices", "settings"} {
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

func (rd *reader) readSettings(t *table, r row, s *survey.Survey, defaultID string) {
	idCol := t.col("form_id")
	s.ID = t.cell(r, idCol)
	if s.ID == "" && defaultID != "" {
		s.ID = defaultID
		rd.notice(t.place(r, idCol), fmt.Sprintf("there is no form_id, so the survey's ID is %q, from the file name.", s.ID))
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
		s.Title = survey.Text{rd.defLang: s.ID}
		rd.notice(t.place(r, t.col("form_title")), fmt.Sprintf("there is no form_title, so the survey's title is %q; give it a title people will understand.", s.ID))
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
		l.choices = append(l.choices, survey.Choice{
			Value:   value,
			Text:    rd.texts(t, r, "label"),
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
			if word == "begin_repeat" {
				rd.fail(at, "Speakeasy cannot ask the same questions again and again (begin_repeat); give each question its own row.")
			} else if len(rd.texts(t, r, "label")) > 0 || len(rd.texts(t, r, "hint")) > 0 || t.cell(r, t.col("appearance")) != "" {
				rd.notice(at, "Speakeasy asks a group's questions one per screen, so the group's own words and appearance are not used.")
			}
			rel := t.cell(r, t.col("relevant"))
			if len(stack) > 0 {
				rel = and(stack[len(stack)-1].relevant, rel)
			}
			stack = append(stack, frame{relevant: rel, row: r.num, repeat: word == "begin_repeat"})
		case word == "end_group" || word == "end_repeat":
			if len(stack) == 0 || stack[len(stack)-1].repeat != (word == "end_repeat") {
				rd.fail(at, fmt.Sprintf("this %s has no begin row that it closes.", word))
				continue
			}
			stack = stack[:len(stack)-1]
		case metadata[word]:
			rd.notice(at, metadataNotice(word))
		case refusals[word] != "":
			rd.fail(at, refusals[word])
		default:
			rel := ""
			if len(stack) > 0 {
				rel = stack[len(stack)-1].relevant
			}
			if q, ok := rd.question(t, r, word, args, rel); ok {
				rd.places.questions[q.ID] = r.num
				s.Questions = append(s.Questions, q)
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

// splitType reads a type cell: "select_one colours" gives "select_one" and
// ["colours"]. "begin group" and "select one" are read as with "_".
func splitType(v string) (string, []string) {
	f := strings.Fields(v)
	if len(f) == 0 {
		return "", nil
	}
	w := strings.ToLower(f[0])
	if len(f) > 1 {
		switch two := w + "_" + strings.ToLower(f[1]); two {
		case "begin_group", "end_group", "begin_repeat", "end_repeat", "select_one", "select_multiple":
			return two, f[2:]
		}
	}
	return w, f[1:]
}

// metadata are the types ODK fills in by itself.
var metadata = map[string]bool{
	"start": true, "end": true, "today": true, "deviceid": true, "username": true,
	"email": true, "phonenumber": true, "simserial": true, "subscriberid": true,
	"audit": true, "start-geopoint": true,
}

func metadataNotice(word string) string {
	switch word {
	case "start", "end", "today", "deviceid":
		return fmt.Sprintf("Speakeasy saves the times, the day and the laptop of every answer itself, so this row (%s) is left out.", word)
	}
	return fmt.Sprintf("Speakeasy does not record this (%s), so the row is left out.", word)
}

// refusals are the types Speakeasy cannot ask, with why, in plain words.
var refusals = map[string]string{
	"geopoint":                  "Speakeasy cannot ask for a map point (geopoint).",
	"geotrace":                  "Speakeasy cannot ask for a line on a map (geotrace).",
	"geoshape":                  "Speakeasy cannot ask for a shape on a map (geoshape).",
	"image":                     "Speakeasy cannot take a photo (image); to show a picture, put its file name in the image column.",
	"audio":                     "Speakeasy cannot record a sound (audio); to play a sound, put its file name in the audio column.",
	"background-audio":          "Speakeasy cannot record a sound (background-audio).",
	"video":                     "Speakeasy cannot record a video (video).",
	"file":                      "Speakeasy cannot take a file (file).",
	"barcode":                   "Speakeasy cannot scan a barcode (barcode).",
	"time":                      "Speakeasy can ask for a day but not a time (time).",
	"datetime":                  "Speakeasy can ask for a day but not a time (datetime); use the date type.",
	"calculate":                 "Speakeasy cannot work things out from other answers (calculate); ask it as a question or take the row out.",
	"hidden":                    "Speakeasy cannot keep hidden values (hidden).",
	"rank":                      "Speakeasy cannot ask people to put things in order (rank).",
	"select_one_from_file":      "Speakeasy cannot take choices from a file (select_one_from_file); put the choices on the choices sheet.",
	"select_multiple_from_file": "Speakeasy cannot take choices from a file (select_multiple_from_file); put the choices on the choices sheet.",
	"select_one_external":       "Speakeasy cannot take choices from a file (select_one_external); put the choices on the choices sheet.",
	"xml-external":              "Speakeasy cannot use data from a file (xml-external).",
	"csv-external":              "Speakeasy cannot use data from a file (csv-external).",
}
