package app

import (
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// showPreview opens a second window with the draft as a participant sees
// it: question id, or the welcome screen for a walk through the whole
// survey when id is "". It saves nothing anywhere staff will see: a
// question on its own has no Saver, and a walk started from the welcome
// screen saves into a scratch folder that goes when the window closes.
// Questions with problems are left out, since they cannot be shown.
func (e *editor) showPreview(id string) {
	e.recheck()
	s, left := previewSurvey(e.draft, e.notes)
	switch {
	case id != "" && s.Question(id) == nil:
		e.say(lang.L("Please fix the problems of this question first."))
		return
	case len(s.Questions) == 0:
		e.say(lang.L("Please fix the problems first. There are {{.N}}.", map[string]int{"N": e.problems()}))
		return
	}
	dir, err := os.MkdirTemp("", "speakeasy-preview-")
	if err != nil {
		e.say(err.Error())
		return
	}
	scratch, err := store.Open(dir)
	if err == nil {
		// Answers in the walk need their survey in the scratch data.
		_, err = scratch.Publish(s)
		if err != nil {
			scratch.Close()
		}
	}
	if err != nil {
		os.RemoveAll(dir)
		e.say(err.Error())
		return
	}
	appWords := "en" // the language of the app's own words on the staff side
	if kid, err := e.db.KioskSurveyID(); err == nil {
		if ks, err := e.db.Survey(kid, 0); err == nil {
			appWords = ks.Lang()
		}
	}

	clock := e.p.clock
	if clock == nil {
		clock = realClock{}
	}
	w := fyne.CurrentApp().NewWindow("Speakeasy: " + lang.L("Preview of {{.Title}}", map[string]string{"Title": s.Title.In(s.Lang(), s.ID)}))
	u := &UI{win: w, db: scratch, theme: newTheme(), survey: s, lang: s.Lang(),
		cfg: Config{Clock: clock, Now: time.Now, Quit: w.Close}}
	w.Canvas().SetOnTypedKey(u.typedKey)
	w.SetOnClosed(func() {
		u.Shutdown()
		scratch.Close()
		os.RemoveAll(dir)
		// Comfort settings and a language chosen in the preview are the
		// whole app's: put them back for the staff screen.
		u.comfort = comfort{}
		u.setTheme()
		useLanguage(appWords)
	})
	w.Resize(fyne.NewSize(defaultSize, 800))
	if id == "" {
		u.showWelcome()
	} else {
		u.session = survey.NewSession(s, survey.SessionOptions{Language: s.Lang(), Now: time.Now})
		u.session.Preview(id)
		u.showQuestion()
	}
	w.Show()
	e.preview = u
	if left > 0 {
		e.say(lang.L("The preview leaves out {{.N}} questions with problems.", map[string]int{"N": left}))
	}
}

// previewSurvey is a copy of the draft without the questions that have
// problems, with its skip rules ready to use, and how many it left out.
func previewSurvey(draft *survey.Survey, ns []note) (*survey.Survey, int) {
	bad := map[int]bool{}
	for _, n := range ns {
		if n.problem && n.at.q >= 0 {
			bad[n.at.q] = true
		}
	}
	s := cloneSurvey(draft)
	var keep []survey.Question
	for i, q := range s.Questions {
		if !bad[i] {
			keep = append(keep, q)
		}
	}
	s.Questions = keep
	_ = s.Validate() // parses the rules; the problems are known already
	return s, len(bad)
}
