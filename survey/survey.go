// Package survey is Speakeasy's domain: surveys, questions, answers, skip
// logic and a participant's walk through a survey (Session). It knows nothing
// of screens or databases, so all of it is tested without either.
package survey

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Kind is what sort of answer a question asks for.
type Kind string

// The kinds of question Speakeasy can ask.
const (
	KindNote   Kind = "note"   // an information screen with no answer
	KindOne    Kind = "one"    // choose one
	KindMany   Kind = "many"   // choose any number
	KindFaces  Kind = "faces"  // a scale of 2, 3 or 5 smiley faces
	KindYesNo  Kind = "yesno"  // yes, no or not sure
	KindText   Kind = "text"   // words typed in
	KindNumber Kind = "number" // a number typed in
	KindDate   Kind = "date"   // a day of the year
)

// Kinds lists every kind in the order an admin would meet them.
var Kinds = []Kind{KindNote, KindOne, KindMany, KindFaces, KindYesNo, KindText, KindNumber, KindDate}

// HasOptions reports whether a question of this kind is answered by tapping options.
func (k Kind) HasOptions() bool {
	return k == KindOne || k == KindMany || k == KindFaces || k == KindYesNo
}

// MayBeUnsure reports whether a question of this kind may offer "I don't
// know" and "I don't want to say": options, and a date (in place of one).
func (k Kind) MayBeUnsure() bool { return k.HasOptions() || k == KindDate }

// Text is words in several languages, keyed by language code ("en", "cy").
type Text map[string]string

// In returns the words in lang, or in fallback when lang has none.
func (t Text) In(lang, fallback string) string {
	if s := t[lang]; s != "" {
		return s
	}
	return t[fallback]
}

// Choice is one answer a participant can tap.
type Choice struct {
	Value   string `json:"value"`
	Text    Text   `json:"text"`
	Picture string `json:"picture,omitempty"`
	Sound   string `json:"sound,omitempty"`
}

// Question is one screen of a survey.
type Question struct {
	ID       string   `json:"id"`
	Kind     Kind     `json:"kind"`
	Text     Text     `json:"text"`
	Hint     Text     `json:"hint,omitempty"`
	Picture  string   `json:"picture,omitempty"`
	Sound    string   `json:"sound,omitempty"`
	Required bool     `json:"required,omitempty"`
	Choices  []Choice `json:"choices,omitempty"`
	// Faces is how many faces a faces question shows: 2, 3 or 5.
	Faces int `json:"faces,omitempty"`
	// DontKnow and PreferNot add "I don't know" and "I don't want to say".
	DontKnow  bool `json:"dont_know,omitempty"`
	PreferNot bool `json:"prefer_not,omitempty"`
	// Min and Max bound a number question.
	Min *float64 `json:"min,omitempty"`
	Max *float64 `json:"max,omitempty"`
	// Relevant is the skip rule: the question is shown only when it is true.
	Relevant string `json:"relevant,omitempty"`
	// Constraint must be true of an answer ("." stands for the answer).
	Constraint        string `json:"constraint,omitempty"`
	ConstraintMessage Text   `json:"constraint_message,omitempty"`
	RequiredMessage   Text   `json:"required_message,omitempty"`
	// Quick moves on as soon as a one-choice answer is tapped.
	Quick bool `json:"quick,omitempty"`
	// AboutWhen starts a date question with "About when?" tiles (this
	// month, last year …), for people who do not know the day. Their
	// answers are a month ("2026-11") or a year ("2025").
	AboutWhen bool `json:"about_when,omitempty"`
	// Easier says the question again in easier words, for a participant
	// who taps "I don't understand". Optional.
	Easier Text `json:"easier,omitempty"`

	relevant   Expr
	constraint Expr
}

// Survey is a whole survey definition, one version of it.
type Survey struct {
	ID        string     `json:"id"`
	Version   int        `json:"version"`
	Languages []string   `json:"languages"`
	Title     Text       `json:"title"`
	Welcome   Text       `json:"welcome,omitempty"`
	Thanks    Text       `json:"thanks,omitempty"`
	Picture   string     `json:"picture,omitempty"`
	Questions []Question `json:"questions"`
	// AnsweredBy names the question whose answer says who is answering.
	AnsweredBy string `json:"answered_by,omitempty"`
	// Consent asks "Is it OK to use your answers?" before the first question.
	Consent bool `json:"consent,omitempty"`
	// OnStop is what happens to the answers when a participant taps Stop:
	// "keep" them as unfinished (the default) or "discard" them.
	OnStop string `json:"on_stop,omitempty"`
	// ReadAloud reads each screen aloud as it opens.
	ReadAloud bool `json:"read_aloud,omitempty"`
	// Jargon is this survey's own hard words, each with a plainer word:
	// the easy-read checker warns about them on top of its starter list.
	Jargon []JargonWord `json:"jargon,omitempty"`
}

// KeepsOnStop reports whether answers are kept when a participant stops.
func (s *Survey) KeepsOnStop() bool { return s.OnStop != "discard" }

// Lang is the survey's first language, used when a text lacks another.
func (s *Survey) Lang() string {
	if len(s.Languages) == 0 {
		return "en"
	}
	return s.Languages[0]
}

// Question returns the question with the given ID, or nil.
func (s *Survey) Question(id string) *Question {
	for i := range s.Questions {
		if s.Questions[i].ID == id {
			return &s.Questions[i]
		}
	}
	return nil
}

// Load reads and checks a survey JSON file.
func Load(path string) (*Survey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the survey file: %w", err)
	}
	s, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Parse reads a survey from JSON, checks it and compiles its rules (New).
// Every problem is reported in plain words naming the question and field.
func Parse(data []byte) (*Survey, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var s Survey
	if err := dec.Decode(&s); err != nil {
		return nil, explainJSON(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("the file has something extra after the survey; it should hold one survey only")
	}
	return New(&s)
}

// New checks s and compiles its skip rules and constraints, and gives s
// back ready to run, or the Problems that stop it. A Session follows only
// compiled rules, so a survey made in code must go through New (Parse and
// Load do it for a file).
func New(s *Survey) (*Survey, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return s, nil
}

// Marshal writes the survey as indented JSON, the native file format.
func (s *Survey) Marshal() ([]byte, error) {
	return json.MarshalIndent(s, "", "  ")
}

// explainJSON turns a decoding error into words that say where the problem is.
func explainJSON(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(data, syn.Offset)
		return fmt.Errorf("the file is not valid JSON at line %d, column %d: %v", line, col, syn)
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset)
		return fmt.Errorf("at line %d, column %d the field %q should be %s, not a %s", line, col, typ.Field, plainType(typ.Type.Kind().String()), typ.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return fmt.Errorf("the file has a field Speakeasy does not know: %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the file is empty or cut short")
	}
	return fmt.Errorf("the file could not be read as a survey: %w", err)
}

func plainType(k string) string {
	switch k {
	case "string":
		return "words in quotes"
	case "int", "float64", "ptr":
		return "a number"
	case "bool":
		return "true or false"
	case "slice":
		return "a list"
	case "map", "struct":
		return "a group of fields in { }"
	}
	return k
}

func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col = 1, 1
	for _, b := range data[:off] {
		if b == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}
