package editor

import (
	"regexp"
	"slices"
	"speakeasy/app"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// surveyForm is the form for the survey itself: its words, picture and
// languages.
func (e *editor) surveyForm() fyne.CanvasObject {
	s := e.draft
	f := container.NewVBox(
		app.Words(lang.L("About the survey"), true),
		e.boxes.box(keyAt(-1, "")),
		widget.NewLabel(lang.L("Short name: {{.Name}}", map[string]string{"Name": s.ID})),
		e.field(lang.L("Title"), e.texts(&s.Title, keyAt(-1, "title"), false), keyAt(-1, "title")),
		e.field(lang.L("Welcome words"), e.texts(&s.Welcome, keyAt(-1, "welcome"), true), keyAt(-1, "welcome")),
		e.field(lang.L("Thank-you words, at the end"), e.texts(&s.Thanks, keyAt(-1, "thanks"), true), keyAt(-1, "thanks")),
		e.field(lang.L("Picture on the welcome screen"), e.picturePart(&s.Picture, keyAt(-1, "picture")), keyAt(-1, "picture")),
		e.field(lang.L("Languages"), e.languagesPart(), keyAt(-1, "languages")),
		e.field(lang.L("This survey's hard words, for the checker"), e.jargonPart(), keyAt(-1, "jargon")),
	)
	return f
}

var languageCode = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$`)

// languagesPart lists the survey's languages, the first being the main
// one, with ways to add and remove one.
func (e *editor) languagesPart() fyne.CanvasObject {
	s := e.draft
	rows := []fyne.CanvasObject{widget.NewLabel(lang.L("The first language is the main one. Every question needs words in it."))}
	for _, l := range s.Languages {
		remove := widget.NewButton(lang.L("Remove"), func() {
			s.Languages = slices.DeleteFunc(slices.Clone(s.Languages), func(x string) bool { return x == l })
			e.change()
			e.showPart()
		})
		if len(s.Languages) == 1 {
			remove.Disable()
		}
		rows = append(rows, container.NewBorder(nil, nil, nil, remove, widget.NewLabel(languageLabel(l))))
	}
	code := widget.NewEntry()
	code.SetPlaceHolder(lang.L("Language code, like cy for Welsh"))
	e.inputs[keyAt(-1, "languages")] = code
	add := widget.NewButton(lang.L("Add the language"), func() {
		c := strings.ToLower(strings.TrimSpace(code.Text))
		switch {
		case !languageCode.MatchString(c):
			e.say(lang.L("A language code is 2 or 3 letters, like cy for Welsh."))
			return
		case slices.Contains(s.Languages, c):
			e.say(lang.L("The survey has this language already."))
			return
		}
		s.Languages = append(s.Languages, c)
		e.say("")
		e.change()
		e.showPart()
	})
	return container.NewVBox(append(rows, container.NewBorder(nil, nil, nil, add, code))...)
}
