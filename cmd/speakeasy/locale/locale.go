// Package locale gives Fyne a locale it can read when the system's is the
// plain C one. Debian and Docker set LANG=C.UTF-8; Fyne takes "C" from it
// as the language, cannot parse that, and logs "Fyne error: Error parsing
// user locale C" on every start, --help included. Fyne's answer is English
// either way, so the line only alarms people.
//
// Fyne reads the locale in the init of its lang package, before any code in
// package main runs, so the fix is in this package's init. Go initialises
// packages in the order of their import paths, each once its own imports
// are (the Go spec, "Package initialization"). This package imports only os
// and strings; Fyne's lang imports text/template, which needs both and
// sorts after "speakeasy/...", so this init always runs before Fyne's. The
// test TestLocale_NoFyneErrorUnderC in cmd/speakeasy checks the real binary.
//
// Only main imports it: a test or a library that sets its own locale is
// left alone.
package locale

import (
	"os"
	"strings"
)

func init() { fix(os.Getenv, os.Setenv) }

// fix sets LANGUAGE=en when the locale that decides the language (LC_ALL,
// else LC_MESSAGES, else LANG: the first one set) is C or POSIX with a
// character set ("C.UTF-8"), and LANGUAGE is not set. Fyne's locale reader
// then takes "en" from LANGUAGE, as gettext does; LANG itself stays as it
// is, so programs Speakeasy starts (the system's voice) keep UTF-8. The
// bare "C" and "POSIX" need nothing: Fyne knows them.
func fix(getenv func(string) string, setenv func(string, string) error) {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		base, _, _ := strings.Cut(v, ".")
		base, _, _ = strings.Cut(base, "@")
		if (base == "C" || base == "POSIX") && v != base && getenv("LANGUAGE") == "" {
			_ = setenv("LANGUAGE", "en")
		}
		return
	}
}
