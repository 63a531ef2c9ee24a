package cli

import (
	"os"
	"path/filepath"
	"testing"

	"speakeasy/survey"
	"speakeasy/survey/xlsform"
)

// TestCheck_SurveysOwnHardWords: speakeasy check warns about the survey's
// own hard words with their plainer words, in a .json and an .xlsx, on
// top of the built-in list or a list given with --jargon.
func TestCheck_SurveysOwnHardWords(t *testing.T) {
	s, err := survey.Load(walkJSON)
	if err != nil {
		t.Fatal(err)
	}
	s.Jargon = []survey.JargonWord{{Lang: "en", Words: "plan", Plainer: "paper that says what help you get"}}
	dir := t.TempDir()
	asJSON, asXLSX := filepath.Join(dir, "walk.json"), filepath.Join(dir, "walk.xlsx")
	body, _ := s.Marshal()
	if err := os.WriteFile(asJSON, body, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(asXLSX)
	if err != nil {
		t.Fatal(err)
	}
	if err := xlsform.Write(s, f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	list := filepath.Join(dir, "words.txt")
	if err := os.WriteFile(list, []byte("walk -> stroll\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	own := `People who answer this survey find "plan" hard. Try "paper that says what help you get".`
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"json", []string{asJSON}, []string{asJSON + `: question "has_plan", field text, language en: ` + own}},
		{"xlsx", []string{asXLSX}, []string{asXLSX + `: survey sheet, row 4, column label::English (en) (question "has_plan"): ` + own}},
		{"json with --jargon", []string{asJSON, "--jargon", list}, []string{
			asJSON + `: question "has_plan", field text, language en: ` + own,
			asJSON + `: field title, language en: Some people will not know "walk". Try "stroll".`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, "check", tc.args...)
			for _, w := range tc.want {
				if code != 0 || !hasLine(out, w) {
					t.Errorf("exit %d, want line %q in:\n%s%s", code, w, out, errOut)
				}
			}
		})
	}
}
