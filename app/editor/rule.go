package editor

import (
	"fmt"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey"
)

// How a skip rule built with plain choices compares an earlier answer.
type ruleHow int

const (
	ruleIs       ruleHow = iota // ${q} = 'v'
	ruleIsNot                   // ${q} != 'v'
	ruleIncludes                // selected(${q}, 'v')
)

// ruleWords are the "is / is not / includes" choices in the admin's words.
func ruleWords() []string { return []string{lang.L("is"), lang.L("is not"), lang.L("includes")} }

// ruleExpr writes a plain-choice rule as a skip-rule expression.
func ruleExpr(id string, how ruleHow, value string) string {
	switch how {
	case ruleIsNot:
		return fmt.Sprintf("${%s} != '%s'", id, value)
	case ruleIncludes:
		return fmt.Sprintf("selected(${%s}, '%s')", id, value)
	}
	return fmt.Sprintf("${%s} = '%s'", id, value)
}

var (
	compareRule  = regexp.MustCompile(`^\$\{([^}]+)\}\s*(!?=)\s*'([^']*)'$`)
	selectedRule = regexp.MustCompile(`^selected\(\s*\$\{([^}]+)\}\s*,\s*'([^']*)'\s*\)$`)
)

// parseRule reads back a rule that plain choices could have built.
func parseRule(expr string) (id string, how ruleHow, value string, ok bool) {
	expr = strings.TrimSpace(expr)
	if m := compareRule.FindStringSubmatch(expr); m != nil {
		how = ruleIs
		if m[2] == "!=" {
			how = ruleIsNot
		}
		return m[1], how, m[3], true
	}
	if m := selectedRule.FindStringSubmatch(expr); m != nil {
		return m[1], ruleIncludes, m[2], true
	}
	return "", 0, "", false
}

// ruleBuilder is a question's skip rule: "Show this question only if
// [earlier question] [is / is not / includes] [answer]", or typed as an
// expression. The two stay in step: choosing builds the expression, and
// typing one the choices can say shows it in the choices.
type ruleBuilder struct {
	e       *editor
	q       *survey.Question
	which   *deskSelect
	how     *deskSelect
	answer  *deskSelect
	typed   *widget.Entry
	earlier map[string]*survey.Question // by the words in which
	labelOf map[string]string           // which's words by question ID
	values  map[string]string           // answer values by their words
	busy    bool                        // the selects are being set, not chosen
}

// rulePart builds question i's skip rule.
func (e *editor) rulePart(i int) fyne.CanvasObject {
	s := e.draft
	rb := &ruleBuilder{e: e, q: &s.Questions[i], earlier: map[string]*survey.Question{}, labelOf: map[string]string{}}
	var labels []string
	for j := 0; j < i; j++ {
		p := &s.Questions[j]
		if !p.Kind.HasOptions() || p.ID == "" {
			continue
		}
		l := fmt.Sprintf("%d. %s (%s)", j+1, p.Text.In(s.Lang(), ""), p.ID)
		labels = append(labels, l)
		rb.earlier[l] = p
		rb.labelOf[p.ID] = l
	}
	rb.which = newDeskSelect(labels, func(string) {
		if !rb.busy {
			rb.fillAnswers()
			rb.build()
		}
	})
	rb.which.PlaceHolder = lang.L("(a question before this one)")
	rb.how = newDeskSelect(ruleWords(), func(string) {
		if !rb.busy {
			rb.build()
		}
	})
	rb.how.PlaceHolder = lang.L("(is)")
	rb.answer = newDeskSelect(nil, func(string) {
		if !rb.busy {
			rb.build()
		}
	})
	rb.answer.PlaceHolder = lang.L("(an answer)")
	rb.typed = widget.NewEntry()
	rb.typed.SetPlaceHolder(lang.L("For example: ${age} >= 14"))
	rb.typed.SetText(rb.q.Relevant)
	rb.show(rb.q.Relevant)
	rb.typed.OnChanged = func(expr string) {
		rb.q.Relevant = strings.TrimSpace(expr)
		rb.show(rb.q.Relevant)
		e.change()
	}
	always := widget.NewButton(lang.L("Always show this question"), func() { rb.typed.SetText("") })
	e.inputs[keyAt(i, "relevant")] = rb

	choices := fyne.CanvasObject(container.NewGridWithColumns(3, rb.which, rb.how, rb.answer))
	if len(labels) == 0 {
		choices = widget.NewLabel(lang.L("No question before this one has answers to choose from."))
	}
	return container.NewVBox(
		widget.NewLabel(lang.L("Show this question only if:")),
		choices,
		widget.NewLabel(lang.L("Or type the rule:")),
		container.NewBorder(nil, nil, nil, always, rb.typed),
	)
}

// fillAnswers offers the answers of the earlier question chosen.
func (rb *ruleBuilder) fillAnswers() {
	rb.values = map[string]string{}
	var opts []string
	if p := rb.earlier[rb.which.Selected]; p != nil {
		first := rb.e.draft.Lang()
		for _, o := range p.Options(first, first) {
			l := o.Label
			if l == "" || rb.values[l] != "" {
				l = fmt.Sprintf("%s (%s)", o.Label, o.Value)
			}
			rb.values[l] = o.Value
			opts = append(opts, l)
		}
		if rb.how.SelectedIndex() < 0 {
			rb.busy = true
			if p.Kind == survey.KindMany {
				rb.how.SetSelectedIndex(int(ruleIncludes))
			} else {
				rb.how.SetSelectedIndex(int(ruleIs))
			}
			rb.busy = false
		}
	}
	rb.busy = true
	rb.answer.Options = opts
	rb.answer.ClearSelected()
	rb.busy = false
}

// build writes the rule once all three choices are made.
func (rb *ruleBuilder) build() {
	p := rb.earlier[rb.which.Selected]
	value, ok := rb.values[rb.answer.Selected]
	if p == nil || !ok || rb.how.SelectedIndex() < 0 {
		return
	}
	rb.typed.SetText(ruleExpr(p.ID, ruleHow(rb.how.SelectedIndex()), value))
}

// show sets the choices to say what expr says, or clears them when they
// cannot.
func (rb *ruleBuilder) show(expr string) {
	rb.busy = true
	defer func() { rb.busy = false }()
	id, how, value, ok := parseRule(expr)
	label, known := rb.labelOf[id]
	if !ok || !known {
		rb.which.ClearSelected()
		rb.how.ClearSelected()
		rb.answer.ClearSelected()
		return
	}
	rb.which.SetSelected(label)
	rb.busy = false
	rb.fillAnswers()
	rb.busy = true
	rb.how.SetSelectedIndex(int(how))
	for l, v := range rb.values {
		if v == value {
			rb.answer.SetSelected(l)
		}
	}
}
