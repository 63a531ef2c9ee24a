package survey

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

// recorder is a Saver that keeps every Change, and can be told to fail.
type recorder struct {
	changes []Change
	fail    error
}

func (r *recorder) Save(c Change) error {
	if r.fail != nil {
		return r.fail
	}
	r.changes = append(r.changes, c)
	return nil
}

func mustLoad(t testing.TB, path string) *Survey {
	t.Helper()
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newWalk(t *testing.T) (*Session, *recorder) {
	t.Helper()
	rec := &recorder{}
	clock := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	now := func() time.Time { clock = clock.Add(time.Second); return clock }
	return NewSession(mustLoad(t, "testdata/walk.json"), SessionOptions{Language: "en", DeviceID: "dev1", Event: "fair", Saver: rec, Now: now}), rec
}

// step is one thing a participant does, and what the screen should then show.
type step struct {
	do       string // "tap", "text", "next", "back", "stop"
	value    string
	wantErr  Reason // a refusal expected from next
	wantQ    string // question on screen afterwards ("" when done)
	wantProg [2]int
}

func TestSession_Walks(t *testing.T) {
	tests := []struct {
		name        string
		steps       []step
		wantAnswers map[string]Answer
		wantStatus  Status
	}{{
		name: "no plan skips the plan questions",
		steps: []step{
			{do: "next", wantErr: ReasonRequired, wantQ: "who", wantProg: [2]int{1, 8}},
			{do: "tap", value: "self", wantQ: "who"},
			{do: "next", wantQ: "hello", wantProg: [2]int{1, 8}},
			{do: "next", wantQ: "has_plan", wantProg: [2]int{2, 8}},
			{do: "tap", value: "no"},
			{do: "next", wantQ: "age", wantProg: [2]int{6, 8}},
			{do: "text", value: "abc"},
			{do: "next", wantErr: ReasonNotNumber, wantQ: "age"},
			{do: "text", value: "120"},
			{do: "next", wantErr: ReasonTooBig, wantQ: "age"},
			{do: "text", value: " 12 "},
			{do: "next", wantQ: "more", wantProg: [2]int{8, 8}},
			{do: "next", wantQ: ""},
		},
		wantAnswers: map[string]Answer{"who": {"self"}, "has_plan": {"no"}, "age": {"12"}},
		wantStatus:  Complete,
	}, {
		name: "a plan shows the plan questions and selected() shows the doctor",
		steps: []step{
			{do: "tap", value: "parent"}, {do: "next"}, {do: "next"},
			{do: "tap", value: "yes"},
			{do: "next", wantQ: "listened", wantProg: [2]int{3, 8}},
			{do: "tap", value: "3"},
			{do: "next", wantQ: "help"},
			{do: "tap", value: "doctor"}, {do: "tap", value: "family"},
			{do: "next", wantQ: "doctor_good", wantProg: [2]int{5, 8}},
			{do: "tap", value: "5"},
			{do: "next", wantQ: "age"},
			{do: "text", value: "15"},
			{do: "next", wantQ: "meeting", wantProg: [2]int{7, 8}},
			{do: "text", value: "2026-13-01"},
			{do: "next", wantErr: ReasonNotDate, wantQ: "meeting"},
			{do: "text", value: "2026-10-01"},
			{do: "next", wantQ: "more"},
			{do: "text", value: "=1+1"},
			{do: "next", wantQ: ""},
		},
		wantAnswers: map[string]Answer{"who": {"parent"}, "has_plan": {"yes"}, "listened": {"3"},
			"help": {"doctor", "family"}, "doctor_good": {"5"}, "age": {"15"}, "meeting": {"2026-10-01"}, "more": {"=1+1"}},
		wantStatus: Complete,
	}, {
		name: "going back and changing an answer clears what it now hides",
		steps: []step{
			{do: "tap", value: "self"}, {do: "next"}, {do: "next"},
			{do: "tap", value: "yes"}, {do: "next"},
			{do: "tap", value: "1"}, {do: "next"},
			{do: "tap", value: "doctor"}, {do: "next", wantQ: "doctor_good"},
			{do: "tap", value: "2"}, {do: "next", wantQ: "age"},
			{do: "back", wantQ: "doctor_good"},
			{do: "back", wantQ: "help"},
			{do: "back", wantQ: "listened"},
			{do: "back", wantQ: "has_plan", wantProg: [2]int{2, 8}},
			{do: "tap", value: "no"},
			{do: "next", wantQ: "age", wantProg: [2]int{6, 8}},
			{do: "stop", wantQ: ""},
		},
		wantAnswers: map[string]Answer{"who": {"self"}, "has_plan": {"no"}},
		wantStatus:  Incomplete,
	}, {
		name: "exclusive answers in a many-choice question",
		steps: []step{
			{do: "tap", value: "self"}, {do: "next"}, {do: "next"},
			{do: "tap", value: "yes"}, {do: "next"}, {do: "next"},
			{do: "tap", value: "school"}, {do: "tap", value: "family"},
			{do: "tap", value: PreferNot},
			{do: "tap", value: "school"},
			{do: "tap", value: "school"}, // off again
			{do: "tap", value: "doctor"},
			{do: "tap", value: "nonsense"},
			{do: "next", wantQ: "doctor_good"},
			{do: "stop"},
		},
		wantAnswers: map[string]Answer{"who": {"self"}, "has_plan": {"yes"}, "help": {"doctor"}},
		wantStatus:  Incomplete,
	}, {
		name: "back on the first question stays put",
		steps: []step{
			{do: "back", wantQ: "who", wantProg: [2]int{1, 8}},
			{do: "stop", wantQ: ""},
		},
		wantAnswers: map[string]Answer{},
		wantStatus:  Incomplete,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, rec := newWalk(t)
			for i, st := range tt.steps {
				var err error
				switch st.do {
				case "tap":
					s.Tap(st.value)
				case "text":
					s.SetText(st.value)
				case "next":
					err = s.Next()
				case "back":
					err = s.Back()
				case "stop":
					err = s.Stop()
				}
				var r *Refusal
				switch {
				case st.wantErr != 0 && (!errors.As(err, &r) || r.Reason != st.wantErr):
					t.Fatalf("step %d (%s): want refusal %d, got %v", i, st.do, st.wantErr, err)
				case st.wantErr == 0 && err != nil:
					t.Fatalf("step %d (%s): %v", i, st.do, err)
				}
				if st.wantQ != "" || st.do == "stop" || (st.do == "next" && st.wantErr == 0 && i == len(tt.steps)-1) {
					got := ""
					if q := s.Current(); q != nil {
						got = q.ID
					}
					if got != st.wantQ {
						t.Fatalf("step %d (%s): on %q, want %q", i, st.do, got, st.wantQ)
					}
				}
				if st.wantProg != [2]int{} {
					if n, m := s.Progress(); n != st.wantProg[0] || m != st.wantProg[1] {
						t.Fatalf("step %d: progress %d of %d, want %v", i, n, m, st.wantProg)
					}
				}
			}
			// What was saved, replayed in order, must equal what the session holds.
			saved := map[string]Answer{}
			for _, c := range rec.changes {
				for id, a := range c.Set {
					saved[id] = a
				}
				for _, id := range c.Cleared {
					delete(saved, id)
				}
			}
			if !reflect.DeepEqual(saved, tt.wantAnswers) {
				t.Errorf("saved answers %v, want %v", saved, tt.wantAnswers)
			}
			var status Status
			if n := len(rec.changes); n > 0 {
				status = rec.changes[n-1].Response.Status
			} else {
				status = Incomplete
			}
			if status != tt.wantStatus {
				t.Errorf("status %q, want %q", status, tt.wantStatus)
			}
		})
	}
}

func TestSession_ResponseDetails(t *testing.T) {
	s, rec := newWalk(t)
	s.Tap("parent")
	if err := s.Next(); err != nil {
		t.Fatal(err)
	}
	r := rec.changes[0].Response
	if r.ID == "" || r.SurveyID != "walk" || r.Version != 1 || r.DeviceID != "dev1" || r.Event != "fair" ||
		r.Language != "en" || r.AnsweredBy != "parent" || r.Status != Incomplete || !r.Finished.IsZero() {
		t.Fatalf("response details wrong: %+v", r)
	}
	if !r.Updated.After(r.Started) {
		t.Errorf("updated %v should be after started %v", r.Updated, r.Started)
	}
	if rec.changes[0].Kinds["who"] != KindOne {
		t.Errorf("kind of who not passed on: %v", rec.changes[0].Kinds)
	}
}

func TestSession_SaveFailureStaysPut(t *testing.T) {
	s, rec := newWalk(t)
	s.Tap("self")
	rec.fail = errors.New("disk full")
	if err := s.Next(); err == nil || err.Error() != "disk full" {
		t.Fatalf("want the save error, got %v", err)
	}
	if s.Current().ID != "who" {
		t.Fatalf("moved on to %q although nothing was saved", s.Current().ID)
	}
	rec.fail = nil
	if err := s.Next(); err != nil {
		t.Fatal(err)
	}
	if got := rec.changes[0].Set["who"]; !got.Equal(Answer{"self"}) {
		t.Fatalf("the answer waiting to be saved was lost: %v", got)
	}
}

func TestSession_StopWithNothingSavesNothing(t *testing.T) {
	s, rec := newWalk(t)
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if len(rec.changes) != 0 || !s.Done() {
		t.Fatalf("stopping an untouched session saved %d changes", len(rec.changes))
	}
}

func TestSession_UnknownLanguageFallsBack(t *testing.T) {
	s := NewSession(mustLoad(t, "testdata/walk.json"), SessionOptions{Language: "pl"})
	if s.Language() != "en" {
		t.Fatalf("language %q, want en", s.Language())
	}
	s2 := NewSession(mustLoad(t, "testdata/walk.json"), SessionOptions{Language: "cy"})
	if got := s2.Text(s2.Survey().Title); got != "Taith" {
		t.Fatalf("title in Welsh %q", got)
	}
	if got := s2.Text(s2.Current().Text); got != "Who is answering?" {
		t.Fatalf("a missing Welsh text should fall back to English, got %q", got)
	}
}

func TestQuestion_Options(t *testing.T) {
	s := mustLoad(t, "testdata/walk.json")
	got := func(id, lang string) []string {
		var out []string
		for _, o := range s.Question(id).Options(lang, "en") {
			out = append(out, o.Value+"="+o.Label)
		}
		return out
	}
	tests := []struct {
		id, lang string
		want     []string
	}{
		{"has_plan", "en", []string{"yes=Yes", "no=No", "not_sure=Not sure", "dont_know=I don't know"}},
		{"has_plan", "cy", []string{"yes=Ie", "no=Na", "not_sure=Ddim yn siŵr", "dont_know=Dw i ddim yn gwybod"}},
		{"listened", "en", []string{"1=Not good", "2=OK", "3=Good"}},
		{"doctor_good", "en", []string{"1=Very bad", "2=Bad", "3=OK", "4=Good", "5=Very good"}},
		{"help", "en", []string{"school=School", "doctor=Doctor", "family=Family", "prefer_not=I don't want to say"}},
		{"age", "en", nil},
	}
	for _, tt := range tests {
		if g := got(tt.id, tt.lang); !reflect.DeepEqual(g, tt.want) {
			t.Errorf("%s in %s: %v, want %v", tt.id, tt.lang, g, tt.want)
		}
	}
}

func TestAnswer_EncodeDecode(t *testing.T) {
	tests := []struct {
		a    Answer
		kind Kind
		want string
	}{
		{Answer{"a", "b c"}, KindMany, `["a","b c"]`},
		{nil, KindMany, `[]`},
		{Answer{"hello there"}, KindText, "hello there"},
		{Answer{"3"}, KindFaces, "3"},
	}
	for _, tt := range tests {
		enc := tt.a.Encode(tt.kind)
		if enc != tt.want {
			t.Errorf("Encode(%v) = %q, want %q", tt.a, enc, tt.want)
		}
		dec, err := DecodeAnswer(enc, tt.kind)
		if err != nil || !dec.Equal(tt.a) {
			t.Errorf("DecodeAnswer(%q) = %v, %v", enc, dec, err)
		}
	}
	if _, err := DecodeAnswer("not a list", KindMany); err == nil {
		t.Error("a broken many-choice answer should be an error")
	}
}

// discarder is a recorder that can also throw responses away.
type discarder struct {
	recorder
	discarded []string
}

func (d *discarder) Discard(id string) error { d.discarded = append(d.discarded, id); return nil }

func TestSession_Discard(t *testing.T) {
	d := &discarder{}
	s := NewSession(mustLoad(t, "testdata/walk.json"), SessionOptions{Saver: d})
	s.Tap("self")
	if err := s.Next(); err != nil {
		t.Fatal(err)
	}
	if err := s.Discard(); err != nil {
		t.Fatal(err)
	}
	if !s.Done() || len(d.discarded) != 1 || d.discarded[0] != s.Response().ID || !s.Answer("who").Empty() {
		t.Fatalf("discard: done %v, discarded %v", s.Done(), d.discarded)
	}
	// A session that saved nothing asks nothing to be thrown away.
	d2 := &discarder{}
	s2 := NewSession(mustLoad(t, "testdata/walk.json"), SessionOptions{Saver: d2})
	s2.Tap("self")
	if err := s2.Discard(); err != nil || len(d2.discarded) != 0 || len(d2.changes) != 0 {
		t.Fatalf("unsaved discard: %v %v", d2.discarded, err)
	}
}

func TestLanguageName(t *testing.T) {
	if LanguageName("cy") != "Cymraeg" || LanguageName("ur") != "اردو" || LanguageName("xx") != "xx" {
		t.Fatal("language names")
	}
	if !RightToLeft("ur") || RightToLeft("cy") {
		t.Fatal("right to left")
	}
}
