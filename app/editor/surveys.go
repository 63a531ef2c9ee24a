// Package editor is the "Surveys" tab of the staff screen: the list of
// surveys on this laptop with the ways to make, copy, archive, import and
// export one, and the survey editor with its skip-rule builder, picture
// picker, problems beside each field, drafts, preview and publishing.
//
// It is a staff tool at a desk, not a participant's screen: it draws in a
// desk-size theme (desk.go), and it uses the participant's screens only
// through the small surface app offers for it (app/surface.go). The
// participant's screens never import it; cmd/speakeasy hands its Tab to
// app.Config.
package editor

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/app"
	"speakeasy/survey"
	"speakeasy/survey/store"
)

// Tab is the "Surveys" tab of the staff screen: the list of surveys and
// the editor.
func Tab() app.StaffTab {
	return app.StaffTab{
		Title: func() string { return lang.L("Surveys") },
		Make: func(win fyne.Window, db *store.DB, _ string) fyne.CanvasObject {
			return newSurveysPanel(win, db).root
		},
	}
}

// surveysPanel is the "Surveys" staff tab: every survey with its versions
// and answers, the ways to make, copy, archive, import and export one, the
// choice of the survey this laptop runs, and the editor (editor_edit.go).
type surveysPanel struct {
	win   fyne.Window
	db    *store.DB
	root  *fyne.Container // the list of surveys, or the editor
	files filePicker      // file dialogs; tests replace them
	// confirm asks staff before something that cannot be undone; tests
	// replace it with a yes.
	confirm func(question string, yes func())
	clock   app.Clock // timers in preview windows; nil means real time

	rows     []surveyRow
	kiosk    string // the survey this laptop runs
	selected int    // index into rows; -1 for none
	list     *widget.List
	newID    *widget.Entry
	message  *widget.Label

	edit, copy, archive, run, export *widget.Button

	editor *editor // the survey being edited, nil on the list
}

// surveyRow is one survey in the list: published, or only a draft so far.
type surveyRow struct {
	store.SurveyInfo
	published bool // false for a new survey that has only a draft
	draft     bool // there are changes not published yet
	// byVersion counts the answers to each version: after a new version,
	// the earlier answers stay with theirs, and the list says so.
	byVersion map[int]store.Counts
}

func newSurveysPanel(win fyne.Window, db *store.DB) *surveysPanel {
	p := &surveysPanel{win: win, db: db, root: container.NewStack(), files: dialogFiles(win), selected: -1}
	p.confirm = func(question string, yes func()) {
		dialog.ShowConfirm(lang.L("Are you sure?"), question, func(ok bool) {
			if ok {
				yes()
			}
		}, win)
	}
	p.showList()
	return p
}

// showList puts the list of surveys on the panel, read afresh.
func (p *surveysPanel) showList() {
	p.editor = nil
	p.message = app.Words("", false)
	p.reload()
	p.list = widget.NewList(func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.TextStyle.Bold = true
			return container.NewVBox(title, widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			title, about := p.rows[i].describe(p.kiosk)
			c.Objects[0].(*widget.Label).SetText(title)
			c.Objects[1].(*widget.Label).SetText(about)
		})
	p.list.OnSelected = func(i widget.ListItemID) { p.selected = i; p.updateButtons() }
	p.list.OnUnselected = func(widget.ListItemID) { p.selected = -1; p.updateButtons() }

	p.newID = widget.NewEntry()
	p.newID.SetPlaceHolder(lang.L("Short name, like family-day"))
	newSurvey := widget.NewButton(lang.L("New survey"), func() { p.create(p.newID.Text) })
	importForm := widget.NewButton(lang.L("Add a survey from a file"), func() {
		p.files.open([]string{".xlsx", ".json"}, p.importFile)
	})
	p.edit = widget.NewButton(lang.L("Edit"), func() { p.openEditor(p.rows[p.selected].ID) })
	p.copy = widget.NewButton(lang.L("Make a copy"), p.duplicate)
	p.archive = widget.NewButton(lang.L("Archive"), p.toggleArchive)
	p.run = widget.NewButton(lang.L("Run on this laptop"), p.runHere)
	p.export = widget.NewButton(lang.L("Save as a file"), p.exportSelected)
	p.edit.Importance = widget.HighImportance
	p.updateButtons()

	// What Speakeasy says goes under the name typed for a new survey,
	// where staff look after tapping New survey, in a place that keeps its
	// height, so the list does not move when it speaks.
	top := container.NewVBox(
		app.Words(lang.L("Surveys"), true),
		widget.NewLabel(lang.L("Choose a survey, then what to do with it.")),
		container.NewBorder(nil, nil, nil, container.NewHBox(newSurvey, importForm), p.newID),
		fixedScroll(p.message, 2),
	)
	bottom := container.NewHBox(p.edit, p.copy, p.archive, p.run, p.export)
	p.setContent(container.NewPadded(container.NewBorder(top, bottom, nil, nil, p.list)))
	if p.selected >= 0 {
		p.list.Select(p.selected)
	}
}

func (p *surveysPanel) setContent(o fyne.CanvasObject) {
	p.root.Objects = []fyne.CanvasObject{atDesk(o)}
	p.root.Refresh()
}

// reload reads the surveys and drafts again, keeping the selection.
func (p *surveysPanel) reload() {
	var keep string
	if p.selected >= 0 && p.selected < len(p.rows) {
		keep = p.rows[p.selected].ID
	}
	p.rows = nil
	infos, err := p.db.Surveys()
	if err == nil {
		var drafts []store.DraftInfo
		drafts, err = p.db.Drafts()
		byID := map[string]int{}
		for _, si := range infos {
			byID[si.ID] = len(p.rows)
			row := surveyRow{SurveyInfo: si, published: true}
			var cerr error
			if row.byVersion, cerr = p.db.CountByVersion(si.ID); cerr != nil {
				p.say(app.StaffProblem(lang.L("Speakeasy could not count the answers to {{.Name}}.", map[string]string{"Name": si.Title}), cerr))
			}
			p.rows = append(p.rows, row)
		}
		for _, d := range drafts {
			if i, ok := byID[d.ID]; ok {
				p.rows[i].draft = true
				continue
			}
			p.rows = append(p.rows, surveyRow{SurveyInfo: store.SurveyInfo{ID: d.ID, Title: d.Title}, draft: true})
		}
	}
	if err == nil {
		p.kiosk, err = p.db.KioskSurveyID()
	}
	if err != nil {
		p.say(app.StaffProblem(lang.L("Speakeasy could not read the list of surveys."), err))
	}
	sort.SliceStable(p.rows, func(a, b int) bool { return p.rows[a].ID < p.rows[b].ID })
	p.selected = -1
	for i, r := range p.rows {
		if r.ID == keep {
			p.selected = i
		}
	}
	if p.list != nil {
		p.list.Refresh()
		// Rows may have moved: show the same survey chosen.
		if p.selected >= 0 {
			p.list.Select(p.selected)
		} else {
			p.list.UnselectAll()
		}
		p.updateButtons()
	}
}

// describe gives a row's two lines: the title, and what there is of it.
func (r surveyRow) describe(kiosk string) (title, about string) {
	title = fmt.Sprintf("%s (%s)", r.Title, r.ID)
	var parts []string
	if r.published {
		parts = append(parts, lang.L("Version {{.V}}", map[string]int{"V": r.Latest}))
		parts = append(parts, r.answersByVersion()...)
		if r.draft {
			parts = append(parts, lang.L("Changes not published"))
		}
	} else {
		parts = append(parts, lang.L("Not published yet"))
	}
	if r.Archived {
		parts = append(parts, lang.L("Archived"))
	}
	if r.ID == kiosk {
		parts = append(parts, lang.L("Runs on this laptop"))
	}
	return title, strings.Join(parts, " · ")
}

// updateButtons enables what fits the chosen survey.
func (p *surveysPanel) updateButtons() {
	if p.edit == nil {
		return
	}
	all := []*widget.Button{p.edit, p.copy, p.archive, p.run, p.export}
	if p.selected < 0 || p.selected >= len(p.rows) {
		for _, b := range all {
			b.Disable()
		}
		return
	}
	for _, b := range all {
		b.Enable()
	}
	r := p.rows[p.selected]
	if r.Archived {
		p.archive.SetText(lang.L("Bring back"))
	} else {
		p.archive.SetText(lang.L("Archive"))
	}
	if !r.published {
		p.archive.Disable()
		p.export.Disable()
	}
	if !r.published || r.Archived || r.ID == p.kiosk {
		p.run.Disable()
	}
}

func (p *surveysPanel) say(msg string) {
	if p.editor != nil {
		p.editor.say(msg)
		return
	}
	p.message.SetText(msg)
}

// selectID chooses the survey with the given ID in the list.
func (p *surveysPanel) selectID(id string) {
	for i, r := range p.rows {
		if r.ID == id {
			p.list.Select(i)
			return
		}
	}
}

// newSurvey is what a new survey starts as: a title and one information
// screen, in English, ready to change.
func newSurvey(id string) *survey.Survey {
	return &survey.Survey{
		ID: id, Languages: []string{"en"},
		Title: survey.Text{"en": "New survey"},
		Questions: []survey.Question{{ID: "hello", Kind: survey.KindNote, Picture: "waving-hand",
			Text: survey.Text{"en": "Hello. Thank you for taking part."}}},
	}
}

// create makes a new survey as a draft and opens it in the editor.
func (p *surveysPanel) create(id string) {
	id = strings.TrimSpace(id)
	if !p.newNameOK(id) {
		return
	}
	s := newSurvey(id)
	if err := p.db.SaveDraft(s); err != nil {
		p.say(app.StaffProblem(lang.L("Speakeasy could not make the new survey."), err))
		return
	}
	p.newID.SetText("")
	p.openEditor(id)
}

// newNameOK checks a new survey's ID: it must be one Validate accepts and
// not be in use. If not, it says why.
func (p *surveysPanel) newNameOK(id string) bool {
	var ps survey.Problems
	if errors.As((&survey.Survey{ID: id}).Validate(), &ps) {
		for _, pr := range ps {
			if pr.Question == "" && pr.Field == "id" {
				p.say(lang.L("Please give the new survey a short name of letters, numbers and -, like family-day."))
				return false
			}
		}
	}
	used, err := p.db.SurveyIDInUse(id)
	switch {
	case err != nil:
		p.say(app.StaffProblem(lang.L("Speakeasy could not check whether the name is free."), err))
		return false
	case used:
		p.say(lang.L("There is a survey called {{.Name}} already. Please choose another name.", map[string]string{"Name": id}))
		return false
	}
	return true
}

// duplicate copies the chosen survey under the name typed for a new one,
// or the old name with "-copy".
func (p *surveysPanel) duplicate() {
	r := p.rows[p.selected]
	id := strings.TrimSpace(p.newID.Text)
	if id == "" {
		id = r.ID + "-copy"
		for n := 2; ; n++ {
			if used, err := p.db.SurveyIDInUse(id); err != nil || !used {
				break
			}
			id = fmt.Sprintf("%s-copy%d", r.ID, n)
		}
	}
	if !p.newNameOK(id) {
		return
	}
	var err error
	if r.published {
		_, err = p.db.Duplicate(r.ID, id)
	} else {
		err = p.copyDraft(r.ID, id)
	}
	if err != nil {
		p.say(app.StaffProblem(lang.L("Speakeasy could not make the copy."), err))
		return
	}
	p.newID.SetText("")
	p.reload()
	p.selectID(id)
	p.say(lang.L("The copy is called {{.Name}}.", map[string]string{"Name": id}))
}

// copyDraft copies a survey that has only a draft as a new draft.
func (p *surveysPanel) copyDraft(from, to string) error {
	s, err := p.db.Draft(from)
	if err != nil {
		return err
	}
	s.ID, s.Version = to, 0
	return p.db.SaveDraft(s)
}

func (p *surveysPanel) toggleArchive() {
	r := p.rows[p.selected]
	var err error
	switch {
	case r.Archived:
		err = p.db.Unarchive(r.ID)
	case r.ID == p.kiosk:
		p.say(lang.L("This laptop runs this survey. Choose another one to run first."))
		return
	default:
		err = p.db.Archive(r.ID)
	}
	if err != nil {
		said := lang.L("Speakeasy could not archive the survey.")
		if r.Archived {
			said = lang.L("Speakeasy could not bring the survey back.")
		}
		p.say(app.StaffProblem(said, err))
		return
	}
	p.reload()
	p.say("")
}

// runHere makes the chosen survey the one the kiosk runs.
func (p *surveysPanel) runHere() {
	r := p.rows[p.selected]
	if !r.published || r.Archived {
		p.say(lang.L("Only surveys you have published, and not archived, can run."))
		return
	}
	// Through app, so that Today, Export and Start follow at once.
	if err := app.RunOnThisLaptop(p.db, r.ID); err != nil {
		p.say(app.StaffProblem(lang.L("Speakeasy could not make this laptop run {{.Name}}.", map[string]string{"Name": r.Title}), err))
		return
	}
	p.reload()
	p.say(lang.L("This laptop now runs {{.Name}}.", map[string]string{"Name": r.Title}))
}

// openEditor swaps the list for the editor of survey id.
func (p *surveysPanel) openEditor(id string) {
	e, err := openEditor(p, id)
	if err != nil {
		p.say(app.StaffProblem(lang.L("Speakeasy could not open the survey to edit it."), err))
		return
	}
	p.editor = e
	p.setContent(e.view())
}
