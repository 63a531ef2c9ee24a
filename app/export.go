package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appwords "speakeasy/app/translations"
	"speakeasy/survey/export"
	"speakeasy/survey/store"
)

// ExportTab is the "Export" tab of the staff screen (exportPanel).
func ExportTab() StaffTab {
	return StaffTab{Title: func() string { return lang.L("Export") }, Make: NewExportPanel}
}

// exportPanel saves a survey's answers as an Excel workbook: how many
// there are by event and day, an optional password, and a progress bar
// while the file is written.
type exportPanel struct {
	win      fyne.Window
	db       *store.DB
	surveyID string

	counts   *fyne.Container // a line for each event and day
	total    *widget.Label   // all of them, or why there are none
	password *widget.Entry
	save     *widget.Button
	progress *widget.ProgressBar
	message  *widget.Label
	choices  *exportChoices // survey, format, words or codes, language
	// pickSave asks where to save the file; tests replace the dialog.
	pickSave func(then func(path string))
	exported func() // called when an export has finished; for tests
}

// NewExportPanel is the staff panel that exports surveyID's answers to Excel.
func NewExportPanel(win fyne.Window, db *store.DB, surveyID string) fyne.CanvasObject {
	return newExportPanel(win, db, surveyID).view()
}

func newExportPanel(win fyne.Window, db *store.DB, surveyID string) *exportPanel {
	p := &exportPanel{
		win: win, db: db, surveyID: surveyID,
		counts:   container.NewVBox(),
		total:    title(""),
		password: widget.NewPasswordEntry(),
		progress: widget.NewProgressBar(),
		message:  widget.NewLabel(""),
	}
	p.message.Wrapping = fyne.TextWrapWord
	p.password.SetPlaceHolder(lang.L("Password"))
	p.progress.Hide()
	p.save = widget.NewButton(lang.L("Export to Excel"), func() { p.pickSave(p.export) })
	p.save.Importance = widget.HighImportance
	p.pickSave = func(then func(string)) {
		askSavePath(win, p.choices.fileName(time.Now()), p.choices.ext(), then)
	}
	p.choices = newExportChoices(p) // shows the counts of the survey chosen
	p.choices.format.SetSelected("Excel")
	return p
}

func (p *exportPanel) view() fyne.CanvasObject {
	lock := words(lang.L("To lock the file, type a password. You can leave this empty."), false)
	// The choices on the left; on the right the password, then the total,
	// always in view, and the list of events and days, which scrolls.
	right := container.NewBorder(container.NewVBox(form(caption(lang.L("Password"), true), p.password), lock, p.total),
		nil, nil, nil, container.NewVScroll(p.counts))
	foot := container.NewVBox(p.progress, footRow(p.message, p.save))
	return staffTab(p.choices.heading, columnsSharing(0.55, p.choices.view(), right), foot)
}

// showCounts lists how many finished and did not, for each event and day.
func (p *exportPanel) showCounts() {
	p.counts.RemoveAll()
	days, err := p.db.CountByEventDay(p.surveyID)
	if err != nil {
		p.total.SetText(StaffProblem(lang.L("Speakeasy could not count the answers."), err))
		return
	}
	if len(days) == 0 {
		p.total.SetText(lang.L("Nobody has answered this survey yet."))
		p.save.Disable()
		return
	}
	var all store.Counts
	for _, d := range days {
		event := d.Event
		if strings.TrimSpace(event) == "" {
			event = lang.L("No event name")
		}
		l := words(lang.L("{{.Event}} on {{.Day}}: {{.C}} finished, {{.I}} not finished.", map[string]any{
			"Event": event, "Day": dayWords(d.Day), "C": d.Complete, "I": d.Incomplete}), false)
		p.counts.Add(l)
		all.Complete += d.Complete
		all.Incomplete += d.Incomplete
	}
	p.total.SetText(lang.L("In all: {{.C}} finished, {{.I}} not finished.", map[string]int{"C": all.Complete, "I": all.Incomplete}))
	p.save.Enable()
}

// dayWords writes a year-month-day date as "3 June 2024", the month in
// the app's language.
func dayWords(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return fmt.Sprintf("%d %s %d", t.Day(), lang.L(t.Month().String()), t.Year())
}

// export writes the workbook in the background, moving the progress bar
// through fyne.Do, and says where the file is when it is done.
func (p *exportPanel) export(path string) {
	if filepath.Ext(path) == "" {
		path += p.choices.ext()
	}
	opts := export.Options{Password: p.password.Text,
		Words: appwords.Words, // the Summary's words in the survey's language, as the command writes them
		Progress: func(done, total int) {
			fyne.Do(func() { p.progress.SetValue(float64(done) / float64(max(total, 1))) })
		}}
	p.choices.options(&opts)
	p.save.Disable()
	p.progress.SetValue(0)
	p.progress.Show()
	p.message.SetText(lang.L("Saving the answers. Please wait."))
	go func() {
		sum, err := export.Export(context.Background(), p.db, path, opts)
		fyne.Do(func() {
			p.save.Enable()
			p.progress.Hide()
			if err != nil {
				p.message.SetText(StaffProblem(lang.L("Speakeasy could not save the answers."), err))
				if p.exported != nil {
					p.exported()
				}
				return
			}
			msg := lang.N("Saved {{.N}} responses to {{.Path}}.", sum.Responses, map[string]any{"N": sum.Responses, "Path": sum.Path})
			if opts.Password != "" {
				msg += " " + lang.L("Only people with the password can open the file.")
			}
			p.message.SetText(msg)
			if p.exported != nil {
				p.exported()
			}
		})
	}()
}
