package xlsform

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"speakeasy/survey"
)

// TestRead_Aliases reads aliases.xlsx: one row for each way pyxform lets
// a type be written, and required written every way ODK allows.
func TestRead_Aliases(t *testing.T) {
	form, err := ReadFormFile(forms+"aliases.xlsx", Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, q := range form.Survey.Questions {
		k := string(q.Kind)
		if q.Required {
			k += "!"
		}
		kinds = append(kinds, k)
	}
	want := "one! one! one! one! one! many many many many one text number number number number number " +
		"text text text text note note date date yesno yesno number"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("kinds:\n got %s\nwant %s", got, want)
	}
	for i, q := range form.Survey.Questions[:10] {
		if want := 3 + i/9; len(q.Choices) != want { // "or specify other" adds one
			t.Errorf("%s: choices %+v, want %d", q.ID, q.Choices, want)
		}
	}
	// Fifteen metadata rows in two notices, each naming its rows.
	var meta []string
	for _, n := range form.Notices {
		if strings.Contains(n.Message, "rows are left out") {
			meta = append(meta, fmt.Sprint(len(n.Rows)))
		}
	}
	if strings.Join(meta, " ") != "7 8" {
		t.Errorf("metadata notices by rows: %v; notices:\n%v", meta, form.Notices)
	}
}

// TestRead_ColonHeadings reads headings as older ODK and Kobo forms write
// them: one colon before the language, words with spaces, any case.
func TestRead_ColonHeadings(t *testing.T) {
	form, err := ReadFormFile(forms+"colons.xlsx", Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	s := form.Survey
	if s.ID != "colons" || strings.Join(s.Languages, " ") != "en cy" || len(s.Questions) != 2 {
		t.Fatalf("survey %+v", s)
	}
	colour, age := s.Questions[0], s.Questions[1]
	if colour.Text["cy"] != "Dewiswch liw." || colour.Hint["en"] != "Any one." || !colour.Required ||
		colour.RequiredMessage["en"] != "Please pick one." || colour.Picture != "artist-palette" {
		t.Errorf("colour %+v", colour)
	}
	if colour.Choices[1].Text["cy"] != "Glas" || age.ConstraintMessage["en"] != "From 0 to 120." || age.Constraint != ". <= 120" {
		t.Errorf("choices %+v, age %+v", colour.Choices, age)
	}
	if got := form.Place("colour", "required_message", "", "en"); got != (Place{"survey", 2, "Required Message:English"}) {
		t.Errorf("place %v", got)
	}
}

// TestRead_KoboForm reads a form that mixes questions Speakeasy asks with
// ones it cannot: it comes in with what fits and names each thing left out
// once, with its rows and why; strict, it is refused.
func TestRead_KoboForm(t *testing.T) {
	form, err := ReadFormFile(forms+"kobo.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, q := range form.Survey.Questions {
		ids = append(ids, q.ID)
	}
	if got := strings.Join(ids, " "); got != "age works county town help help_other more phone" {
		t.Errorf("questions %s", got)
	}
	help, other := form.Survey.Questions[4], form.Survey.Questions[5]
	if works := form.Survey.Questions[1]; values(works.Choices) != "yes no maybe" || works.Choices[2].Text["en"] != "maybe" {
		t.Errorf("a choice without words: %+v", works.Choices)
	}
	if values(help.Choices) != "family friends other" || other.Relevant != "selected(${help}, 'other')" || other.Kind != survey.KindText {
		t.Errorf("or_other: %+v %+v", help, other)
	}
	wantNotices := []string{
		"survey sheet, rows 2, 3, 4 and 1 more (4 in all), column type: Speakeasy saves the times, the day and the laptop of every answer itself, so these rows are left out: start, end, today and deviceid.",
		"survey sheet, row 6, column type: Speakeasy asks the questions in a group (begin_group) one to a screen, so a group's own words and appearance, such as field-list, are not shown. Groups: about.",
		"survey sheet, row 7, column type: Speakeasy's number questions also take numbers with a decimal point (integer): age.",
		"survey sheet, row 8, column type: Speakeasy cannot work things out from other answers (calculate); ask it as a question or take the row out. Left out: adult.",
		"survey sheet, rows 9 and 20, column relevant: the skip rule uses a row that is left out, so the question is always asked: works (uses ${adult} from row 8) and more (uses ${children} from row 16).",
		"survey sheet, rows 11 and 22, column type: Speakeasy cannot ask for a map point (geopoint). Left out: home and work_place.",
		"survey sheet, row 12, column type: Speakeasy cannot take a photo (image); to show a picture, put its file name in the image column. Left out: photo.",
		"survey sheet, row 14, column choice_filter: Speakeasy cannot narrow the choices by an earlier answer (choice_filter), so these questions show all their choices: town.",
		`survey sheet, row 15, column type: Speakeasy adds an "Other" choice and a question to write the other answer in, as ODK does (or_other): help_other.`,
		"survey sheet, rows 16, 17, 18 and 1 more (4 in all), column type: Speakeasy cannot ask the same questions again and again (begin_repeat on row 16), so the repeat and the rows in it are left out: children, child_name and child_age.",
		"survey sheet, row 21, column type: Speakeasy asks for a phone number (phone number) as words, so it does not check that only numbers are written: phone.",
		`choices sheet, row 6, column county: Speakeasy does not use the column "county", so its values are left out.`,
		`choices sheet, row 10, column label::English (en): these choices have no words in "en", so Speakeasy shows their names; write words for them: yn maybe.`,
	}
	var got []string
	for _, n := range form.Notices {
		got = append(got, n.String())
	}
	if strings.Join(got, "\n") != strings.Join(wantNotices, "\n") {
		t.Errorf("notices:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantNotices, "\n"))
	}

	_, err = ReadFormFile(forms+"kobo.xlsx", Options{Strict: true})
	want := []string{
		"survey sheet, row 8, column type: Speakeasy cannot work things out from other answers (calculate); ask it as a question or take the row out.",
		"survey sheet, row 11, column type: Speakeasy cannot ask for a map point (geopoint).",
	}
	if err == nil || !strings.HasPrefix(err.Error(), strings.Join(want, "\n")) {
		t.Errorf("strict: %v", err)
	}
}

// TestRead_LeavesOut reads each refusal file without Strict: the form
// comes in, and a notice names the row left out and why.
func TestRead_LeavesOut(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"repeat.xlsx", "survey sheet, rows 3, 4 and 5, column type: Speakeasy cannot ask the same questions again and again (begin_repeat on row 3), so the repeat and the rows in it are left out: people and who."},
		{"calculate.xlsx", "survey sheet, row 3, column type: Speakeasy cannot work things out from other answers (calculate); ask it as a question or take the row out. Left out: total."},
		{"geotrace.xlsx", "survey sheet, row 3, column type: Speakeasy cannot ask for a line on a map (geotrace). Left out: route."},
		{"barcode.xlsx", "survey sheet, row 3, column type: Speakeasy cannot scan a barcode (barcode). Left out: code."},
		{"select_from_file.xlsx", "survey sheet, row 3, column type: Speakeasy cannot take choices from a file (select_one_from_file); put the choices on the choices sheet. Left out: school."},
		{"unknown_type.xlsx", `survey sheet, row 3, column type: Speakeasy does not know the type "slider". Left out: how.`},
		{"beyond_subset.xlsx", `survey sheet, row 3, column relevant: Speakeasy cannot check this skip rule, so the question is always asked: words (the skip rule "string-length(${first}) > 2": at character 1: "string-length" is not something Speakeasy can check; use ${question}, quotes, numbers, selected(), count-selected(), not(), and, or).`},
	} {
		t.Run(tc.file, func(t *testing.T) {
			form, err := ReadFormFile(forms+tc.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if form.Survey.Questions[0].ID != "first" || len(form.Notices) != 1 || form.Notices[0].String() != tc.want {
				t.Errorf("questions %d, notices:\n%v\nwant:\n%s", len(form.Survey.Questions), form.Notices, tc.want)
			}
		})
	}
	// A broken form is still refused: there is nothing sure to bring in.
	for _, file := range []string{"missing_list.xlsx", "duplicate_name.xlsx", "unclosed_group.xlsx", "duplicate_choice.xlsx"} {
		if _, err := ReadFormFile(forms+file, Options{}); err == nil {
			t.Errorf("%s: read with no error", file)
		}
	}
}

// TestRead_OneNoticePerKind reads a 5,000-row form: each kind of thing is
// said once, with a count and the first rows.
func TestRead_OneNoticePerKind(t *testing.T) {
	x := excelize.NewFile()
	defer x.Close()
	sh := x.GetSheetName(0)
	must(t, x.SetSheetName(sh, "survey"))
	must(t, x.SetSheetRow("survey", "A1", &[]any{"type", "name", "label"}))
	for i := 2; i <= 5001; i++ {
		typ := []string{"integer", "calculate", "text"}[i%3]
		must(t, x.SetSheetRow("survey", fmt.Sprintf("A%d", i), &[]any{typ, fmt.Sprintf("q%d", i), "How many?"}))
	}
	must(t, x.SetSheetRow("survey", "A5002", &[]any{"text", "last", "Last?"}))
	_, err := x.NewSheet("settings")
	must(t, err)
	must(t, x.SetSheetRow("settings", "A1", &[]any{"form_id", "form_title"}))
	must(t, x.SetSheetRow("settings", "A2", &[]any{"big", "Big"}))
	var buf bytes.Buffer
	must(t, x.Write(&buf))
	form, err := ReadForm(&buf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range form.Notices {
		got = append(got, n.String())
	}
	want := []string{
		"survey sheet, rows 3, 6, 9 and 1664 more (1667 in all), column type: Speakeasy's number questions also take numbers with a decimal point (integer): q3, q6, q9, q12, q15, q18 and 1661 more.",
		"survey sheet, rows 4, 7, 10 and 1663 more (1666 in all), column type: Speakeasy cannot work things out from other answers (calculate); ask it as a question or take the row out. Left out: q4, q7, q10, q13, q16, q19 and 1660 more.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("notices:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(form.Survey.Questions); n != 3335 {
		t.Errorf("%d questions, want 3335", n)
	}
}

func TestIDFromName(t *testing.T) {
	for name, want := range map[string]string{
		"2024 Parent survey":  "form_2024_Parent_survey",
		"parents":             "parents",
		"Holiadur ŵyl (copy)": "Holiadur_yl_copy",
		"  ":                  "form",
		"-draft-":             "draft",
		"_x":                  "x",
		".hidden":             "hidden",
	} {
		got := IDFromName(name)
		if got != want {
			t.Errorf("IDFromName(%q) = %q, want %q", name, got, want)
		}
		if err := (&survey.Survey{ID: got}).Validate(); err != nil && strings.Contains(err.Error(), `"id"`) {
			t.Errorf("IDFromName(%q) = %q, which is not a valid ID: %v", name, got, err)
		}
	}
}

// TestReadFile_IDFromFileName reads "2024 Parent survey.xlsx", which has
// no settings sheet: the ID comes from the file name, and the notice says
// which, naming no sheet that is not there.
func TestReadFile_IDFromFileName(t *testing.T) {
	s, notices, err := ReadFile(forms + "2024 Parent survey.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "form_2024_Parent_survey" || s.Title["en"] != "2024 Parent survey" {
		t.Errorf("id %q, title %v", s.ID, s.Title)
	}
	if len(notices) != 2 || notices[0].String() != `the form has no settings sheet with a form_id, so Speakeasy made the survey's ID "form_2024_Parent_survey" from the file name.` {
		t.Errorf("notices %q", notices)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
