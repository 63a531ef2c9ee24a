package editor

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
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
