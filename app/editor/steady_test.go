package editor

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"speakeasy/app/internal/person"
	"speakeasy/survey"
)

// listRows is every row of the question list drawn now, by its first line.
func listRows(e *editor) map[string]*fyne.Container {
	rows := map[string]*fyne.Container{}
	person.Drawn(e.list, func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 2 {
			return
		}
		l, ok := c.Objects[0].(*widget.Label)
		if _, two := c.Objects[1].(fyne.Widget); ok && !two {
			rows[l.Text] = c
		}
	})
	return rows
}

// TestEditor_ListOpensAtTheTop: the question list opens at its top, with
// "About the survey" (the part on the form) whole in view, and each row
// as tall as its two lines, the first line never drawn over the second.
// (Before, the real window opened it about 1½ rows down, and its first
// row was drawn on top of itself.)
func TestEditor_ListOpensAtTheTop(t *testing.T) {
	for _, size := range []fyne.Size{staffRoom, fyne.NewSize(1920, 1080-88)} {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			p, _, _ := newTestPanel(t)
			p.win.Resize(size)
			e := editSurvey(t, p, "ehc-plan")
			relayout(p)
			// The real window draws the list again each frame: so does the
			// test (without, the driver kept showing the top).
			e.list.Refresh()
			relayout(p)
			if off := e.list.GetScrollOffset(); off != 0 {
				t.Errorf("the list opens scrolled %v px down", off)
			}
			rows := listRows(e)
			about, ok := rows["About the survey"]
			if !ok {
				t.Fatalf("no row for the survey; rows drawn: %d", len(rows))
			}
			if top, list := at(about).Y, at(e.list).Y; top < list || top+about.Size().Height > list+e.list.Size().Height {
				t.Errorf("the survey's row is at y=%v, out of the list (y=%v, %v tall)", top, list, e.list.Size().Height)
			}
			for name, r := range rows {
				if r.Size().Height < r.MinSize().Height {
					t.Errorf("row %q is %v px tall for lines that need %v", name, r.Size().Height, r.MinSize().Height)
				}
				first, second := r.Objects[0], r.Objects[1]
				if at(first).Y+first.MinSize().Height > at(second).Y+second.MinSize().Height/2 {
					t.Errorf("row %q: its first line (y=%v) is drawn over its second (y=%v)", name, at(first).Y, at(second).Y)
				}
			}
		})
	}
}

// TestEditor_MessageKeepsTheHeaderStill: a message like "Please fix the
// problem first." shows whole in the header's two lines; the header keeps
// its height and has nothing to scroll. The draft's state, in whose line
// the message shows, comes back at the next change. (Before, the status
// line was cut in half and the header grew a scroll bar.)
func TestEditor_MessageKeepsTheHeaderStill(t *testing.T) {
	p, _, _ := newTestPanel(t)
	p.win.Resize(staffRoom)
	e := editSurvey(t, p, "ehc-plan")
	relayout(p)
	var header *container.Scroll
	eachObject(p.root, func(o fyne.CanvasObject) {
		if s, ok := o.(*container.Scroll); ok {
			if c, ok := s.Content.(*fyne.Container); ok && len(c.Objects) > 0 && c.Objects[0] == e.count {
				header = s
			}
		}
	})
	if header == nil {
		t.Fatal("no header with the count of problems")
	}
	headerWords := func() string {
		var ws []string
		for _, o := range header.Content.(*fyne.Container).Objects {
			if l := o.(*widget.Label); l.Visible() {
				ws = append(ws, l.Text)
			}
		}
		return strings.Join(ws, " / ")
	}
	tall, formAt := header.Size().Height, at(e.scroll).Y
	still := func(when string) {
		t.Helper()
		if header.Size().Height != tall || at(e.scroll).Y != formAt {
			t.Errorf("%s: the header is %v px tall (was %v), the form at y=%v (was %v)", when, header.Size().Height, tall, at(e.scroll).Y, formAt)
		}
		if need := header.Content.MinSize().Height; need > header.Size().Height {
			t.Errorf("%s: the header's lines need %v px in %v: it scrolls", when, need, header.Size().Height)
		}
	}
	still("opened")

	test.Tap(editorButton(t, p.root, "Add a question")) // no words: a problem
	test.Tap(editorButton(t, p.root, "Publish"))
	relayout(p)
	if !strings.Contains(e.message.Text, "Please fix the problem first.") || !e.message.Visible() {
		t.Fatalf("after Publish with a problem the header says %q", headerWords())
	}
	still("with a message")
	if got := headerWords(); !strings.Contains(got, "Problems to fix before you publish: 1.") {
		t.Errorf("with a message the header says %q", got)
	}

	test.Type(input[*widget.Entry](t, e, lk(e.part, "text", "en")), "Did you like today?")
	relayout(p)
	still("typed after")
	if e.message.Visible() || !e.status.Visible() || !strings.Contains(headerWords(), "draft") {
		t.Errorf("after the next change the header says %q", headerWords())
	}
}

// TestEditor_DropDownsOpenAtDeskSize: the choices of the editor's
// drop-downs open in the form's size of words, and choosing one works.
// (Before, they opened in the staff tabs' big words: the eight kinds of
// question filled the window.)
func TestEditor_DropDownsOpenAtDeskSize(t *testing.T) {
	p, _, _ := newTestPanel(t)
	p.win.Resize(fyne.NewSize(1920, 1080-88)) // room for the list under it
	e := editSurvey(t, p, "ehc-plan")
	n := questionIndex(t, e, "has_plan")
	e.choose(n)
	relayout(p)
	me := person.New(t, p.win)
	kind := person.After[*deskSelect](me, "Kind of question")
	test.Tap(kind)
	menu, ok := p.win.Canvas().Focused().(*widget.PopUpMenu)
	if !ok || p.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("no list of choices opened (%T has the keyboard)", p.win.Canvas().Focused())
	}
	want := deskTheme{}.Size(theme.SizeNameText)
	found := 0
	person.Drawn(menu, func(o fyne.CanvasObject) {
		if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
			found++
			if tx.TextSize != want {
				t.Errorf("%q is drawn %v high, the form's words %v", tx.Text, tx.TextSize, want)
			}
		}
	})
	if found < 8 {
		t.Errorf("the list shows %d choices, want the 8 kinds", found)
	}
	// Each choice as tall as the drop-down itself on the form, and a
	// little room around them.
	if h, each := menu.MinSize().Height, kind.MinSize().Height; h > float32(len(kind.Options)+2)*each {
		t.Errorf("the list of %d kinds is %v px tall; the drop-down is %v", len(kind.Options), h, each)
	}
	top, foot := menu.Position().Y, menu.Position().Y+menu.Size().Height
	if over, under := at(kind).Y, at(kind).Y+kind.Size().Height; top < under-1 && foot > over+1 {
		t.Errorf("the list (y=%v to %v) covers the drop-down (y=%v to %v)", top, foot, over, under)
	}
	me.Tap("A number")
	if e.draft.Questions[n].Kind != survey.KindNumber {
		t.Errorf("choosing A number made the question %q", e.draft.Questions[n].Kind)
	}
}

// TestEditor_ListCountsOnlyWhatThereIs: a row says nothing of a count that
// is 0, and the counts it gives are never cut short by "…". (Before:
// "Problems: 0 · Easy r…".)
func TestEditor_ListCountsOnlyWhatThereIs(t *testing.T) {
	p, _, _ := newTestPanel(t)
	p.win.Resize(staffRoom)
	e := editSurvey(t, p, "ehc-plan")
	input[*widget.Entry](t, e, lk(-1, "title", "cy")).SetText("") // missing in Welsh: easy-read advice
	relayout(p)
	for q := -1; q < len(e.draft.Questions); q++ {
		if _, _, counts := e.partLines(q); strings.Contains(counts, ": 0") {
			t.Errorf("part %d says %q", q, counts)
		}
	}
	about, ok := listRows(e)["About the survey"]
	if !ok {
		t.Fatal("no row for the survey")
	}
	line := about.Objects[1].(*fyne.Container)
	counts := line.Objects[1].(*widget.Label)
	if counts.Text != "Easy read: 1" {
		t.Errorf("the survey's row counts %q, want Easy read: 1", counts.Text)
	}
	if got := person.WordsOn(about); strings.Contains(got, "Problems") || !strings.Contains(got, "Easy read: 1") {
		t.Errorf("the survey's row shows %q", got)
	}
	if counts.Size().Width < counts.MinSize().Width {
		t.Errorf("the counts have %v px of the %v they need", counts.Size().Width, counts.MinSize().Width)
	}
}
