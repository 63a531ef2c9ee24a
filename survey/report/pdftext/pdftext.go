// Package pdftext reads the words of a PDF back for tests, with pdftotext
// from Poppler (Debian's poppler-utils, which .ci/deps.sh --e2e installs):
// an independent reader, so a test sees what a screen reader or a copy
// and paste would.
package pdftext

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Read returns the words of a PDF, each run of spaces and line breaks
// made one space, so a sentence wrapped over two lines is found whole.
// Without pdftotext the test is skipped, or fails when CI is set.
func Read(tb testing.TB, pdf []byte) string {
	tb.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatal("pdftotext is missing: run .ci/deps.sh --e2e (poppler-utils)")
		}
		tb.Skip("pdftotext is not installed (poppler-utils); .ci/deps.sh --e2e installs it")
	}
	cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("pdftotext could not read the PDF: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// ReadFile is Read for a file.
func ReadFile(tb testing.TB, path string) string {
	tb.Helper()
	pdf, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return Read(tb, pdf)
}
