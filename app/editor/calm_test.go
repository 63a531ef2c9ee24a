package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"speakeasy/app/internal/person"
)

// staffRoom is what the Surveys tab has of a 1366x768 screen: the staff
// screen's tabs take the top 88 px (measured on the real window, kiosk).
var staffRoom = fyne.NewSize(1366, 768-88)

// relayout lays the whole window out again, as the real driver does each
// frame when something's size changed; the test driver does not.
func relayout(p *surveysPanel) {
	c := p.win.Canvas()
	size := c.Size()
	p.win.Resize(size.AddWidthHeight(1, 0))
	p.win.Resize(size)
}

// at is where o is on the window.
func at(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}

// TestEditor_AddAnAnswerKeepsTheViewAndFocusesIt: tapping "Add an answer"
// leaves the form scrolled where it was, and the new answer's words take
// the keyboard, in view, ready to type.
func TestEditor_AddAnAnswerKeepsTheViewAndFocusesIt(t *testing.T) {
	for _, id := range []string{"who", "help_where", "who_helps"} {
		t.Run(id, func(t *testing.T) {
			p, _, _ := newTestPanel(t)
			p.win.Resize(staffRoom)
			e := editSurvey(t, p, "ehc-plan")
			n := questionIndex(t, e, id)
			e.choose(n)
			relayout(p)
			add := editorButton(t, e.form, "Add an answer")
			// Scroll so that the button is in the middle of the form, as
			// when the admin has just read the answers above it.
			y := at(add).Y - at(e.scroll.Content).Y - e.scroll.Size().Height/2
			e.scroll.ScrollToOffset(fyne.NewPos(0, y))
			before := e.scroll.Offset
			if before.Y < 100 {
				t.Fatalf("the form is not scrolled (%v): the test shows nothing", before)
			}
			choices := len(e.draft.Questions[n].Choices)

			test.Tap(add)
			relayout(p)
			if got := len(e.draft.Questions[n].Choices); got != choices+1 {
				t.Fatalf("%d answers after Add, want %d", got, choices+1)
			}
			if e.scroll.Offset != before {
				t.Errorf("the form scrolled from %v to %v", before, e.scroll.Offset)
			}
			entry := input[*widget.Entry](t, e, noteKey{n, "choices", choices, "en"})
			if p.win.Canvas().Focused() != entry {
				t.Errorf("the keyboard is in %T, not the new answer's words", p.win.Canvas().Focused())
			}
			top, view := at(entry).Y, at(e.scroll)
			if top < view.Y || top+entry.Size().Height > view.Y+e.scroll.Size().Height {
				t.Errorf("the new answer's words are at y=%v, out of the form's view (y=%v, %v tall)", top, view.Y, e.scroll.Size().Height)
			}
			test.Type(entry, "On the bus")
			if got := e.draft.Questions[n].Choices[choices].Text["en"]; got != "On the bus" {
				t.Errorf("typing went to the new answer as %q", got)
			}
		})
	}
}

// TestEditor_TypingMovesNoField: while the admin types, notes come and go
// but no field on the form moves, the one typed in included; new notes
// wait in the fixed place under the form, and go beside their field when
// the part is opened again.
func TestEditor_TypingMovesNoField(t *testing.T) {
	tests := []struct {
		name     string
		question string
		field    string
		lang     string
		clear    bool
		typed    string
		note     string // a note that appears as the words are typed
	}{
		{"a long hard sentence", "has_plan", "text", "en", false,
			" We will facilitate SEND support and look at your plan again with the people who help you each year.",
			"Easy read:"},
		{"the Welsh words emptied and typed again", "has_plan", "text", "cy", true, "Oes gen ti gynllun?", ""},
		{"a number that is not one", "age", "min", "", true, "ten", "Please write a number"},
		{"a short name with a space", "who", "id", "", true, "who is", "Problem:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, _ := newTestPanel(t)
			p.win.Resize(staffRoom)
			e := editSurvey(t, p, "ehc-plan")
			n := questionIndex(t, e, tt.question)
			e.choose(n)
			relayout(p)
			places := func() map[noteKey]fyne.Position {
				m := map[noteKey]fyne.Position{}
				for k, in := range e.inputs {
					if o, ok := in.(fyne.CanvasObject); ok {
						m[k] = at(o)
					}
				}
				return m
			}
			before := places()
			k := noteKey{q: n, field: tt.field, choice: -1, lang: tt.lang}
			entry := input[*widget.Entry](t, e, k)
			if tt.clear {
				entry.SetText("")
				relayout(p)
			}
			for _, r := range tt.typed {
				test.Type(entry, string(r))
				relayout(p)
				for k, was := range places() {
					if now := before[k]; now != was {
						t.Fatalf("after typing %q, the field %+v moved from %v to %v", entry.Text, k, now, was)
					}
				}
			}
			if tt.note != "" {
				if !strings.Contains(e.noRoom.Text, tt.note) {
					t.Errorf("under the form: %q, want a note with %q", e.noRoom.Text, tt.note)
				}
				e.choose(-1)
				e.choose(n)
				if got := labelsUnder(e.boxes[mustPlace(t, e, k)]); !strings.Contains(got, tt.note) {
					t.Errorf("opened again, beside the field: %q", got)
				}
				if e.noRoom.Text != "" {
					t.Errorf("opened again, the place under the form still says %q", e.noRoom.Text)
				}
			}
		})
	}
}

func mustPlace(tb testing.TB, e *editor, k noteKey) noteKey {
	tb.Helper()
	at, ok := e.boxes.place(k)
	if !ok {
		tb.Fatalf("no place for notes about %+v", k)
	}
	return at
}

// TestEditor_RoomAt1366x768: on a 1366x768 screen the list of questions
// shows at least five of them whole, and the form is at least 440 px tall
// and 800 px wide. (Before: 2½ questions and about 330 px.)
func TestEditor_RoomAt1366x768(t *testing.T) {
	p, _, _ := newTestPanel(t)
	p.win.Resize(staffRoom)
	e := editSurvey(t, p, "ehc-plan")
	relayout(p)
	listTop, listBottom := at(e.list).Y, at(e.list).Y+e.list.Size().Height
	whole := 0
	person.Drawn(e.list, func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 2 || !c.Visible() {
			return
		}
		if _, ok := c.Objects[0].(*widget.Label); !ok {
			return
		}
		if y := at(c).Y; y >= listTop && y+c.Size().Height <= listBottom {
			whole++
		}
	})
	if whole < 5 {
		t.Errorf("the list shows %d questions whole in %v px", whole, e.list.Size().Height)
	}
	if s := e.scroll.Size(); s.Height < 440 || s.Width < 800 {
		t.Errorf("the form is %v", s)
	}
}

// TestSurveys_BadNameIsSaidBesideIt: a short name Speakeasy cannot use is
// said just under where it was typed, above the list, not at the bottom.
func TestSurveys_BadNameIsSaidBesideIt(t *testing.T) {
	p, _, _ := newTestPanel(t)
	p.win.Resize(staffRoom)
	test.Type(p.newID, "family day!")
	test.Tap(editorButton(t, p.root, "New survey"))
	relayout(p)
	if !strings.Contains(p.message.Text, "short name of letters, numbers and -") {
		t.Fatalf("after a bad name: %q", p.message.Text)
	}
	said, box, list := at(p.message).Y, at(p.newID).Y, at(p.list).Y
	if said < box || said > list {
		t.Errorf("the message is at y=%v; the name is typed at y=%v and the list starts at y=%v", said, box, list)
	}
}
