package xlsform

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"speakeasy/survey"
)

// TestWrite_JargonRoundTrip: the survey's own hard words go to a jargon
// sheet, a word and a plainer column for each language, and come back; a
// survey without them gets no such sheet.
func TestWrite_JargonRoundTrip(t *testing.T) {
	s := builtin(t, "ehc-plan")
	s.Jargon = []survey.JargonWord{
		{Lang: "en", Words: "plan", Plainer: "paper that says what help you get"},
		{Lang: "cy", Words: "cynllun", Plainer: "papur"},
		{Lang: "en", Words: "care", Plainer: "help at home"},
	}
	back, notices, data := roundTrip(t, s)
	sameSurvey(t, back, s)
	for _, n := range notices {
		if n.Place.Sheet == jargonSheet {
			t.Errorf("a notice about the jargon sheet: %v", n)
		}
	}
	rows := cells(t, data, jargonSheet)
	if want := []string{"word::English (en)", "plainer::English (en)", "word::Cymraeg (cy)", "plainer::Cymraeg (cy)"}; !slices.Equal(rows[0], want) {
		t.Errorf("headings %q, want %q", rows[0], want)
	}
	if got := column(rows, "word::English (en)"); !slices.Equal(got, []string{"plan", "", "care"}) {
		t.Errorf("word::English (en) holds %q", got)
	}
	if got := column(rows, "plainer::Cymraeg (cy)"); !slices.Equal(got, []string{"", "papur", ""}) {
		t.Errorf("plainer::Cymraeg (cy) holds %q", got)
	}

	var buf bytes.Buffer
	if err := Write(builtin(t, "ehc-plan"), &buf); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if slices.Contains(x.GetSheetList(), jargonSheet) {
		t.Error("a survey with no hard words of its own has a jargon sheet")
	}
}

// jargonForm is a small form with a jargon sheet of the given rows, the
// first being the headings.
func jargonForm(t *testing.T, jargon [][]string) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	put := func(sheet string, rows [][]string) {
		for i, r := range rows {
			cells := make([]any, len(r))
			for j, c := range r {
				cells[j] = c
			}
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := x.SetSheetRow(sheet, cell, &cells); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := x.SetSheetName("Sheet1", "survey"); err != nil {
		t.Fatal(err)
	}
	put("survey", [][]string{{"type", "name", "label::English (en)", "label::Cymraeg (cy)"}, {"text", "q", "Was the review good?", "Oedd yr adolygiad yn dda?"}})
	for _, name := range []string{"settings", "Jargon"} {
		if _, err := x.NewSheet(name); err != nil {
			t.Fatal(err)
		}
	}
	put("settings", [][]string{{"form_id", "form_title"}, {"s", "A survey"}})
	put("Jargon", jargon)
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRead_JargonSheet(t *testing.T) {
	for _, tc := range []struct {
		name   string
		jargon [][]string
		want   []survey.JargonWord
		err    string // what the error says; "" for none
	}{
		{name: "columns with no language are the default language",
			jargon: [][]string{{"word", "plainer"}, {"review", "meeting"}, {}, {" care  plan ", "your plan"}},
			want:   []survey.JargonWord{{Lang: "en", Words: "review", Plainer: "meeting"}, {Lang: "en", Words: "care plan", Plainer: "your plan"}}},
		{name: "a pair of columns for each language",
			jargon: [][]string{{"Word::Cymraeg (cy)", "plainer::Cymraeg (cy)", "word::English (en)", "plainer::English (en)"}, {"adolygiad", "cyfarfod", "review", "meeting"}},
			want:   []survey.JargonWord{{Lang: "cy", Words: "adolygiad", Plainer: "cyfarfod"}, {Lang: "en", Words: "review", Plainer: "meeting"}}},
		{name: "no plainer word",
			jargon: [][]string{{"word", "plainer"}, {"review", ""}},
			err:    `jargon sheet, row 2, column plainer: write plainer words to use instead of "review".`},
		{name: "no hard word",
			jargon: [][]string{{"word", "plainer"}, {"", "meeting"}},
			err:    `row 2, column word: the plainer words "meeting" have no hard word beside them.`},
		{name: "twice",
			jargon: [][]string{{"word", "plainer"}, {"review", "a"}, {"Review", "b"}},
			err:    `row 3, column word: "Review" is on row 2 already.`},
		{name: "no plainer column",
			jargon: [][]string{{"word::Cymraeg (cy)"}, {"adolygiad"}},
			err:    `need a column beside them with plainer words, like plainer::Cymraeg (cy).`},
		{name: "no word column",
			jargon: [][]string{{"hard", "plainer"}, {"review", "meeting"}},
			err:    `the sheet needs a word column and a plainer column`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, err := Read(bytes.NewReader(jargonForm(t, tc.jargon)), "")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want it to say %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(s.Jargon, tc.want) {
				t.Errorf("read %+v, want %+v", s.Jargon, tc.want)
			}
		})
	}
}
