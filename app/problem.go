package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
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
	var buttons []fyne.CanvasObject
	for _, act := range actions {
		buttons = append(buttons, newTile(act.Label, "", stylePlain, act.Do))
	}
	buttons = append(buttons, newTile(lang.L("Close Speakeasy"), "stop-sign", stylePrimary, a.Quit))
	body := container.NewBorder(nil, container.NewGridWithColumns(len(buttons), buttons...),
		container.NewCenter(bigPicture("warning")), nil,
		container.NewVBox(words(heading, true), words(message, false), layout.NewSpacer()))
	w.SetContent(screenFrame(body))
	w.Resize(fyne.NewSize(defaultSize, 800))
}
