package survey

import (
	"slices"
	"testing"
)

func TestQuestionWords_EachWordOnceWithoutStops(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"Do you have an EHC plan?", []string{"Do", "you", "have", "an", "EHC", "plan"}},
		{"Who helps you? You choose who.", []string{"Who", "helps", "you", "choose"}},
		{"Don't worry, (it's fine) — really!", []string{"Don't", "worry", "it's", "fine", "really"}},
		{"Oes gennych chi gynllun i'r ysgol?", []string{"Oes", "gennych", "chi", "gynllun", "i'r", "ysgol"}},
		{"کیا آپ کا منصوبہ ہے؟", []string{"کیا", "آپ", "کا", "منصوبہ", "ہے"}},
		{"  ... ? ", nil},
	}
	for _, c := range cases {
		if got := QuestionWords(c.text); !slices.Equal(got, c.want) {
			t.Errorf("QuestionWords(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestSession_MarkHardSavesAtOnceAndKeepsTheAnswer(t *testing.T) {
	sv := &recorder{}
	ss := NewSession(mustLoad(t, "testdata/walk.json"), SessionOptions{Language: "en", Saver: sv})
	q := ss.Current()
	ss.Tap(ss.Options()[0].Value)
	if err := ss.MarkHard("Answering?"); err != nil {
		t.Fatal(err)
	}
	if len(sv.changes) != 1 {
		t.Fatalf("%d saves after a mark, want 1", len(sv.changes))
	}
	ch := sv.changes[0]
	if len(ch.Hard) != 1 || ch.Hard[0] != (HardWord{Question: q.ID, Language: "en", Word: "answering", At: ch.Response.Updated}) {
		t.Errorf("saved marks %+v", ch.Hard)
	}
	if ss.Current() != q || ss.Answer(q.ID).String() != ss.Options()[0].Value {
		t.Errorf("the mark moved the session or lost the answer: on %s, answer %v", ss.Current().ID, ss.Answer(q.ID))
	}
	// Stop saves the response even with no answer saved yet: the mark is
	// with it.
	if err := ss.Stop(); err != nil || len(sv.changes) != 2 {
		t.Errorf("Stop after a mark: %v, %d saves", err, len(sv.changes))
	}
	if err := ss.MarkHard("plan"); err != ErrFinished {
		t.Errorf("a mark after the end: %v", err)
	}
}
