package app

import (
	"context"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey/openrosa"
	"speakeasy/survey/store"
)

// SendTab is the "Send" tab of the staff screen (sendPanel).
func SendTab() StaffTab {
	return StaffTab{Title: func() string { return lang.L("Send") }, Make: NewSendPanel}
}

// sendPanel sends the survey's answers to the organisation's ODK Central
// or KoboToolbox server: the server's address, project and token (kept
// in the data folder for next time), a check that sends nothing, and a
// send with a progress bar that can be stopped and run again later.
type sendPanel struct {
	db       *store.DB
	dir      string // the data folder, where the settings are kept
	surveyID string

	server, project, token *widget.Entry
	unfinished             *widget.Check
	check, send, stop      *widget.Button
	progress               *widget.ProgressBar
	counts, message        *widget.Label

	cancel context.CancelFunc
	done   func() // called when a check or send has finished; for tests
}

// NewSendPanel is the staff panel that sends surveyID's answers to a server.
func NewSendPanel(_ fyne.Window, db *store.DB, surveyID string) fyne.CanvasObject {
	return newSendPanel(db, surveyID).view()
}

func newSendPanel(db *store.DB, surveyID string) *sendPanel {
	p := &sendPanel{db: db, dir: filepath.Dir(db.Path()), surveyID: surveyID,
		server: widget.NewEntry(), project: widget.NewEntry(), token: widget.NewPasswordEntry(),
		progress: widget.NewProgressBar(), counts: widget.NewLabel(""), message: widget.NewLabel("")}
	p.server.SetPlaceHolder("https://central.example.org")
	p.project.SetPlaceHolder(lang.L("Project number, if the server has projects"))
	p.token.SetPlaceHolder(lang.L("Token"))
	p.unfinished = widget.NewCheck(lang.L("Send unfinished answers too"), nil)
	p.check = widget.NewButton(lang.L("Check the server"), func() { p.run(true) })
	p.send = widget.NewButton(lang.L("Send to the server"), func() { p.run(false) })
	p.send.Importance = widget.HighImportance
	p.stop = widget.NewButton(lang.L("Stop"), func() {
		if p.cancel != nil {
			p.cancel()
		}
	})
	p.stop.Hide()
	p.progress.Hide()
	p.counts.Wrapping, p.message.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	if set, err := openrosa.LoadSettings(p.dir); err != nil {
		fyne.LogError("reading the server settings", err)
		p.message.SetText(lang.L("Speakeasy could not read the saved server details. Please type them again."))
	} else {
		p.server.SetText(set.URL)
		if set.Project > 0 {
			p.project.SetText(strconv.Itoa(set.Project))
		}
		p.token.SetText(set.Token)
	}
	p.showCounts()
	return p
}

func (p *sendPanel) view() fyne.CanvasObject {
	about := words(lang.L("This works with Central and KoboToolbox, the survey servers many groups use. Ask the server's admin for the address, the project number and a token. Speakeasy never sends the same answers twice."), false)
	// Which servers on the left; the server's details and how many there
	// are to send on the right; the buttons and what they say at the foot.
	left := container.NewVBox(about)
	right := container.NewVBox(form(
		caption(lang.L("Server address"), true), p.server,
		caption(lang.L("Project number"), true), p.project,
		caption(lang.L("Token"), true), p.token,
	), p.unfinished, p.counts)
	// The tab and Send to the server say what it is for: no title.
	return staffTab(nil, columnsSharing(0.4, left, right),
		// Two buttons leave too little room beside them for the words.
		container.NewVBox(p.progress, p.message, container.NewHBox(p.check, p.send, p.stop)))
}

// settings are what staff typed, as saved settings.
func (p *sendPanel) settings() (openrosa.Settings, bool) {
	set := openrosa.Settings{URL: strings.TrimSpace(p.server.Text), Form: p.surveyID, Token: strings.TrimSpace(p.token.Text)}
	if s := strings.TrimSpace(p.project.Text); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			p.message.SetText(lang.L("The project number must be a whole number, like 3."))
			return set, false
		}
		set.Project = n
	}
	return set, true
}

// showCounts says how many answers there are and how many this server has.
func (p *sendPanel) showCounts() {
	c, err := p.db.CountResponses(p.surveyID, time.Time{})
	if err != nil {
		p.counts.SetText(StaffProblem(lang.L("Speakeasy could not count the answers."), err))
		return
	}
	words := lang.L("On this laptop: {{.C}} finished, {{.I}} not finished.", map[string]int{"C": c.Complete, "I": c.Incomplete})
	if set, ok := p.settings(); ok && set.URL != "" {
		if n, _, err := openrosa.SentCount(context.Background(), p.db, set.Server(), p.surveyID); err == nil {
			words += " " + lang.L("Sent to this server: {{.N}}.", map[string]int{"N": n})
		}
	}
	p.counts.SetText(words)
}

// run checks the server (dryRun) or sends, in the background.
func (p *sendPanel) run(dryRun bool) {
	set, ok := p.settings()
	if !ok {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	opt := openrosa.Options{Server: set.Server(), FormID: p.surveyID, Unfinished: p.unfinished.Checked, DryRun: dryRun,
		Progress: func(done, total int) {
			fyne.Do(func() {
				p.progress.SetValue(float64(done) / float64(max(total, 1)))
				p.message.SetText(lang.L("Sent {{.Done}} of {{.Total}}.", map[string]int{"Done": done, "Total": total}))
			})
		}}
	p.check.Disable()
	p.send.Disable()
	p.progress.SetValue(0)
	// Stop is there for a check too: a server that does not answer keeps
	// Speakeasy trying for a few minutes.
	p.stop.Show()
	if !dryRun {
		p.progress.Show()
	}
	p.message.SetText(lang.L("Talking to the server. Please wait."))
	go func() {
		res, err := openrosa.Send(ctx, p.db, opt)
		saveErr := error(nil)
		if openrosa.WorthKeeping(err) {
			saveErr = openrosa.SaveSettings(p.dir, set)
		}
		fyne.Do(func() {
			cancel()
			p.check.Enable()
			p.send.Enable()
			p.stop.Hide()
			p.progress.Hide()
			p.message.SetText(sendWords(res, err, dryRun, saveErr))
			p.showCounts()
			if p.done != nil {
				p.done()
			}
		})
	}()
}

// sendWords says what a check or send did, and what went wrong if anything.
func sendWords(res openrosa.Result, err error, dryRun bool, saveErr error) string {
	var lines []string
	switch {
	case errors.Is(err, context.Canceled):
		lines = append(lines, lang.L("Stopped. Speakeasy sent {{.N}} answers. Send again to send the rest.", map[string]int{"N": res.Sent}))
	case res.Pending == 0 && err == nil:
		lines = append(lines, lang.L("Nothing new to send. The server has every answer this laptop has sent."))
	case dryRun && err == nil:
		lines = append(lines, lang.L("The server has this survey (version {{.V}}), and it fits. {{.N}} answers are ready to send.",
			map[string]any{"V": res.ServerVersion, "N": res.Pending}))
	case res.Sent > 0:
		lines = append(lines, lang.L("Sent {{.N}} answers to the server.", map[string]int{"N": res.Sent}))
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		lines = append(lines, sendProblem(err))
	}
	if saveErr != nil {
		lines = append(lines, StaffProblem(lang.L("Speakeasy could not keep the server details for next time."), saveErr))
	}
	return strings.Join(lines, "\n")
}

// sendProblem says in staff's words why a check or send stopped, and what
// to do; the server's own words go to the log.
func sendProblem(err error) string {
	var words string
	switch {
	case errors.Is(err, openrosa.ErrAddress):
		words = lang.L("The server address is not right. It starts with https://, like https://central.example.org.")
	case errors.Is(err, openrosa.ErrAuth):
		words = lang.L("The server did not accept the token. Check the token, and that it may use this project and survey.")
	case errors.Is(err, openrosa.ErrNoForm):
		words = lang.L("The server does not have this survey. Check the project number. Or upload the form that speakeasy export-form makes.")
	case errors.Is(err, openrosa.ErrVersion), errors.Is(err, openrosa.ErrMismatch):
		words = lang.L("The survey on the server is not the same as on this laptop. Upload the form that speakeasy export-form makes, as a new version.")
	case errors.Is(err, openrosa.ErrClosed):
		words = lang.L("The survey on the server takes no answers now. Ask the server's admin to open it.")
	case errors.Is(err, openrosa.ErrNotSent):
		words = lang.L("The server did not take some answers. Speakeasy keeps them. Send again later.")
	case errors.Is(err, openrosa.ErrRedirects):
		words = lang.L("The server sent Speakeasy to another address. Check the server address.")
	case errors.Is(err, openrosa.ErrServer):
		words = lang.L("The server is not answering. Check the address, and that this laptop is online. Then try again.")
	default:
		return StaffProblem(lang.L("Speakeasy could not send the answers."), err)
	}
	fyne.LogError("sending to the server", err)
	return words
}
