package app

import (
	"fyne.io/fyne/v2"

	"speakeasy/app/speech"
)

// readScreen reads a screen's words and then each tile's words, lighting up
// each tile while it is read, if the participant or the survey asked for
// every screen to be read as it opens.
func (u *UI) readScreen(texts []string, tiles []*tile) {
	if u.reader == nil || !(u.comfort.voice || u.survey.ReadAloud) {
		return
	}
	u.read(texts, tiles)
}

// read reads texts then tiles aloud in the participant's language. Changing
// screen stops it (see show).
func (u *UI) read(texts []string, tiles []*tile) {
	if u.reader == nil {
		return
	}
	var items []speech.Item
	for _, t := range texts {
		if t != "" {
			items = append(items, speech.Item{Text: t})
		}
	}
	first := len(items)
	for _, t := range tiles {
		items = append(items, speech.Item{Text: t.Label, Sound: t.Sound})
	}
	c := u.win.Canvas()
	u.reader.Read(items, u.lang, func(i int) {
		if i >= first {
			t := tiles[i-first]
			fyne.Do(func() {
				if c.Content() != nil {
					c.Focus(t) // the focus ring shows which answer is being read
				}
			})
		}
	})
}

// toggleReading starts reading, or stops it if it is going.
func (u *UI) toggleReading(texts []string, tiles []*tile) {
	if u.reader == nil {
		return
	}
	if u.reader.Reading() {
		u.reader.Stop()
		return
	}
	u.read(texts, tiles)
}

func (u *UI) stopReading() {
	if u.reader != nil {
		u.reader.Stop()
	}
}
