package xlsform

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"speakeasy/survey"
)

// question reads one question row of the survey sheet. groupRelevant is
// the skip rule of the groups around it, which Speakeasy flattens.
func (rd *reader) question(t *table, r row, word string, args []string, groupRelevant string) (survey.Question, bool) {
	at := t.place(r, t.col("type"))
	q := survey.Question{ID: t.cell(r, t.col("name"))}
	var l *list
	switch word {
	case "note":
		q.Kind = survey.KindNote
	case "text":
		q.Kind = survey.KindText
	case "phone_number":
		q.Kind = survey.KindText
		rd.note("phone", at, "Speakeasy asks for a phone number (phone number) as words, so it does not check that only numbers are written: %s.", q.ID)
	case "integer":
		q.Kind = survey.KindNumber
		rd.note("integer", at, "Speakeasy's number questions also take numbers with a decimal point (integer): %s.", q.ID)
	case "decimal":
		q.Kind = survey.KindNumber
	case "date":
		q.Kind = survey.KindDate
	case "range":
		q.Kind = survey.KindNumber
	case "acknowledge":
		// A one-choice question needs two choices, and a note saves no
		// answer; "yes / no / not sure" keeps the answer and lets a
		// participant say they do not agree.
		q.Kind = survey.KindYesNo
		rd.note("acknowledge", at, "Speakeasy asks these (acknowledge) as yes / no / not sure questions: %s.", q.ID)
	case "select_one", "select_multiple":
		q.Kind = survey.KindOne
		if word == "select_multiple" {
			q.Kind = survey.KindMany
		}
		// pyxform's three ways to write or_other.
		rest := strings.ToLower(strings.Join(args[min(len(args), 1):], " "))
		if rest == "or_other" || rest == "or other" || rest == "or specify other" {
			args = args[:1]
			rd.others[q.ID] = true
		}
		switch {
		case len(args) == 0:
			rd.fail(at, fmt.Sprintf("write the name of a list from the choices sheet after %s, like \"%s colours\".", word, word))
			return q, false
		case len(args) > 1:
			rd.cannot(at, q.ID, fmt.Sprintf("After the list name there is %q, which Speakeasy does not understand.", strings.Join(args[1:], " ")))
			return q, false
		}
		if l = rd.lists[args[0]]; l == nil {
			rd.fail(at, fmt.Sprintf("the list %q is not on the choices sheet.", args[0]))
			return q, false
		}
		l.used = true
		rd.places.lists[q.ID] = l.name
	default:
		rd.cannot(at, q.ID, fmt.Sprintf("Speakeasy does not know the type %q.", word))
		return q, false
	}
	if len(args) > 0 && l == nil {
		rd.cannot(at, q.ID, fmt.Sprintf("After %s there is %q, which Speakeasy does not understand.", word, strings.Join(args, " ")))
		return q, false
	}

	q.Text = rd.texts(t, r, "label")
	q.Hint = rd.texts(t, r, "hint")
	q.Easier = rd.texts(t, r, "easier") // Speakeasy's own: "I don't understand" shows it
	q.RequiredMessage = rd.texts(t, r, "required_message")
	q.ConstraintMessage = rd.texts(t, r, "constraint_message")
	q.Picture = rd.media(t, r, "media::image", true)
	q.Sound = rd.media(t, r, "media::audio", false)
	for _, i := range t.cols("label") {
		if strings.Contains(t.raw(r, i), "${") {
			rd.note("dollar", t.place(r, i), "Speakeasy shows ${...} in words as it is written; it does not put answers into words: %s.", q.ID)
			break
		}
	}

	reqCol := t.col("required")
	required, ok := yes(t.cell(r, reqCol))
	switch {
	case !ok:
		rd.notice(t.place(r, reqCol), fmt.Sprintf("Speakeasy cannot make a question required only sometimes (%q), so it is not required.", t.cell(r, reqCol)))
	case required && q.Kind == survey.KindNote:
		rd.notice(t.place(r, reqCol), "an information screen has no answer, so it is not required.")
	default:
		q.Required = required
	}
	q.Relevant = and(groupRelevant, t.cell(r, t.col("relevant")))
	q.Constraint = t.cell(r, t.col("constraint"))
	if c := t.col("choice_filter"); t.cell(r, c) != "" {
		if rd.strict {
			rd.fail(t.place(r, c), "Speakeasy cannot narrow the choices by an earlier answer (choice_filter); make a question for each set of choices.")
			return q, false
		}
		rd.note("choice_filter", t.place(r, c), "Speakeasy cannot narrow the choices by an earlier answer (choice_filter), so these questions show all their choices: %s.", q.ID)
	}

	faces := rd.appearance(t, r, word, &q)
	rd.options(t, r, &q)
	if word == "range" {
		rd.rangeParams(t, r, &q)
	} else if c := t.col("parameters"); t.cell(r, c) != "" {
		rd.notice(t.place(r, c), fmt.Sprintf("Speakeasy does not use the parameters %q for this type.", t.cell(r, c)))
	}
	rd.bounds(t, r, &q)
	if l != nil {
		rd.choices(t.place(r, t.col("type")), l, faces, &q)
		rd.addOther(&q)
	}
	return q, true
}

// appearance reads the appearance column: "quick" moves on after a tap, and
// "likert" or a faces appearance on a select_one asks for faces.
func (rd *reader) appearance(t *table, r row, word string, q *survey.Question) (faces bool) {
	c := t.col("appearance")
	var unused []string
	for _, a := range strings.Fields(strings.ToLower(t.cell(r, c))) {
		switch {
		case a == "quick":
			q.Quick = true
		case word == "select_one" && (a == "likert" || strings.Contains(a, "faces")):
			faces = true
		default:
			unused = append(unused, a)
		}
	}
	if len(unused) > 0 {
		rd.notice(t.place(r, c), fmt.Sprintf("Speakeasy does not use the appearance %q; it shows every question on its own screen with big buttons.", strings.Join(unused, " ")))
	}
	return faces
}

// aboutWhen in speakeasy_options starts a date with "About when?" tiles.
const aboutWhen = "about_when"

// options reads Speakeasy's own speakeasy_options column.
func (rd *reader) options(t *table, r row, q *survey.Question) {
	c := t.col("speakeasy_options")
	for _, o := range strings.Fields(t.cell(r, c)) {
		switch strings.ToLower(o) {
		case survey.DontKnow:
			q.DontKnow = true
		case survey.PreferNot:
			q.PreferNot = true
		case aboutWhen:
			q.AboutWhen = true
		default:
			rd.notice(t.place(r, c), fmt.Sprintf("Speakeasy does not know the option %q; use dont_know, prefer_not or about_when.", o))
		}
	}
}

// choices gives a select question its choices, or makes it a faces or a
// yes / no / not sure question.
func (rd *reader) choices(at Place, l *list, faces bool, q *survey.Question) {
	var own []survey.Choice
	for _, c := range l.choices {
		switch c.Value {
		case survey.DontKnow:
			q.DontKnow = true
		case survey.PreferNot:
			q.PreferNot = true
		default:
			own = append(own, c)
			continue
		}
		rd.notice(at, fmt.Sprintf("the list %q has the choice %q; Speakeasy adds it with its own words and picture.", l.name, c.Value))
	}
	n := len(own)
	switch {
	case faces && (n == 2 || n == 3 || n == 5):
		q.Kind, q.Faces = survey.KindFaces, n
		if !isFacesList(l.name, own) {
			rd.notice(at, fmt.Sprintf("Speakeasy asks this with %d faces, saved as 1 (worst) to %d (best), with its own words; the list %q must go from worst to best.", n, n, l.name))
		}
	case faces:
		rd.notice(at, fmt.Sprintf("Speakeasy shows 2, 3 or 5 faces, and the list %q has %d choices, so it is asked with words.", l.name, n))
		q.Choices = own
	case l.name == yesNoList && q.Kind == survey.KindOne && values(own) == "yes no not_sure":
		q.Kind = survey.KindYesNo
	default:
		q.Choices = own
	}
}

// The lists Write makes for faces and yes / no questions.
const yesNoList = "yes_no_not_sure"

func facesList(n int) string { return "faces" + strconv.Itoa(n) }

func isFacesList(name string, cs []survey.Choice) bool {
	want := make([]string, len(cs))
	for i := range cs {
		want[i] = strconv.Itoa(i + 1)
	}
	return name == facesList(len(cs)) && values(cs) == strings.Join(want, " ")
}

func values(cs []survey.Choice) string {
	vs := make([]string, len(cs))
	for i, c := range cs {
		vs[i] = c.Value
	}
	return strings.Join(vs, " ")
}

var spacedEquals = regexp.MustCompile(`\s*=\s*`)

// rangeParams reads a range's parameters: start and end become the
// smallest and biggest number. ODK's defaults are start=1 end=10.
func (rd *reader) rangeParams(t *table, r row, q *survey.Question) {
	c := t.col("parameters")
	v := strings.NewReplacer(";", " ", ",", " ").Replace(t.cell(r, c))
	min, max := 1.0, 10.0
	for _, f := range strings.Fields(spacedEquals.ReplaceAllString(v, "=")) {
		k, val, _ := strings.Cut(f, "=")
		n, err := strconv.ParseFloat(val, 64)
		switch k = strings.ToLower(k); {
		case k != "start" && k != "end" && k != "step":
			rd.notice(t.place(r, c), fmt.Sprintf("Speakeasy does not use %q for a range.", f))
		case err != nil:
			rd.fail(t.place(r, c), fmt.Sprintf("write the range with numbers, like \"start=1 end=10\"; %q is not a number.", val))
		case k == "start":
			min = n
		case k == "end":
			max = n
		case n != 1:
			rd.notice(t.place(r, c), fmt.Sprintf("Speakeasy takes any number from start to end, so step=%s is not used.", val))
		}
	}
	q.Min, q.Max = &min, &max
}

// bounds reads Speakeasy's own speakeasy_min and speakeasy_max columns,
// which carry a number question's bounds when it has only one.
func (rd *reader) bounds(t *table, r row, q *survey.Question) {
	for _, b := range []struct {
		base string
		to   **float64
	}{{"speakeasy_min", &q.Min}, {"speakeasy_max", &q.Max}} {
		c := t.col(b.base)
		v := t.cell(r, c)
		if v == "" {
			continue
		}
		n, err := strconv.ParseFloat(v, 64)
		switch {
		case q.Kind != survey.KindNumber:
			rd.notice(t.place(r, c), "only number questions have a smallest or biggest number, so this is left out.")
		case err != nil:
			rd.fail(t.place(r, c), fmt.Sprintf("%q is not a number.", v))
		default:
			*b.to = &n
		}
	}
}
