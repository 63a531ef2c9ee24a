package store

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"speakeasy/survey"
)

func TestParsePairs(t *testing.T) {
	tests := []struct {
		in   string
		want []StoredAnswer
		bad  bool
	}{
		{in: `{}`},
		{in: `{"who":"self"}`, want: []StoredAnswer{{"who", "self"}}},
		{in: `{"help":"[\"doctor\",\"school\"]","more":"=1+1"}`,
			want: []StoredAnswer{{"help", `["doctor","school"]`}, {"more", "=1+1"}}},
		{in: `{ "a" : "line\none \u00e9 \ud83d\ude00 \\ \/" }`, want: []StoredAnswer{{"a", "line\none é 😀 \\ /"}}},
		{in: `{"a":"b"`, bad: true},
		{in: `{"a"}`, bad: true},
		{in: `{"a":"b\"}`, bad: true},
		{in: `{"a":"b"} x`, bad: true},
		{in: `[["a","b"]]`, bad: true},
		{in: ``, bad: true},
	}
	for _, tt := range tests {
		got, err := parsePairs(tt.in, nil)
		if tt.bad {
			if err == nil {
				t.Errorf("%s: no error", tt.in)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// FuzzParsePairs checks the quick reader against encoding/json on
// objects of any strings.
func FuzzParsePairs(f *testing.F) {
	f.Add("who", "self", "more", "=1+1")
	f.Add("help", `["a","b"]`, "t", "line\n\"quoted\" \\ é \x01")
	f.Fuzz(func(t *testing.T, q1, v1, q2, v2 string) {
		if q1 == q2 {
			t.Skip() // a response has one answer per question
		}
		in, _ := json.Marshal(map[string]string{q1: v1, q2: v2})
		var want map[string]string
		if err := json.Unmarshal(in, &want); err != nil || len(want) != 2 {
			t.Skip() // two keys of bad UTF-8 can both become U+FFFD
		}
		got, err := parsePairs(string(in), nil)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: got %q, want %q", in, got, want)
		}
		for _, a := range got {
			if v, ok := want[a.Question]; !ok || v != a.Value {
				t.Fatalf("%s: got %q, want %q", in, got, want)
			}
		}
	})
}

// saveWalk saves one walk through the walk survey, through a batch.
func saveWalk(t *testing.T, b *Batch, s *survey.Survey, event string, start time.Time, plan string, stop bool) survey.Response {
	t.Helper()
	now := start
	ss := survey.NewSession(s, survey.SessionOptions{Language: "en", DeviceID: "dev", Event: event, Saver: b,
		Now: func() time.Time { now = now.Add(time.Second); return now }})
	steps := map[string][]string{
		"yes": {"self", "", "yes", "3", "doctor"},
		"no":  {"parent", "", "no"},
	}[plan]
	for _, v := range steps {
		if v != "" {
			ss.Tap(v)
		}
		if err := ss.Next(); err != nil {
			t.Fatal(err)
		}
	}
	if stop {
		if err := ss.Stop(); err != nil {
			t.Fatal(err)
		}
	}
	return ss.Response()
}

func TestEachResponse_InStartOrderWithAnswers(t *testing.T) {
	db := MustOpenDB(t)
	s := mustWalkSurvey(t, db)
	b := db.NewBatch()
	day := time.Date(2024, 6, 3, 12, 0, 0, 0, time.Local)
	late := saveWalk(t, b, s, "Fair", day.Add(time.Hour), "no", true)
	early := saveWalk(t, b, s, "Fair", day, "yes", true)
	nextDay := saveWalk(t, b, s, "Club", day.AddDate(0, 0, 1), "no", true)
	if b.Len() != 3 {
		t.Fatalf("batch holds %d responses", b.Len())
	}
	if n, _ := db.CountResponses(s.ID, time.Time{}); n.Total() != 0 {
		t.Fatal("a batch wrote before Commit")
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if b.Len() != 0 {
		t.Fatal("Commit left the batch full")
	}

	var got []string
	var answers [][]StoredAnswer
	err := db.EachResponse(context.Background(), s.ID, func(r survey.Response, a []StoredAnswer) error {
		got = append(got, r.ID)
		answers = append(answers, append([]StoredAnswer(nil), a...))
		if r.Status != survey.Incomplete || r.Event == "" || r.Started.IsZero() || r.SurveyID != s.ID {
			t.Errorf("response %+v", r)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{early.ID, late.ID, nextDay.ID}; !reflect.DeepEqual(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	wantEarly := []StoredAnswer{{"has_plan", "yes"}, {"help", `["doctor"]`}, {"listened", "3"}, {"who", "self"}}
	if !reflect.DeepEqual(answers[0], wantEarly) {
		t.Errorf("answers %q, want %q", answers[0], wantEarly)
	}
	if len(answers[1]) != 2 {
		t.Errorf("answers %q, want who and has_plan", answers[1])
	}

	stop := errors.New("stop")
	n := 0
	if err := db.EachResponse(context.Background(), s.ID, func(survey.Response, []StoredAnswer) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("an error from fn gave %v after %d calls", err, n)
	}

	days, err := db.CountByEventDay(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []DayCounts{
		{Event: "Fair", Day: "2024-06-03", Counts: Counts{Incomplete: 2}},
		{Event: "Club", Day: "2024-06-04", Counts: Counts{Incomplete: 1}},
	}
	if !reflect.DeepEqual(days, want) {
		t.Errorf("counts by day %+v, want %+v", days, want)
	}
}

func TestSurveyVersions(t *testing.T) {
	db := MustOpenDB(t)
	s := mustWalkSurvey(t, db)
	s2 := *s
	s2.Title = survey.Text{"en": "A longer walk"}
	if _, err := db.Publish(&s2); err != nil {
		t.Fatal(err)
	}
	all, err := db.SurveyVersions(s.ID)
	if err != nil || len(all) != 2 || all[0].Version != 1 || all[1].Version != 2 || all[1].Title["en"] != "A longer walk" {
		t.Fatalf("versions %v, %v", all, err)
	}
	if _, err := db.SurveyVersions("nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing survey: %v", err)
	}
}
