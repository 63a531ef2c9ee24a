package app

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fyneAppPackage is Fyne's app package, which starts a real window and
// needs cgo: only cmd/speakeasy may import it. (Joined here so that a
// search for its import path finds the importers only.)
var fyneAppPackage = strings.Join([]string{"fyne.io", "fyne", "v2", "app"}, "/")

// TestLayers_ImportsGoOneWay reads every Go file's imports and checks the
// layers the README gives: cmd/speakeasy → app, app/editor → survey/...;
// the participant's screens never import the editor, survey knows nothing
// of screens, and only cmd/speakeasy starts a real Fyne app.
func TestLayers_ImportsGoOneWay(t *testing.T) {
	rules := []struct {
		dir    string // a folder from the module's root, and all below it
		only   bool   // the folder itself, not those below
		banned []string
	}{
		{"app", true, []string{"speakeasy/app/editor", "speakeasy/cmd"}},
		{"app", false, []string{"speakeasy/cmd", fyneAppPackage}},
		{"survey", false, []string{"speakeasy/app", "speakeasy/cmd", "fyne.io/"}},
	}
	files := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, _ := filepath.Rel("..", path)
		rel = filepath.ToSlash(rel)
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		for _, r := range rules {
			dir := filepath.ToSlash(filepath.Dir(rel))
			if dir != r.dir && (r.only || !strings.HasPrefix(dir, r.dir+"/")) {
				continue
			}
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				for _, b := range r.banned {
					if p == b || strings.HasPrefix(p, strings.TrimSuffix(b, "/")+"/") {
						t.Errorf("%s imports %s", rel, p)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("read only %d files; is the walk right?", files)
	}
}
