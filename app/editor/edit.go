package editor

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"speakeasy/app"
	"speakeasy/survey"
	"speakeasy/survey/store"
)

// editor changes one survey: its parts in a list on the left (the survey
// itself, then each question), the form for the chosen part on the right,
// and at the top how many problems there are and the ways to publish and
// preview. Every change is kept at once as a draft, so closing the app
// loses nothing; publishing makes the draft a version.
type editor struct {
	p      *surveysPanel
	db     *store.DB
	draft  *survey.Survey
	latest int  // the newest published version; 0 when never published
	kept   bool // the store holds a draft with changes not published

	part    int // the part on the form: -1 for the survey, else a question's index
	list    *widget.List
	form    *fyne.Container // the form and, under it, the notes with no room on it
	scroll  *container.Scroll
	shown   int           // the part the form was built for, to keep its scroll
	noRoom  *widget.Label // new notes that have no room beside their field
	waiting []note        // and the notes it shows
	boxes   noteBoxes
	inputs  map[noteKey]any // the form's inputs by what they change, for tests
	notes   []note
	local   map[noteKey]note           // the form's own findings, like a number that is not one
	stash   map[string][]survey.Choice // choices put aside when a question's kind changes
	people  map[string]string          // what participants said was hard, by question ID

	heading, status, count, message *widget.Label

	preview    *app.UI // the newest preview window's screens, for tests
	previewDir string  // and the scratch folder its answers go to
}

// openEditor reads survey id for editing: its draft if there is one,
// otherwise its newest version.
func openEditor(p *surveysPanel, id string) (*editor, error) {
	e := &editor{p: p, db: p.db, part: -1, shown: -2, local: map[noteKey]note{}, stash: map[string][]survey.Choice{}}
	e.people = readPeople(p.db, id)
	pub, err := p.db.Survey(id, 0)
	switch {
	case err == nil:
		e.latest = pub.Version
	case !errors.Is(err, store.ErrNotFound):
		return nil, err
	}
	draft, err := p.db.Draft(id)
	switch {
	case err == nil:
		e.draft, e.kept = draft, true
	case errors.Is(err, store.ErrNotFound) && pub != nil:
		e.draft = cloneSurvey(pub)
	default:
		return nil, err
	}
	return e, nil
}

// cloneSurvey copies a survey deeply, through its JSON.
func cloneSurvey(s *survey.Survey) *survey.Survey {
	body, err := json.Marshal(s)
	if err != nil {
		panic(err) // a Survey is plain data; this cannot happen
	}
	var c survey.Survey
	if err := json.Unmarshal(body, &c); err != nil {
		panic(err)
	}
	return &c
}

// view builds the editor. Nothing on it changes height while the admin
// types: the lines at the top are one line each or scroll in a fixed
// place, and new notes wait in a fixed place under the form (notes.go).
func (e *editor) view() fyne.CanvasObject {
	e.heading = oneLine("", true)
	e.count = app.Words("", false)
	e.status = app.Words("", false)
	e.message = app.Words("", false)
	e.message.Hide()
	back := widget.NewButton(lang.L("Back to the list"), e.p.showList)
	publish := widget.NewButton(lang.L("Publish"), e.publish)
	publish.Importance = widget.HighImportance
	walk := widget.NewButton(lang.L("Try the whole survey"), func() { e.showPreview("") })
	discard := widget.NewButton(lang.L("Throw away the changes"), e.discard)
	top := container.NewVBox(
		container.NewBorder(nil, nil, back, container.NewHBox(publish, walk, discard), e.heading),
		// How much there is to fix, and what was just done (or, when
		// nothing was, the draft's state): in two lines' room, scrolling
		// only when a long message needs more.
		fixedScroll(container.New(closeLines(), e.count, e.message, e.status), 2),
	)

	e.list = widget.NewList(func() int { return 1 + len(e.draft.Questions) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.TextStyle.Bold = true
			title.Truncation = fyne.TextTruncateEllipsis
			about := widget.NewLabel("")
			about.Truncation = fyne.TextTruncateEllipsis
			// The counts beside the kind, never cut: "…" shortens the kind.
			counts := widget.NewLabel("")
			// The two lines close together: more questions in view.
			return container.New(closeLines(), title, container.NewBorder(nil, nil, nil, counts, about))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			title, about, counts := e.partLines(i - 1)
			c.Objects[0].(*widget.Label).SetText(title)
			line := c.Objects[1].(*fyne.Container)
			line.Objects[0].(*widget.Label).SetText(about)
			line.Objects[1].(*widget.Label).SetText(counts)
		})
	e.list.OnSelected = func(i widget.ListItemID) {
		if i-1 != e.part {
			e.part = i - 1
			e.showPart()
		}
	}
	add := widget.NewButton(lang.L("Add a question"), e.addQuestion)
	up := widget.NewButton(lang.L("Move up"), func() { e.moveQuestion(-1) })
	down := widget.NewButton(lang.L("Move down"), func() { e.moveQuestion(1) })
	del := widget.NewButton(lang.L("Delete the question"), e.deleteQuestion)
	left := container.NewBorder(nil, container.NewGridWithColumns(2, add, del, up, down), nil, nil, e.list)

	e.scroll = container.NewVScroll(widget.NewLabel(""))
	e.noRoom = app.Words("", false)
	e.noRoom.Importance = widget.WarningImportance
	e.form = container.NewBorder(nil, fixedScroll(e.noRoom, 2), nil, nil, e.scroll)
	split := container.NewHSplit(left, e.form)
	split.Offset = 0.3
	e.choose(-1)
	e.list.ScrollToTop() // choosing before the list has a size scrolls it
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, split))
}

// partLines are a part's lines in the list: its name, its kind, and how
// many notes it has, saying nothing of a count that is 0.
func (e *editor) partLines(q int) (title, about, counts string) {
	problems, advice := countNotes(e.notes, q)
	var c []string
	if problems > 0 {
		c = append(c, lang.L("Problems: {{.N}}", map[string]int{"N": problems}))
	}
	if advice > 0 {
		c = append(c, lang.L("Easy read: {{.N}}", map[string]int{"N": advice}))
	}
	counts = strings.Join(c, " · ")
	if q < 0 {
		return lang.L("About the survey"), lang.L("Title, welcome, languages"), counts
	}
	qu := &e.draft.Questions[q]
	text := strings.TrimSpace(qu.Text.In(e.draft.Lang(), ""))
	if text == "" {
		text = lang.L("(no words yet)")
	}
	return fmt.Sprintf("%d. %s", q+1, text), kindName(qu.Kind), counts
}

// choose shows part q (-1: the survey) on the form and in the list.
func (e *editor) choose(q int) {
	e.part = q
	e.showPart()
	e.list.Select(q + 1)
}

// showPart builds the form for the part chosen and puts its notes on it.
// Built again for the part on it (an answer added, the kind changed), the
// form stays scrolled where it was, so the admin stays where they work.
func (e *editor) showPart() {
	e.boxes = noteBoxes{}
	e.inputs = map[noteKey]any{}
	var f fyne.CanvasObject
	if e.part < 0 || e.part >= len(e.draft.Questions) {
		e.part = -1
		f = e.surveyForm()
	} else {
		f = e.questionForm(e.part)
	}
	var at fyne.Position
	if e.part == e.shown {
		at = e.scroll.Offset
	}
	e.shown = e.part
	// Objects put in a theme override later do not take its theme.
	content := atDesk(container.NewPadded(f))
	e.scroll.Content = content
	e.scroll.Refresh()
	e.findAndShow(false) // building the form may have noted a missing file
	// Laid out again now: a theme override's Refresh lays its content out
	// in the app's theme, not the desk's. Then the scroll keeps the offset
	// it is given, and the new parts have their places. At two widths,
	// since wrapped words know their height only once they know their
	// width.
	size := content.MinSize().Max(e.scroll.Size())
	content.Resize(size.AddWidthHeight(1, 0))
	content.Resize(content.MinSize().Max(e.scroll.Size()))
	e.scroll.ScrollToOffset(at)
}

// change keeps the draft after every edit and checks it again.
func (e *editor) change() {
	if e.message.Visible() {
		e.say("") // what was said is about what was done before
	}
	if err := e.db.SaveDraft(e.draft); err != nil {
		e.trouble(lang.L("Speakeasy could not keep your change."), err)
	} else {
		e.kept = true
	}
	e.recheck()
}

// recheck finds every problem and easy-read note while the form stays as
// it is: notes go beside what they concern where there is room, and new
// ones wait in the fixed place under the form.
func (e *editor) recheck() { e.findAndShow(true) }

// findAndShow finds every problem and easy-read note and shows each beside what
// it concerns, with the counts at the top and in the list. hold keeps the
// form's places for notes from growing (see noteBoxes.fill).
func (e *editor) findAndShow(hold bool) {
	e.notes = append(findNotes(e.draft), peopleNotes(e.draft, e.people)...)
	for _, n := range e.local {
		e.notes = append(e.notes, n)
	}
	if e.boxes != nil {
		e.showNoRoom(e.boxes.fill(e.notes, hold))
	}
	e.heading.SetText(fmt.Sprintf("%s (%s)", e.draft.Title.In(e.draft.Lang(), ""), e.draft.ID))
	e.count.SetText(summary(e.notes))
	e.count.Importance = widget.MediumImportance
	if e.problems() > 0 {
		e.count.Importance = widget.DangerImportance
	}
	e.count.Refresh()
	e.status.SetText(e.statusText())
	if e.list != nil {
		e.list.Refresh()
	}
}

// showNoRoom lists, under the form, the new notes that have no room beside
// their field until the form is built again.
func (e *editor) showNoRoom(ns []note) {
	e.waiting = ns
	if e.noRoom == nil {
		return
	}
	if len(ns) == 0 {
		e.noRoom.SetText("")
		return
	}
	lines := []string{lang.L("New notes. They go beside their field when you open this part again.")}
	for _, n := range ns {
		lines = append(lines, "• "+noteText(n))
	}
	e.noRoom.SetText(strings.Join(lines, "\n"))
}

func (e *editor) statusText() string {
	switch {
	case e.latest == 0:
		return lang.L("You have not published this survey yet. Speakeasy keeps your changes as a draft.")
	case !e.kept:
		return lang.L("No changes since version {{.V}}.", map[string]int{"V": e.latest})
	case e.draft.Version < e.latest:
		return lang.L("Your changes started from version {{.Base}}. Version {{.V}} came later; publishing puts your changes after it.",
			map[string]int{"Base": e.draft.Version, "V": e.latest})
	}
	return lang.L("Speakeasy keeps your changes as a draft until you publish them.")
}

// say shows msg in the fixed place at the top, in the line of the
// draft's state, which comes back when msg is "" (at the next change):
// the two lines' room never needs a third.
func (e *editor) say(msg string) {
	e.message.SetText(msg)
	if msg == "" {
		e.message.Hide()
		e.status.Show()
	} else {
		e.message.Show()
		e.status.Hide()
	}
}

// trouble says what failed in plain words, with why and what to do when
// Speakeasy can tell; the error itself goes to the log.
func (e *editor) trouble(said string, err error) {
	e.say(app.StaffProblem(said, err))
}

// problems counts the notes that stop publishing.
func (e *editor) problems() int {
	n := 0
	for _, no := range e.notes {
		if no.problem {
			n++
		}
	}
	return n
}

// discard throws the draft away, back to the newest version; a survey
// never published goes altogether.
func (e *editor) discard() {
	if !e.kept {
		e.say(lang.L("There are no changes to throw away."))
		return
	}
	e.p.confirm(lang.L("Throw away your changes to this survey?"), func() {
		if err := e.db.DeleteDraft(e.draft.ID); err != nil {
			e.trouble(lang.L("Speakeasy could not throw away the changes."), err)
			return
		}
		if e.latest == 0 {
			e.p.showList()
			return
		}
		s, err := e.db.Survey(e.draft.ID, 0)
		if err != nil {
			e.trouble(lang.L("Your changes are gone, but Speakeasy could not read the survey again. Go back to the list and open it again."), err)
			return
		}
		e.draft, e.kept, e.local = s, false, map[noteKey]note{}
		e.recheck()
		e.choose(-1)
		e.say(lang.L("Your changes are gone."))
	})
}

// field is one part of a form: a caption, the inputs, and the notes about
// the field under them.
func (e *editor) field(caption string, body fyne.CanvasObject, k noteKey) fyne.CanvasObject {
	c := widget.NewLabel(caption)
	c.TextStyle.Bold = true
	return container.NewVBox(c, body, e.boxes.box(k))
}

// texts is one Entry a language for t, each with its own notes.
func (e *editor) texts(t *survey.Text, k noteKey, multiLine bool) fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, l := range e.draft.Languages {
		var en *widget.Entry
		if multiLine {
			en = widget.NewMultiLineEntry()
			en.Wrapping = fyne.TextWrapWord
			en.SetMinRowsVisible(2)
		} else {
			en = widget.NewEntry()
		}
		en.SetText((*t)[l])
		en.OnChanged = func(s string) {
			if *t == nil {
				*t = survey.Text{}
			}
			if s == "" {
				delete(*t, l)
			} else {
				(*t)[l] = s
			}
			e.change()
		}
		kl := k
		kl.lang = l
		e.inputs[kl] = en
		rows = append(rows, widget.NewLabel(languageLabel(l)), en, layout.NewSpacer(), e.boxes.box(kl))
	}
	return container.New(layout.NewFormLayout(), rows...)
}

func languageLabel(code string) string {
	if n := survey.LanguageName(code); n != code {
		return fmt.Sprintf("%s (%s)", n, code)
	}
	return code
}
