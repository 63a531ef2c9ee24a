package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// Action is one button on a problem screen: what it says and what it does.
type Action struct {
	Label string
	Do    func()
}

// ShowProblem fills w with a plain message for staff when Speakeasy cannot
// start as usual (the data is damaged, or another Speakeasy has it open),
// with buttons for what they can do, in the order given. It applies the
// easy-read theme.
func ShowProblem(a fyne.App, w fyne.Window, heading, message string, actions ...Action) {
	a.Settings().SetTheme(newTheme())
	w.SetTitle("Speakeasy")
	scr := newScreen("warning")
	scr.addText(heading, true)
	scr.addText(message, false)
	for _, act := range actions {
		scr.buttons = append(scr.buttons, newTile(act.Label, "", stylePlain, act.Do))
	}
	closeApp := newTile(lang.L("Close Speakeasy"), "stop-sign", stylePrimary, a.Quit)
	scr.buttons = append(scr.buttons, closeApp)
	w.SetContent(scr.build())
	if !w.FullScreen() {
		w.Resize(WindowSize())
	}
	w.Canvas().Focus(closeApp)
}
