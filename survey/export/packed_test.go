package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"testing"
)

func TestCRC32Combine_SameAsWhole(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"", ""}, {"abc", ""}, {"", "abc"}, {"<worksheet>", strings.Repeat("<row r=\"2\"/>", 9000)},
		{strings.Repeat("x", 70000), "tail"},
	} {
		want := crc32.ChecksumIEEE([]byte(tc.a + tc.b))
		got := crc32Combine(crc32.ChecksumIEEE([]byte(tc.a)), crc32.ChecksumIEEE([]byte(tc.b)), int64(len(tc.b)))
		if got != want {
			t.Errorf("len %d + %d: %08x, want %08x", len(tc.a), len(tc.b), got, want)
		}
	}
}

// TestDimensionZip_PutsPackedRowsIn packs rows, has a sheet with only its
// header row go through the zip writer, and reads the sheet back: the
// rows are between the header and the end of sheetData, the dimension is
// set, and the zip reader finds the CRC right.
func TestDimensionZip_PutsPackedRowsIn(t *testing.T) {
	for _, n := range []int{0, 1, 5000} { // none, one, and more than one batch
		rows, err := newPackedRows(newRowEncoder(2, nil))
		if err != nil {
			t.Fatal(err)
		}
		var want strings.Builder
		enc := newRowEncoder(2, nil)
		for i := range n {
			cells := []any{i, "words & more " + strings.Repeat("z", i%300)}
			if err := rows.add(cells); err != nil {
				t.Fatal(err)
			}
			want.Write(enc.appendRow(nil, i+2, cells))
		}
		var buf bytes.Buffer
		z := newDimensionZip(&buf, map[string]sheetPart{"sheet.xml": {ref: "A1:B9", rows: rows}})
		for _, name := range []string{"before.xml", "sheet.xml", "after.xml"} {
			w, err := z.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			body := `<other/>`
			if name == "sheet.xml" {
				body = `<worksheet><dimension ref="A1"/><sheetData><row r="1"/></sheetData><autoFilter/></worksheet>`
			}
			if _, err := io.WriteString(w, body); err != nil {
				t.Fatal(err)
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		rows.close()
		r, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, f := range r.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc) // checks the CRC at the end
			rc.Close()
			if err != nil {
				t.Fatalf("%d rows: reading %s: %v", n, f.Name, err)
			}
			got[f.Name] = string(b)
		}
		sheet := `<worksheet><dimension ref="A1:B9"/><sheetData><row r="1"/>` + want.String() + `</sheetData><autoFilter/></worksheet>`
		if got["sheet.xml"] != sheet || got["before.xml"] != "<other/>" || got["after.xml"] != "<other/>" {
			t.Errorf("%d rows: sheet is %.200q…, others %q %q", n, got["sheet.xml"], got["before.xml"], got["after.xml"])
		}
	}
}

// TestPackedRows_NoFileLeftBehind: the rows' temporary file has no name
// in its folder while the export runs (where the system allows), so a
// killed export leaves no answers behind.
func TestPackedRows_NoFileLeftBehind(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows keeps an open file's name; it is removed when the export ends")
	}
	rows, err := newPackedRows(newRowEncoder(1, nil))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.close()
	if err := rows.add([]any{"private words"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(rows.file.Name()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s is there while rows are written (%v)", rows.file.Name(), err)
	}
	if err := rows.finish(); err != nil || rows.out.n == 0 {
		t.Errorf("finish: %v, %d bytes", err, rows.out.n)
	}
}
