package xlsform

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"speakeasy/survey"
)

// orOther gives a select question written "select_one LIST or_other" what
// pyxform gives it: an "Other" choice, and after it a text question named
// NAME_other that is asked when "Other" is chosen.
func (rd *reader) orOther(t *table, r row, q survey.Question, names map[string]int) (survey.Question, bool) {
	if !rd.others[q.ID] || (q.Kind != survey.KindOne && q.Kind != survey.KindMany) {
		return survey.Question{}, false
	}
	at := t.place(r, t.col("type"))
	id := q.ID + "_other"
	if first, dup := names[id]; dup {
		rd.fail(at, fmt.Sprintf("or_other adds a question called %q, and row %d has that name already.", id, first))
		return survey.Question{}, false
	}
	names[id] = r.num
	rd.places.questions[id] = r.num
	rule := "${" + q.ID + "} = 'other'"
	if q.Kind == survey.KindMany {
		rule = "selected(${" + q.ID + "}, 'other')"
	}
	rd.note("or_other", at, "Speakeasy adds an \"Other\" choice and a question to write the other answer in, as ODK does (or_other): %s.", id)
	return survey.Question{ID: id, Kind: survey.KindText, Relevant: rule,
		Text: survey.Text{rd.defLang: "What is your other answer?"}}, true
}

// addOther gives a list of choices the "Other" choice of or_other.
func (rd *reader) addOther(q *survey.Question) {
	if !rd.others[q.ID] {
		return
	}
	for _, c := range q.Choices {
		if c.Value == "other" {
			return
		}
	}
	q.Choices = append(q.Choices, survey.Choice{Value: "other", Text: survey.Text{rd.defLang: "Other"}})
}

var reference = regexp.MustCompile(`\$\{\s*([^}\s]+)\s*\}`)

// rulesOnLeftOut takes out each skip rule and each answer rule that uses
// a row that was left out, and names it: the question is then always
// asked, or its answer not checked.
func (rd *reader) rulesOnLeftOut(s *survey.Survey) {
	if len(rd.left) == 0 {
		return
	}
	for i := range s.Questions {
		q := &s.Questions[i]
		for _, rule := range []struct {
			field string
			text  *string
			says  string
		}{{"relevant", &q.Relevant, "the skip rule uses a row that is left out, so the question is always asked"},
			{"constraint", &q.Constraint, "the answer rule uses a row that is left out, so the answer is not checked"}} {
			for _, m := range reference.FindAllStringSubmatch(*rule.text, -1) {
				if row, ok := rd.left[m[1]]; ok {
					rd.note(fmt.Sprint("rule-left\x00", rule.field), rd.places.place(q.ID, rule.field, "", ""),
						rule.says+": %s.",
						fmt.Sprintf("%s (uses ${%s} from row %d)", q.ID, m[1], row))
					*rule.text = ""
					break
				}
			}
		}
	}
}

// validate checks the survey. Reading leniently, a skip rule or an answer
// rule Speakeasy cannot check is taken out and named, so the form still
// comes in; anything else wrong refuses it, each problem in its place.
func (rd *reader) validate(s *survey.Survey) error {
	for try := 0; ; try++ {
		err := s.Validate()
		if err == nil {
			return nil
		}
		var ps survey.Problems
		if !errors.As(err, &ps) {
			return err
		}
		var es Errors
		for _, p := range ps {
			q := s.Question(p.Question)
			if rd.strict || try > 2 || q == nil || (p.Field != "relevant" && p.Field != "constraint") {
				es = append(es, Error{rd.places.problem(p, s.Lang()), p.Message})
				continue
			}
			says := "Speakeasy cannot check this skip rule, so the question is always asked"
			if p.Field == "relevant" {
				q.Relevant = ""
			} else {
				says = "Speakeasy cannot check this answer rule, so the answer is not checked"
				q.Constraint = ""
			}
			rd.note("rule\x00"+p.Field, rd.places.problem(p, s.Lang()), says+": %s.", q.ID+" ("+strings.TrimSuffix(p.Message, ".")+")")
		}
		if len(es) > 0 {
			return es
		}
	}
}
