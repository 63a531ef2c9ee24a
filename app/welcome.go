package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"

	"speakeasy/survey"
)

// showWelcome is the first screen each person sees: the survey's title,
// picture and welcome words, and one big Start. Nothing of the last person
// is on it: the screen is built afresh and the session is gone.
func (u *UI) showWelcome() {
	u.stopTimer()
	u.endSession()
	s := u.survey
	l := s.Lang()
	start := newTile(lang.L("Start"), "right-arrow", stylePrimary, u.startSession)
	body := container.NewBorder(nil, nil, container.NewCenter(bigPicture(s.Picture)), nil,
		container.NewVBox(
			words(s.Title.In(l, ""), true),
			words(s.Welcome.In(l, ""), false),
			layout.NewSpacer(),
			container.NewGridWithColumns(2, layout.NewSpacer(), start),
		))
	u.show("welcome", screenFrame(body), keyTarget{next: u.startSession})
	u.win.Canvas().Focus(start)
}

// startSession begins a new participant's response.
func (u *UI) startSession() {
	u.session = survey.NewSession(u.survey, survey.SessionOptions{
		Language: u.survey.Lang(),
		DeviceID: u.db.DeviceID(),
		Event:    u.event,
		Saver:    u.db,
		Now:      u.cfg.Now,
	})
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
