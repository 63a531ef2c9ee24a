package export_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"speakeasy/survey/export"
)

func TestExport_Errors(t *testing.T) {
	db, _ := clubDB(t)
	mustPublish(t, db, "../../testdata/walk.json")
	dir := t.TempDir()
	file := filepath.Join(dir, "a-file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		survey string
		path   string
		is     error
		want   string
	}{
		{"no such survey", "nope", filepath.Join(dir, "x.xlsx"), export.ErrNoSurvey, `"nope" is not in this data`},
		{"no responses", "walk", filepath.Join(dir, "x.xlsx"), export.ErrNoResponses, `nobody has answered the survey "walk" yet`},
		{"no responses csv", "walk", filepath.Join(dir, "x.csv"), export.ErrNoResponses, "nobody has answered"},
		{"missing folder", "club", filepath.Join(dir, "nowhere", "x.xlsx"), fs.ErrNotExist, "does not exist"},
		{"folder is a file", "club", filepath.Join(file, "x.xlsx"), nil, "is a file, not a folder"},
		{"out is a folder", "club", dir + "/", nil, "should end in .xlsx"},
		{"unknown kind of file", "club", filepath.Join(dir, "x.pdf"), nil, "should end in .xlsx (Excel) or .csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := export.Export(context.Background(), db, tt.path, export.Options{SurveyID: tt.survey})
			if err == nil || !strings.Contains(err.Error(), tt.want) || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
			left, _ := filepath.Glob(filepath.Join(dir, "*"))
			if len(left) != 1 {
				t.Errorf("files left behind: %v", left)
			}
		})
	}
}

func TestExport_FolderNotWritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write to any folder")
	}
	db, _ := clubDB(t)
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	_, err := export.Export(context.Background(), db, filepath.Join(dir, "x.xlsx"), export.Options{SurveyID: "club"})
	if err == nil || !strings.Contains(err.Error(), "cannot write to the folder") {
		t.Fatalf("got %v", err)
	}
}

func TestWrite_DiskFull(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	db, _ := clubDB(t)
	for _, format := range []export.Format{export.XLSX, export.CSV} {
		_, err := export.Write(context.Background(), db, full, export.Options{SurveyID: "club", Format: format})
		if err == nil || !strings.Contains(err.Error(), "the disk is full") {
			t.Errorf("%s: got %v, want the disk is full", format, err)
		}
	}
}

func TestExport_ReplacesOldFileOnlyWhenDone(t *testing.T) {
	db, _ := clubDB(t)
	path := filepath.Join(t.TempDir(), "club.xlsx")
	if err := os.WriteFile(path, []byte("an older export"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := export.Export(ctx, db, path, export.Options{SurveyID: "club"}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled export: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "an older export" {
		t.Fatal("a cancelled export spoiled the older file")
	}
	if _, err := export.Export(context.Background(), db, path, export.Options{SurveyID: "club"}); err != nil {
		t.Fatal(err)
	}
	rows := sheetRows(t, mustOpenWorkbook(t, path), "Responses")
	checkRows(t, rows, clubRows, map[int]bool{11: true})
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*"))
	if len(left) != 1 {
		t.Errorf("files left behind: %v", left)
	}
}
