package editor

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestPicturePicker_WholeWordsFirst: typed into the picture search, a word
// finds the pictures named by it as a whole word first, then those with a
// word that starts with it, then those with it inside a word.
func TestPicturePicker_WholeWordsFirst(t *testing.T) {
	tests := []struct {
		word   string
		first  string
		before []string // each comes before the next
	}{
		{"bus", "bus", []string{"bus", "bust-in-silhouette"}},
		{"Bus", "bus", []string{"bus", "busts-in-silhouette"}},
		{"book", "open-book", []string{"open-book", "bookmark-tabs", "notebook"}},
		{"ear", "ear", []string{"ear", "ear-with-hearing-aid"}},
	}
	p, _, _ := newTestPanel(t)
	e := editSurvey(t, p, "ehc-plan")
	pp := input[*picturePicker](t, e, keyAt(-1, "picture"))
	for _, tt := range tests {
		pp.search.SetText("")
		test.Type(pp.search, tt.word)
		if len(pp.found) == 0 || pp.found[0] != tt.first {
			t.Errorf("%q finds %v first, want %q", tt.word, pp.found, tt.first)
			continue
		}
		last := -1
		for _, name := range tt.before {
			i := slices.Index(pp.found, name)
			if i <= last {
				t.Errorf("%q finds %v: %q is not after %v", tt.word, pp.found, name, tt.before)
			}
			last = i
		}
	}
}

// TestEditor_NewAnswerNotesMakeSense: a new answer has no words and no
// picture yet; its notes say so without quoting empty words.
func TestEditor_NewAnswerNotesMakeSense(t *testing.T) {
	p, _, _ := newTestPanel(t)
	e := editSurvey(t, p, "ehc-plan")
	n := questionIndex(t, e, "who")
	e.choose(n)
	test.Tap(editorButton(t, e.form, "Add an answer"))
	j := len(e.draft.Questions[n].Choices) - 1
	got := notesAt(t, e, noteKey{n, "choices", j, ""}) + notesAt(t, e, noteKey{n, "choices", j, "en"})
	if strings.Contains(got, `""`) || !strings.Contains(got, "This answer has no picture.") {
		t.Errorf("beside the new answer:\n%s", got)
	}
}

// TestEditor_StaffWordsWhenTheDataFails: when the data cannot be read or
// written, the editor says what failed in a sentence and what to do,
// never Go's or SQLite's own words.
func TestEditor_StaffWordsWhenTheDataFails(t *testing.T) {
	tests := []struct {
		name string
		do   func(t *testing.T, p *surveysPanel) string // what staff read after
		want string
	}{
		{"open the editor", func(t *testing.T, p *surveysPanel) string {
			p.selectID("ehc-plan")
			p.db.Close()
			test.Tap(editorButton(t, p.root, "Edit"))
			return p.message.Text
		}, "Speakeasy could not open the survey to edit it."},
		{"a new survey", func(t *testing.T, p *surveysPanel) string {
			p.db.Close()
			test.Type(p.newID, "family-day")
			test.Tap(editorButton(t, p.root, "New survey"))
			return p.message.Text
		}, "Speakeasy could not check whether the name is free."},
		{"a change", func(t *testing.T, p *surveysPanel) string {
			e := editSurvey(t, p, "ehc-plan")
			p.db.Close()
			test.Type(input[*widget.Entry](t, e, lk(-1, "title", "en")), "Our ")
			return e.message.Text
		}, "Speakeasy could not keep your change."},
		{"publishing", func(t *testing.T, p *surveysPanel) string {
			e := editSurvey(t, p, "ehc-plan")
			test.Type(input[*widget.Entry](t, e, lk(-1, "title", "en")), "Our ")
			test.Type(input[*widget.Entry](t, e, lk(-1, "title", "cy")), "Ein ")
			p.db.Close()
			test.Tap(editorButton(t, p.root, "Publish"))
			return e.message.Text
		}, "Speakeasy could not count the answers, so it did not publish."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, _ := newTestPanel(t)
			got := tt.do(t, p)
			if !strings.HasPrefix(got, tt.want) || !strings.Contains(got, "Please try again") && !strings.Contains(got, "ask the person") {
				t.Errorf("staff read %q, want %q and what to do", got, tt.want)
			}
			for _, jargon := range []string{"sql", "database", "closed", "%!", ":"} {
				if strings.Contains(strings.ToLower(got), jargon) {
					t.Errorf("staff read %q, with %q in it", got, jargon)
				}
			}
		})
	}
}
