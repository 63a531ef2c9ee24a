package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey"
	"speakeasy/survey/export"
)

// exportChoices are the export panel's choices, the same as the export
// command's: which survey (the laptop's first), Excel or CSV, answers in
// words or as codes, and the language of the words.
type exportChoices struct {
	p                                *exportPanel
	heading                          *widget.Label
	survey, format, labels, language *widget.Select
	ids, langs                       map[string]string // what the selects show → survey ID, language code
}

func newExportChoices(p *exportPanel) *exportChoices {
	c := &exportChoices{p: p, ids: map[string]string{}, langs: map[string]string{},
		heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	var titles []string
	current := ""
	if infos, err := p.db.Surveys(); err == nil {
		for _, si := range infos {
			t := fmt.Sprintf("%s (%s)", si.Title, si.ID)
			titles = append(titles, t)
			c.ids[t] = si.ID
			if si.ID == p.surveyID {
				current = t
			}
		}
	}
	c.format = widget.NewSelect([]string{"Excel", "CSV"}, func(f string) {
		c.p.save.SetText(lang.L("Export to {{.Format}}", map[string]string{"Format": f}))
		if f == "CSV" {
			c.p.password.Disable() // a CSV file cannot be locked
		} else {
			c.p.password.Enable()
		}
	})
	c.labels = widget.NewSelect([]string{lang.L("Answers in words"), lang.L("Answers as codes")}, nil)
	c.labels.SetSelected(c.labels.Options[0])
	c.language = widget.NewSelect(nil, nil)
	c.survey = widget.NewSelect(titles, func(t string) { c.choose(c.ids[t]) })
	c.survey.SetSelected(current)
	if current == "" {
		c.choose(p.surveyID)
	}
	return c
}

// choose makes id the survey to export: its name, counts and languages.
func (c *exportChoices) choose(id string) {
	c.p.surveyID = id
	title := id
	c.langs = map[string]string{}
	var names []string
	if s, err := c.p.db.Survey(id, 0); err == nil {
		title = s.Title.In(s.Lang(), id)
		for _, code := range s.Languages {
			names = append(names, survey.LanguageName(code))
			c.langs[survey.LanguageName(code)] = code
		}
	}
	c.heading.SetText(lang.L("Save the answers to {{.Title}} in a file", map[string]string{"Title": title}))
	c.language.SetOptions(names)
	if len(names) > 0 {
		c.language.SetSelected(names[0])
	}
	c.p.showCounts()
}

// view is the choices as a form, with more rows (a caption, then what
// it names) after them.
func (c *exportChoices) view(more ...fyne.CanvasObject) fyne.CanvasObject {
	return form(append([]fyne.CanvasObject{
		caption(lang.L("Survey"), true), c.survey,
		caption(lang.L("Kind of file"), true), c.format,
		caption(lang.L("Answers"), true), c.labels,
		caption(lang.L("Language"), true), c.language,
	}, more...)...)
}

// options fills in what staff chose.
func (c *exportChoices) options(o *export.Options) {
	o.SurveyID = c.p.surveyID
	o.Lang = c.langs[c.language.Selected]
	o.Codes = c.labels.Selected == lang.L("Answers as codes")
	o.Format = export.XLSX
	if c.format.Selected == "CSV" {
		o.Format, o.Password = export.CSV, ""
	}
}

// ext is the file name ending for the format chosen.
func (c *exportChoices) ext() string {
	if c.format.Selected == "CSV" {
		return ".csv"
	}
	return ".xlsx"
}

// fileName suggests a name that says which survey, which laptop and when,
// so that files from several laptops never have the same name.
func (c *exportChoices) fileName(now time.Time) string {
	return fmt.Sprintf("%s-answers-%s-%s%s", c.p.surveyID, laptopName(c.p.db), now.Format("2006-01-02-1504"), c.ext())
}
