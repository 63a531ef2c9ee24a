package editor

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// People tell us which words were hard: a participant taps "I don't
// understand" and points at the word. Beside each question the editor
// says how many did and which words, so the admin knows what to change.

// readPeople reads, once as the editor opens, what participants said was
// hard in every version of survey id, by question ID: a line for each
// question someone marked. Nothing is said when it cannot be read: these
// are notes, and the editor works without them.
func readPeople(db *store.DB, id string) map[string]string {
	ctx := context.Background()
	questions, err := db.HardQuestions(ctx, id)
	if err != nil || len(questions) == 0 {
		if err != nil {
			fyne.LogError("reading the words people found hard", err)
		}
		return nil
	}
	counts, err := db.CountHardWords(ctx, id)
	if err != nil {
		fyne.LogError("reading the words people found hard", err)
		return nil
	}
	words := map[string][]string{} // by question, most people first
	for _, c := range counts {
		w := fmt.Sprintf("%q (%d)", c.Word, c.People)
		if c.Word == survey.AllWords {
			w = fmt.Sprintf("%s (%d)", strings.ToLower(lang.L("All of it")), c.People)
		}
		words[c.Question] = append(words[c.Question], w)
	}
	out := map[string]string{}
	for q, h := range questions {
		out[q] = lang.L("{{.N}} of {{.M}} people said this was hard: {{.Words}}.",
			map[string]any{"N": h.Marked, "M": h.Reached, "Words": strings.Join(words[q], ", ")})
	}
	return out
}

// peopleNotes puts what people said beside each question of s that has it.
func peopleNotes(s *survey.Survey, people map[string]string) []note {
	var out []note
	for i, q := range s.Questions {
		if said, ok := people[q.ID]; ok {
			out = append(out, note{at: keyAt(i, "text"), text: said})
		}
	}
	return out
}

// hardWordsPart is a button for each word people marked hard in question
// i. One tap asks for a plainer word and puts both on the survey's own
// hard words (survey.Survey.Jargon), so the checker warns about the word
// and suggests the plainer one, here and wherever the survey uses it. A
// word on the list already gets a button to change its plainer word. The
// marks are read as the form is built: a short query, and the form is
// built only when the admin chooses a part or changes its shape.
func (e *editor) hardWordsPart(i int) fyne.CanvasObject {
	box := container.NewGridWithColumns(2) // two a row: a few words take little room
	id := e.draft.Questions[i].ID
	counts, err := e.db.CountHardWords(context.Background(), e.draft.ID)
	if err != nil {
		fyne.LogError("reading the words people found hard", err)
	}
	for _, m := range counts {
		if m.Question != id || m.Word == survey.AllWords {
			continue
		}
		words := map[string]string{"Word": m.Word}
		label := lang.L("Add “{{.Word}}” to the hard words", words)
		if e.draft.JargonFor(m.Language, m.Word) != nil {
			label = lang.L("Change the plainer word for “{{.Word}}”", words)
		}
		if m.Language != e.draft.Lang() {
			label += " (" + survey.LanguageName(m.Language) + ")"
		}
		box.Add(widget.NewButton(label, func() { e.askPlainer(m) }))
	}
	return box
}

// askPlainer asks, in a small dialog, for a plainer word for a word
// people marked hard, and puts both on the survey's own hard words. Add
// waits for some words; Return adds too. The form is built again after,
// so the checker's new notes show beside the question's words.
func (e *editor) askPlainer(m store.HardWordCount) {
	words := map[string]string{"Word": m.Word}
	plainer := widget.NewEntry()
	plainer.SetPlaceHolder(lang.L("Plainer words"))
	add := widget.NewButton(lang.L("Add"), nil)
	add.Importance = widget.HighImportance
	if j := e.draft.JargonFor(m.Language, m.Word); j != nil {
		plainer.SetText(j.Plainer)
		add.SetText(lang.L("Save"))
	}
	about := widget.NewLabel(lang.L("People found “{{.Word}}” hard. What could the survey say instead? The checker will suggest your words wherever the survey uses “{{.Word}}”.", words))
	about.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	add.OnTapped = func() {
		if !e.draft.AddJargon(m.Language, m.Word, plainer.Text) {
			return
		}
		d.Hide()
		e.change()
		e.say(lang.L("“{{.Word}}” is on this survey's hard words now. The checker suggests “{{.Plainer}}”.",
			map[string]string{"Word": m.Word, "Plainer": strings.TrimSpace(plainer.Text)}))
		e.showPart()
	}
	plainer.OnSubmitted = func(string) { add.OnTapped() }
	plainer.OnChanged = func(s string) {
		if strings.TrimSpace(s) == "" {
			add.Disable()
		} else {
			add.Enable()
		}
	}
	plainer.OnChanged(plainer.Text)
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	body := container.NewVBox(about, plainer, container.NewGridWithColumns(2, cancel, add))
	d = dialog.NewCustomWithoutButtons(lang.L("A plainer word"), atDesk(body), e.p.win)
	d.Resize(fyne.NewSize(560, 0)) // wide enough that the question wraps in a few lines
	d.Show()
	e.p.win.Canvas().Focus(plainer)
}

// jargonPart lists the survey's own hard words on the survey's form, each
// with its plainer word and language, and a way to take it off the list.
// Words come on the list from the words people marked, beside each
// question, or from the survey's file.
func (e *editor) jargonPart() fyne.CanvasObject {
	s := e.draft
	if len(s.Jargon) == 0 {
		none := widget.NewLabel(lang.L("None yet. Beside each question, you can add a word that people found hard."))
		none.Wrapping = fyne.TextWrapWord
		return none
	}
	var rows []fyne.CanvasObject
	for i, j := range s.Jargon {
		remove := widget.NewButton(lang.L("Remove"), func() {
			s.Jargon = slices.Delete(slices.Clone(s.Jargon), i, i+1)
			if len(s.Jargon) == 0 {
				s.Jargon = nil // no empty list in the file
			}
			e.change()
			e.showPart()
		})
		words := widget.NewLabel(lang.L("“{{.Word}}”: say “{{.Plainer}}” instead ({{.Lang}})",
			map[string]string{"Word": j.Words, "Plainer": j.Plainer, "Lang": survey.LanguageName(j.Lang)}))
		words.Wrapping = fyne.TextWrapWord
		rows = append(rows, container.NewBorder(nil, nil, nil, remove, words))
	}
	return container.NewVBox(rows...)
}
