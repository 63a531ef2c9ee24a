package survey

import (
	"fmt"
	"regexp"
	"strings"
)

var idPattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)

// Problem is one thing wrong with a survey, tied to where it is: a
// program (the editor, the XLSForm reader) places it by Index and Field,
// and a person reads Error.
type Problem struct {
	// Index is the question's place in Questions, from 0; -1 for the
	// survey itself.
	Index int
	// Question names the question for people: its ID, or "number N" for
	// one with no ID. Empty for the survey itself.
	Question string
	Field    string // the JSON field name
	Message  string
}

func (p Problem) Error() string {
	if p.Question == "" {
		return fmt.Sprintf("survey field %q: %s", p.Field, p.Message)
	}
	return fmt.Sprintf("question %q, field %q: %s", p.Question, p.Field, p.Message)
}

// Problems is every problem found in a survey.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Validate checks the survey and compiles its rules. It returns Problems,
// or nil. Every rule that parses is compiled, even when there are problems
// elsewhere, so that the editor can preview the questions that have none.
func (s *Survey) Validate() error {
	var ps Problems
	at := -1 // the question being checked
	add := func(q, field, format string, args ...any) {
		i := at
		if q == "" {
			i = -1
		}
		ps = append(ps, Problem{Index: i, Question: q, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if !idPattern.MatchString(s.ID) {
		add("", "id", "the survey needs an ID made of letters, numbers, _ or -, like \"ehc-plan\"")
	}
	if s.Version < 0 {
		add("", "version", "the version cannot be below 0")
	}
	if len(s.Languages) == 0 {
		add("", "languages", "list at least one language, like [\"en\"]")
	}
	seenLang := map[string]bool{}
	for _, l := range s.Languages {
		if l == "" || seenLang[l] {
			add("", "languages", "the language %q is empty or listed twice", l)
		}
		seenLang[l] = true
	}
	if strings.TrimSpace(s.Title.In(s.Lang(), "")) == "" {
		add("", "title", "the survey needs a title in %s", LanguageName(s.Lang()))
	}
	if len(s.Questions) == 0 {
		add("", "questions", "the survey has no questions")
	}
	seen := map[string]int{}
	for i := range s.Questions {
		q := &s.Questions[i]
		at = i
		name := q.ID
		if name == "" {
			name = fmt.Sprintf("number %d", i+1)
		}
		if !idPattern.MatchString(q.ID) {
			add(name, "id", "each question needs an ID made of letters, numbers, _ or -")
		} else if j, dup := seen[q.ID]; dup {
			add(name, "id", "two questions have this ID (numbers %d and %d)", j+1, i+1)
		}
		seen[q.ID] = i
		if !validKind(q.Kind) {
			add(name, "kind", "%q is not a kind of question; use one of %s", q.Kind, kindList())
		}
		if strings.TrimSpace(q.Text.In(s.Lang(), "")) == "" {
			add(name, "text", "the question has no words in %s", LanguageName(s.Lang()))
		}
		switch q.Kind {
		case KindOne, KindMany:
			if len(q.Choices) < 2 {
				add(name, "choices", "a choice question needs at least 2 choices")
			}
		case KindFaces:
			if q.Faces != 2 && q.Faces != 3 && q.Faces != 5 {
				add(name, "faces", "a faces question shows 2, 3 or 5 faces, not %d", q.Faces)
			}
		}
		if len(q.Choices) > 0 && q.Kind != KindOne && q.Kind != KindMany {
			add(name, "choices", "only \"one\" and \"many\" questions have their own choices")
		}
		if (q.DontKnow || q.PreferNot) && !q.Kind.MayBeUnsure() {
			add(name, "dont_know", "\"I don't know\" and \"I don't want to say\" only fit questions with choices, and dates")
		}
		if q.AboutWhen && q.Kind != KindDate {
			add(name, "about_when", "only a date question has \"About when?\"")
		}
		if q.Kind == KindNote && q.Required {
			add(name, "required", "an information screen has no answer, so it cannot be required")
		}
		if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
			add(name, "min", "the smallest number is bigger than the biggest")
		}
		values := map[string]bool{}
		for j, c := range q.Choices {
			switch {
			case !idPattern.MatchString(c.Value) && !numberPattern.MatchString(c.Value):
				add(name, "choices", "choice %d needs a value made of letters, numbers, _ or -", j+1)
			case values[c.Value]:
				add(name, "choices", "two choices have the value %q", c.Value)
			case c.Value == DontKnow || c.Value == PreferNot:
				add(name, "choices", "the value %q is kept for Speakeasy's own answer", c.Value)
			}
			values[c.Value] = true
			if strings.TrimSpace(c.Text.In(s.Lang(), "")) == "" {
				add(name, "choices", "choice %q has no words in %s", c.Value, LanguageName(s.Lang()))
			}
		}
		if q.Relevant != "" {
			e, err := ParseExpr(q.Relevant)
			if err != nil {
				add(name, "relevant", "the skip rule %q: %v", q.Relevant, err)
			} else {
				for _, ref := range e.Refs() {
					if j, ok := seen[ref]; !ok || j >= i {
						add(name, "relevant", "the skip rule uses ${%s}, which is not an earlier question", ref)
					}
				}
				q.relevant = e
			}
		}
		if q.Constraint != "" {
			e, err := ParseExpr(q.Constraint)
			if err != nil {
				add(name, "constraint", "the rule %q: %v", q.Constraint, err)
			} else {
				for _, ref := range e.Refs() {
					if j, ok := seen[ref]; !ok || j > i {
						add(name, "constraint", "the rule uses ${%s}, which is not an earlier question", ref)
					}
				}
				q.constraint = e
			}
		}
	}
	at = -1
	if s.OnStop != "" && s.OnStop != "keep" && s.OnStop != "discard" {
		add("", "on_stop", "use \"keep\" or \"discard\", not %q", s.OnStop)
	}
	if s.AnsweredBy != "" {
		if q := s.Question(s.AnsweredBy); q == nil || !q.Kind.HasOptions() {
			add("", "answered_by", "%q should name a choice question that asks who is answering", s.AnsweredBy)
		}
	}
	for _, m := range s.jargonProblems() {
		add("", "jargon", "%s", m)
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}

func validKind(k Kind) bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

func kindList() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}
