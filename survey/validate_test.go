package survey

import (
	"errors"
	"testing"
)

// TestValidate_ProblemsSayWhere: each problem carries the question's index
// and the field, so programs place it without reading its words.
func TestValidate_ProblemsSayWhere(t *testing.T) {
	s := &Survey{ID: "s", Languages: []string{"en"}, Title: Text{"en": "T"}, AnsweredBy: "nobody",
		Questions: []Question{
			{ID: "a", Kind: KindText, Text: Text{"en": "A?"}},
			{ID: "", Kind: KindText, Text: Text{"en": "No ID?"}},
			{ID: "c", Kind: KindFaces, Faces: 4, Text: Text{"en": "C?"}, Relevant: "${zz} = 'x'"},
			{ID: "a", Kind: KindText, Text: Text{"en": "A again?"}},
		}}
	var ps Problems
	if !errors.As(s.Validate(), &ps) {
		t.Fatal("Validate found no problems")
	}
	type where struct {
		index    int
		question string
		field    string
	}
	want := []where{{1, "number 2", "id"}, {2, "c", "faces"}, {2, "c", "relevant"}, {3, "a", "id"}, {-1, "", "answered_by"}}
	var got []where
	for _, p := range ps {
		got = append(got, where{p.Index, p.Question, p.Field})
		if p.Message == "" || p.Error() == "" {
			t.Errorf("%+v has no words", p)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("problems %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("problem %d is at %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestNew_CompilesTheRules: a survey made in code follows its skip rules
// once it has gone through New, and New refuses one with problems.
func TestNew_CompilesTheRules(t *testing.T) {
	s, err := New(&Survey{ID: "s", Languages: []string{"en"}, Title: Text{"en": "T"},
		Questions: []Question{
			{ID: "go", Kind: KindYesNo, Text: Text{"en": "Go on?"}},
			{ID: "why", Kind: KindText, Text: Text{"en": "Why?"}, Relevant: "${go} = 'yes'"},
			{ID: "end", Kind: KindNote, Text: Text{"en": "Thanks."}},
		}})
	if err != nil {
		t.Fatal(err)
	}
	ss := NewSession(s, SessionOptions{})
	ss.Tap("no")
	if err := ss.Next(); err != nil {
		t.Fatal(err)
	}
	if got := ss.Current().ID; got != "end" {
		t.Errorf("after No the survey shows %q; the skip rule was not followed", got)
	}

	bad, err := New(&Survey{ID: "s", Languages: []string{"en"}, Title: Text{"en": "T"}})
	var ps Problems
	if bad != nil || !errors.As(err, &ps) || ps[0].Field != "questions" {
		t.Errorf("New of a survey with no questions: %v, %v", bad, err)
	}
}

// TestDate_IDontKnow: a date question may offer "About when?" answers
// (a month or a year), and "I don't know" and "I
// don't want to say"; the answer is then taken instead of a date, and
// refused where the question does not offer it. A number question still
// may not offer them.
func TestDate_IDontKnow(t *testing.T) {
	mk := func(q Question) *Survey {
		q.ID, q.Text = "when", Text{"en": "When?"}
		return &Survey{ID: "s", Version: 1, Languages: []string{"en"}, Title: Text{"en": "T"}, Questions: []Question{q}}
	}
	if err := mk(Question{Kind: KindDate, DontKnow: true, PreferNot: true}).Validate(); err != nil {
		t.Fatalf("a date with I don't know: %v", err)
	}
	if err := mk(Question{Kind: KindNumber, DontKnow: true}).Validate(); err == nil {
		t.Error("a number with I don't know was taken")
	}
	if err := mk(Question{Kind: KindText, AboutWhen: true}).Validate(); err == nil {
		t.Error("words typed in with About when? was taken")
	}
	cases := []struct {
		q      Question
		answer string
		taken  bool
	}{
		{Question{Kind: KindDate, DontKnow: true}, DontKnow, true},
		{Question{Kind: KindDate, DontKnow: true}, PreferNot, false},
		{Question{Kind: KindDate, PreferNot: true}, PreferNot, true},
		{Question{Kind: KindDate}, DontKnow, false},
		{Question{Kind: KindDate, DontKnow: true}, "2026-11-27", true},
		{Question{Kind: KindDate, DontKnow: true}, "2026-11", false},
		{Question{Kind: KindDate, AboutWhen: true}, "2026-11", true},
		{Question{Kind: KindDate, AboutWhen: true}, "2025", true},
		{Question{Kind: KindDate, AboutWhen: true}, "2025-13", false},
		{Question{Kind: KindDate, AboutWhen: true}, "last year", false},
	}
	for _, c := range cases {
		s := mk(c.q)
		if err := s.Validate(); err != nil {
			t.Fatal(err)
		}
		ss := NewSession(s, SessionOptions{Language: "en"})
		ss.SetText(c.answer)
		err := ss.Next()
		if taken := err == nil; taken != c.taken {
			t.Errorf("%+v answered %q: taken %v (%v), want %v", c.q, c.answer, taken, err, c.taken)
		}
	}
	if got := mk(Question{Kind: KindDate, DontKnow: true}).Questions[0].Unsure("en"); len(got) != 1 || got[0].Label != "I don't know" {
		t.Errorf("Unsure gives %+v", got)
	}
}
