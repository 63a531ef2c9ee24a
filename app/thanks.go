package app

import (
	"fyne.io/fyne/v2/lang"
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
	scr := newScreen("party-popper")
	scr.addText(thanks, true)
	scr.buttons = []*tile{placeholder(), done}
	u.show("thanks", scr.build(), keyTarget{next: u.showWelcome})
	u.win.Canvas().Focus(done)
	u.after(ThanksFor, u.showWelcome)
}

// showStillThere asks a quiet participant whether they are still there. A
// tap on Yes takes them back to their question; no tap, and their answers
// are saved as unfinished and the screen starts again for the next person.
func (u *UI) showStillThere() {
	back := func() { u.showQuestion() }
	yes := newTile(lang.L("Yes"), "check-mark-button", stylePrimary, back)
	scr := newScreen("waving-hand")
	scr.addText(lang.L("Are you still there?"), true)
	scr.addText(lang.L("Tap Yes to carry on."), false)
	scr.buttons = []*tile{placeholder(), yes}
	u.show("still-there", scr.build(), keyTarget{next: back})
	u.win.Canvas().Focus(yes)
	u.after(GoneAfter, u.showWelcome)
}
