package app

import (
	"fmt"
	"image"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"speakeasy/survey"
)

// RenderScreens draws every screen of s as a participant would see it, in
// lang, headless, and hands each picture to save with a numbered name:
// 00-welcome, 01-<question ID>, ..., the thank-you screen last. Every
// question is drawn, even ones skip rules would hide. Nothing is saved.
func RenderScreens(s *survey.Survey, lang string, size fyne.Size, save func(name string, img image.Image) error) error {
	drawNow = true // a picture of a screen must have its pictures in it
	defer func() { drawNow = false }()
	a := test.NewApp()
	defer a.Quit()
	w := test.NewWindow(nil)
	defer w.Close()
	u := &UI{win: w, cfg: Config{Clock: stillClock{}, Now: time.Now}, theme: newTheme(), survey: s, lang: lang}
	useLanguage(lang)
	defer useLanguage("en")
	u.setTheme()
	w.Resize(size)

	u.screen = "welcome" // as if redrawn: keeps the chosen language
	u.showWelcome()
	if err := save("00-welcome", w.Canvas().Capture()); err != nil {
		return err
	}
	for i, q := range s.Questions {
		u.session = survey.NewSession(s, survey.SessionOptions{Language: lang})
		u.session.Preview(q.ID)
		u.showQuestion()
		if err := save(fmt.Sprintf("%02d-%s", i+1, q.ID), w.Canvas().Capture()); err != nil {
			return err
		}
	}
	u.showThanks()
	return save(fmt.Sprintf("%02d-thanks", len(s.Questions)+1), w.Canvas().Capture())
}

// stillClock never fires: a picture of a screen has no timeouts.
type stillClock struct{}

func (stillClock) AfterFunc(time.Duration, func()) Timer { return stillTimer{} }

type stillTimer struct{}

func (stillTimer) Stop() bool { return true }
