package app

import (
	"errors"
	"fmt"
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey"
)

// questionScreen is one question on screen: the picture on the left, the
// words and answers on the right, Back and Next below.
type questionScreen struct {
	u        *UI
	q        *survey.Question
	tiles    []*tile
	nextTile *tile
	input    fyne.Focusable // the first place to type or pick, if no tiles
	message  *widget.Label
	note     *fyne.Container
}

// showQuestion draws the session's current question.
func (u *UI) showQuestion() {
	ss := u.session
	q := ss.Current()
	qs := &questionScreen{u: u, q: q, message: words("", false)}
	qs.message.Importance = widget.WarningImportance
	qs.note = container.NewBorder(nil, nil, smallPicture("raised-hand"), nil, qs.message)
	qs.note.Hide()

	said := []string{ss.Text(q.Text), ss.Text(q.Hint)}
	text := container.NewVBox(words(said[0], true))
	if said[1] != "" {
		text.Add(words(said[1], false))
	}
	answers := qs.answers()
	right := container.NewBorder(text, qs.note, nil, nil, answers)

	back := newTile(lang.L("Back"), "left-arrow", stylePlain, qs.back)
	next := newTile(lang.L("Next"), "right-arrow", stylePrimary, qs.next)
	if !ss.CanGoBack() {
		back.Hide()
	}

	// Listen and Stop sit with Back and Next, so the question keeps its room.
	// Back keeps its place when hidden, so Next never moves.
	row := []fyne.CanvasObject{container.NewStack(back)}
	if u.reader != nil {
		row = append(row, newTile(lang.L("Listen"), "speaker-high-volume", stylePlain, func() {
			u.touch()
			u.toggleReading(said, qs.tiles)
		}))
	}
	row = append(row, newTile(lang.L("Stop"), "stop-sign", stylePlain, u.showStop), next)
	nav := container.NewGridWithColumns(len(row), row...)
	header := progress(ss)
	body := container.NewBorder(header, nav,
		container.NewVBox(container.NewCenter(bigPicture(q.Picture))), nil,
		right)
	keys := keyTarget{options: qs.tiles, next: qs.next}
	if ss.CanGoBack() {
		keys.back = qs.back
	}
	u.show("question", screenFrame(body), keys)
	qs.nextTile = next
	switch {
	case len(qs.tiles) > 0:
		u.win.Canvas().Focus(qs.tiles[0])
	case qs.input != nil:
		u.win.Canvas().Focus(qs.input) // a keyboard user can type at once
	default:
		u.win.Canvas().Focus(next)
	}
	u.touch()
	u.scan.start(u, append(append([]*tile{}, qs.tiles...), next))
	u.readScreen(said, qs.tiles)
}

// touch notes that the participant did something: the idle wait starts again.
func (u *UI) touch() {
	if u.session != nil {
		u.after(IdleAfter, u.showStillThere)
	}
}

// answers builds the part of the screen where the participant answers.
func (qs *questionScreen) answers() fyne.CanvasObject {
	ss := qs.u.session
	switch qs.q.Kind {
	case survey.KindNote:
		return layout.NewSpacer()
	case survey.KindText:
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(3)
		return qs.entry(e)
	case survey.KindNumber:
		e := widget.NewEntry()
		e.SetPlaceHolder(lang.L("Type a number"))
		return qs.entry(e)
	case survey.KindDate:
		return qs.date()
	}
	opts := ss.Options()
	chosen := ss.Answer(qs.q.ID)
	for _, o := range opts {
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
		if qs.q.Kind == survey.KindFaces {
			t.Vertical = true
		}
		qs.tiles = append(qs.tiles, t)
	}
	cols := 1
	switch {
	case qs.q.Kind == survey.KindFaces:
		cols = qs.q.Faces
		// "I don't know" and the like go on a row of their own below the faces.
		faces := container.NewGridWithColumns(cols, objects(qs.tiles[:qs.q.Faces])...)
		rest := container.NewGridWithColumns(2, objects(qs.tiles[qs.q.Faces:])...)
		return container.NewVBox(faces, rest)
	case len(opts) > 6:
		cols = 3 // touch screens cannot drag to scroll, so everything must fit
	case len(opts) > 3:
		cols = 2
	}
	return container.NewVScroll(container.NewGridWithColumns(cols, objects(qs.tiles)...))
}

func objects(ts []*tile) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(ts))
	for i, t := range ts {
		out[i] = t
	}
	return out
}

// entry wires a typed answer to the session.
func (qs *questionScreen) entry(e *widget.Entry) fyne.CanvasObject {
	qs.input = e
	e.SetText(qs.u.session.Answer(qs.q.ID).String())
	e.OnChanged = func(s string) {
		qs.u.session.SetText(s)
		qs.u.touch()
	}
	e.OnSubmitted = func(string) { qs.next() }
	return container.NewVBox(e)
}

// date is three big lists: day, month (by name) and year.
func (qs *questionScreen) date() fyne.CanvasObject {
	var days, months, years []string
	for d := 1; d <= 31; d++ {
		days = append(days, strconv.Itoa(d))
	}
	for m := time.January; m <= time.December; m++ {
		months = append(months, lang.L(m.String()))
	}
	now := qs.u.cfg.Now()
	for y := now.Year(); y >= now.Year()-100; y-- {
		years = append(years, strconv.Itoa(y))
	}
	day, month, year := widget.NewSelect(days, nil), widget.NewSelect(months, nil), widget.NewSelect(years, nil)
	day.PlaceHolder, month.PlaceHolder, year.PlaceHolder = lang.L("Day"), lang.L("Month"), lang.L("Year")
	if t, err := time.Parse(survey.DateLayout, qs.u.session.Answer(qs.q.ID).String()); err == nil {
		day.SetSelectedIndex(t.Day() - 1)
		month.SetSelectedIndex(int(t.Month()) - 1)
		year.SetSelected(strconv.Itoa(t.Year()))
	}
	changed := func(string) {
		qs.u.touch()
		if day.SelectedIndex() < 0 || month.SelectedIndex() < 0 || year.SelectedIndex() < 0 {
			qs.u.session.SetText("")
			return
		}
		// An impossible day, like 31 June, is left for Next to refuse.
		qs.u.session.SetText(fmt.Sprintf("%s-%02d-%02d", year.Selected, month.SelectedIndex()+1, day.SelectedIndex()+1))
	}
	day.OnChanged, month.OnChanged, year.OnChanged = changed, changed, changed
	qs.input = day
	return container.NewVBox(container.NewGridWithColumns(3, day, month, year))
}

// tap passes a tap on an answer to the session and shows the result.
func (qs *questionScreen) tap(value string) {
	qs.u.touch()
	moveOn := qs.u.session.Tap(value)
	a := qs.u.session.Answer(qs.q.ID)
	for i, o := range qs.u.session.Options() {
		qs.tiles[i].SetChosen(a.Has(o.Value))
	}
	qs.note.Hide()
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
	err := qs.u.session.Next()
	if err != nil {
		qs.say(err)
		return
	}
	qs.u.showCurrent()
}

func (qs *questionScreen) back() {
	qs.u.touch()
	if err := qs.u.session.Back(); err != nil {
		qs.say(err)
		return
	}
	qs.u.showCurrent()
}

// say shows a kind message about why the screen did not move on.
func (qs *questionScreen) say(err error) {
	var r *survey.Refusal
	if !errors.As(err, &r) {
		fyne.LogError("saving an answer failed", err)
		qs.message.SetText(lang.L("Something went wrong. Please ask a member of staff to help."))
		qs.note.Show()
		return
	}
	msg := r.Message
	if msg == "" {
		msg = refusalWords(r.Reason, qs.q.Kind)
	}
	qs.message.SetText(msg)
	qs.note.Show()
}

// refusalWords are the app's own kind words for each refusal.
func refusalWords(r survey.Reason, k survey.Kind) string {
	switch r {
	case survey.ReasonRequired:
		if k.HasOptions() {
			return lang.L("Please choose an answer.")
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

// progress shows "3 of 12" and a row of dots, one for each screen.
func progress(ss *survey.Session) fyne.CanvasObject {
	n, m := ss.Progress()
	row := container.NewHBox(widget.NewLabel(lang.L("Question {{.N}} of {{.M}}", map[string]int{"N": n, "M": m})))
	th := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
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

func smallPicture(name string) fyne.CanvasObject { return newPicture(name, 48) }
