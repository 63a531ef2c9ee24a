package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"speakeasy/survey/store"
)

// pinPad is a big number pad for the staff PIN. The keyboard's number keys
// work too. OK hands the digits to done.
type pinPad struct {
	digits string
	scr    *screen
	dots   *textBlock
	done   func(pin string)
	// hint is a line under the pad, like what to do about a forgotten PIN.
	hint string
}

func newPinPad(done func(string)) *pinPad {
	return &pinPad{done: done}
}

func (p *pinPad) press(d string) {
	if len(p.digits) < 8 {
		p.digits += d
		p.showDots()
	}
}

func (p *pinPad) clear() {
	p.digits = ""
	p.showDots()
}

// showDots shows one dot for each digit typed, and always one line.
func (p *pinPad) showDots() {
	dots := strings.TrimSpace(strings.Repeat("● ", len(p.digits)))
	if dots == "" {
		dots = " "
	}
	p.dots.Set(dots)
	p.scr.relayout()
}

// say shows a message above the buttons.
func (p *pinPad) say(msg string) { p.scr.say(msg) }

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
// Enter presses OK.
func (p *pinPad) view(heading string, cancel func()) (fyne.CanvasObject, keyTarget) {
	var keys []*tile
	for _, d := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"} {
		keys = append(keys, newTile(d, "", stylePlain, func() { p.press(d) }))
	}
	ok := newTile(lang.L("OK"), "", stylePrimary, p.ok)
	keys = append(keys,
		newTile(lang.L("Delete"), "", stylePlain, p.clear),
		newTile("0", "", stylePlain, func() { p.press("0") }),
		ok)
	p.scr = newScreen("locked")
	p.scr.addText(heading, true)
	p.dots = p.scr.addText(" ", true)
	p.scr.addGroup(keys, 3, 4, 6).fixed = true
	if p.hint != "" {
		p.scr.addText(p.hint, false)
	}
	p.scr.buttons = []*tile{placeholder(), placeholder(), placeholder()}
	if cancel != nil {
		p.scr.buttons[0] = newTile(lang.L("Cancel"), "left-arrow", stylePlain, cancel)
	}
	return p.scr.build(), keyTarget{enter: p.ok, back: cancel}
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
	// Staff get the staff look, whatever the last participant chose.
	u.resetComfort()
	u.setStaffTheme()
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
			pad.say(lang.L("That PIN is not right. Please try again."))
		case errors.As(err, &wait) && !wait.Tried:
			// Still waiting after a wrong PIN: this one was not tried, so it
			// is not called wrong (it may be right).
			pad.say(lang.L("Please wait {{.S}} seconds, then type the PIN.",
				map[string]int{"S": int(wait.Wait.Seconds() + 0.5)}))
		case errors.As(err, &wait):
			pad.say(lang.L("That PIN is not right. Please wait {{.S}} seconds, then try again.",
				map[string]int{"S": int(wait.Wait.Seconds() + 0.5)}))
		default:
			fyne.LogError("checking the staff PIN", err)
			pad.say(lang.L("Speakeasy could not check the PIN. Please try again."))
		}
	})
	pad.hint = lang.L("Forgot the PIN? The person who looks after this laptop can set a new one. They use the command speakeasy set-pin. The Speakeasy guide says how.")
	content, keys := pad.view(lang.L("Staff PIN"), u.showWelcome)
	u.show("pin", content, keys)
	u.win.Canvas().SetOnTypedRune(pad.typed)
}

// showSetPIN asks staff to choose a PIN and type it twice, then goes on.
func (u *UI) showSetPIN(then func()) {
	var first string
	var pad *pinPad
	pad = newPinPad(func(pin string) {
		switch {
		case !store.ValidPIN(pin):
			pad.say(lang.L("A PIN is 4 to 8 numbers."))
		case first == "":
			first = pin
			pad.say(lang.L("Type the same PIN again."))
		case pin != first:
			first = ""
			pad.say(lang.L("The two PINs were not the same. Please start again."))
		default:
			if err := u.db.SetPIN(pin); err != nil {
				pad.say(StaffProblem(lang.L("Speakeasy could not save the new PIN."), err))
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
	content, keys := pad.view(lang.L("Choose a staff PIN"), cancel)
	u.show("set-pin", content, keys)
	u.win.Canvas().SetOnTypedRune(pad.typed)
}
