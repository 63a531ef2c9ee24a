package survey

import (
	"strings"
	"testing"
)

type mapEnv struct {
	answers map[string]Answer
	self    Answer
}

func (m mapEnv) Lookup(id string) Answer { return m.answers[id] }
func (m mapEnv) Self() Answer            { return m.self }

func TestExpr_Eval(t *testing.T) {
	env := mapEnv{answers: map[string]Answer{
		"plan": {"yes"}, "age": {"15"}, "help": {"doctor", "family"}, "name": {"Sam"}, "blank": nil,
	}, self: Answer{"7"}}
	tests := []struct {
		src  string
		want bool
	}{
		{"${plan} = 'yes'", true},
		{"${plan} = \"no\"", false},
		{"${plan} != 'no'", true},
		{"${age} >= 14", true},
		{"${age} > 15", false},
		{"${age} < 15.5", true},
		{"${age} <= 15", true},
		{"${age} = 15", true},
		{"${age} = '15.0'", true},
		{"${blank} > 3", false},
		{"${blank} < 3", false},
		{"${blank} = ''", true},
		{"${name} > 3", false},
		{"selected(${help}, 'doctor')", true},
		{"selected(${help}, 'school')", false},
		{"selected(${blank}, 'school')", false},
		{"count-selected(${help}) = 2", true},
		{"count-selected(${help}) > 2", false},
		{"count-selected(${blank}) = 0", true},
		{"not(${plan} = 'yes')", false},
		{"not(selected(${help}, 'school'))", true},
		{"${plan} = 'yes' and ${age} >= 16", false},
		{"${plan} = 'yes' and ${age} >= 16 or ${name} = 'Sam'", true},
		{"${plan} = 'yes' and (${age} >= 16 or ${name} = 'Sam')", true},
		{"(${plan} = 'no')", false},
		{". > 5 and . <= 10", true},
		{". >= -1", true},
		{"true()", true},
		{"false() or ${plan}", true},
		{"${blank}", false},
	}
	for _, tt := range tests {
		e, err := ParseExpr(tt.src)
		if err != nil {
			t.Errorf("ParseExpr(%q): %v", tt.src, err)
			continue
		}
		if got := e.Eval(env); got != tt.want {
			t.Errorf("%q = %v, want %v", tt.src, got, tt.want)
		}
		if e.String() != tt.src {
			t.Errorf("String() = %q, want %q", e.String(), tt.src)
		}
	}
}

func TestExpr_Refs(t *testing.T) {
	e, err := ParseExpr("${a} = 'x' and (selected(${b}, 'y') or ${a} != 'z') and . > 1")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(e.Refs(), ","); got != "a,b" {
		t.Fatalf("Refs = %s", got)
	}
}

func TestExpr_Errors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"", "empty"},
		{"${a} = 'x", "closing quote"},
		{"${a = 'x'", "at character 1"},
		{"${a b} = 1", "not a question ID"},
		{"${a} = ", "stops too soon"},
		{"${a} = 'x' and", "stops too soon"},
		{"${a} = 'x')", "something extra"},
		{"(${a} = 'x'", `")" is missing`},
		{"today() > 3", `"today" is not something Speakeasy can check`},
		{"selected(${a})", "needs 2 part(s), not 1"},
		{"${a} + 1", `does not understand "+"`},
		{"${a} = 'x' ${b}", "something extra"},
		{"selected(${a}, 'x' 'y')", `expected ","`},
		{"= 3", `did not expect "="`},
		{"${a} = 1 ± 2", `does not understand "±"`},
		{"año(${a})", `"año" is not something`},
		{"${a} = 1.2.3", "not a number"},
	}
	for _, tt := range tests {
		_, err := ParseExpr(tt.src)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseExpr(%q) error %v, want it to say %q", tt.src, err, tt.want)
		}
	}
}

func FuzzParseExpr(f *testing.F) {
	for _, s := range []string{"${a} = 'x'", "selected(${b}, 'y') and not(${c} >= 3)", "count-selected(${d}) > 1 or (. < 5)", "${", "((", "'"} {
		f.Add(s)
	}
	env := mapEnv{answers: map[string]Answer{"a": {"x"}, "b": {"y", "z"}}, self: Answer{"4"}}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := ParseExpr(src)
		if err != nil {
			return
		}
		e.Eval(env)
		e.Refs()
	})
}
