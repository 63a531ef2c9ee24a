package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"

	"speakeasy/survey"
)

// showWelcome is the first screen each person sees: the survey's title,
// picture and welcome words, a language choice when there is more than one,
// comfort settings, and one big Start. Nothing of the last person is on
// it: their session is gone and their comfort settings are reset.
func (u *UI) showWelcome() {
	u.stopTimer()
	if u.session != nil || u.screen != "welcome" {
		u.endSession()
		u.resetComfort()
	}
	s := u.survey
	l := u.lang
	start := newTile(lang.L("Start"), "right-arrow", stylePrimary, u.begin)
	column := container.NewVBox(
		words(s.Title.In(l, s.Lang()), true),
		words(s.Welcome.In(l, s.Lang()), false),
	)
	if len(s.Languages) > 1 {
		var langs []fyne.CanvasObject
		for _, code := range s.Languages {
			t := newTile(survey.LanguageName(code), "speech-balloon", styleAnswer, func() { u.chooseLanguage(code) })
			t.chosen = code == l
			langs = append(langs, t)
		}
		column.Add(container.NewGridWithColumns(min(len(langs), 4), langs...))
	}
	column.Add(u.comfortRow())
	column.Add(layout.NewSpacer())
	column.Add(container.NewGridWithColumns(2, layout.NewSpacer(), start))
	body := container.NewBorder(nil, nil, container.NewCenter(bigPicture(s.Picture)), nil, column)
	u.show("welcome", screenFrame(body), keyTarget{next: u.begin})
	u.win.Canvas().Focus(start)
	u.readScreen([]string{s.Title.In(l, s.Lang()), s.Welcome.In(l, s.Lang())}, nil)
}

// begin is the tap on Start: the consent question first if the survey has
// one, then the first question.
func (u *UI) begin() {
	if u.survey.Consent {
		u.showConsent()
		return
	}
	u.startSession()
}

// startSession begins a new participant's response.
// A UI without a database (an admin's preview) saves nothing.
func (u *UI) startSession() {
	o := survey.SessionOptions{Language: u.lang, Event: u.event, Now: u.cfg.Now}
	if u.db != nil {
		o.Saver, o.DeviceID = u.db, u.db.DeviceID()
	}
	u.session = survey.NewSession(u.survey, o)
	u.showCurrent()
}

// showCurrent draws whatever the session is on: a question or the end.
func (u *UI) showCurrent() {
	if u.session == nil {
		u.showWelcome()
		return
	}
	if u.session.Done() {
		u.showThanks()
		return
	}
	u.showQuestion()
}

// screenFrame gives every screen the same generous margin.
func screenFrame(body fyne.CanvasObject) fyne.CanvasObject {
	return container.NewPadded(container.NewPadded(container.NewPadded(body)))
}
