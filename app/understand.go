package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"speakeasy/survey"
)

// The "I don't understand" screen. The speakeasy pledge asks us to use
// words everyone understands and to expect to be challenged about them:
// this screen is how a participant challenges a question without words of
// their own. It reads the question again, shows it in easier words when
// the survey has them, and asks which word is hard, with each word of the
// question as a tile. Whatever they choose is saved with their response
// (survey.Session.MarkHard) and they go back to the question as they left
// it: the mark never blocks answering, skipping or stopping.

// understandScreen is the "I don't understand" screen for the question on show.
type understandScreen struct {
	u     *UI
	q     *survey.Question
	scr   *screen
	words []*tile // one tile for each word of the question
	all   *tile   // "All of it"
	back  *tile   // "None, go back"
}

// showUnderstand puts the "I don't understand" screen up for the current
// question and reads the question again when there is a voice.
func (u *UI) showUnderstand() {
	if u.session == nil || u.session.Current() == nil {
		return
	}
	us := &understandScreen{u: u, q: u.session.Current()}
	us.draw()
	u.touch()
	if len(us.words) > 0 {
		u.win.Canvas().Focus(us.words[0])
	} else {
		u.win.Canvas().Focus(us.all)
	}
	u.read(us.said(), nil) // asked for, so read whatever the comfort setting
}

// said is what the screen reads: the question and its hint again, the
// easier words and the question this screen asks.
func (us *understandScreen) said() []string {
	ss := us.u.session
	out := []string{ss.Text(us.q.Text), ss.Text(us.q.Hint)}
	if easier := ss.Text(us.q.Easier); easier != "" {
		out = append(out, lang.L("In easier words:"), easier)
	}
	return append(out, lang.L("Which word is hard?"))
}

func (us *understandScreen) draw() {
	u, ss := us.u, us.u.session
	scr := newScreen("thinking-face")
	us.scr = scr
	easier := ss.Text(us.q.Easier)
	if easier != "" {
		scr.addSpareText(lang.L("In easier words:"))
		scr.addText(easier, false)
	}
	scr.addText(lang.L("Which word is hard?"), true)
	if easier == "" {
		scr.addSpareText(lang.L("Tap the word.")) // room for it only without easier words
	}
	// The question's own words only: the hint and the easier words are
	// not what the participant was asked.
	for _, w := range survey.QuestionWords(ss.Text(us.q.Text)) {
		us.words = append(us.words, newTile(w, "", styleAnswer, func() { us.choose(w) }))
	}
	// Most columns first: short words, and fewer pages to look through.
	scr.addGroup(us.words, 4, 3, 2, 1)
	us.back = newTile(lang.L("None, go back"), "left-arrow", stylePlain, us.goBack)
	us.all = newTile(lang.L("All of it"), "red-question-mark", stylePlain, func() { us.choose(survey.AllWords) })
	scr.buttons = []*tile{us.back}
	if u.reader != nil {
		scr.buttons = append(scr.buttons, newTile(lang.L("Listen"), "speaker-high-volume", stylePlain, func() {
			u.touch()
			u.toggleReading(us.said(), us.visibleWords())
		}))
	}
	scr.buttons = append(scr.buttons, us.all)
	scr.onPage = func() {
		if t := scr.visibleTiles(); len(t) > 0 {
			u.win.Canvas().Focus(t[0])
		}
	}
	// Page Up and Page Down both go back to the question: nothing here
	// traps the keys.
	u.show("understand", scr.build(), keyTarget{options: us.visibleWords, back: us.goBack, next: us.goBack})
	u.scan.start(u, func() []*tile { return append(scr.visibleTiles(), us.all, us.back) })
}

// visibleWords are the word tiles on the page on show.
func (us *understandScreen) visibleWords() []*tile {
	var out []*tile
	for _, t := range us.words {
		if t.Visible() {
			out = append(out, t)
		}
	}
	return out
}

// choose saves that word (or survey.AllWords) was hard and goes back to
// the question. A mark that cannot be saved is logged, never shown: the
// participant's answers matter more than their mark.
func (us *understandScreen) choose(word string) {
	if err := us.u.session.MarkHard(word); err != nil {
		fyne.LogError("saving a word marked hard failed", err)
	}
	us.goBack()
	// Back on the question, a word of thanks above the buttons says the
	// tap was heard.
	if c, ok := us.u.win.Content().(*fyne.Container); ok {
		if scr, ok := c.Layout.(*screen); ok {
			thanks := lang.L("Thank you for telling us.")
			scr.say(thanks)
			us.u.readScreen([]string{thanks}, nil)
		}
	}
}

// goBack returns to the question, with the answer as it was.
func (us *understandScreen) goBack() {
	us.u.touch()
	us.u.showQuestion()
}

// previewUnderstand shows the "I don't understand" screen of the survey's
// wordiest question, for RenderScreens: the most word tiles and easier
// words to fit.
func (u *UI) previewUnderstand() {
	wordiest, most := "", -1
	for _, q := range u.survey.Questions {
		n := len(survey.QuestionWords(q.Text.In(u.lang, u.survey.Lang()))) + len(splitWords(q.Easier.In(u.lang, u.survey.Lang())))
		if n > most {
			wordiest, most = q.ID, n
		}
	}
	u.session = survey.NewSession(u.survey, survey.SessionOptions{Language: u.lang})
	u.session.Preview(wordiest)
	u.showUnderstand()
}
