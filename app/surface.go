package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// This file is what the staff packages (app/editor, and later tabs) may use
// of the participant's screens. Everything else in app stays unexported, so
// the screens can change without breaking the editor, and the editor never
// reaches into a UI's insides.

// Words is a left-aligned, wrapping label in the app's look; heading makes
// it large and bold.
func Words(s string, heading bool) *widget.Label { return words(s, heading) }

// PictureResource is the named built-in picture as an SVG resource, in the
// colours in use (strong colours or not), or nil for an empty or unknown
// name.
func PictureResource(name string) fyne.Resource { return pictureResource(name) }

// AskSavePath asks where to save a file, suggesting name and, if ext is
// set, showing only files that end with it. then gets the chosen path; the
// dialog has already asked before replacing a file.
func AskSavePath(win fyne.Window, name, ext string, then func(path string)) {
	askSavePath(win, name, ext, then)
}

// DrawPicturesFirst makes every picture draw before its screen shows,
// instead of in the background. Tests in other packages call it in their
// TestMain: Fyne's test driver runs fyne.Do on the drawer's goroutine, where
// putting a drawn picture on screen would race the test.
func DrawPicturesFirst() { drawNow = true }

// PreviewOptions says what a preview window shows and where its answers go.
type PreviewOptions struct {
	// Question is the ID of the one question to show; "" starts at the
	// welcome screen, for a walk through the whole survey.
	Question string
	// DB keeps the answers of a walk. It should be scratch data that the
	// caller throws away in Closed; a single question saves nothing.
	DB *store.DB
	// Clock runs the screens' timeouts; nil means real time.
	Clock Clock
	// StaffLang is the language of the app's own words to put back when the
	// preview closes (a participant may choose another in the preview).
	StaffLang string
	// Closed runs after the window has closed and the preview's answers
	// are put away.
	Closed func()
}

// Preview opens a new window with s as a participant sees it, for admins
// trying a survey they are writing. s's rules must be compiled: survey.New
// does it, and Validate does it for the rules that parse.
// When the window closes, the comfort settings and language chosen in it
// go back to the staff's, since the theme and words are the whole app's.
func Preview(s *survey.Survey, o PreviewOptions) *UI {
	if o.Clock == nil {
		o.Clock = realClock{}
	}
	w := fyne.CurrentApp().NewWindow("Speakeasy: " + lang.L("Preview of {{.Title}}", map[string]string{"Title": s.Title.In(s.Lang(), s.ID)}))
	u := &UI{win: w, db: o.DB, theme: newTheme(), survey: s, lang: s.Lang(),
		cfg: Config{Clock: o.Clock, Now: time.Now, Quit: w.Close}}
	w.Canvas().SetOnTypedKey(u.typedKey)
	w.SetOnClosed(func() {
		u.Shutdown()
		if o.Closed != nil {
			o.Closed()
		}
		u.comfort = comfort{}
		u.setStaffTheme()
		useLanguage(o.StaffLang)
	})
	w.Resize(WindowSize())
	if o.Question == "" {
		u.showWelcome()
	} else {
		u.session = survey.NewSession(s, survey.SessionOptions{Language: s.Lang(), Now: time.Now})
		u.session.Preview(o.Question)
		u.showQuestion()
	}
	w.Show()
	return u
}

// Close closes the UI's window (for a preview: throws its answers away).
func (u *UI) Close() { u.win.Close() }
