package app

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// typingBox is the box a participant types an answer in. Unlike Fyne's
// own Entry it is never a keyboard trap: Tab and Shift+Tab leave it, Page
// Down and Page Up (and Ctrl+Enter) go on and back as on every screen, and
// the staff keys still work while the cursor is in it. In a one-line box
// Enter goes on; in a box for longer words Enter starts a new line.
type typingBox struct {
	widget.Entry
	qs *questionScreen
}

func newTypingBox(qs *questionScreen, multiLine bool) *typingBox {
	e := &typingBox{qs: qs}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
		e.SetPlaceHolder(lang.L("Type here. Press Page Down to go on."))
	} else {
		e.SetPlaceHolder(lang.L("Type a number"))
	}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false, so Tab moves on to the next thing on screen.
func (e *typingBox) AcceptsTab() bool { return false }

func (e *typingBox) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyPageDown, fyne.KeyPageUp:
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(k)
		}
		return
	}
	e.Entry.TypedKey(k)
}

func (e *typingBox) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok {
		if (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) && cs.Modifier == fyne.KeyModifierControl {
			e.qs.next()
			return
		}
		if cs.KeyName == staffKey && cs.Modifier == fyne.KeyModifierControl|fyne.KeyModifierShift {
			e.qs.u.askForStaff()
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// numberPad adds big number keys under a number box, for touch screens
// with no keyboard.
func (qs *questionScreen) numberPad(box *typingBox) {
	var keys []*tile
	for _, d := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"} {
		keys = append(keys, newTile(d, "", stylePlain, func() {
			box.SetText(box.Text + d)
			qs.scr.say("")
		}))
	}
	rubOut := newTile(lang.L("Rub out"), "", stylePlain, func() {
		if r := []rune(box.Text); len(r) > 0 {
			box.SetText(string(r[:len(r)-1]))
		}
	})
	// The box with Rub out beside it, and under them the digits in a row,
	// or two rows on a narrow screen: the shortest shape that keeps every
	// key big (beside the box, they took two rows more than the biggest
	// words leave on a 1024×600 screen). The box is as wide as its "Type
	// a number", whatever the words' size.
	th := box.Theme()
	wide := canvas.NewRectangle(color.Transparent)
	wide.SetMinSize(fyne.NewSize(fyne.MeasureText(box.PlaceHolder, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width+
		3*th.Size(theme.SizeNameInnerPadding), 0))
	oneLine := canvas.NewRectangle(color.Transparent) // "Rub out" on one line
	oneLine.SetMinSize(fyne.NewSize(rubOut.lineWidth(), 0))
	qs.scr.input = container.NewHBox(container.NewStack(wide, box), container.NewStack(oneLine, rubOut))
	qs.scr.extra = []*tile{rubOut}
	qs.scr.addGroup(keys, 10, 5).fixed = true
	qs.tiles = nil // number keys are not answers: 1 to 9 type, not choose
	qs.pad = append(keys, rubOut)
}

// typeDigit types a number key into the box when the box is not focused
// (the keyboard's number keys on a number question).
func (qs *questionScreen) typeDigit(d int) bool {
	box, ok := qs.input.(*typingBox)
	if !ok || box.MultiLine {
		return false
	}
	box.SetText(box.Text + strconv.Itoa(d))
	return true
}
