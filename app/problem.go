package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
)

// ShowProblem fills w with a plain message for staff when Speakeasy cannot
// start as usual (the data is damaged, or another Speakeasy has it open),
// with buttons for what they can do. It applies the easy-read theme.
func ShowProblem(a fyne.App, w fyne.Window, heading, message string, actions map[string]func()) {
	a.Settings().SetTheme(newTheme())
	w.SetTitle("Speakeasy")
	var buttons []fyne.CanvasObject
	for label, do := range actions {
		buttons = append(buttons, newTile(label, "", stylePlain, do))
	}
	buttons = append(buttons, newTile(lang.L("Close Speakeasy"), "stop-sign", stylePrimary, a.Quit))
	body := container.NewBorder(nil, container.NewGridWithColumns(len(buttons), buttons...),
		container.NewCenter(bigPicture("warning")), nil,
		container.NewVBox(words(heading, true), words(message, false), layout.NewSpacer()))
	w.SetContent(screenFrame(body))
	w.Resize(fyne.NewSize(defaultSize, 800))
}
