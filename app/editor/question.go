package editor

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/app"
	"speakeasy/survey"
)

// kindName is a kind of question in the admin's words.
func kindName(k survey.Kind) string {
	switch k {
	case survey.KindNote:
		return lang.L("Information, no answer")
	case survey.KindOne:
		return lang.L("Choose one answer")
	case survey.KindMany:
		return lang.L("Choose any answers")
	case survey.KindFaces:
		return lang.L("Faces, from sad to happy")
	case survey.KindYesNo:
		return lang.L("Yes, no or not sure")
	case survey.KindText:
		return lang.L("Words typed in")
	case survey.KindNumber:
		return lang.L("A number")
	case survey.KindDate:
		return lang.L("A date")
	}
	return string(k)
}

// addQuestion adds a yes/no question after the one chosen.
func (e *editor) addQuestion() {
	at := len(e.draft.Questions)
	if e.part >= 0 {
		at = e.part + 1
	}
	ids := map[string]bool{}
	for _, q := range e.draft.Questions {
		ids[q.ID] = true
	}
	id := ""
	for n := len(e.draft.Questions) + 1; id == "" || ids[id]; n++ {
		id = fmt.Sprintf("q%d", n)
	}
	q := survey.Question{ID: id, Kind: survey.KindYesNo}
	e.draft.Questions = append(e.draft.Questions[:at], append([]survey.Question{q}, e.draft.Questions[at:]...)...)
	e.local = map[noteKey]note{}
	e.change()
	e.choose(at)
}

// moveQuestion moves the chosen question up (-1) or down (+1).
func (e *editor) moveQuestion(by int) {
	i, j := e.part, e.part+by
	qs := e.draft.Questions
	if i < 0 || j < 0 || j >= len(qs) {
		return
	}
	qs[i], qs[j] = qs[j], qs[i]
	e.local = map[noteKey]note{}
	e.change()
	e.choose(j)
}

// deleteQuestion deletes the chosen question, once staff say yes.
func (e *editor) deleteQuestion() {
	i := e.part
	if i < 0 {
		return
	}
	e.p.confirm(lang.L("Delete this question?"), func() {
		e.draft.Questions = append(e.draft.Questions[:i], e.draft.Questions[i+1:]...)
		e.local = map[noteKey]note{}
		e.change()
		e.choose(min(i, len(e.draft.Questions)-1))
	})
}

// questionForm is the form for question i.
func (e *editor) questionForm(i int) fyne.CanvasObject {
	q := &e.draft.Questions[i]
	// Built as a list, then put in a box once: adding to a box lays it out.
	f := []fyne.CanvasObject{
		app.Words(lang.L("Question {{.N}}", map[string]int{"N": i + 1}), true),
		e.boxes.box(keyAt(i, "")),
	}

	id := widget.NewEntry()
	id.SetText(q.ID)
	id.OnChanged = func(s string) {
		q.ID = strings.TrimSpace(s)
		e.change()
	}
	e.inputs[keyAt(i, "id")] = id
	f = append(f, e.field(lang.L("Short name, for skip rules and results"), id, keyAt(i, "id")))

	var names []string
	byName := map[string]survey.Kind{}
	for _, k := range survey.Kinds {
		names = append(names, kindName(k))
		byName[kindName(k)] = k
	}
	kind := newDeskSelect(names, nil)
	kind.SetSelected(kindName(q.Kind))
	kind.OnChanged = func(s string) { e.setKind(i, byName[s]) }
	e.inputs[keyAt(i, "kind")] = kind
	f = append(f, e.field(lang.L("Kind of question"), kind, keyAt(i, "kind")))

	f = append(f, e.field(lang.L("Words"), e.texts(&q.Text, keyAt(i, "text"), true), keyAt(i, "text")))
	f = append(f, e.hardWordsPart(i)) // under what people said was hard
	f = append(f, e.field(lang.L("Hint, in smaller words under the question"), e.texts(&q.Hint, keyAt(i, "hint"), false), keyAt(i, "hint")))
	f = append(f, e.field(lang.L("Easier words, for someone who taps “I don't understand”"), e.texts(&q.Easier, keyAt(i, "easier"), true), keyAt(i, "easier")))
	f = append(f, e.field(lang.L("Picture"), e.picturePart(&q.Picture, keyAt(i, "picture")), keyAt(i, "picture")))
	f = append(f, e.field(lang.L("Recorded sound, played instead of the voice"), e.soundPart(&q.Sound, keyAt(i, "sound")), keyAt(i, "sound")))

	if q.Kind != survey.KindNote {
		f = append(f, e.field(lang.L("Answer"), e.check(lang.L("People must answer before they go on"), &q.Required, keyAt(i, "required")), keyAt(i, "required")))
	}
	switch q.Kind {
	case survey.KindOne, survey.KindMany:
		f = append(f, e.field(lang.L("Answers to choose from"), e.choicesPart(i), keyAt(i, "choices")))
	case survey.KindFaces:
		faces := newDeskSelect([]string{"2", "3", "5"}, nil)
		faces.SetSelected(strconv.Itoa(q.Faces))
		faces.OnChanged = func(s string) {
			q.Faces, _ = strconv.Atoi(s)
			e.change()
		}
		e.inputs[keyAt(i, "faces")] = faces
		f = append(f, e.field(lang.L("How many faces"), faces, keyAt(i, "faces")))
	case survey.KindNumber:
		f = append(f, e.field(lang.L("Smallest number"), e.number(&q.Min, keyAt(i, "min")), keyAt(i, "min")))
		f = append(f, e.field(lang.L("Biggest number"), e.number(&q.Max, keyAt(i, "max")), keyAt(i, "max")))
	}
	if q.Kind == survey.KindDate {
		f = append(f, e.field(lang.L("For people who do not know the day"),
			e.check(lang.L("Start with About when? (this month, last year …)"), &q.AboutWhen, keyAt(i, "about_when")),
			keyAt(i, "about_when")))
	}
	if q.Kind.MayBeUnsure() {
		f = append(f, e.field(lang.L("Extra answers"), container.NewVBox(
			e.check(lang.L("Offer the answer: I don't know"), &q.DontKnow, keyAt(i, "dont_know")),
			e.check(lang.L("Offer the answer: I don't want to say"), &q.PreferNot, keyAt(i, "prefer_not")),
		), keyAt(i, "dont_know")))
	}
	f = append(f, e.field(lang.L("Skip rule"), e.rulePart(i), keyAt(i, "relevant")))
	f = append(f, widget.NewButton(lang.L("Preview this question"), func() { e.showPreview(q.ID) }))
	return container.NewVBox(f...)
}

// check is a Check for a yes-or-no setting.
func (e *editor) check(label string, v *bool, k noteKey) *widget.Check {
	c := widget.NewCheck(label, nil)
	c.SetChecked(*v)
	c.OnChanged = func(on bool) {
		*v = on
		e.change()
	}
	e.inputs[k] = c
	return c
}

// number is an Entry for a number that may be left empty.
func (e *editor) number(v **float64, k noteKey) *widget.Entry {
	en := widget.NewEntry()
	if *v != nil {
		en.SetText(strconv.FormatFloat(**v, 'f', -1, 64))
	}
	en.OnChanged = func(s string) {
		s = strings.TrimSpace(s)
		delete(e.local, k)
		f, err := strconv.ParseFloat(s, 64)
		switch {
		case s == "":
			*v = nil
		case err != nil:
			e.local[k] = note{at: k, text: lang.L("Please write a number, like 10."), problem: true}
		default:
			*v = &f
		}
		e.change()
	}
	e.inputs[k] = en
	return en
}

// setKind changes question i's kind, putting aside what the new kind has
// no place for (its choices come back if the kind changes back).
func (e *editor) setKind(i int, k survey.Kind) {
	q := &e.draft.Questions[i]
	if q.Kind == k {
		return
	}
	hasChoices := func(k survey.Kind) bool { return k == survey.KindOne || k == survey.KindMany }
	switch {
	case hasChoices(k) && len(q.Choices) == 0:
		q.Choices = e.stash[q.ID]
	case !hasChoices(k) && len(q.Choices) > 0:
		e.stash[q.ID] = q.Choices
		q.Choices = nil
	}
	if k == survey.KindFaces && q.Faces == 0 {
		q.Faces = 3
	}
	if k != survey.KindFaces {
		q.Faces = 0
	}
	if k != survey.KindDate {
		q.AboutWhen = false
	}
	if !k.MayBeUnsure() {
		q.DontKnow, q.PreferNot = false, false
	}
	if k == survey.KindNote {
		q.Required = false
	}
	if k != survey.KindNumber {
		q.Min, q.Max = nil, nil
		delete(e.local, keyAt(i, "min"))
		delete(e.local, keyAt(i, "max"))
	}
	if k != survey.KindOne {
		q.Quick = false
	}
	q.Kind = k
	e.change()
	e.showPart()
}

// soundPart is the path of a recorded sound, typed or chosen from a file.
func (e *editor) soundPart(path *string, k noteKey) fyne.CanvasObject {
	en := widget.NewEntry()
	en.SetText(*path)
	en.SetPlaceHolder(lang.L("No sound: the voice reads the words"))
	en.OnChanged = func(s string) {
		*path = strings.TrimSpace(s)
		e.fileNote(*path, k)
		e.change()
	}
	e.fileNote(*path, k)
	e.inputs[k] = en
	choose := widget.NewButton(lang.L("Choose a sound file"), func() {
		e.p.files.open([]string{".wav", ".mp3", ".ogg"}, en.SetText)
	})
	return container.NewBorder(nil, nil, nil, choose, en)
}

// fileNote notes a sound or picture file that is not there.
func (e *editor) fileNote(path string, k noteKey) {
	delete(e.local, k)
	if path == "" || app.PictureResource(path) != nil {
		return
	}
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		e.local[k] = note{at: k, text: lang.L("There is no file {{.File}} on this laptop.", map[string]string{"File": path})}
	}
}

// choicesPart lists question i's choices, each with its words in every
// language, its picture, and ways to move and delete it.
func (e *editor) choicesPart(i int) fyne.CanvasObject {
	q := &e.draft.Questions[i]
	var rows []fyne.CanvasObject
	for j := range q.Choices {
		c := &q.Choices[j]
		k := noteKey{q: i, field: "choices", choice: j}
		value := widget.NewEntry()
		value.SetText(c.Value)
		value.OnChanged = func(s string) {
			c.Value = strings.TrimSpace(s)
			e.change()
		}
		kv := k
		kv.field = "value"
		e.inputs[kv] = value
		buttons := container.NewHBox(
			widget.NewButton(lang.L("Move up"), func() { e.moveChoice(i, j, -1) }),
			widget.NewButton(lang.L("Move down"), func() { e.moveChoice(i, j, 1) }),
			widget.NewButton(lang.L("Delete"), func() {
				q.Choices = append(q.Choices[:j], q.Choices[j+1:]...)
				e.change()
				e.showPart()
			}),
		)
		title := widget.NewLabel(lang.L("Answer {{.N}}", map[string]int{"N": j + 1}))
		title.TextStyle.Bold = true
		rows = append(rows, container.NewVBox(
			widget.NewSeparator(),
			container.NewBorder(nil, nil, title, buttons),
			container.NewBorder(nil, nil, widget.NewLabel(lang.L("Kept in the results as")), nil, value),
			e.texts(&c.Text, k, false),
			e.pictureButton(&c.Picture, k),
			e.boxes.box(k),
		))
	}
	add := widget.NewButton(lang.L("Add an answer"), func() {
		used := map[string]bool{}
		for _, c := range q.Choices {
			used[c.Value] = true
		}
		v := ""
		for n := len(q.Choices) + 1; v == "" || used[v]; n++ {
			v = fmt.Sprintf("answer%d", n)
		}
		q.Choices = append(q.Choices, survey.Choice{Value: v})
		e.change()
		e.showPart()
		e.focusInput(noteKey{q: i, field: "choices", choice: len(q.Choices) - 1, lang: e.draft.Lang()})
	})
	return container.NewVBox(append(rows, add)...)
}

// moveChoice moves choice j of question i up (-1) or down (+1).
func (e *editor) moveChoice(i, j, by int) {
	cs := e.draft.Questions[i].Choices
	if j+by < 0 || j+by >= len(cs) {
		return
	}
	cs[j], cs[j+by] = cs[j+by], cs[j]
	e.change()
	e.showPart()
}
