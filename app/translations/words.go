// Package translations holds Speakeasy's own words in each language it
// ships (en.json, cy.json: English words as keys) and looks them up for
// code that cannot use Fyne's lang.L, such as an export written in a
// language other than the one on screen.
package translations

import (
	"embed"
	"encoding/json"
	"io/fs"
	"strings"
	"sync"
)

//go:embed *.json
var files embed.FS

var (
	loadOnce sync.Once
	byLang   map[string]map[string]string
)

// parse reads a translation file. Words with plural forms ({"one": …,
// "other": …}) give their "other" form.
func parse(data []byte) (map[string]string, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	m := make(map[string]string, len(raw))
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) != nil {
			var forms map[string]string
			if json.Unmarshal(v, &forms) != nil {
				continue
			}
			s = forms["other"]
		}
		m[k] = s
	}
	return m, nil
}

// Words is key in lang, or "" when lang has no words for it.
func Words(lang, key string) string {
	loadOnce.Do(func() {
		byLang = map[string]map[string]string{}
		names, _ := fs.Glob(files, "*.json")
		for _, name := range names {
			data, err := files.ReadFile(name)
			raw := map[string]json.RawMessage{}
			if err == nil && json.Unmarshal(data, &raw) == nil {
				// Counted words ({"one": ..., "other": ...}) are lang.N's; skip them.
				m := map[string]string{}
				for k, v := range raw {
					var s string
					if json.Unmarshal(v, &s) == nil {
						m[k] = s
					}
				}
				byLang[strings.TrimSuffix(name, ".json")] = m
			}
		}
	})
	return byLang[lang][key]
}
