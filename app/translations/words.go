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

// Words is key in lang, or "" when lang has no words for it.
func Words(lang, key string) string {
	loadOnce.Do(func() {
		byLang = map[string]map[string]string{}
		names, _ := fs.Glob(files, "*.json")
		for _, name := range names {
			data, err := files.ReadFile(name)
			m := map[string]string{}
			if err == nil && json.Unmarshal(data, &m) == nil {
				byLang[strings.TrimSuffix(name, ".json")] = m
			}
		}
	})
	return byLang[lang][key]
}
