package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey/store"
)

// pinPad is a big number pad for the staff PIN. The keyboard's number keys
// work too. OK hands the digits to done.
type pinPad struct {
	digits  string
	dots    *widget.Label
	message *widget.Label
	done    func(pin string)
}

func newPinPad(done func(string)) *pinPad {
	p := &pinPad{dots: words("", true), message: words("", false), done: done}
	p.message.Importance = widget.WarningImportance
	return p
}

func (p *pinPad) press(d string) {
	if len(p.digits) < 8 {
		p.digits += d
		p.dots.SetText(strings.Repeat("● ", len(p.digits)))
	}
}

func (p *pinPad) clear() {
	p.digits = ""
	p.dots.SetText("")
}

func (p *pinPad) typed(r rune) {
	if r >= '0' && r <= '9' {
		p.press(string(r))
	}
}

func (p *pinPad) ok() {
	pin := p.digits
	p.clear()
	p.done(pin)
}

// view lays the pad out under a heading, with Cancel if cancel is set.
func (p *pinPad) view(heading string, cancel func()) fyne.CanvasObject {
	var keys []fyne.CanvasObject
	for _, d := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"} {
		keys = append(keys, newTile(d, "", stylePlain, func() { p.press(d) }))
	}
	keys = append(keys,
		newTile(lang.L("Delete"), "", stylePlain, p.clear),
		newTile("0", "", stylePlain, func() { p.press("0") }),
		newTile(lang.L("OK"), "", stylePrimary, p.ok))
	pad := container.NewGridWithColumns(3, keys...)
	var bottom fyne.CanvasObject = layout.NewSpacer()
	if cancel != nil {
		bottom = container.NewGridWithColumns(3, newTile(lang.L("Cancel"), "left-arrow", stylePlain, cancel))
	}
	left := container.NewVBox(container.NewCenter(bigPicture("locked")), words(heading, true), p.dots, p.message)
	return screenFrame(container.NewBorder(nil, bottom, nil, nil,
		container.NewGridWithColumns(2, left, pad)))
}

// askForStaff shows the PIN pad; the right PIN opens the staff screen. With
// no PIN set yet, staff choose one first.
func (u *UI) askForStaff() {
	if u.screen == "pin" || u.screen == "staff" {
		return
	}
	has, err := u.db.HasPIN()
	if err != nil {
		fyne.LogError("reading the PIN", err)
		return
	}
	u.stopTimer()
	u.endSession() // the participant's answers so far are kept as unfinished
	if !has {
		u.showSetPIN(u.showStaff)
		return
	}
	var pad *pinPad
	pad = newPinPad(func(pin string) {
		err := u.db.CheckPIN(pin, u.cfg.Now())
		var wait *store.WaitError
		switch {
		case err == nil:
			u.showStaff()
		case errors.Is(err, store.ErrWrongPIN):
			pad.message.SetText(lang.L("That PIN is not right. Please try again."))
		case errors.As(err, &wait):
			pad.message.SetText(lang.L("That PIN is not right. Please wait {{.S}} seconds, then try again.",
				map[string]int{"S": int(wait.Wait.Seconds() + 0.5)}))
		default:
			pad.message.SetText(err.Error())
		}
	})
	u.show("pin", pad.view(lang.L("Staff PIN"), u.showWelcome), keyTarget{})
	u.win.Canvas().SetOnTypedRune(pad.typed)
}

// showSetPIN asks staff to choose a PIN and type it twice, then goes on.
func (u *UI) showSetPIN(then func()) {
	var first string
	var pad *pinPad
	pad = newPinPad(func(pin string) {
		switch {
		case !store.ValidPIN(pin):
			pad.message.SetText(lang.L("A PIN is 4 to 8 numbers."))
		case first == "":
			first = pin
			pad.message.SetText(lang.L("Type the same PIN again."))
		case pin != first:
			first = ""
			pad.message.SetText(lang.L("The two PINs were not the same. Please start again."))
		default:
			if err := u.db.SetPIN(pin); err != nil {
				pad.message.SetText(err.Error())
				return
			}
			u.win.Canvas().SetOnTypedRune(nil)
			then()
		}
	})
	var cancel func()
	if !u.cfg.Kiosk {
		cancel = u.showWelcome
	}
	u.show("set-pin", pad.view(lang.L("Choose a staff PIN"), cancel), keyTarget{})
	u.win.Canvas().SetOnTypedRune(pad.typed)
}
