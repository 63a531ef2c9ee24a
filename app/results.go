package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey"
	"speakeasy/survey/report"
	"speakeasy/survey/store"
)

// maxQuoteChoices is how many typed answers per question staff can pick
// quotes from: enough to find a few good ones, few enough to read.
const maxQuoteChoices = 200

// resultsPanel makes the easy-read "You said" report for participants:
// which events, which language, how small a number stays hidden, staff's
// "What we will do" words (checked as they type) and any quotes they pick.
type resultsPanel struct {
	win      fyne.Window
	db       *store.DB
	surveyID string

	events    *widget.CheckGroup
	eventOf   map[string]string // an event as staff see it to its name as saved
	language  *widget.Select
	minPeople *widget.Select
	weWill    *widget.Entry
	advice    *widget.Label
	quotes    *fyne.Container
	showTyped *widget.Button
	save      *widget.Button
	message   *widget.Label
	form      *fyne.Container     // everything, laid out again when words wrap anew
	picked    map[string][]string // question ID to the typed answers staff chose
	// pickSave asks where to save the file; tests replace the dialog.
	pickSave func(then func(path string))
	made     func() // called when a report has been saved or failed; for tests
}

// ResultsTab is the "Results" tab of the staff screen (resultsPanel).
func ResultsTab() StaffTab {
	return StaffTab{Title: func() string { return lang.L("Results") }, Make: NewResultsPanel}
}

// NewResultsPanel is the staff panel that makes the "You said" report of surveyID.
func NewResultsPanel(win fyne.Window, db *store.DB, surveyID string) fyne.CanvasObject {
	return newResultsPanel(win, db, surveyID).view()
}

// weWillKey is the setting that keeps staff's words between visits.
func weWillKey(surveyID string) string { return "report_we_will:" + surveyID }

func newResultsPanel(win fyne.Window, db *store.DB, surveyID string) *resultsPanel {
	p := &resultsPanel{win: win, db: db, surveyID: surveyID, picked: map[string][]string{},
		advice: widget.NewLabel(""), message: widget.NewLabel(""), quotes: container.NewVBox()}
	p.advice.Wrapping = fyne.TextWrapWord
	p.message.Wrapping = fyne.TextWrapWord

	var events []string
	if days, err := db.CountByEventDay(surveyID); err == nil {
		for _, d := range days {
			if !slices.Contains(events, d.Event) {
				events = append(events, d.Event)
			}
		}
	}
	slices.Sort(events)
	p.eventOf = map[string]string{}
	shown := make([]string, len(events))
	for i, e := range events {
		shown[i] = e
		if strings.TrimSpace(e) == "" {
			shown[i] = lang.L("No event name")
		}
		p.eventOf[shown[i]] = e
	}
	p.events = widget.NewCheckGroup(shown, nil)

	var names []string
	for _, code := range report.Languages {
		names = append(names, survey.LanguageName(code))
	}
	p.language = widget.NewSelect(names, nil)
	p.language.SetSelectedIndex(0)
	p.language.OnChanged = func(string) { p.checkWords() } // the checker reads the report's language
	p.minPeople = widget.NewSelect([]string{"3", "5", "10", "20"}, nil)
	p.minPeople.SetSelected(strconv.Itoa(report.DefaultMinPeople))
	p.minPeople.PlaceHolder = "20" // never shown (one is always chosen): as wide as the widest

	p.weWill = widget.NewMultiLineEntry()
	p.weWill.Wrapping = fyne.TextWrapWord
	p.weWill.SetMinRowsVisible(4)
	p.weWill.SetPlaceHolder(lang.L("Write one idea a line, in short sentences."))
	p.weWill.OnChanged = func(string) { p.checkWords() }
	if saved, err := db.Setting(weWillKey(surveyID)); err == nil {
		p.weWill.SetText(saved)
	}
	p.checkWords()

	p.showTyped = widget.NewButton(lang.L("Show the words people typed"), p.showQuotes)
	p.save = widget.NewButton(lang.L("Make the report"), func() { p.pickSave(p.make) })
	p.save.Importance = widget.HighImportance
	// Beside Make the report, what it makes, until there is news.
	p.message.SetText(lang.L("Make an easy-read report of what people said, to print and give to them."))
	if len(events) == 0 {
		p.save.Disable()
		p.showTyped.Disable()
		p.message.SetText(lang.L("Nobody has answered this survey yet."))
	}
	p.pickSave = func(then func(string)) {
		askSavePath(win, fmt.Sprintf("%s-you-said-%s.pdf", surveyID, time.Now().Format("2006-01-02")), ".pdf", then)
	}
	return p
}

func (p *resultsPanel) view() fyne.CanvasObject {
	p.weWill.SetMinRowsVisible(3)
	// On the left, which answers: the events (a list that scrolls) and
	// the report's settings; on the right, staff's words and the words
	// people typed (a list that scrolls). Make the report stays in view.
	left := container.NewBorder(title(lang.L("Events (none ticked means every event)")),
		container.NewVBox(
			container.NewBorder(nil, nil, nil, p.language, words(lang.L("Language of the report"), false)),
			container.NewBorder(nil, nil, nil, p.minPeople, words(lang.L("Hide numbers of people smaller than"), false))),
		nil, nil, container.NewVScroll(p.events))
	// Staff's words stay in view; the notes on them and the words people
	// typed are a list that scrolls; the buttons stay at the foot.
	p.form = container.NewBorder(container.NewVBox(caption(lang.L("What we will do"), true), p.weWill),
		nil, nil, nil, container.NewVScroll(container.NewVBox(p.advice,
			title(lang.L("Words people typed")),
			words(lang.L("Tick the ones to show in the report. Do not pick words that name a person."), false),
			p.quotes)))
	return staffTab(nil, columns(left, p.form),
		container.NewVBox(p.message, container.NewHBox(p.save, p.showTyped)))
}

// checkWords runs the easy-read checker over staff's words as they type,
// so problems are seen before the report is made.
func (p *resultsPanel) checkWords() {
	// The advice may wrap to more or fewer lines: the form is laid out again.
	defer func() {
		if p.form != nil {
			p.form.Refresh()
		}
	}()
	text := strings.TrimSpace(p.weWill.Text)
	p.advice.Hidden = text == "" // no room taken with nothing to say
	if text == "" {
		p.advice.SetText("")
		return
	}
	ws := report.CheckWeWill(text, p.lang())
	if len(ws) == 0 {
		p.advice.SetText(lang.L("Your words are easy to read."))
		return
	}
	lines := []string{lang.L("These words may be hard to read:")}
	for _, w := range ws {
		lines = append(lines, strings.TrimSpace("• "+w.Message+" "+w.Suggestion))
	}
	p.advice.SetText(strings.Join(lines, "\n"))
}

// lang is the report's language code.
func (p *resultsPanel) lang() string {
	if i := p.language.SelectedIndex(); i >= 0 {
		return report.Languages[i]
	}
	return report.Languages[0]
}

// filter is the responses the ticked events pick.
func (p *resultsPanel) filter() report.Filter {
	f := report.Filter{SurveyID: p.surveyID}
	for _, shown := range p.events.Selected {
		f.Events = append(f.Events, p.eventOf[shown])
	}
	return f
}

// showQuotes lists, for each typed-answer question, what people typed
// (at the ticked events), for staff to tick the few to show.
func (p *resultsPanel) showQuotes() {
	p.quotes.RemoveAll()
	p.picked = map[string][]string{}
	res, err := report.Tally(context.Background(), p.db, p.filter())
	if err != nil {
		p.quotes.Add(widget.NewLabel(StaffProblem(lang.L("Speakeasy could not read the answers people typed."), err)))
		return
	}
	for _, qr := range res.Questions {
		if qr.Question.Kind != survey.KindText {
			continue
		}
		id := qr.Question.ID
		p.quotes.Add(widget.NewLabelWithStyle(qr.Question.Text.In(p.lang(), res.Survey.Lang()), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		var texts []string
		for _, t := range qr.Texts {
			if t = strings.TrimSpace(t); t != "" && !slices.Contains(texts, t) && len(texts) < maxQuoteChoices {
				texts = append(texts, t)
			}
		}
		if len(texts) == 0 {
			p.quotes.Add(widget.NewLabel(lang.L("Nobody typed an answer.")))
			continue
		}
		p.quotes.Add(widget.NewCheckGroup(texts, func(chosen []string) { p.picked[id] = chosen }))
	}
}

// make writes the report in the background and says where it is.
func (p *resultsPanel) make(path string) {
	if filepath.Ext(path) == "" {
		path += ".pdf"
	}
	k, _ := strconv.Atoi(p.minPeople.Selected)
	o := report.Options{Lang: p.lang(), MinPeople: k, WeWill: p.weWill.Text, Quotes: map[string][]string{}}
	for id, q := range p.picked {
		o.Quotes[id] = slices.Clone(q)
	}
	if err := p.db.SetSetting(weWillKey(p.surveyID), p.weWill.Text); err != nil {
		fyne.LogError("keeping the words for What we will do", err)
	}
	f := p.filter()
	p.save.Disable()
	p.message.SetText(lang.L("Making the report. Please wait."))
	go func() {
		res, err := report.Tally(context.Background(), p.db, f)
		if err == nil {
			err = report.WriteFile(path, res, o)
		}
		fyne.Do(func() {
			p.save.Enable()
			if err != nil {
				p.message.SetText(reportProblem(res, k, err))
			} else {
				p.message.SetText(lang.L("Saved the report to {{.Path}}.", map[string]string{"Path": path}))
			}
			if p.made != nil {
				p.made()
			}
		})
	}()
}

// reportProblem says why no report was made: too few people answered
// (with the numbers, and what to change), or what StaffProblem says.
func reportProblem(res *report.Results, minPeople int, err error) string {
	if !errors.Is(err, report.ErrTooFew) || res == nil {
		return StaffProblem(lang.L("Speakeasy could not make the report."), err)
	}
	return lang.L("Too few people answered to make a report. {{.N}} answered, and a report needs at least {{.K}}. This keeps answers private. Tick more events, or choose a smaller number.",
		map[string]int{"N": res.People, "K": minPeople})
}
