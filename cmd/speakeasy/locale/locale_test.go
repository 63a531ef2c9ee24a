package locale

import "testing"

func TestFix_SetsLanguageOnlyForCWithACharset(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string // LANGUAGE afterwards
	}{
		{"C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, "en"},
		{"C.utf8 in LC_ALL", map[string]string{"LC_ALL": "C.utf8", "LANG": "cy_GB.UTF-8"}, "en"},
		{"POSIX with a modifier", map[string]string{"LANG": "POSIX@euro"}, "en"},
		{"LC_MESSAGES decides before LANG", map[string]string{"LC_MESSAGES": "C.UTF-8", "LANG": "en_GB.UTF-8"}, "en"},
		{"plain C is read fine", map[string]string{"LANG": "C"}, ""},
		{"plain POSIX is read fine", map[string]string{"LANG": "POSIX"}, ""},
		{"a real language", map[string]string{"LANG": "cy_GB.UTF-8"}, ""},
		{"LC_ALL wins over a C LANG", map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "C.UTF-8"}, ""},
		{"LANGUAGE already set", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "cy"}, "cy"},
		{"nothing set", map[string]string{}, ""},
		{"a language called C-something", map[string]string{"LANG": "Ca_ES.UTF-8"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range tt.env {
				env[k] = v
			}
			fix(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
			if env["LANGUAGE"] != tt.want {
				t.Errorf("LANGUAGE = %q, want %q", env["LANGUAGE"], tt.want)
			}
			for k, v := range tt.env {
				if k != "LANGUAGE" && env[k] != v {
					t.Errorf("%s changed to %q", k, env[k])
				}
			}
		})
	}
}
