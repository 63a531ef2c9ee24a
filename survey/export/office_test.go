package export_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"speakeasy/survey/export"
)

// TestOffice_RenderSummary is for people, not for CI: with
// SPEAKEASY_OFFICE=DIR (make check-office) it exports practice answers to
// the built-in survey, in English and in Welsh, keeps only the Summary
// sheet, and has LibreOffice print it to PDF in DIR, one PNG a page
// beside it, to look at: are the charts from zero, readable, whole?
func TestOffice_RenderSummary(t *testing.T) {
	dir := os.Getenv("SPEAKEASY_OFFICE")
	if dir == "" {
		t.Skip("set SPEAKEASY_OFFICE=DIR (make check-office) to render the Summary with LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("LibreOffice is not installed: apt-get install libreoffice-calc-nogui")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	db, s := practiceDB(t, 2000, 12)
	for _, lang := range []string{"en", "cy"} {
		path := filepath.Join(dir, "summary-"+lang+".xlsx")
		_, err := export.Export(context.Background(), db, path, export.Options{SurveyID: s.ID, Lang: lang, Words: appWords(t)})
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sheets := f.GetSheetList()
		for i, name := range sheets {
			if i != 2 { // the Summary
				if err := f.DeleteSheet(name); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		out, err := exec.Command(soffice, "--headless", "--convert-to", "pdf", "--outdir", dir, path).CombinedOutput()
		if err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
		pdf := path[:len(path)-len(".xlsx")] + ".pdf"
		if out, err := exec.Command("pdftoppm", "-png", "-r", "60", pdf, pdf[:len(pdf)-len(".pdf")]).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, out)
		}
		t.Logf("%s: look at %s and the PNGs beside it", lang, pdf)
	}
}
