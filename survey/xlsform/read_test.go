package xlsform

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"speakeasy/survey"
)

var update = flag.Bool("update", false, "rewrite the expected surveys in testdata/xlsform")

const forms = "../../testdata/xlsform/"

// TestRead_Full reads a form with every column and type Speakeasy supports
// and compares the survey with the one expected in full.json.
func TestRead_Full(t *testing.T) {
	form, err := ReadFormFile(forms+"full.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := marshal(t, form.Survey)
	if *update {
		if err := os.WriteFile(forms+"full.json", []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := loadJSON(t, forms+"full.json")
	sameSurvey(t, form.Survey, want)

	wantNotices := []struct {
		place Place
		says  string
	}{
		{Place{"survey", 2, "type"}, "so these rows are left out: start, end, today and deviceid."},
		{Place{"survey", 8, "type"}, "such as field-list, are not shown. Groups: plan and more."},
		{Place{"survey", 11, "type"}, `with 5 faces, saved as 1 (worst) to 5 (best), with its own words; the list "agree5"`},
		{Place{"survey", 13, "type"}, `the list "places" has the choice "dont_know"`},
		{Place{"survey", 16, "type"}, "also take numbers with a decimal point (integer): age."},
		{Place{"survey", 21, "type"}, "(acknowledge) as yes / no / not sure questions: agree."},
		{Place{"survey", 23, "media::image::English (en)"}, `the file "missing.png" is not in the folder`},
		{Place{"survey", 23, "default"}, `does not use the column "default"`},
		{Place{"survey", 24, "type"}, `the list "likert4" has 4 choices, so it is asked with words`},
		{Place{"choices", 19, "media::image"}, `the file "small-hand.png" is not in the folder`},
		{Place{"choices", 23, ""}, `no question uses the list "spare"`},
		{Place{"settings", 2, "style"}, `does not use the column "style"`},
	}
	// Four rows of one kind are one notice that names them all.
	if n := form.Notices[0]; fmt.Sprint(n.Rows) != "[2 3 4 5]" || !strings.HasPrefix(n.String(), "survey sheet, rows 2, 3, 4 and 1 more (4 in all), column type: ") {
		t.Errorf("first notice %q, rows %v", n, n.Rows)
	}
	if len(form.Notices) != len(wantNotices) {
		t.Errorf("got %d notices, want %d:", len(form.Notices), len(wantNotices))
		for _, n := range form.Notices {
			t.Log(n)
		}
		return
	}
	for i, w := range wantNotices {
		if n := form.Notices[i]; n.Place != w.place || !strings.Contains(n.Message, w.says) {
			t.Errorf("notice %d: %v\nwant at %v saying %q", i, n, w.place, w.says)
		}
	}
}

// TestRead_Spellings reads headings and sheet names spelled as real files
// spell them, headings with no language, and numbers and booleans in cells.
func TestRead_Spellings(t *testing.T) {
	s, notices, err := ReadFile(forms + "spellings.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "spelled" || s.Version != 7 || s.Title["en"] != "Spellings" || strings.Join(s.Languages, " ") != "en" {
		t.Errorf("settings: id %q, version %d, title %v, languages %v", s.ID, s.Version, s.Title, s.Languages)
	}
	if len(s.Questions) != 3 {
		t.Fatalf("questions: %d, want 3", len(s.Questions))
	}
	colour, count, bye := &s.Questions[0], &s.Questions[1], &s.Questions[2]
	if colour.Kind != survey.KindOne || !colour.Required || colour.Hint["en"] != "Any one." ||
		colour.RequiredMessage["en"] != "Please pick." || colour.Picture != "artist-palette" {
		t.Errorf("colour: %+v", colour)
	}
	if len(colour.Choices) != 3 || colour.Choices[0].Picture != "red-heart" || colour.Choices[2].Value != "3" {
		t.Errorf("colour choices: %+v", colour.Choices)
	}
	if count.Kind != survey.KindNumber || count.Required || count.Relevant != "(${colour} = 'red') and (${colour} != '')" {
		t.Errorf("count: %+v", count)
	}
	if bye.Sound != "bye.ogg" {
		t.Errorf("bye: %+v", bye)
	}
	if len(notices) != 3 || notices[2].Place != (Place{"survey", 6, "Audio"}) {
		t.Errorf("notices: %v", notices)
	}
}

// TestRead_Refusals reads strictly one form per thing Speakeasy cannot
// carry: each is refused, naming the place.
func TestRead_Refusals(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"repeat.xlsx", "survey sheet, row 3, column type: Speakeasy cannot ask the same questions again and again (begin_repeat); give each question its own row."},
		{"calculate.xlsx", "survey sheet, row 3, column type: Speakeasy cannot work things out from other answers (calculate); ask it as a question or take the row out."},
		{"beyond_subset.xlsx", `survey sheet, row 3, column relevant: the skip rule "string-length(${first}) > 2": at character 1: "string-length" is not something Speakeasy can check; use ${question}, quotes, numbers, selected(), count-selected(), not(), and, or`},
		{"geopoint.xlsx", "survey sheet, row 3, column type: Speakeasy cannot ask for a map point (geopoint)."},
		{"geotrace.xlsx", "survey sheet, row 3, column type: Speakeasy cannot ask for a line on a map (geotrace)."},
		{"geoshape.xlsx", "survey sheet, row 3, column type: Speakeasy cannot ask for a shape on a map (geoshape)."},
		{"image.xlsx", "survey sheet, row 3, column type: Speakeasy cannot take a photo (image); to show a picture, put its file name in the image column."},
		{"audio.xlsx", "survey sheet, row 3, column type: Speakeasy cannot record a sound (audio); to play a sound, put its file name in the audio column."},
		{"video.xlsx", "survey sheet, row 3, column type: Speakeasy cannot record a video (video)."},
		{"barcode.xlsx", "survey sheet, row 3, column type: Speakeasy cannot scan a barcode (barcode)."},
		{"select_from_file.xlsx", "survey sheet, row 3, column type: Speakeasy cannot take choices from a file (select_one_from_file); put the choices on the choices sheet."},
		{"choice_filter.xlsx", "survey sheet, row 3, column choice_filter: Speakeasy cannot narrow the choices by an earlier answer (choice_filter); make a question for each set of choices."},
		{"unknown_type.xlsx", `survey sheet, row 3, column type: Speakeasy does not know the type "slider".`},
		{"missing_list.xlsx", `survey sheet, row 3, column type: the list "colours" is not on the choices sheet.`},
		{"duplicate_name.xlsx", `survey sheet, row 3, column name: the name "first" is used on row 2 already; each row needs its own name.`},
		{"unclosed_group.xlsx", "survey sheet, row 3, column type: this group has no end_group row after it."},
		{"duplicate_choice.xlsx", `choices sheet, row 3, column name: the list "yn" has the name "yes" on row 2 already; each choice in a list needs its own name.`},
		{"no_survey_sheet.xlsx", `the workbook has no sheet called "survey", so it is not an XLSForm`},
		{"not_a_workbook.xlsx", "the file is not an Excel workbook (.xlsx) that Speakeasy can read: zip: not a valid zip file"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			f, err := ReadFormFile(forms+tc.file, Options{Strict: true})
			if err == nil {
				s := f.Survey
				t.Fatalf("read with no error: %+v", s)
			}
			if err.Error() != tc.want {
				t.Errorf("error:\n got: %v\nwant: %s", err, tc.want)
			}
		})
	}
}

func TestRead_ErrorsNameEachPlace(t *testing.T) {
	_, err := ReadFormFile(forms+"repeat.xlsx", Options{Strict: true})
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 || es[0].Place != (Place{"survey", 3, "type"}) {
		t.Errorf("error %#v, want one Error at survey row 3", err)
	}
}

// TestForm_Place finds where parts of the survey came from, for warnings.
func TestForm_Place(t *testing.T) {
	form, err := ReadFormFile(forms+"full.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		question, field, choice, lang string
		want                          Place
	}{
		{"who", "text", "", "cy", Place{"survey", 7, "Label::Cymraeg (cy)"}},
		{"who", "picture", "", "", Place{"survey", 7, "media::image::English (en)"}},
		{"who", "choices", "parent", "en", Place{"choices", 3, "label::English (en)"}},
		{"who", "choices", "parent", "", Place{"choices", 3, "media::image"}},
		{"age", "hint", "", "cy", Place{"survey", 16, "hint::Cymraeg (cy)"}},
		{"age", "relevant", "", "", Place{"survey", 16, "relevant"}},
		{"", "title", "", "en", Place{"settings", 2, "form_title"}},
		{"", "title", "", "cy", Place{"settings", 2, "speakeasy_title::Cymraeg (cy)"}},
		{"", "thanks", "", "cy", Place{"settings", 2, "speakeasy_thanks::Cymraeg (cy)"}},
	} {
		if got := form.Place(tc.question, tc.field, tc.choice, tc.lang); got != tc.want {
			t.Errorf("Place(%q, %q, %q, %q) = %v, want %v", tc.question, tc.field, tc.choice, tc.lang, got, tc.want)
		}
	}
}

func TestRead_ProblemsNameTheirPlace(t *testing.T) {
	// A form whose rows read well but whose survey is not valid.
	var buf bytes.Buffer
	s := loadJSON(t, "../testdata/walk.json")
	s.Questions[1].Relevant = "${more} = 'x'" // a later question
	if err := Write(s, &buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	_, err := ReadForm(bytes.NewReader(data), Options{Strict: true})
	want := `survey sheet, row 3, column relevant: the skip rule uses ${more}, which is not an earlier question`
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	// Not strict, the form comes in without that rule, and says so.
	f, err := ReadForm(bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Survey.Questions[1].Relevant != "" || len(f.Notices) != 1 || f.Notices[0].String() != "survey sheet, row 3, column relevant: "+
		"Speakeasy cannot check this skip rule, so the question is always asked: "+s.Questions[1].ID+" (the skip rule uses ${more}, which is not an earlier question)." {
		t.Errorf("relevant %q, notices %q", f.Survey.Questions[1].Relevant, f.Notices)
	}
}

func TestHeaders(t *testing.T) {
	for _, tc := range []struct{ text, base, lang string }{
		{"label::English (en)", "label", "en"},
		{"Label::Cymraeg (cy)", "label", "cy"},
		{"LABEL :: Welsh", "label", "cy"},
		{"label::fr", "label", "fr"},
		{"label::Português (pt-BR)", "label", "pt-br"},
		{"media::image::English (en)", "media::image", "en"},
		{"media::image::en", "media::image", "en"},
		{"Image", "media::image", ""},
		{"list name", "list_name", ""},
		{"List_Name", "list_name", ""},
		{"jr:constraintMsg", "constraint_message", ""},
		{"hint::Klingon", "hint", "klingon"},
	} {
		h := parseHeader(tc.text, false)
		if h.base != tc.base || h.lang != tc.lang {
			t.Errorf("%q: base %q lang %q, want %q %q", tc.text, h.base, h.lang, tc.base, tc.lang)
		}
	}
}

func TestReadFile_NoSettingsSheet(t *testing.T) {
	// A form with only a survey sheet takes its ID and title from its file name.
	data, err := os.ReadFile("testdata/fuzz/FuzzRead/small-form")
	if err != nil {
		t.Fatal(err)
	}
	body := strings.TrimSuffix(strings.TrimPrefix(string(data), "go test fuzz v1\n[]byte("), ")\n")
	xlsx, err := strconv.Unquote(body)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "My form.xlsx")
	if err := os.WriteFile(path, []byte(xlsx), 0o644); err != nil {
		t.Fatal(err)
	}
	s, notices, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "My_form" || s.Title["en"] != "My form" || s.Version != 1 || len(s.Questions) != 1 {
		t.Errorf("survey %+v", s)
	}
	// There is no settings sheet, so the notices name none.
	if len(notices) != 2 || notices[0].String() != `the form has no settings sheet with a form_id, so Speakeasy made the survey's ID "My_form" from the file name.` ||
		notices[1].Place != (Place{}) {
		t.Errorf("notices %q", notices)
	}
	// Read has no file name to go by, so the ID is missing.
	_, _, err = Read(strings.NewReader(xlsx), "")
	if err == nil || !strings.HasPrefix(err.Error(), "settings sheet, column form_id: the survey needs an ID") {
		t.Errorf("error %v", err)
	}
}
