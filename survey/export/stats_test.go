package export

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestNumberSummary_RoundBands(t *testing.T) {
	tests := []struct {
		name           string
		numbers        []float64
		lo, median, hi float64
		bands          string // from-to:count, ...
	}{
		{"ages", []float64{15, 9, 12, 40, 20}, 9, 15, 40, "0-10:1 10-20:2 20-30:1 30-40:0 40-50:1"},
		{"one value", []float64{7, 7, 7}, 7, 7, 7, "7-8:3"},
		{"even count", []float64{1, 2, 3, 4}, 1, 2.5, 4, "1-2:1 2-3:1 3-4:1 4-5:1"},
		{"below zero", []float64{-12, 3, 30}, -12, 3, 30, "-20--10:1 -10-0:0 0-10:1 10-20:0 20-30:0 30-40:1"},
		{"parts of one", []float64{0.25, 0.5, 1.75}, 0.25, 0.5, 1.75, "0-0.5:1 0.5-1:1 1-1.5:0 1.5-2:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, median, hi, bands := numberSummary(tt.numbers)
			var got []string
			total := 0
			for _, b := range bands {
				got = append(got, number(round(b.from))+"-"+number(round(b.to))+":"+number(float64(b.count)))
				total += b.count
			}
			if lo != tt.lo || median != tt.median || hi != tt.hi || strings.Join(got, " ") != tt.bands {
				t.Errorf("got %v %v %v [%s], want %v %v %v [%s]", lo, median, hi, strings.Join(got, " "), tt.lo, tt.median, tt.hi, tt.bands)
			}
			if total != len(tt.numbers) {
				t.Errorf("bands hold %d numbers of %d", total, len(tt.numbers))
			}
		})
	}
}

// round drops the last bits of a sum of steps, for comparing.
func round(f float64) float64 { return float64(int64(f*1e9+0.5*sign(f))) / 1e9 }

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

func TestSPSSName_Valid(t *testing.T) {
	tests := map[string]string{
		"age": "age", "_uuid": "v_uuid", "help_school": "help_school", "q-1": "q_1", "1st": "v1st",
		"all": "vall", "with.": "vwith", "dydd_geni": "dydd_geni", "": "v", strings.Repeat("x", 70): strings.Repeat("x", 60),
	}
	for in, want := range tests {
		if got := spssName(in); got != want {
			t.Errorf("spssName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSPSSString_Quoted(t *testing.T) {
	if got := spssString("I don't know\nreally"); got != "'I don''t know really'" {
		t.Errorf("got %s", got)
	}
	long := spssString(strings.Repeat("ab", 200))
	if !strings.Contains(long, "' +\n      '") || len(strings.ReplaceAll(long, "' +\n      '", "")) != spssMaxLabel+2 {
		t.Errorf("a long label is %q", long)
	}
}

// TestDimensionZip_FixesOnlyNamedParts writes a short streamed sheet, a
// long one and another part through the zip writer and reads them back.
func TestDimensionZip_FixesOnlyNamedParts(t *testing.T) {
	var buf bytes.Buffer
	z := newDimensionZip(&buf, map[string]sheetPart{"short.xml": {ref: "A1:B2"}, "long.xml": {ref: "A1:Z9999"}})
	parts := map[string]string{
		"short.xml": `<worksheet><dimension ref="A1"></dimension><sheetData/></worksheet>`,
		"long.xml":  `<worksheet><sheetPr/><dimension ref="A1"/>` + strings.Repeat("<row/>", 2000) + `</worksheet>`,
		"other.xml": `<worksheet><dimension ref="A1"/></worksheet>`,
	}
	for _, name := range []string{"short.xml", "long.xml", "other.xml"} {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		body := parts[name]
		for len(body) > 0 { // in small pieces, as io.Copy might
			n := min(len(body), 7)
			if _, err := w.Write([]byte(body[:n])); err != nil {
				t.Fatal(err)
			}
			body = body[n:]
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"short.xml": `<worksheet><dimension ref="A1:B2"/><sheetData/></worksheet>`,
		"long.xml":  `<worksheet><sheetPr/><dimension ref="A1:Z9999"/>` + strings.Repeat("<row/>", 2000) + `</worksheet>`,
		"other.xml": parts["other.xml"],
	}
	for _, f := range r.File {
		rc, _ := f.Open()
		got, _ := io.ReadAll(rc)
		rc.Close()
		if string(got) != want[f.Name] {
			t.Errorf("%s: %.120s…", f.Name, got)
		}
	}
}
