package app

import (
	"context"
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"speakeasy/survey/report"
)

// showResults puts today's answers to the kiosk's survey on the screen for
// everyone at the event: one question a screen, big pictures, Back and
// Next as in the survey, Listen to hear it. Typed words are never shown,
// and small numbers stay private as in the printed report. The last
// screen's Done goes to the welcome screen, never back to staff.
func (u *UI) showResults() {
	u.stopTimer()
	code := u.survey.Lang()
	if !slices.Contains(report.Languages, code) {
		code = "en"
	}
	res, err := report.Tally(context.Background(), u.db, report.Filter{SurveyID: u.survey.ID, Since: startOfDay(u.cfg.Now())})
	var screens []report.Screen
	if err == nil {
		screens, err = report.Screens(res, report.Options{Lang: code})
	}
	switch {
	case errors.Is(err, report.ErrTooFew):
		screens = []report.Screen{{Heading: lang.L("Not enough people have answered today to show the answers."), Picture: "locked"}}
	case err != nil:
		fyne.LogError("counting today's answers", err)
		screens = []report.Screen{{Heading: lang.L("We cannot show the answers now."), Picture: "warning"}}
	}
	u.lang = code // the voice reads in the results' language
	u.showResultScreen(screens, 0)
}

// showResultScreen shows screen i of the results. Each answer's line is a
// big tile with its picture; tapping it reads it aloud.
func (u *UI) showResultScreen(screens []report.Screen, i int) {
	sc := screens[i]
	scr := newScreen(sc.Picture)
	scr.addText(sc.Heading, true)
	texts := []string{sc.Heading}
	var tiles []*tile
	for _, l := range sc.Lines {
		if l.Picture == "" {
			scr.addText(l.Text, false)
			texts = append(texts, l.Text)
			continue
		}
		said := l.Text
		tiles = append(tiles, newTile(said, l.Picture, styleAnswer, func() { u.read([]string{said}, nil) }))
	}
	// One column, so each sentence reads whole from its picture.
	scr.addGroup(tiles, 1)

	go1 := func(j int) func() { return func() { u.showResultScreen(screens, j) } }
	back := newTile(lang.L("Back"), "left-arrow", stylePlain, go1(i-1))
	keys := keyTarget{options: scr.visibleTiles, back: go1(i - 1)}
	if i == 0 {
		back.Hide() // keeps its place, so Next never moves
		keys.back = nil
	}
	next := newTile(lang.L("Next"), "right-arrow", stylePrimary, go1(i+1))
	keys.next = go1(i + 1)
	if i == len(screens)-1 {
		next = newTile(lang.L("Done"), "check-mark-button", stylePrimary, u.showWelcome)
		keys.next = u.showWelcome
	}
	scr.buttons = []*tile{back}
	if u.reader != nil {
		scr.buttons = append(scr.buttons, newTile(lang.L("Listen"), "speaker-high-volume", stylePlain, func() {
			u.toggleReading(texts, scr.visibleTiles())
		}))
	}
	scr.buttons = append(scr.buttons, next)
	u.show("results", scr.build(), keys)
	u.win.Canvas().Focus(next)
}
