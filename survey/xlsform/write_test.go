package xlsform

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"speakeasy/assets"
	"speakeasy/survey"
)

// roundTrip writes s as XLSForm and reads it back.
func roundTrip(t *testing.T, s *survey.Survey) (*survey.Survey, []Notice, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(s, &buf); err != nil {
		t.Fatalf("Write: %v", err)
	}
	back, notices, err := Read(bytes.NewReader(buf.Bytes()), "")
	if err != nil {
		t.Fatalf("Read after Write: %v", err)
	}
	return back, notices, buf.Bytes()
}

func marshal(t *testing.T, s *survey.Survey) string {
	t.Helper()
	b, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sameSurvey fails the test with the first differing line when a and b differ.
func sameSurvey(t *testing.T, got, want *survey.Survey) {
	t.Helper()
	g, w := marshal(t, got), marshal(t, want)
	if g == w {
		return
	}
	gl, wl := strings.Split(g, "\n"), strings.Split(w, "\n")
	for i := range wl {
		if i >= len(gl) || gl[i] != wl[i] {
			t.Fatalf("the survey changed at line %d of its JSON:\n got: %s\nwant: %s", i+1, at(gl, i), wl[i])
		}
	}
	t.Fatalf("the survey has extra lines from line %d: %s", len(wl)+1, gl[len(wl)])
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(nothing)"
}

func loadJSON(t *testing.T, path string) *survey.Survey {
	t.Helper()
	s, err := survey.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func builtin(t *testing.T, id string) *survey.Survey {
	t.Helper()
	data, ok := assets.BuiltinSurvey(id)
	if !ok {
		t.Fatalf("no built-in survey %q", id)
	}
	s, err := survey.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestWrite_RoundTrip(t *testing.T) {
	min, max := 2.5, 7.0
	everything := loadJSON(t, "../testdata/walk.json")
	everything.Welcome = survey.Text{"en": "Hello!", "cy": "Helo!"}
	everything.Thanks = survey.Text{"en": "Thank you.", "cy": "Diolch."}
	everything.Picture = "waving-hand"
	q := everything.Question("age")
	q.Hint = survey.Text{"en": "In years.", "cy": "Mewn blynyddoedd."}
	q.Constraint = ". != 13"
	q.ConstraintMessage = survey.Text{"en": "Not 13, please."}
	q.RequiredMessage = survey.Text{"cy": "Atebwch, os gwelwch yn dda."}
	q.Required = true
	q.Sound = "age.mp3"
	everything.Question("who").Quick = true
	everything.Question("who").Choices[1].Sound = "parent.ogg"
	everything.Question("listened").Quick = true
	everything.Question("listened").PreferNot = true
	everything.Question("more").Picture = "my-own.png"
	everything.Questions = append(everything.Questions,
		survey.Question{ID: "faces3", Kind: survey.KindOne, Text: survey.Text{"en": "Named like a list"},
			Choices: []survey.Choice{{Value: "a", Text: survey.Text{"en": "A"}}, {Value: "b", Text: survey.Text{"en": "B"}}}},
		survey.Question{ID: "two", Kind: survey.KindFaces, Faces: 2, Text: survey.Text{"en": "Two faces"}},
		survey.Question{ID: "low", Kind: survey.KindNumber, Min: &min, Text: survey.Text{"en": "At least 2.5"}},
		survey.Question{ID: "high", Kind: survey.KindNumber, Max: &max, Text: survey.Text{"en": "At most 7"}},
		survey.Question{ID: "both", Kind: survey.KindNumber, Min: &min, Max: &max, Text: survey.Text{"en": "2.5 to 7"}},
		survey.Question{ID: "any", Kind: survey.KindNumber, Text: survey.Text{"en": "Any number"}},
		survey.Question{ID: "moved", Kind: survey.KindDate, AboutWhen: true, DontKnow: true, Text: survey.Text{"en": "About when?"}},
	)
	if err := everything.Validate(); err != nil {
		t.Fatal(err)
	}
	everything.Version = 4

	surveys := map[string]*survey.Survey{
		"walk":       loadJSON(t, "../testdata/walk.json"),
		"full":       loadJSON(t, forms+"full.json"),
		"everything": everything,
	}
	for _, id := range assets.BuiltinSurveyIDs() {
		surveys[id] = builtin(t, id)
	}
	for name, s := range surveys {
		t.Run(name, func(t *testing.T) {
			want := marshal(t, s)
			back, notices, _ := roundTrip(t, s)
			if marshal(t, s) != want {
				t.Fatal("Write changed the survey it was given")
			}
			sameSurvey(t, back, s)
			if len(notices) != 0 {
				t.Errorf("reading back gave notices: %v", notices)
			}
		})
	}
}

func TestWrite_UnlistedLanguageKeepsItsWords(t *testing.T) {
	s := loadJSON(t, "../testdata/walk.json")
	s.Title["fr"] = "Une promenade"
	back, _, _ := roundTrip(t, s)
	if back.Title["fr"] != "Une promenade" || strings.Join(back.Languages, " ") != "en cy fr" {
		t.Errorf("title %v, languages %v: want the French words kept and French listed", back.Title, back.Languages)
	}
}

// cells reads a sheet of a written workbook as rows of cells.
func cells(t *testing.T, data []byte, sheet string) [][]string {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// column returns the value under heading in each row after the first.
func column(rows [][]string, heading string) []string {
	idx := -1
	for i, h := range rows[0] {
		if h == heading {
			idx = i
		}
	}
	var out []string
	for _, r := range rows[1:] {
		if idx >= 0 && idx < len(r) {
			out = append(out, r[idx])
		} else {
			out = append(out, "")
		}
	}
	return out
}

func TestWrite_ODKShape(t *testing.T) {
	_, _, data := roundTrip(t, loadJSON(t, "../testdata/walk.json"))
	srv := cells(t, data, "survey")
	wantHead := []string{"type", "name", "label::English (en)", "label::Cymraeg (cy)", "required", "relevant",
		"appearance", "parameters", "media::image::English (en)", "media::image::Cymraeg (cy)", "speakeasy_options"}
	if strings.Join(srv[0], "|") != strings.Join(wantHead, "|") {
		t.Errorf("survey headings %q, want %q", srv[0], wantHead)
	}
	wantTypes := []string{"select_one who", "note", "select_one yes_no_not_sure", "select_one faces3",
		"select_multiple help", "select_one faces5", "range", "date", "text"}
	if got := column(srv, "type"); strings.Join(got, "|") != strings.Join(wantTypes, "|") {
		t.Errorf("types %q, want %q", got, wantTypes)
	}
	if got := column(srv, "appearance"); got[3] != "likert" || got[5] != "likert" {
		t.Errorf("faces appearances %q", got)
	}
	if got := column(srv, "parameters"); got[6] != "start=0 end=99" {
		t.Errorf("range parameters %q", got[6])
	}
	if got := column(srv, "speakeasy_options"); got[2] != "dont_know" || got[4] != "prefer_not" {
		t.Errorf("speakeasy_options %q", got)
	}

	chs := cells(t, data, "choices")
	var faces3 []string
	for i, l := range column(chs, "list_name") {
		if l == "faces3" {
			faces3 = append(faces3, column(chs, "name")[i]+"="+column(chs, "label::Cymraeg (cy)")[i])
		}
	}
	if want := "1=Ddim yn dda|2=Iawn|3=Da"; strings.Join(faces3, "|") != want {
		t.Errorf("faces3 list %q, want %q", faces3, want)
	}

	set := cells(t, data, "settings")
	for heading, want := range map[string]string{"form_id": "walk", "version": "1", "form_title": "A walk",
		"default_language": "English (en)", "speakeasy_title::Cymraeg (cy)": "Taith", "speakeasy_answered_by": "who"} {
		if got := column(set, heading); len(got) != 1 || got[0] != want {
			t.Errorf("settings %s = %q, want %q", heading, got, want)
		}
	}
}

func TestWrite_TextIsNeverAFormula(t *testing.T) {
	s := builtin(t, "ehc-plan")
	s.Questions[0].Text["en"] = "=HYPERLINK(\"http://example.com\")"
	var buf bytes.Buffer
	if err := Write(s, &buf); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if f, _ := x.GetCellFormula("survey", "C2"); f != "" {
		t.Errorf("a label became the formula %q", f)
	}
}

func TestWrite_FileOnDisk(t *testing.T) {
	// ReadFile finds a form's files beside it.
	dir := t.TempDir()
	s := loadJSON(t, "../testdata/walk.json")
	var buf bytes.Buffer
	if err := Write(s, &buf); err != nil {
		t.Fatal(err)
	}
	path := dir + "/walk.xlsx"
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	back, notices, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sameSurvey(t, back, s)
	// "family" is not one of Speakeasy's pictures and not beside the form.
	if len(notices) != 1 || !strings.Contains(notices[0].Message, `the file "family" is not in the folder`) ||
		notices[0].Place != (Place{Sheet: "choices", Row: 3, Column: "media::image::English (en)"}) {
		t.Errorf("notices %v", notices)
	}
}
