package xlsform

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// FuzzRead reads any bytes as a form: it must never panic, and a form it
// accepts must be a valid survey that writes and reads back the same.
// The seeds are every form in testdata/xlsform and testdata/fuzz/FuzzRead.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(forms + "*.xlsx")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(checkRoundTrip)
}

// checkRoundTrip reads data as a form and, if it is one, checks that the
// survey is valid and that it writes and reads back the same.
func checkRoundTrip(t *testing.T, data []byte) {
	s, _, err := Read(bytes.NewReader(data), "")
	if err != nil {
		return
	}
	if err := s.Validate(); err != nil {
		t.Fatalf("Read accepted a survey that is not valid: %v", err)
	}
	var buf bytes.Buffer
	if err := Write(s, &buf); err != nil {
		t.Fatalf("Write: %v", err)
	}
	back, _, err := Read(&buf, "")
	if err != nil {
		t.Fatalf("reading back what Write wrote: %v", err)
	}
	a, _ := s.Marshal()
	b, _ := back.Marshal()
	if !bytes.Equal(a, b) {
		t.Fatalf("the round trip changed the survey:\n%s\n%s", a, b)
	}
}

// FuzzReadCells fills the cells of a small form with any words, which
// reaches the reader's own logic more often than changing a file's bytes.
func FuzzReadCells(f *testing.F) {
	f.Add("select_one l", "q", "Pick one", "", "likert quick", "", "yes", "l", "a", "A")
	f.Add("range", "r", "How many?", "${q} > 1", "", "start=1 end=5 step=2", "TRUE()", "l", "1", "One")
	f.Add("begin_group", "g", "Group", "not(${x})", "field-list", "", "", "faces3", "dont_know", "x")
	f.Add("select_multiple l or_other", "m", "${q}", "selected(., 'a')", "faces", "a=b", "maybe", "l", "3", "")
	f.Add("select one from l or specify other", "o", "Which?", "${n2} = 'x'", "", "", "true", "l", "other", "Other")
	f.Add("calculate", "c", "", "${c} > 1", "", "", "", "l", "a", "a.png")
	f.Add("begin_repeat", "rep", "Each", "", "", "", "", "l", "a", "waving-hand.png")
	f.Fuzz(func(t *testing.T, typ, name, label, relevant, appearance, params, required, list, value, words string) {
		x := excelize.NewFile()
		defer x.Close()
		rows := map[string][][]any{
			"survey": {{"type", "name", "label::English (en)", "relevant", "appearance", "parameters", "required", "media::image"},
				{typ, name, label, relevant, appearance, params, required, words},
				{"note", "n2", "Hi"}},
			"choices":  {{"list_name", "name", "label", "image"}, {list, value, words, label}, {list, "b", "B"}},
			"settings": {{"form_id", "form_title", "version"}, {"f", "T", params}},
		}
		for i, sheet := range []string{"survey", "choices", "settings"} {
			if i == 0 {
				x.SetSheetName(x.GetSheetName(0), sheet)
			} else {
				x.NewSheet(sheet)
			}
			for r, cells := range rows[sheet] {
				cell, _ := excelize.CoordinatesToCellName(1, r+1)
				if err := x.SetSheetRow(sheet, cell, &cells); err != nil {
					return // words Excel cannot hold
				}
			}
		}
		var buf bytes.Buffer
		if err := x.Write(&buf); err != nil {
			return
		}
		checkRoundTrip(t, buf.Bytes())
	})
}
