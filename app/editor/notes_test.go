package editor

import (
	"strings"
	"testing"

	"speakeasy/survey"
)

func TestRule_PlainChoicesRoundTrip(t *testing.T) {
	tests := []struct {
		how  ruleHow
		want string
	}{
		{ruleIs, "${has_plan} = 'yes'"},
		{ruleIsNot, "${has_plan} != 'yes'"},
		{ruleIncludes, "selected(${has_plan}, 'yes')"},
	}
	for _, tt := range tests {
		got := ruleExpr("has_plan", tt.how, "yes")
		if got != tt.want {
			t.Errorf("ruleExpr(%d) = %q, want %q", tt.how, got, tt.want)
		}
		if _, err := survey.ParseExpr(got); err != nil {
			t.Errorf("%q does not parse: %v", got, err)
		}
		id, how, value, ok := parseRule(got)
		if !ok || id != "has_plan" || how != tt.how || value != "yes" {
			t.Errorf("parseRule(%q) = %q %d %q %v", got, id, how, value, ok)
		}
	}
	for _, expr := range []string{"", "${a} = 'x' and ${b} = 'y'", "count-selected(${a}) > 1", "${age} >= 14"} {
		if _, _, _, ok := parseRule(expr); ok {
			t.Errorf("parseRule(%q) says plain choices can say it", expr)
		}
	}
}

func TestFindNotes_PlacesEachNote(t *testing.T) {
	s := &survey.Survey{ID: "t", Languages: []string{"en", "cy"}, Title: survey.Text{"en": "A test"},
		Questions: []survey.Question{
			{ID: "a", Kind: survey.KindOne, Picture: "person", Text: survey.Text{"en": "Pick one", "cy": "Dewisa un"},
				Choices: []survey.Choice{{Value: "x", Text: survey.Text{"en": "X", "cy": "X"}, Picture: "person"},
					{Value: "y", Text: survey.Text{"en": "Why", "cy": "Pam"}}}},
			{ID: "", Kind: survey.KindYesNo, Picture: "person", Text: survey.Text{"en": "No name", "cy": "Dim enw"}},
			{ID: "c", Kind: survey.KindFaces, Faces: 4, Picture: "person", Text: survey.Text{"en": "We will facilitate this.", "cy": "Iawn"},
				Relevant: "${zz} = 'x'"},
		}}
	ns := findNotes(s)
	tests := []struct {
		at      noteKey
		problem bool
		has     string
	}{
		{lk(-1, "title", "cy"), false, `missing in Cymraeg`},
		{noteKey{0, "choices", 1, ""}, false, "has no picture"},
		{lk(1, "id", ""), true, "needs an ID"},
		{lk(2, "faces", ""), true, "not 4"},
		{lk(2, "relevant", ""), true, "${zz}"},
		{lk(2, "text", "en"), false, `"facilitate"`},
	}
	for _, tt := range tests {
		found := false
		for _, n := range ns {
			if n.at == tt.at && n.problem == tt.problem && strings.Contains(n.text, tt.has) {
				found = true
			}
		}
		if !found {
			t.Errorf("no note at %+v (problem %v) saying %q; notes: %+v", tt.at, tt.problem, tt.has, ns)
		}
	}
	if p, a := countNotes(ns, 2); p != 2 || a != 1 {
		t.Errorf("question c has %d problems and %d word notes, want 2 and 1", p, a)
	}
}

func TestNoteBoxes_PlaceFallsBackToTheField(t *testing.T) {
	b := noteBoxes{}
	b.box(keyAt(0, ""))
	b.box(keyAt(0, "text"))
	b.box(lk(0, "text", "cy"))
	b.box(noteKey{0, "choices", 1, ""})
	tests := []struct{ at, want noteKey }{
		{lk(0, "text", "cy"), lk(0, "text", "cy")},
		{lk(0, "text", "en"), keyAt(0, "text")},
		{noteKey{0, "choices", 1, "en"}, noteKey{0, "choices", 1, ""}},
		{noteKey{0, "choices", 2, "en"}, keyAt(0, "")},
		{keyAt(0, "constraint"), keyAt(0, "")},
	}
	for _, tt := range tests {
		if got, ok := b.place(tt.at); !ok || got != tt.want {
			t.Errorf("place(%+v) = %+v, %v; want %+v", tt.at, got, ok, tt.want)
		}
	}
	if _, ok := b.place(keyAt(1, "text")); ok {
		t.Error("a note about a question not on the form found a place")
	}
}

func TestFindNotes_TwoQuestionsWithOneIDBothHearOfIt(t *testing.T) {
	q := func(id string) survey.Question {
		return survey.Question{ID: id, Kind: survey.KindYesNo, Picture: "person", Text: survey.Text{"en": "Is it OK?"}}
	}
	s := &survey.Survey{ID: "t", Languages: []string{"en"}, Title: survey.Text{"en": "A test"},
		Questions: []survey.Question{q("a"), q("b"), q("a")}}
	ns := findNotes(s)
	for _, i := range []int{0, 2} {
		if p, _ := countNotes(ns, i); p != 1 {
			t.Errorf("question %d has %d problems, want the one about its ID", i, p)
		}
	}
	if p, _ := countNotes(ns, 1); p != 0 {
		t.Errorf("question b has %d problems", p)
	}
}
