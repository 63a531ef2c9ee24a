package app

import (
	"fmt"
	"image"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"speakeasy/survey"
)

// Comfort is a participant's comfort settings, as print-survey takes them.
type Comfort struct {
	Bigger  int  // 0, 1 (bigger) or 2 (biggest)
	Strong  bool // strong colours
	NoFaces bool // words instead of faces
}

// RenderOptions says how RenderScreens draws.
type RenderOptions struct {
	Lang    string    // the participant's language; "" is the survey's first
	Size    fyne.Size // the window's size
	Comfort Comfort
	// CheckOnly lays the screens out and checks them without drawing
	// pictures of them (Screen.Image is nil): the fit test runs thousands.
	CheckOnly bool
}

// Screen is one drawn screen: its numbered name, its picture, and what does
// not fit on it (empty when everything is in view).
type Screen struct {
	Name     string
	Image    image.Image
	Problems []string
}

// RenderScreens draws every screen of s as a participant would see it,
// headless, and hands each to save with a numbered name: 00-welcome,
// 01-<question ID>, ..., then the consent, stop, "I don't understand", still-there and
// thank-you screens and the staff PIN pad. Every question is drawn, even ones skip rules
// would hide. Nothing is saved to a database.
func RenderScreens(s *survey.Survey, o RenderOptions, save func(Screen) error) error {
	was := drawNow
	drawNow = was || !o.CheckOnly // a picture of a screen must have its pictures in it
	defer func() { drawNow = was }()
	if o.Lang == "" {
		o.Lang = s.Lang()
	}
	a := test.NewApp()
	defer a.Quit()
	w := test.NewWindow(nil)
	defer w.Close()
	u := &UI{win: w, cfg: Config{Clock: stillClock{}, Now: time.Now}, theme: newTheme(), survey: s, lang: o.Lang}
	useLanguage(o.Lang)
	defer useLanguage("en")
	u.comfort = comfort{bigger: o.Comfort.Bigger, contrast: o.Comfort.Strong, noFaces: o.Comfort.NoFaces}
	u.setTheme()
	defer u.setStaffTheme()
	w.Resize(o.Size)

	if renderHook != nil {
		renderHook(w)
	}
	n := 0
	shot := func(name string) error {
		sc := Screen{Name: fmt.Sprintf("%02d-%s", n, name), Problems: FitProblems(w)}
		if !o.CheckOnly {
			sc.Image = w.Canvas().Capture()
		}
		err := save(sc)
		n++
		return err
	}
	u.screen = "welcome" // as if redrawn: keeps the chosen language and comfort
	u.showWelcome()
	if err := shot("welcome"); err != nil {
		return err
	}
	for _, q := range s.Questions {
		u.session = survey.NewSession(s, survey.SessionOptions{Language: o.Lang})
		u.session.Preview(q.ID)
		u.showQuestion()
		if err := shot(q.ID); err != nil {
			return err
		}
	}
	for _, x := range []struct {
		name string
		show func()
	}{
		{"consent", u.showConsent},
		{"stop", u.showStop},
		{"understand", u.previewUnderstand},
		{"still-there", u.showStillThere},
		{"thanks", u.showThanks},
		{"staff-pin", func() { u.setStaffTheme(); u.showSetPIN(func() {}) }}, // staff get the staff look
	} {
		x.show()
		if err := shot(x.name); err != nil {
			return err
		}
	}
	return nil
}

// renderHook lets a test see the window RenderScreens draws in.
var renderHook func(fyne.Window)

// stillClock never fires: a picture of a screen has no timeouts.
type stillClock struct{}

func (stillClock) AfterFunc(time.Duration, func()) Timer { return stillTimer{} }

type stillTimer struct{}

func (stillTimer) Stop() bool { return true }
