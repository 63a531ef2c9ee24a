package xlsform

import (
	"archive/zip"
	"bytes"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"speakeasy/assets"
	"speakeasy/survey"
	"speakeasy/survey/xlsform/openpyxl"
)

// TestWrite_OpenpyxlReadsEverySheetWhole reads written forms with an
// independent reader, openpyxl in read-only mode, which trusts each sheet's
// stated size: every sheet must show all its rows and columns, and the
// cells must be the ones written.
func TestWrite_OpenpyxlReadsEverySheetWhole(t *testing.T) {
	surveys := map[string]*survey.Survey{"full": loadJSON(t, forms+"full.json"), "walk": loadJSON(t, "../testdata/walk.json")}
	for _, id := range assets.BuiltinSurveyIDs() {
		surveys[id] = builtin(t, id)
	}
	for name, s := range surveys {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name+".xlsx")
			if err := SaveFile(s, path); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sheets := openpyxl.Read(t, path)
			if len(sheets) != 3 {
				t.Fatalf("%d sheets", len(sheets))
			}
			for _, sh := range sheets {
				want := cells(t, data, sh.Name)
				if sh.MaxRow != len(want) || sh.MaxColumn != len(want[0]) || len(sh.Rows) != len(want) {
					t.Errorf("%s sheet: openpyxl sees %d rows, %d columns (%d rows read); written %d rows, %d columns",
						sh.Name, sh.MaxRow, sh.MaxColumn, len(sh.Rows), len(want), len(want[0]))
					continue
				}
				for r, row := range want {
					for c, v := range row {
						if got := sh.Cell(r+1, c+1); got != v {
							t.Errorf("%s sheet, row %d, column %d: openpyxl reads %q, written %q", sh.Name, r+1, c+1, got, v)
						}
					}
				}
			}
			srv := openpyxl.Find(t, sheets, "survey")
			if srv.Cell(1, 1) != "type" || srv.Cell(1, 2) != "name" || srv.MaxRow != len(s.Questions)+1 {
				t.Errorf("survey sheet: %q %q, %d rows for %d questions", srv.Cell(1, 1), srv.Cell(1, 2), srv.MaxRow, len(s.Questions))
			}
			set := openpyxl.Find(t, sheets, "settings")
			if set.Cell(1, 1) != "form_title" || set.Cell(2, 1) != s.Title[s.Lang()] || set.Cell(2, 2) != s.ID {
				t.Errorf("settings: %q", set.Rows)
			}
		})
	}
}

// TestWriteMedia writes the pictures and sounds a form names beside it,
// by the names in its media columns, and reading the form back from there
// gives the same survey.
func TestWriteMedia(t *testing.T) {
	dir := t.TempDir()
	own := filepath.Join(dir, "own")
	if err := os.MkdirAll(own, 0o755); err != nil {
		t.Fatal(err)
	}
	sound := filepath.Join(own, "hello.mp3")
	if err := os.WriteFile(sound, []byte("ID3 sound"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := loadJSON(t, "../testdata/walk.json")
	s.Questions[0].Sound = sound
	s.Questions[1].Sound = filepath.Join(own, "gone.mp3")
	out := filepath.Join(dir, "form")
	m, err := WriteMedia(s, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Missing) != 2 || !strings.HasSuffix(m.Missing[0], "gone.mp3") || m.Missing[1] != "family" {
		t.Errorf("missing %q", m.Missing)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(m.Written)
	if strings.Join(names, " ") != strings.Join(m.Written, " ") || !contains(names, "hello.mp3") {
		t.Errorf("files %q, written %q", names, m.Written)
	}
	// Every picture the survey sheet names is there, as a PNG.
	var buf bytes.Buffer
	if err := Write(s, &buf); err != nil {
		t.Fatal(err)
	}
	srv := cells(t, buf.Bytes(), "survey")
	for _, col := range []string{"media::image::English (en)", "media::image::Cymraeg (cy)"} {
		for _, name := range column(srv, col) {
			if name == "" {
				continue
			}
			f, err := os.Open(filepath.Join(out, name))
			if err != nil {
				t.Errorf("%s names %q: %v", col, name, err)
				continue
			}
			img, err := png.Decode(f)
			f.Close()
			if err != nil || img.Bounds().Dx() != mediaPixels {
				t.Errorf("%s is not a %d-pixel PNG: %v", name, mediaPixels, err)
			}
		}
	}
	// Read back from beside its pictures, the built-in ones stay built in.
	path := filepath.Join(out, "walk.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	back, _, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.Questions[0].Picture != s.Questions[0].Picture || back.Questions[0].Sound != "hello.mp3" {
		t.Errorf("picture %q, sound %q", back.Questions[0].Picture, back.Questions[0].Sound)
	}
	// A file of that name that the admin drew is theirs, and is kept.
	mine := FormFileName(s.Questions[0].Picture, true)
	if err := os.WriteFile(filepath.Join(out, mine), []byte("my own drawing"), 0o644); err != nil {
		t.Fatal(err)
	}
	if back, _, err = ReadFile(path); err != nil || back.Questions[0].Picture != mine {
		t.Errorf("picture %q, error %v; want the admin's own %q", back.Questions[0].Picture, err, mine)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestWriteMedia_Zip writes the media files into one zip file, as some
// servers take them.
func TestWriteMedia_Zip(t *testing.T) {
	s := loadJSON(t, "../testdata/walk.json")
	path := filepath.Join(t.TempDir(), "media.zip")
	m, err := WriteMedia(s, path)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	if len(z.File) != len(m.Written) || len(m.Written) == 0 || strings.Join(m.Missing, " ") != "family" {
		t.Fatalf("%d files in the zip, %d written, missing %q", len(z.File), len(m.Written), m.Missing)
	}
	first := FormFileName(s.Questions[0].Picture, true)
	for _, f := range z.File {
		if f.Name != first {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(r)
		r.Close()
		if want, _ := PicturePNG(s.Questions[0].Picture); !bytes.Equal(got, want) {
			t.Errorf("%s in the zip is not the picture", first)
		}
		return
	}
	t.Errorf("no %s in the zip", first)
}
