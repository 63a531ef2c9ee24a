package app

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
)

// showThanks thanks the participant, then goes back to welcome by itself.
func (u *UI) showThanks() {
	u.session = nil // saved as complete already; nothing of it stays
	s := u.survey
	thanks := s.Thanks.In(s.Lang(), "")
	if thanks == "" {
		thanks = lang.L("Thank you.")
	}
	done := newTile(lang.L("Done"), "check-mark-button", stylePrimary, u.showWelcome)
	body := container.NewBorder(nil, nil, container.NewCenter(bigPicture("party-popper")), nil,
		container.NewVBox(words(thanks, true), layout.NewSpacer(),
			container.NewGridWithColumns(2, layout.NewSpacer(), done)))
	u.show("thanks", screenFrame(body), keyTarget{next: u.showWelcome})
	u.after(ThanksFor, u.showWelcome)
}

// showStillThere asks a quiet participant whether they are still there. A
// tap on Yes takes them back to their question; no tap, and their answers
// are saved as unfinished and the screen starts again for the next person.
func (u *UI) showStillThere() {
	back := func() { u.showQuestion() }
	yes := newTile(lang.L("Yes"), "check-mark-button", stylePrimary, back)
	body := container.NewBorder(nil, nil, container.NewCenter(bigPicture("waving-hand")), nil,
		container.NewVBox(words(lang.L("Are you still there?"), true),
			words(lang.L("Tap Yes to carry on."), false),
			layout.NewSpacer(), container.NewGridWithColumns(2, layout.NewSpacer(), yes)))
	u.show("still-there", screenFrame(body), keyTarget{next: back})
	u.win.Canvas().Focus(yes)
	u.after(GoneAfter, u.showWelcome)
}
