package survey

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Expr is a parsed skip rule or answer rule, in the subset of XLSForm's
// expression language that Speakeasy understands:
//
//	${q} = 'x'   ${q} != 'x'   ${n} >= 3   selected(${q}, 'x')
//	count-selected(${q}) > 1   not(...)   ... and ...   ... or ...   (...)
//
// "." stands for the answer being checked in a constraint.
type Expr interface {
	// Eval works the rule out against answers.
	Eval(env Env) bool
	// Refs lists the question IDs the rule uses, each once.
	Refs() []string
	// String gives the rule back in XLSForm spelling.
	String() string
}

// Env gives a rule the answers it needs. Self is the answer "." means.
type Env interface {
	Lookup(id string) Answer
	Self() Answer
}

// ParseExpr reads a rule. Its error says where the rule went wrong.
func ParseExpr(src string) (Expr, error) {
	p := &parser{src: src}
	if err := p.lex(); err != nil {
		return nil, err
	}
	if len(p.toks) == 0 {
		return nil, fmt.Errorf("the rule is empty")
	}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		return nil, p.errorf("there is something extra: %q", p.toks[p.pos].text)
	}
	return &rule{root: n, src: src}, nil
}

type rule struct {
	root node
	src  string
}

func (r *rule) Eval(env Env) bool { return r.root.eval(env).truth() }
func (r *rule) String() string    { return r.src }
func (r *rule) Refs() []string {
	var out []string
	seen := map[string]bool{}
	r.root.refs(func(id string) {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	})
	return out
}

// value is what a part of a rule works out to.
type value struct {
	str    string
	num    float64
	isNum  bool
	isBool bool
	b      bool
}

func (v value) truth() bool {
	switch {
	case v.isBool:
		return v.b
	case v.isNum:
		return v.num != 0 && !math.IsNaN(v.num)
	}
	return v.str != ""
}

func (v value) number() (float64, bool) {
	if v.isNum {
		return v.num, true
	}
	if v.isBool {
		if v.b {
			return 1, true
		}
		return 0, true
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v.str), 64)
	return f, err == nil
}

func (v value) text() string {
	switch {
	case v.isBool:
		if v.b {
			return "true"
		}
		return "false"
	case v.isNum:
		return strconv.FormatFloat(v.num, 'f', -1, 64)
	}
	return v.str
}

type node interface {
	eval(Env) value
	refs(func(string))
}

type lit struct{ v value }

func (n lit) eval(Env) value    { return n.v }
func (n lit) refs(func(string)) {}

type ref struct{ id string } // id "" means "."

func (n ref) eval(env Env) value {
	if n.id == "" {
		return value{str: env.Self().String()}
	}
	return value{str: env.Lookup(n.id).String()}
}
func (n ref) refs(f func(string)) {
	if n.id != "" {
		f(n.id)
	}
}

type binary struct {
	op   string
	l, r node
}

func (n binary) refs(f func(string)) { n.l.refs(f); n.r.refs(f) }
func (n binary) eval(env Env) value {
	switch n.op {
	case "and":
		return boolean(n.l.eval(env).truth() && n.r.eval(env).truth())
	case "or":
		return boolean(n.l.eval(env).truth() || n.r.eval(env).truth())
	}
	l, r := n.l.eval(env), n.r.eval(env)
	ln, lok := l.number()
	rn, rok := r.number()
	numeric := lok && rok && (l.isNum || r.isNum || (l.str != "" && r.str != ""))
	if n.op == "=" || n.op == "!=" {
		eq := l.text() == r.text()
		if numeric {
			eq = ln == rn
		}
		return boolean(eq == (n.op == "="))
	}
	if !numeric {
		// An empty or non-number answer makes any size comparison false, as in ODK.
		return boolean(false)
	}
	switch n.op {
	case "<":
		return boolean(ln < rn)
	case "<=":
		return boolean(ln <= rn)
	case ">":
		return boolean(ln > rn)
	default: // ">="
		return boolean(ln >= rn)
	}
}

type call struct {
	fn   string
	args []node
}

func (n call) refs(f func(string)) {
	for _, a := range n.args {
		a.refs(f)
	}
}
func (n call) eval(env Env) value {
	switch n.fn {
	case "not":
		return boolean(!n.args[0].eval(env).truth())
	case "selected":
		want := n.args[1].eval(env).text()
		for _, v := range strings.Fields(n.args[0].eval(env).text()) {
			if v == want {
				return boolean(true)
			}
		}
		return boolean(false)
	case "count-selected":
		return value{isNum: true, num: float64(len(strings.Fields(n.args[0].eval(env).text())))}
	case "true":
		return boolean(true)
	default: // "false"
		return boolean(false)
	}
}

func boolean(b bool) value { return value{isBool: true, b: b} }

// functions maps each known function to how many arguments it takes.
var functions = map[string]int{"not": 1, "selected": 2, "count-selected": 1, "true": 0, "false": 0}

type token struct {
	kind byte // 'r' ref, 's' string, 'n' number, 'i' word, 'o' operator, '.' self
	text string
	at   int
}

type parser struct {
	src  string
	toks []token
	pos  int
}

func (p *parser) errorf(format string, args ...any) error {
	at := len(p.src)
	if p.pos < len(p.toks) {
		at = p.toks[p.pos].at
	}
	return fmt.Errorf("at character %d: %s", at+1, fmt.Sprintf(format, args...))
}

func (p *parser) lex() error {
	s := p.src
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case strings.HasPrefix(s[i:], "${"):
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return fmt.Errorf("at character %d: ${ has no closing }", i+1)
			}
			id := strings.TrimSpace(s[i+2 : i+end])
			if !idPattern.MatchString(id) {
				return fmt.Errorf("at character %d: %q is not a question ID", i+1, id)
			}
			p.toks = append(p.toks, token{'r', id, i})
			i += end + 1
		case c == '\'' || c == '"':
			end := strings.IndexByte(s[i+1:], c)
			if end < 0 {
				return fmt.Errorf("at character %d: the words in quotes have no closing quote", i+1)
			}
			p.toks = append(p.toks, token{'s', s[i+1 : i+1+end], i})
			i += end + 2
		case c >= '0' && c <= '9' || (c == '-' || c == '.') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			j := i + 1
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			if _, err := strconv.ParseFloat(s[i:j], 64); err != nil {
				return fmt.Errorf("at character %d: %q is not a number", i+1, s[i:j])
			}
			p.toks = append(p.toks, token{'n', s[i:j], i})
			i = j
		case c == '.':
			p.toks = append(p.toks, token{'.', ".", i})
			i++
		case unicode.IsLetter(firstRune(s[i:])):
			j := i + 1
			for j < len(s) && (unicode.IsLetter(firstRune(s[j:])) || s[j] == '-' || s[j] == '_' || s[j] >= '0' && s[j] <= '9') {
				_, size := utf8.DecodeRuneInString(s[j:])
				j += size
			}
			p.toks = append(p.toks, token{'i', s[i:j], i})
			i = j
		case strings.HasPrefix(s[i:], "!=") || strings.HasPrefix(s[i:], "<=") || strings.HasPrefix(s[i:], ">="):
			p.toks = append(p.toks, token{'o', s[i : i+2], i})
			i += 2
		case strings.IndexByte("=<>(),", c) >= 0:
			p.toks = append(p.toks, token{'o', string(c), i})
			i++
		default:
			return fmt.Errorf("at character %d: Speakeasy does not understand %q in a rule", i+1, string(firstRune(s[i:])))
		}
	}
	return nil
}

// firstRune is the letter s starts with (a letter may be several bytes).
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func (p *parser) peek(kind byte, text string) bool {
	return p.pos < len(p.toks) && p.toks[p.pos].kind == kind && p.toks[p.pos].text == text
}

func (p *parser) expect(text string) error {
	if !p.peek('o', text) {
		if p.pos >= len(p.toks) {
			return p.errorf("the rule stops too soon; %q is missing", text)
		}
		return p.errorf("expected %q but found %q", text, p.toks[p.pos].text)
	}
	p.pos++
	return nil
}

func (p *parser) or() (node, error)  { return p.chain("or", p.and) }
func (p *parser) and() (node, error) { return p.chain("and", p.compare) }

func (p *parser) chain(word string, next func() (node, error)) (node, error) {
	l, err := next()
	if err != nil {
		return nil, err
	}
	for p.peek('i', word) {
		p.pos++
		r, err := next()
		if err != nil {
			return nil, err
		}
		l = binary{word, l, r}
	}
	return l, nil
}

func (p *parser) compare() (node, error) {
	l, err := p.primary()
	if err != nil {
		return nil, err
	}
	for _, op := range []string{"=", "!=", "<", "<=", ">", ">="} {
		if p.peek('o', op) {
			p.pos++
			r, err := p.primary()
			if err != nil {
				return nil, err
			}
			return binary{op, l, r}, nil
		}
	}
	return l, nil
}

func (p *parser) primary() (node, error) {
	if p.pos >= len(p.toks) {
		return nil, p.errorf("the rule stops too soon")
	}
	t := p.toks[p.pos]
	p.pos++
	switch t.kind {
	case 'r':
		return ref{t.text}, nil
	case '.':
		return ref{""}, nil
	case 's':
		return lit{value{str: t.text}}, nil
	case 'n':
		f, _ := strconv.ParseFloat(t.text, 64)
		return lit{value{isNum: true, num: f}}, nil
	case 'i':
		want, ok := functions[t.text]
		if !ok {
			p.pos--
			return nil, p.errorf("%q is not something Speakeasy can check; use ${question}, quotes, numbers, selected(), count-selected(), not(), and, or", t.text)
		}
		if err := p.expect("("); err != nil {
			return nil, err
		}
		var args []node
		for !p.peek('o', ")") {
			if len(args) > 0 {
				if err := p.expect(","); err != nil {
					return nil, err
				}
			}
			a, err := p.or()
			if err != nil {
				return nil, err
			}
			args = append(args, a)
		}
		p.pos++
		if len(args) != want {
			return nil, fmt.Errorf("at character %d: %s() needs %d part(s), not %d", t.at+1, t.text, want, len(args))
		}
		return call{t.text, args}, nil
	case 'o':
		if t.text == "(" {
			n, err := p.or()
			if err != nil {
				return nil, err
			}
			return n, p.expect(")")
		}
	}
	p.pos--
	return nil, p.errorf("did not expect %q here", t.text)
}
