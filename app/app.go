// Package app is Speakeasy's window: the participant's screens (welcome,
// one question per screen, thank you, "are you still there?"), the staff
// screens behind a PIN, and the easy-read theme. Screens draw a
// survey.Session and pass taps to it; the survey logic lives in survey.
//
// The staff screen's tabs come in through Config.StaffTabs, listed by
// cmd/speakeasy. Packages that make staff tabs, such as app/editor, use
// only what surface.go offers of the screens; app never imports them.
package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"speakeasy/app/speech"
	"speakeasy/survey"
	"speakeasy/survey/store"
)

// Config is what the window needs from its caller.
type Config struct {
	DB    *store.DB
	Kiosk bool   // full screen, no menus, cannot be closed by a participant
	Clock Clock  // nil means real time
	Quit  func() // closes the app; staff reach it behind the PIN
	Now   func() time.Time
	// Speech reads aloud; nil hides every speaker button, and staff see
	// NoSpeech, the reason, on their screen.
	Speech   speech.Engine
	NoSpeech string
	// StaffTabs follow "Today" on the staff screen, in this order.
	StaffTabs []StaffTab
}

// How long the screens wait before moving on by themselves.
const (
	IdleAfter = 60 * time.Second // no touch: "Are you still there?"
	GoneAfter = 30 * time.Second // no answer to that: save and start again
	ThanksFor = 10 * time.Second // the thank-you screen, then welcome
	staffKey  = fyne.KeyS        // with Ctrl and Shift: the staff screen
)

// UI is the Speakeasy window and what is on it.
type UI struct {
	win   fyne.Window
	db    *store.DB
	cfg   Config
	theme *easyTheme

	survey  *survey.Survey
	event   string
	session *survey.Session // nil when no participant is answering
	lang    string          // the language the participant chose
	comfort comfort         // the participant's comfort settings
	reader  *speech.Reader  // nil when there is no voice
	scan    scanner         // single-switch scanning, when staff turn it on

	screen  string    // the name of the screen on show, for tests and logs
	timer   Timer     // the one pending timeout, if any
	keys    keyTarget // what the keyboard drives on this screen
	pinBack func()    // where Cancel on the PIN pad goes
}

// keyTarget is what number, arrow, page and Enter keys do on a screen.
type keyTarget struct {
	options    func() []*tile // what 1 to 9 choose (the answers in view)
	back, next func()
	digit      func(d int) bool // a number key types a digit instead
	enter      func()           // Enter when nothing has focus
}

// these is a keyTarget's options for a fixed set of tiles.
func these(ts ...*tile) func() []*tile { return func() []*tile { return ts } }

// New builds the UI in w. It does not show the window.
func New(a fyne.App, w fyne.Window, cfg Config) (*UI, error) {
	if cfg.Clock == nil {
		cfg.Clock = realClock{}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Quit == nil {
		cfg.Quit = a.Quit
	}
	u := &UI{win: w, db: cfg.DB, cfg: cfg, theme: newTheme()}
	if cfg.Speech != nil {
		u.reader = speech.NewReader(cfg.Speech)
	}
	if err := u.scan.load(u.db); err != nil {
		return nil, err
	}
	if err := u.loadSurvey(); err != nil {
		return nil, err
	}
	w.SetTitle("Speakeasy: " + u.survey.Title.In(u.survey.Lang(), ""))
	w.Canvas().SetOnTypedKey(u.typedKey)
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: staffKey, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift},
		func(fyne.Shortcut) { u.askForStaff() })
	if cfg.Kiosk {
		w.SetFullScreen(true)
		w.SetCloseIntercept(func() {}) // a participant cannot close the kiosk
	} else {
		w.Resize(WindowSize())
		w.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu(lang.L("Staff"),
			fyne.NewMenuItem(lang.L("Staff screen"), u.askForStaff))))
	}
	return u, nil
}

// Start puts the first screen up: welcome, or in a kiosk with no staff PIN
// yet, the screen to choose one, so that staff can always get out.
func (u *UI) Start() {
	if u.cfg.Kiosk {
		if has, err := u.db.HasPIN(); err == nil && !has {
			u.showSetPIN(u.showWelcome)
			return
		}
	}
	u.showWelcome()
}

// Shutdown saves what the participant on screen has answered, as
// incomplete. Call it before the app ends.
func (u *UI) Shutdown() {
	u.stopTimer()
	u.stopReading()
	u.scan.stop()
	u.endSession()
}

// Screen is the name of the screen on show ("welcome", "question", ...).
func (u *UI) Screen() string { return u.screen }

// Session is the participant's session, or nil.
func (u *UI) Session() *survey.Session { return u.session }

func (u *UI) loadSurvey() error {
	id, err := u.db.KioskSurveyID()
	if err != nil {
		return err
	}
	s, err := u.db.Survey(id, 0)
	if err != nil {
		return fmt.Errorf("cannot load the survey to run: %w", err)
	}
	u.survey = s
	// The app's own words and its font follow the survey's first language
	// from the first screen: a Welsh-first survey starts with Welsh
	// buttons, an Urdu-first one with the Arabic font.
	u.lang = s.Lang()
	useLanguage(u.lang)
	u.setTheme()
	u.event, err = u.db.Setting(store.SettingEvent)
	return err
}

// show replaces the window's content with a screen.
func (u *UI) show(name string, content fyne.CanvasObject, keys keyTarget) {
	u.screen = name
	u.keys = keys
	u.stopReading()
	u.scan.stop()
	u.win.Canvas().SetOnTypedRune(nil)
	u.win.SetContent(content)
	// Wrapped words only know their height once they know their width: a
	// staff screen is laid out a second time so long words do not overlap.
	// A participant screen needs no second pass: the fit rule measures its
	// words for the width it gives them.
	if c, ok := content.(*fyne.Container); !ok || !isScreen(c) {
		content.Refresh()
	}
}

// endSession saves the answers of the person on screen as incomplete and
// forgets them, so nothing of theirs is left for the next person.
func (u *UI) endSession() {
	if u.session == nil {
		return
	}
	if err := u.session.Stop(); err != nil {
		fyne.LogError("could not save an unfinished response", err)
	}
	u.session = nil
}

// typedKey lets the keyboard do what taps do: 1-9 choose an answer, the
// arrow and page keys go back and on.
func (u *UI) typedKey(e *fyne.KeyEvent) {
	k := u.keys
	switch e.Name {
	case fyne.KeyLeft, fyne.KeyPageUp:
		if k.back != nil {
			k.back()
		}
	case fyne.KeyRight, fyne.KeyPageDown:
		if k.next != nil {
			k.next()
		}
	case fyne.KeyDown:
		u.win.Canvas().FocusNext()
	case fyne.KeyUp:
		u.win.Canvas().FocusPrevious()
	case fyne.KeyReturn, fyne.KeyEnter:
		if k.enter != nil {
			k.enter()
		}
	default:
		if len(e.Name) != 1 || e.Name[0] < '0' || e.Name[0] > '9' {
			return
		}
		d := int(e.Name[0] - '0')
		if k.digit != nil && k.digit(d) {
			return
		}
		if k.options == nil || d == 0 {
			return
		}
		if opts := k.options(); d-1 < len(opts) {
			opts[d-1].Tapped(nil)
		}
	}
}

// Clock makes timers; tests use a fake one they can move on by hand.
type Clock interface {
	AfterFunc(d time.Duration, f func()) Timer
}

// Timer is a pending call that can be stopped.
type Timer interface{ Stop() bool }

type realClock struct{}

// AfterFunc calls f on Fyne's goroutine after d.
func (realClock) AfterFunc(d time.Duration, f func()) Timer {
	return time.AfterFunc(d, func() { fyne.Do(f) })
}

// after replaces any pending timeout with f after d. A timeout that fires
// after the screen has changed does nothing.
func (u *UI) after(d time.Duration, f func()) {
	u.stopTimer()
	var t Timer
	t = u.cfg.Clock.AfterFunc(d, func() {
		if u.timer == t {
			u.timer = nil
			f()
		}
	})
	u.timer = t
}

func (u *UI) stopTimer() {
	if u.timer != nil {
		u.timer.Stop()
		u.timer = nil
	}
}
