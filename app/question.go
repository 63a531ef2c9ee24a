package app

import (
	"errors"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"speakeasy/survey"
)

// questionScreen is one question on screen: the picture on the left, the
// words and answers on the right, Back, Listen, Stop and Next below.
type questionScreen struct {
	u        *UI
	q        *survey.Question
	scr      *screen
	tiles    []*tile        // the answers, in order
	nextTile *tile          // Next
	input    fyne.Focusable // the box to type in, if any
	date     *datePicker    // the date question's tiles, if any
	pad      []*tile        // the number pad's keys, if any
}

// showQuestion draws the session's current question.
func (u *UI) showQuestion() {
	qs := &questionScreen{u: u, q: u.session.Current()}
	if qs.q.Kind == survey.KindDate {
		qs.date = newDatePicker(qs)
	}
	qs.draw()
	switch {
	case len(qs.tiles) > 0:
		u.win.Canvas().Focus(qs.tiles[0])
	case qs.input != nil:
		u.win.Canvas().Focus(qs.input) // a keyboard user can type at once
	case qs.date != nil:
		qs.date.focus()
	default:
		u.win.Canvas().Focus(qs.nextTile)
	}
	u.readScreen(qs.said(), qs.tiles)
}

// said is what Listen reads before the answers: the question and its hint.
func (qs *questionScreen) said() []string {
	ss := qs.u.session
	return []string{ss.Text(qs.q.Text), ss.Text(qs.q.Hint)}
}

// draw puts the question on screen (again, when the date picker moves on
// a step); what the participant has chosen is kept in the session.
func (qs *questionScreen) draw() {
	u, ss := qs.u, qs.u.session
	scr := newScreen(qs.q.Picture)
	qs.scr = scr
	scr.top = progress(ss)
	said := qs.said()
	scr.addText(said[0], true)
	if said[1] != "" {
		scr.addSpareText(said[1]) // the hint: Listen reads it when it has no room
	}
	qs.answers()

	back := newTile(lang.L("Back"), "left-arrow", stylePlain, qs.back)
	next := newTile(lang.L("Next"), "right-arrow", stylePrimary, qs.next)
	if !ss.CanGoBack() {
		back.Hide() // keeps its place, so Next never moves
	}
	scr.buttons = []*tile{back}
	if u.reader != nil {
		scr.buttons = append(scr.buttons, newTile(lang.L("Listen"), "speaker-high-volume", stylePlain, func() {
			u.touch()
			u.toggleReading(qs.said(), qs.visibleAnswers())
		}))
	}
	understand := newTile(lang.L("I don't understand"), "thinking-face", stylePlain, u.showUnderstand)
	scr.buttons = append(scr.buttons, understand, newTile(lang.L("Stop"), "stop-sign", stylePlain, u.showStop), next)
	qs.nextTile = next
	scr.onPage = func() {
		if t := scr.visibleTiles(); len(t) > 0 {
			u.win.Canvas().Focus(t[0])
		}
	}
	keys := keyTarget{options: qs.visibleAnswers, next: qs.next, digit: qs.typeDigit}
	if ss.CanGoBack() {
		keys.back = qs.back
	}
	u.show("question", scr.build(), keys)
	u.touch()
	u.scan.start(u, func() []*tile { return append(scr.visibleTiles(), next, understand) })
}

// visibleAnswers are the answers on the page on show.
func (qs *questionScreen) visibleAnswers() []*tile {
	var out []*tile
	for _, t := range qs.tiles {
		if t.Visible() {
			out = append(out, t)
		}
	}
	return out
}

// touch notes that the participant did something: the idle wait starts again.
func (u *UI) touch() {
	if u.session != nil {
		u.after(IdleAfter, u.showStillThere)
	}
}

// answers adds the part of the screen where the participant answers.
func (qs *questionScreen) answers() {
	ss := qs.u.session
	switch qs.q.Kind {
	case survey.KindNote:
		return
	case survey.KindText:
		e := newTypingBox(qs, true)
		e.SetMinRowsVisible(3)
		qs.entry(e)
		return
	case survey.KindNumber:
		qs.numberPad(qs.entry(newTypingBox(qs, false)))
		return
	case survey.KindDate:
		qs.date.addTo(qs.scr)
		return
	}
	chosen := ss.Answer(qs.q.ID)
	for _, o := range ss.Options() {
		picture := o.Picture
		if qs.q.Kind == survey.KindFaces && qs.u.comfort.noFaces {
			picture = "" // words only, for someone who finds faces hard
		}
		t := newTile(o.Label, picture, styleAnswer, nil)
		t.Sound = o.Sound
		if qs.u.reader != nil && qs.q.Kind != survey.KindFaces {
			t.OnListen = func() {
				qs.u.touch()
				qs.u.read(nil, []*tile{t}) // just this answer
			}
		}
		value := o.Value
		t.OnTapped = func() { qs.tap(value) }
		t.chosen = chosen.Has(o.Value)
		t.Vertical = qs.q.Kind == survey.KindFaces && !qs.u.comfort.noFaces
		qs.tiles = append(qs.tiles, t)
	}
	if qs.q.Kind == survey.KindFaces {
		// "I don't know" and the like go on a row of their own below the faces.
		faces := qs.q.Faces
		if qs.u.comfort.noFaces {
			qs.scr.addGroup(qs.tiles[:faces], faces, 3, 2, 1)
		} else {
			qs.scr.addGroup(qs.tiles[:faces], faces)
		}
		qs.scr.addGroup(qs.tiles[faces:], 2, 1)
		return
	}
	// Fewest columns first: one answer to a line reads most easily.
	qs.scr.addGroup(qs.tiles, 1, 2, 3, 4)
}

// entry wires a typed answer to the session.
func (qs *questionScreen) entry(e *typingBox) *typingBox {
	qs.input = e
	e.SetText(qs.u.session.Answer(qs.q.ID).String())
	e.OnChanged = func(s string) {
		qs.u.session.SetText(s)
		qs.u.touch()
	}
	if !e.MultiLine {
		e.OnSubmitted = func(string) { qs.next() }
	}
	qs.scr.input = e
	return e
}

// tap passes a tap on an answer to the session and shows the result.
func (qs *questionScreen) tap(value string) {
	qs.u.touch()
	moveOn := qs.u.session.Tap(value)
	a := qs.u.session.Answer(qs.q.ID)
	for i, o := range qs.u.session.Options() {
		qs.tiles[i].SetChosen(a.Has(o.Value))
	}
	qs.scr.say("")
	if moveOn {
		qs.next()
		return
	}
	if qs.u.scan.On() && qs.q.Kind != survey.KindMany {
		qs.u.scan.jumpTo(qs.u, qs.nextTile) // chosen: light up Next
	}
}

func (qs *questionScreen) next() {
	qs.u.touch()
	if qs.date != nil && qs.date.partial() {
		qs.tell(lang.L("Please choose the year, the month and the day."))
		return
	}
	if err := qs.u.session.Next(); err != nil {
		qs.refused(err)
		return
	}
	qs.u.showCurrent()
}

func (qs *questionScreen) back() {
	qs.u.touch()
	if err := qs.u.session.Back(); err != nil {
		qs.refused(err)
		return
	}
	qs.u.showCurrent()
}

// refused shows a kind message about why the screen did not move on.
func (qs *questionScreen) refused(err error) {
	var r *survey.Refusal
	if !errors.As(err, &r) {
		fyne.LogError("saving an answer failed", err)
		qs.tell(lang.L("Something went wrong. Please ask a member of staff to help."))
		return
	}
	msg := r.Message
	if msg == "" {
		msg = refusalWords(r.Reason, qs.q.Kind)
	}
	qs.tell(msg)
}

// tell shows msg above the buttons, and reads it aloud when the
// participant asked for reading aloud.
func (qs *questionScreen) tell(msg string) {
	qs.scr.say(msg)
	qs.u.readScreen([]string{msg}, nil)
}

// refusalWords are the app's own kind words for each refusal.
func refusalWords(r survey.Reason, k survey.Kind) string {
	switch r {
	case survey.ReasonRequired:
		if k.HasOptions() {
			return lang.L("Please choose an answer.")
		}
		if k == survey.KindDate {
			return lang.L("Please choose the year, the month and the day.")
		}
		return lang.L("Please write an answer.")
	case survey.ReasonNotNumber:
		return lang.L("Please write a number.")
	case survey.ReasonTooSmall, survey.ReasonTooBig:
		return lang.L("Please check the number.")
	case survey.ReasonNotDate:
		return lang.L("Please choose a real day, month and year.")
	}
	return lang.L("Please check your answer.")
}

// progress shows "Question 3 of 11" and a row of dots, one for each
// question. Notes are not counted; see survey.Session.Progress for why the
// total never changes.
func progress(ss *survey.Session) fyne.CanvasObject {
	n, m := ss.Progress()
	row := container.NewHBox()
	th := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	if q := ss.Current(); q != nil && q.Kind != survey.KindNote {
		// At the easy-read size whatever the comfort setting: the room on a
		// screen with bigger words is better spent on the question.
		words := canvas.NewText(lang.L("Question {{.N}} of {{.M}}", map[string]int{"N": n, "M": m}), th.Color(theme.ColorNameForeground, v))
		words.TextSize = sizes[theme.SizeNameText]
		row.Add(words)
	}
	for i := 1; i <= m; i++ {
		dot := canvas.NewCircle(color.Transparent)
		dot.StrokeColor = th.Color(theme.ColorNamePrimary, v)
		dot.StrokeWidth = 3
		if i <= n {
			dot.FillColor = th.Color(theme.ColorNamePrimary, v)
		}
		row.Add(container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(20), dot)))
	}
	return row
}
