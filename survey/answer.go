package survey

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Answer is what a participant gave to one question: one value, or several
// for a many-choice question. A nil or empty Answer means no answer.
type Answer []string

// Single makes an Answer of one value; an empty value is no answer.
func Single(v string) Answer {
	if v == "" {
		return nil
	}
	return Answer{v}
}

// Empty reports whether there is no answer.
func (a Answer) Empty() bool { return len(a) == 0 }

// String gives the answer as XLSForm does: values joined by a space.
func (a Answer) String() string { return strings.Join(a, " ") }

// Has reports whether v is one of the answer's values.
func (a Answer) Has(v string) bool {
	for _, x := range a {
		if x == v {
			return true
		}
	}
	return false
}

// Equal reports whether two answers hold the same values in the same order.
func (a Answer) Equal(b Answer) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Encode gives the answer as stored: a JSON list for many-choice, else the value.
func (a Answer) Encode(k Kind) string {
	if k == KindMany {
		if a == nil {
			a = Answer{}
		}
		b, _ := json.Marshal([]string(a))
		return string(b)
	}
	return a.String()
}

// DecodeAnswer reads an answer stored by Encode.
func DecodeAnswer(s string, k Kind) (Answer, error) {
	if k != KindMany {
		return Single(s), nil
	}
	var vs []string
	if err := json.Unmarshal([]byte(s), &vs); err != nil {
		return nil, fmt.Errorf("a stored many-choice answer is not a list: %q", s)
	}
	if len(vs) == 0 {
		return nil, nil
	}
	return Answer(vs), nil
}

// DateLayout is how a date answer is written: year-month-day.
const DateLayout = "2006-01-02"

// About is an "About when?" answer: a month ("2026-11") or a year
// ("2025"), ISO 8601's shorter dates. ok is false for anything else.
func About(value string) (t time.Time, monthKnown, ok bool) {
	if t, err := time.Parse("2006-01", value); err == nil {
		return t, true, true
	}
	if t, err := time.Parse("2006", value); err == nil {
		return t, false, true
	}
	return time.Time{}, false, false
}

// isAbout reports whether value is an "About when?" answer q offers.
func (q *Question) isAbout(value string) bool {
	_, _, ok := About(value)
	return ok && q.AboutWhen
}

// Reason says why an answer was not accepted, so a screen can say it kindly.
type Reason int

// Why an answer can be refused.
const (
	ReasonRequired Reason = iota + 1
	ReasonNotNumber
	ReasonTooSmall
	ReasonTooBig
	ReasonNotDate
	ReasonRule
	ReasonUnknownChoice
)

// Refusal is an answer Speakeasy will not move on from. Message is the
// survey's own words for it, if the survey has some.
type Refusal struct {
	Question string
	Reason   Reason
	Message  string
}

func (r *Refusal) Error() string {
	if r.Message != "" {
		return r.Message
	}
	return fmt.Sprintf("question %q: answer refused (reason %d)", r.Question, r.Reason)
}

var numberPattern = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// check tells whether a is an acceptable answer to q, or why not.
func (q *Question) check(a Answer, env Env, lang, fallback string) *Refusal {
	refuse := func(r Reason, msg Text) *Refusal {
		return &Refusal{Question: q.ID, Reason: r, Message: msg.In(lang, fallback)}
	}
	if a.Empty() {
		if q.Required {
			return refuse(ReasonRequired, q.RequiredMessage)
		}
		return nil
	}
	if q.Kind.HasOptions() {
		for _, v := range a {
			if _, ok := q.Option(v, lang, fallback); !ok {
				return refuse(ReasonUnknownChoice, nil)
			}
		}
		if q.Kind != KindMany && len(a) > 1 {
			return refuse(ReasonUnknownChoice, nil)
		}
	}
	switch q.Kind {
	case KindNumber:
		s := strings.TrimSpace(a.String())
		if !numberPattern.MatchString(s) {
			return refuse(ReasonNotNumber, nil)
		}
		f, _ := strconv.ParseFloat(s, 64)
		if q.Min != nil && f < *q.Min {
			return refuse(ReasonTooSmall, q.ConstraintMessage)
		}
		if q.Max != nil && f > *q.Max {
			return refuse(ReasonTooBig, q.ConstraintMessage)
		}
	case KindDate:
		if _, err := time.Parse(DateLayout, a.String()); err != nil && !q.IsUnsure(a.String()) && !q.isAbout(a.String()) {
			return refuse(ReasonNotDate, nil)
		}
	}
	if q.constraint != nil && !q.constraint.Eval(env) {
		return refuse(ReasonRule, q.ConstraintMessage)
	}
	return nil
}
