package app

import (
	"time"

	"fyne.io/fyne/v2/lang"
)

// "About when?" comes first on a date question that asks for it: tiles
// such as "This month" and "Last year" for people who do not know the
// day, and "Choose the day" for those who do. An answer is a month
// ("2026-11") or a year ("2025"); see survey.About.

// stepAbout is the date picker's "About when?" step.
const stepAbout = -1

// aboutAnswer is one "About when?" tile: its words and the answer saved.
type aboutAnswer struct{ label, value string }

// aboutAnswers are the tiles' words and answers, counted from now.
func aboutAnswers(now time.Time) []aboutAnswer {
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	return []aboutAnswer{
		{lang.L("This month"), month.Format("2006-01")},
		{lang.L("Last month"), month.AddDate(0, -1, 0).Format("2006-01")},
		{lang.L("This year"), month.Format("2006")},
		{lang.L("Last year"), month.AddDate(-1, 0, 0).Format("2006")},
	}
}

// aboutTiles are the "About when?" tiles, then "Choose the day".
func (p *datePicker) aboutTiles() ([]*tile, []int) {
	var tiles []*tile
	for _, a := range aboutAnswers(p.qs.u.cfg.Now()) {
		tiles = append(tiles, p.tile(a.label, a.value == p.about, func() { p.chooseAbout(a.value) }))
	}
	day := newTile(lang.L("Choose the day"), "calendar", stylePlain, func() { p.goTo(0) })
	return append(tiles, day), []int{5, 3, 2, 1}
}

// aboutLabel is the words of an "About when?" answer: "This month" when
// it still is, or else the month or year itself ("October 2026").
func (p *datePicker) aboutLabel(value string) string {
	for _, a := range aboutAnswers(p.qs.u.cfg.Now()) {
		if a.value == value {
			return a.label
		}
	}
	if t, err := time.Parse("2006-01", value); err == nil {
		return monthName(int(t.Month())) + " " + t.Format("2006")
	}
	return value
}

// chooseAbout saves an "About when?" answer in place of a date.
func (p *datePicker) chooseAbout(value string) {
	p.year, p.month, p.day, p.unsure, p.about = 0, 0, 0, "", value
	p.qs.u.session.SetText(value)
	p.redraw()
}
