package editor

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"speakeasy/app"
	"speakeasy/survey"
	"speakeasy/survey/store"
	"speakeasy/survey/xlsform"
)

// filePicker chooses files for the editor. The real one opens Speakeasy's file
// dialogs; tests give paths straight away.
type filePicker struct {
	// open lets staff choose a file ending in one of exts.
	open func(exts []string, then func(path string))
	// save lets staff choose where to save, suggesting name.
	save func(name string, then func(path string))
}

func dialogFiles(win fyne.Window) filePicker {
	return filePicker{
		open: func(exts []string, then func(string)) {
			app.AskOpenPath(win, exts, then)
		},
		save: func(name string, then func(string)) {
			app.AskSavePath(win, name, "", then)
		},
	}
}

// importFile adds a survey from an XLSForm (.xlsx) or Speakeasy (.json)
// file. A survey already here with other content becomes a new version.
// What the form could not carry is listed.
func (p *surveysPanel) importFile(path string) {
	s, notices, err := readSurveyFile(path)
	if err != nil {
		p.say(lang.L("Speakeasy cannot use this file.") + "\n" + err.Error())
		return
	}
	latest := 0
	switch old, err := p.db.Survey(s.ID, 0); {
	case err == nil:
		latest = old.Version
	case !errors.Is(err, store.ErrNotFound):
		p.say(app.StaffProblem(lang.L("Speakeasy could not add the survey."), err))
		return
	}
	v, err := p.db.Publish(s)
	if err != nil {
		p.say(app.StaffProblem(lang.L("Speakeasy could not add the survey."), err))
		return
	}
	lines := []string{lang.L("Added {{.Name}} as version {{.V}}.", map[string]any{"Name": s.ID, "V": v})}
	if v <= latest {
		lines[0] = lang.L("{{.Name}} is here already as version {{.V}}. Nothing has changed.", map[string]any{"Name": s.ID, "V": v})
	}
	if len(notices) > 0 {
		lines = append(lines, lang.L("Speakeasy left out or changed some things in the file:"))
		lines = append(lines, notices...)
	}
	p.reload()
	p.selectID(s.ID)
	p.say(strings.Join(lines, "\n"))
}

// readSurveyFile reads and checks a survey file, giving what reading an
// XLSForm left out, one a line.
func readSurveyFile(path string) (*survey.Survey, []string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		s, notices, err := xlsform.ReadFile(path)
		if err != nil {
			return nil, nil, err
		}
		lines := make([]string, len(notices))
		for i, n := range notices {
			lines[i] = n.String()
		}
		return s, lines, nil
	case ".json":
		s, err := survey.Load(path)
		return s, nil, err
	}
	return nil, nil, fmt.Errorf("%s: please choose a spreadsheet (.xlsx) or a Speakeasy survey (.json)", filepath.Base(path))
}

// exportSelected saves the newest version of the chosen survey as a file.
func (p *surveysPanel) exportSelected() {
	id := p.rows[p.selected].ID
	p.files.save(id+".xlsx", func(path string) {
		v, err := exportSurvey(p.db, id, path)
		if err != nil {
			p.say(app.StaffProblem(lang.L("Speakeasy could not save the survey in that file."), err))
			return
		}
		p.say(lang.L("Saved version {{.V}} of {{.Name}} in {{.File}}.", map[string]any{"V": v, "Name": id, "File": path}))
	})
}

// exportSurvey writes the newest version of survey id to path: XLSForm for
// .xlsx, Speakeasy's own file for .json (a name with neither gets .xlsx).
// A failure leaves no half-written file. It returns the version written.
func exportSurvey(db *store.DB, id, path string) (int, error) {
	s, err := db.Survey(id, 0)
	if err != nil {
		return 0, err
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".json" && ext != ".xlsx" {
		path += ".xlsx"
	}
	if err := xlsform.SaveFile(s, path); err != nil {
		return 0, err
	}
	return s.Version, nil
}
