package survey

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse_Problems(t *testing.T) {
	base := func(questions string) string {
		return `{"id": "s", "version": 1, "languages": ["en"], "title": {"en": "T"}, "questions": [` + questions + `]}`
	}
	tests := []struct {
		name, json, want string
	}{
		{"not json", `{"id": `, "empty or cut short"},
		{"syntax", "{\n\"id\": \"s\",,}", "line 2, column"},
		{"wrong type", `{"id": 5}`, `field "id" should be words in quotes`},
		{"unknown field", `{"id": "s", "colour": "red"}`, `does not know: "colour"`},
		{"extra", base(`{"id": "a", "kind": "text", "text": {"en": "A?"}}`) + ` {}`, "something extra"},
		{"no questions", base(``), "has no questions"},
		{"bad id", `{"id": "a b", "languages": ["en"], "title": {"en": "T"}, "questions": [{"id": "q", "kind": "text", "text": {"en": "Q?"}}]}`, `survey field "id"`},
		{"no title", `{"id": "s", "languages": ["en"], "title": {"cy": "T"}, "questions": [{"id": "q", "kind": "text", "text": {"en": "Q?"}}]}`, `needs a title in English`},
		{"no languages", `{"id": "s", "title": {"en": "T"}, "questions": [{"id": "q", "kind": "text", "text": {"en": "Q?"}}]}`, "at least one language"},
		{"bad kind", base(`{"id": "q", "kind": "slider", "text": {"en": "Q?"}}`), `question "q", field "kind": "slider" is not a kind`},
		{"duplicate", base(`{"id": "q", "kind": "text", "text": {"en": "Q?"}}, {"id": "q", "kind": "text", "text": {"en": "Q?"}}`), "two questions have this ID (numbers 1 and 2)"},
		{"no words", base(`{"id": "q", "kind": "text", "text": {}}`), `question "q", field "text": the question has no words`},
		{"few choices", base(`{"id": "q", "kind": "one", "text": {"en": "Q?"}, "choices": [{"value": "a", "text": {"en": "A"}}]}`), "at least 2 choices"},
		{"dup choice", base(`{"id": "q", "kind": "one", "text": {"en": "Q?"}, "choices": [{"value": "a", "text": {"en": "A"}}, {"value": "a", "text": {"en": "B"}}]}`), `two choices have the value "a"`},
		{"reserved", base(`{"id": "q", "kind": "one", "text": {"en": "Q?"}, "choices": [{"value": "dont_know", "text": {"en": "A"}}, {"value": "b", "text": {"en": "B"}}]}`), "kept for Speakeasy"},
		{"choice words", base(`{"id": "q", "kind": "one", "text": {"en": "Q?"}, "choices": [{"value": "a", "text": {"en": "A"}}, {"value": "b"}]}`), `choice "b" has no words`},
		{"faces", base(`{"id": "q", "kind": "faces", "faces": 4, "text": {"en": "Q?"}}`), "2, 3 or 5 faces, not 4"},
		{"choices on text", base(`{"id": "q", "kind": "text", "text": {"en": "Q?"}, "choices": [{"value": "a", "text": {"en": "A"}}]}`), "have their own choices"},
		{"dont know on text", base(`{"id": "q", "kind": "text", "dont_know": true, "text": {"en": "Q?"}}`), `field "dont_know"`},
		{"required note", base(`{"id": "q", "kind": "note", "required": true, "text": {"en": "Hi."}}`), "cannot be required"},
		{"min max", base(`{"id": "q", "kind": "number", "min": 5, "max": 1, "text": {"en": "Q?"}}`), "smallest number is bigger"},
		{"bad rule", base(`{"id": "q", "kind": "text", "relevant": "${x} ==", "text": {"en": "Q?"}}`), `question "q", field "relevant": the skip rule`},
		{"later ref", base(`{"id": "q", "kind": "text", "relevant": "${r} = 'x'", "text": {"en": "Q?"}}, {"id": "r", "kind": "text", "text": {"en": "R?"}}`), "${r}, which is not an earlier question"},
		{"self ref", base(`{"id": "q", "kind": "text", "relevant": "${q} = 'x'", "text": {"en": "Q?"}}`), "${q}, which is not an earlier question"},
		{"bad constraint", base(`{"id": "q", "kind": "number", "constraint": ". >", "text": {"en": "Q?"}}`), `field "constraint"`},
		{"answered_by", `{"id": "s", "languages": ["en"], "title": {"en": "T"}, "answered_by": "q", "questions": [{"id": "q", "kind": "text", "text": {"en": "Q?"}}]}`, `"answered_by"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.json))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to say %q", err, tt.want)
			}
		})
	}
}

func TestParse_ConstraintRefusal(t *testing.T) {
	s, err := Parse([]byte(`{"id": "s", "languages": ["en"], "title": {"en": "T"}, "questions": [
		{"id": "n", "kind": "number", "constraint": ". != 13", "constraint_message": {"en": "Pick another number."}, "text": {"en": "Q?"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	ss := NewSession(s, SessionOptions{})
	ss.SetText("13")
	if err := ss.Next(); err == nil || err.Error() != "Pick another number." {
		t.Fatalf("want the survey's own message, got %v", err)
	}
	ss.SetText("12")
	if err := ss.Next(); err != nil || !ss.Done() {
		t.Fatalf("12 should pass: %v", err)
	}
}

func TestSurvey_MarshalRoundTrip(t *testing.T) {
	s := mustLoad(t, "testdata/walk.json")
	data, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "walk.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	again := mustLoad(t, path)
	data2, _ := again.Marshal()
	if string(data) != string(data2) {
		t.Fatal("marshal, load, marshal changed the survey")
	}
	if again.Question("meeting").Relevant != "${has_plan} = 'yes' and ${age} >= 14" || *again.Question("age").Max != 99 {
		t.Fatal("fields lost in the round trip")
	}
}

func TestLoad_MissingFile(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "nope.json")); err == nil || !strings.Contains(err.Error(), "cannot read the survey file") {
		t.Fatalf("got %v", err)
	}
}

func FuzzParse(f *testing.F) {
	data, err := os.ReadFile("testdata/walk.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"id": "s", "languages": ["en"], "title": {"en": "T"}, "questions": [{"id": "q", "kind": "faces", "faces": 3, "text": {"en": "Q?"}}]}`))
	f.Add([]byte(`{`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(data)
		if err != nil {
			return
		}
		// A survey that parses must be walkable to the end without a panic.
		ss := NewSession(s, SessionOptions{})
		for i := 0; i < len(s.Questions)+1 && !ss.Done(); i++ {
			if opts := ss.Options(); len(opts) > 0 {
				ss.Tap(opts[0].Value)
			}
			if ss.Next() != nil {
				ss.Set(nil)
				_ = ss.Next()
			}
			ss.Progress()
		}
	})
}
