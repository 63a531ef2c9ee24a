package editor

import (
	"os"

	"fyne.io/fyne/v2/lang"

	"speakeasy/app"
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
		e.say(lang.N("Please fix the problems first. There are {{.N}}.", e.problems(), map[string]int{"N": e.problems()}))
		return
	}
	dir, err := os.MkdirTemp("", "speakeasy-preview-")
	if err != nil {
		e.trouble(lang.L("Speakeasy could not make a place for the preview's answers."), err)
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
		e.trouble(lang.L("Speakeasy could not make a place for the preview's answers."), err)
		return
	}
	appWords := "en" // the language of the app's own words on the staff side
	if kid, err := e.db.KioskSurveyID(); err == nil {
		if ks, err := e.db.Survey(kid, 0); err == nil {
			appWords = ks.Lang()
		}
	}
	e.preview = app.Preview(s, app.PreviewOptions{Question: id, DB: scratch, Clock: e.p.clock, StaffLang: appWords,
		Closed: func() {
			scratch.Close()
			os.RemoveAll(dir)
		}})
	e.previewDir = dir
	if left > 0 {
		e.say(lang.N("The preview leaves out {{.N}} questions with problems.", left, map[string]int{"N": left}))
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
	// Validate compiles every rule that parses, problems or not; the
	// problems that are left are on the form already.
	_ = s.Validate()
	return s, len(bad)
}
