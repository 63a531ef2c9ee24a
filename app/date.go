package app

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2/lang"

	"speakeasy/survey"
)

// datePicker is the date question as big tiles, one step at a time: the
// year, then the month by its name, then the day. A line above the tiles
// says what is chosen so far, and the last tile of a step goes back to
// the step before it, so a participant can change their mind. When the
// survey offers them, "I don't know" and "I don't want to say" are above
// the tiles at every step, in view whatever page of years is on show.
type datePicker struct {
	qs               *questionScreen
	year, month, day int // 0 when not chosen yet
	step             int // stepAbout, then 0 year, 1 month, 2 day
	choice           []*tile
	unsure           string // survey.DontKnow or survey.PreferNot, when chosen
	about            string // an "About when?" answer, when chosen
}

func newDatePicker(qs *questionScreen) *datePicker {
	p := &datePicker{qs: qs}
	a := qs.u.session.Answer(qs.q.ID).String()
	if t, err := time.Parse(survey.DateLayout, a); err == nil {
		p.year, p.month, p.day, p.step = t.Year(), int(t.Month()), t.Day(), 2
	} else if qs.q.IsUnsure(a) {
		p.unsure = a
	} else if _, _, ok := survey.About(a); ok {
		p.about = a
	}
	if qs.q.AboutWhen && p.step == 0 {
		p.step = stepAbout
	}
	return p
}

// partial reports whether some but not all of the date is chosen.
func (p *datePicker) partial() bool {
	n := 0
	for _, v := range []int{p.year, p.month, p.day} {
		if v != 0 {
			n++
		}
	}
	return n > 0 && n < 3
}

// addTo puts the line that says what is chosen and the tiles of this
// step on scr.
func (p *datePicker) addTo(scr *screen) {
	scr.addSpareText(p.sofar())
	p.choice = nil
	var cols []int
	var back *tile
	switch p.step {
	case stepAbout:
		p.choice, cols = p.aboutTiles()
	case 0:
		if p.qs.q.AboutWhen {
			back = newTile(lang.L("About when?"), "left-arrow", stylePlain, func() { p.goTo(stepAbout) })
		}
		now := p.qs.u.cfg.Now().Year()
		for y := now; y >= now-100; y-- {
			p.choice = append(p.choice, p.tile(strconv.Itoa(y), y == p.year, func() { p.year = y; p.moveOn(1) }))
		}
		cols = []int{6, 5, 4, 3, 2}
	case 1:
		for m := 1; m <= 12; m++ {
			p.choice = append(p.choice, p.tile(monthName(m), m == p.month, func() { p.month = m; p.moveOn(2) }))
		}
		back = newTile(lang.L("Change the year"), "left-arrow", stylePlain, func() { p.goTo(0) })
		cols = []int{4, 3, 6, 2, 1}
	default:
		last := 31
		if p.year != 0 && p.month != 0 {
			last = time.Date(p.year, time.Month(p.month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		}
		for d := 1; d <= last; d++ {
			p.choice = append(p.choice, p.tile(strconv.Itoa(d), d == p.day, func() { p.day = d; p.moveOn(2) }))
		}
		back = newTile(lang.L("Change the month"), "left-arrow", stylePlain, func() { p.goTo(1) })
		cols = []int{8, 7, 10, 11, 16, 6, 5, 4}
	}
	var unsure []*tile
	for _, o := range p.qs.q.Unsure(p.qs.u.session.Language()) {
		t := newTile(o.Label, o.Picture, styleAnswer, func() { p.chooseUnsure(o.Value) })
		t.chosen = o.Value == p.unsure
		unsure = append(unsure, t)
	}
	// The way back a step and the unsure answers stay in view above the
	// tiles, whatever page of years or days is on show.
	above := unsure
	if back != nil {
		above = append([]*tile{back}, unsure...)
	}
	scr.addGroup(above, 3, 2, 1)
	scr.addGroup(p.choice, cols...)
	// number keys and scanning reach the answers, in the order drawn
	p.qs.tiles = append(unsure, p.choice...)
}

// sofar says in words what is chosen and what to choose next.
func (p *datePicker) sofar() string {
	switch {
	case p.about != "":
		return lang.L("You chose: {{.Answer}}.", map[string]string{"Answer": p.aboutLabel(p.about)})
	case p.step == stepAbout:
		return lang.L("About when?")
	case p.unsure != "":
		return lang.L("You chose: {{.Answer}}.", map[string]string{"Answer": survey.BuiltinWord(p.qs.u.session.Language(), p.unsure)})
	case p.step == 0:
		return lang.L("Choose the year.")
	case p.step == 1:
		return lang.L("{{.Year}}. Now choose the month.", map[string]string{"Year": strconv.Itoa(p.year)})
	case p.day == 0:
		return lang.L("{{.Month}} {{.Year}}. Now choose the day.", map[string]string{"Month": monthName(p.month), "Year": strconv.Itoa(p.year)})
	}
	return lang.L("You chose {{.Day}} {{.Month}} {{.Year}}.", map[string]string{"Day": strconv.Itoa(p.day), "Month": monthName(p.month), "Year": strconv.Itoa(p.year)})
}

func (p *datePicker) tile(label string, chosen bool, tapped func()) *tile {
	t := newTile(label, "", styleAnswer, tapped)
	t.chosen = chosen
	return t
}

// chooseUnsure answers "I don't know" (or "I don't want to say") in
// place of a date, and shows the first step again, for a change of mind.
func (p *datePicker) chooseUnsure(value string) {
	p.year, p.month, p.day, p.unsure, p.about = 0, 0, 0, value, ""
	p.qs.u.session.SetText(value)
	p.step = 0
	if p.qs.q.AboutWhen {
		p.step = stepAbout
	}
	p.redraw()
}

// goTo shows step i again.
func (p *datePicker) goTo(i int) {
	p.step = i
	p.redraw()
}

// moveOn saves what is chosen and shows the next step.
func (p *datePicker) moveOn(step int) {
	p.unsure, p.about = "", ""
	if p.day != 0 && p.year != 0 && p.month != 0 {
		last := time.Date(p.year, time.Month(p.month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		p.day = min(p.day, last)
		p.qs.u.session.SetText(fmt.Sprintf("%04d-%02d-%02d", p.year, p.month, p.day))
	} else {
		p.qs.u.session.SetText("")
	}
	p.step = step
	p.redraw()
}

func (p *datePicker) redraw() {
	p.qs.u.touch()
	p.qs.tiles = nil
	p.qs.draw()
	p.focus()
}

// focus puts the keyboard on the chosen tile of this step, or its first.
func (p *datePicker) focus() {
	if len(p.choice) == 0 {
		return
	}
	target := p.choice[0]
	for _, t := range p.qs.tiles {
		if t.chosen && t.Visible() {
			target = t
		}
	}
	if !target.Visible() {
		if v := p.qs.scr.visibleTiles(); len(v) > 0 {
			target = v[0]
		}
	}
	p.qs.u.win.Canvas().Focus(target)
}

// monthName is the month's name in the app's language.
func monthName(m int) string { return lang.L(time.Month(m).String()) }
