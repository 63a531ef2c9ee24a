package app

import (
	"embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"speakeasy/survey"
)

// comfort is one participant's choices on the welcome screen. They last
// until that person is done and are reset for the next.
type comfort struct {
	bigger   int  // 0, 1 or 2 steps up
	contrast bool // white on black, yellow highlights
	voice    bool // read every screen aloud as it opens
	noFaces  bool // words without face pictures
}

// comfortTiles are the comfort switches on the welcome screen.
func (u *UI) comfortTiles() []*tile {
	c := &u.comfort
	biggerWords := []string{lang.L("Bigger words"), lang.L("Bigger words"), lang.L("Even bigger words")}
	bigger := newTile(biggerWords[c.bigger], "magnifying-glass-tilted-left", styleAnswer, func() {
		c.bigger = (c.bigger + 1) % 3
		u.applyComfort()
	})
	bigger.chosen = c.bigger > 0
	contrast := newTile(lang.L("Strong colours"), "sun", styleAnswer, func() {
		c.contrast = !c.contrast
		u.applyComfort()
	})
	contrast.chosen = c.contrast
	faces := newTile(lang.L("No faces"), "neutral-face", styleAnswer, func() {
		c.noFaces = !c.noFaces
		u.applyComfort()
	})
	faces.chosen = c.noFaces
	row := []*tile{bigger, contrast, faces}
	if u.reader != nil {
		voice := newTile(lang.L("Read to me"), "speaker-high-volume", styleAnswer, func() {
			c.voice = !c.voice
			u.applyComfort()
		})
		voice.chosen = c.voice
		row = append(row, voice)
	}
	return row
}

// applyComfort puts the comfort settings into the theme and redraws welcome.
func (u *UI) applyComfort() {
	u.setTheme()
	u.showWelcome()
}

// resetComfort puts everything back as it was for the last person.
func (u *UI) resetComfort() {
	changed := u.comfort != comfort{} || u.lang != u.survey.Lang()
	u.comfort = comfort{}
	if u.lang != u.survey.Lang() {
		u.lang = u.survey.Lang()
		useLanguage(u.lang)
	}
	if changed {
		u.setTheme()
	}
}

// setStaffTheme puts the staff look back: normal size and colours,
// whatever the last participant chose.
func (u *UI) setStaffTheme() {
	u.theme = newTheme()
	pictureMu.Lock()
	highContrast = false
	pictureMu.Unlock()
	fyne.CurrentApp().Settings().SetTheme(u.theme)
}

// setTheme makes a theme from the comfort settings and applies it.
func (u *UI) setTheme() {
	u.theme = &easyTheme{Bigger: 1 + 0.25*float32(u.comfort.bigger), HighContrast: u.comfort.contrast,
		RightToLeft: survey.RightToLeft(u.lang)}
	pictureMu.Lock()
	highContrast = u.comfort.contrast
	pictureMu.Unlock()
	fyne.CurrentApp().Settings().SetTheme(u.theme)
}

// chooseLanguage switches the survey and the app's own words to code.
func (u *UI) chooseLanguage(code string) {
	u.lang = code
	useLanguage(code)
	u.setTheme()
	u.showWelcome()
}

//go:embed translations/*.json
var translations embed.FS

// Languages lists the languages the app's own words come in.
func Languages() []string { return []string{"en", "cy"} }

// useLanguage makes the app's own words (buttons, messages) be in code,
// falling back to English. Fyne 2.7 has no public way to choose a language
// (fyne-io/fyne#5333): it always picks the shipped translation closest to
// the system's locale. So we add the chosen language's words under English
// and under the system's own language: whichever Fyne picks, it finds ours.
// Choosing English again puts the English words back the same way.
func useLanguage(code string) {
	data, err := translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		data, _ = translations.ReadFile("translations/en.json")
	}
	for _, loc := range []string{"en", lang.SystemLocale().LanguageString()} {
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(loc)); err != nil {
			fyne.LogError("loading the app's words", err)
		}
	}
}

// showConsent asks whether the participant's answers may be used. No goes
// back to welcome and saves nothing.
func (u *UI) showConsent() {
	yes := newTile(lang.L("Yes"), "check-mark-button", stylePrimary, u.startSession)
	no := newTile(lang.L("No"), "cross-mark", stylePlain, u.showWelcome)
	lines := []string{
		lang.L("Is it OK to use your answers?"),
		lang.L("We will use your answers to make services better."),
		lang.L("You do not have to say your name."),
		lang.L("You can stop at any time."),
	}
	scr := newScreen("handshake")
	scr.addText(lines[0], true)
	scr.addText(lines[1], false)
	// The last two reassure; Listen reads them, and Stop is on every
	// screen. Only when nothing else makes room (the biggest words on
	// a small screen) do they leave it.
	for _, l := range lines[2:] {
		scr.addSpareText(l)
	}
	scr.buttons = []*tile{no, yes}
	u.show("consent", scr.build(), keyTarget{options: these(yes, no)})
	u.win.Canvas().Focus(yes)
	u.after(IdleAfter+GoneAfter, u.showWelcome)
	u.readScreen(lines, []*tile{yes, no})
}

// showStop asks a participant who tapped Stop whether they want to stop.
func (u *UI) showStop() {
	kept := lang.L("We will keep your answers so far.")
	if !u.survey.KeepsOnStop() {
		kept = lang.L("We will throw away your answers so far.")
	}
	carryOn := func() { u.showQuestion() }
	stop := func() {
		if !u.survey.KeepsOnStop() && u.session != nil {
			if err := u.session.Discard(); err != nil {
				fyne.LogError("throwing away a stopped response", err)
			}
			u.session = nil
		}
		u.showWelcome()
	}
	yes := newTile(lang.L("Yes, stop"), "stop-sign", stylePlain, stop)
	no := newTile(lang.L("No, carry on"), "right-arrow", stylePrimary, carryOn)
	scr := newScreen("stop-sign")
	scr.addText(lang.L("Do you want to stop?"), true)
	scr.addText(kept, false)
	scr.buttons = []*tile{yes, no}
	u.show("stop", scr.build(), keyTarget{options: these(yes, no)})
	u.win.Canvas().Focus(no)
	u.after(IdleAfter+GoneAfter, u.showWelcome)
	u.readScreen([]string{lang.L("Do you want to stop?"), kept}, []*tile{yes, no})
}
