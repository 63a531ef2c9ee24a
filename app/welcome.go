package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

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
	scr := newScreen(s.Picture)
	scr.addText(s.Title.In(l, s.Lang()), true)
	scr.addSpareText(s.Welcome.In(l, s.Lang())) // read aloud with "Read to me"
	var langs []*tile
	if len(s.Languages) > 1 {
		for _, code := range s.Languages {
			t := newTile(survey.LanguageName(code), "speech-balloon", styleAnswer, func() { u.chooseLanguage(code) })
			t.chosen = code == l
			langs = append(langs, t)
		}
	}
	comfort := u.comfortTiles()
	scr.addGroup(comfort, len(comfort), 2, 1).fixed = true
	// Two or three languages sit in the row with Start, where a person
	// looks first; more get a row of their own.
	scr.buttons = []*tile{placeholder(), start}
	switch {
	case len(langs) > 3:
		scr.addGroup(langs, min(len(langs), 4), 2, 1).fixed = true
		scr.groups[0], scr.groups[1] = scr.groups[1], scr.groups[0]
	case len(langs) > 0:
		scr.buttons = append(langs, start)
	}
	u.show("welcome", scr.build(), keyTarget{next: u.begin, options: these(append(langs, comfort...)...)})
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

// screenFrame gives a screen that is not laid out by the fit rule (the
// staff screens) the same generous margin.
func screenFrame(body fyne.CanvasObject) fyne.CanvasObject {
	return container.NewPadded(container.NewPadded(container.NewPadded(body)))
}

// placeholder is an empty place in a row of buttons, so that the main
// button keeps its place on the right.
func placeholder() *tile {
	t := newTile("", "", stylePlain, nil)
	t.Hide()
	return t
}
