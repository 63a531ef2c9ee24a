package editor

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey"
	"speakeasy/survey/check"
)

// noteKey says where on the editor's form a note belongs.
type noteKey struct {
	q      int    // question index; -1 for the survey itself
	field  string // the JSON field; "" for the question or survey as a whole
	choice int    // choice index; -1 for none
	lang   string // the language of the words; "" for all of them
}

// keyAt is the place of a field of question q (-1: the survey).
func keyAt(q int, field string) noteKey { return noteKey{q: q, field: field, choice: -1} }

// note is one thing the editor tells the admin.
type note struct {
	at      noteKey
	text    string
	problem bool // it stops publishing; otherwise it is advice about the words
}

// findNotes checks s (survey.Validate, then the easy-read check) and ties
// each finding to its question, field, answer and language. Validate also
// parses the skip rules, so a preview made from s can use them.
func findNotes(s *survey.Survey) []note {
	index := map[string][]int{}
	for i, q := range s.Questions {
		index[q.ID] = append(index[q.ID], i)
	}
	// The easy-read check names a question by its ID. Two questions with
	// one ID both get its notes, and both get the problem of the ID: it is
	// about both.
	questions := func(id string) []int {
		if is, ok := index[id]; ok && id != "" {
			return is
		}
		return []int{-1}
	}
	var out []note
	var ps survey.Problems
	if errors.As(s.Validate(), &ps) {
		for _, p := range ps {
			at := []int{p.Index}
			if p.Field == "id" && p.Index >= 0 && len(index[s.Questions[p.Index].ID]) > 1 {
				at = index[s.Questions[p.Index].ID]
			}
			for _, q := range at {
				k := keyAt(q, p.Field)
				if p.Field == "text" || p.Field == "title" {
					k.lang = s.Lang() // these are checked in the main language only
				}
				out = append(out, note{at: k, text: p.Message, problem: true})
			}
		}
	}
	for _, w := range check.Survey(s, nil) {
		text := strings.TrimSpace(w.Message + " " + w.Suggestion)
		for _, q := range questions(w.Question) {
			k := keyAt(q, w.Field)
			k.lang = w.Lang
			if q >= 0 && w.Choice != "" {
				for j, c := range s.Questions[q].Choices {
					if c.Value == w.Choice {
						k.choice = j
						break
					}
				}
			}
			out = append(out, note{at: k, text: text})
		}
	}
	return out
}

// countNotes counts the problems and word notes about question q.
func countNotes(ns []note, q int) (problems, advice int) {
	for _, n := range ns {
		if n.at.q != q {
			continue
		}
		if n.problem {
			problems++
		} else {
			advice++
		}
	}
	return problems, advice
}

// noteBoxes are the places on the form where notes show, by key.
type noteBoxes map[noteKey]*fyne.Container

// box makes the place for notes about k, under the thing they concern.
func (b noteBoxes) box(k noteKey) *fyne.Container {
	c := container.New(&heldBox{})
	b[k] = c
	return c
}

// heldBox lays notes out one under another, and never gets shorter than
// it has been since the form was built: a note that goes away while the
// admin types leaves its room, so the fields under it stay where they are.
type heldBox struct{ held float32 }

func (h *heldBox) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := layout.NewVBoxLayout().MinSize(objects)
	m.Height = max(m.Height, h.held)
	return m
}

func (h *heldBox) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	layout.NewVBoxLayout().Layout(objects, size)
}

// place finds where a note about k shows: beside its language, else its
// answer, else its field, else at the top of its question. It reports
// false when none of these is on screen.
func (b noteBoxes) place(k noteKey) (noteKey, bool) {
	tries := []noteKey{k, {k.q, k.field, k.choice, ""}, {k.q, k.field, -1, ""}, {k.q, "", -1, ""}}
	for _, t := range tries {
		if _, ok := b[t]; ok {
			return t, true
		}
	}
	return k, false
}

// fill puts each note in its place, emptying places with none. A place
// whose notes are the same is left as it is. When hold is true (the admin
// is changing the form) no place grows: a place shows only the notes it
// showed already, keeps its height, and fill gives back the new notes
// that had no room, for the fixed place under the form.
func (b noteBoxes) fill(ns []note, hold bool) (noRoom []note) {
	byBox := map[noteKey][]note{}
	for _, n := range ns {
		if k, ok := b.place(n.at); ok {
			byBox[k] = append(byBox[k], n)
		}
	}
	for k, c := range b {
		want := byBox[k]
		if hold {
			var shown []note
			for _, n := range want {
				if showsNote(c, n) {
					shown = append(shown, n)
				} else {
					noRoom = append(noRoom, n)
				}
			}
			want = shown
		}
		if sameNotes(c, want) {
			continue
		}
		if hold {
			h := c.Layout.(*heldBox)
			h.held = max(h.held, c.Size().Height, c.MinSize().Height)
		}
		c.Objects = nil
		for _, n := range want {
			c.Objects = append(c.Objects, atDesk(noteLabel(n)))
		}
		c.Refresh()
	}
	return noRoom
}

// showsNote reports whether c shows n already.
func showsNote(c *fyne.Container, n note) bool {
	for _, o := range c.Objects {
		if o.(*container.ThemeOverride).Content.(*widget.Label).Text == noteText(n) {
			return true
		}
	}
	return false
}

// sameNotes reports whether c shows just ns already.
func sameNotes(c *fyne.Container, ns []note) bool {
	if len(c.Objects) != len(ns) {
		return false
	}
	for i, n := range ns {
		if l := c.Objects[i].(*container.ThemeOverride).Content.(*widget.Label); l.Text != noteText(n) {
			return false
		}
	}
	return true
}

// noteLabel shows a note in words that say what sort it is, not in colour
// alone.
func noteLabel(n note) *widget.Label {
	l := widget.NewLabel(noteText(n))
	l.Importance = widget.WarningImportance
	if n.problem {
		l.Importance = widget.DangerImportance
	}
	l.Wrapping = fyne.TextWrapWord
	return l
}

func noteText(n note) string {
	if n.problem {
		return lang.L("Problem: {{.Text}}", map[string]string{"Text": n.text})
	}
	return lang.L("Easy read: {{.Text}}", map[string]string{"Text": n.text})
}

// summary is the line at the top of the editor: how much there is to do.
func summary(ns []note) string {
	var problems, advice int
	for _, n := range ns {
		if n.problem {
			problems++
		} else {
			advice++
		}
	}
	if problems+advice == 0 {
		return lang.L("No problems found. You can publish.")
	}
	return lang.L("Problems to fix before you publish: {{.P}}. Things to look at in the words: {{.W}}.",
		map[string]int{"P": problems, "W": advice})
}
