package cli

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrintSurvey_SavesEveryScreen(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "screens")
	var stdout, stderr bytes.Buffer
	code := Run("print-survey", []string{"--data", filepath.Join(dir, "data"), "--out", out, "--size", "1280x800", "--check"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.png"))
	// welcome, the 12 questions, then consent, stop, still there, thank
	// you and the staff PIN (and any screen added since): one file each.
	if len(files) < 18 || !strings.Contains(stdout.String(), fmt.Sprintf("Saved %d screens", len(files))) {
		t.Fatalf("%d files; said %q", len(files), stdout.String())
	}
	for _, want := range []string{"00-welcome.png", "01-who.png", "12-anything_else.png"} {
		if _, err := os.Stat(filepath.Join(out, want)); err != nil {
			t.Errorf("no %s", want)
		}
	}
	for _, want := range []string{"thanks", "staff-pin", "consent"} {
		if m, _ := filepath.Glob(filepath.Join(out, "*-"+want+".png")); len(m) != 1 {
			t.Errorf("no %s screen", want)
		}
	}
	if !strings.Contains(stdout.String(), "01-who: fits") {
		t.Fatalf("--check says: %s", stdout.String())
	}
	f, err := os.Open(filepath.Join(out, "01-who.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
		t.Fatalf("picture is %v", b)
	}
}

func TestPrintSurvey_Errors(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := Run("print-survey", []string{"--data", dir}, &stdout, &stderr); code != 2 {
		t.Fatalf("no --out: exit %d", code)
	}
	stderr.Reset()
	if code := Run("print-survey", []string{"--data", dir, "--out", t.TempDir(), "--survey", "nope"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), `there is no survey "nope"`) {
		t.Fatalf("unknown survey: exit %d, %q", code, stderr.String())
	}
}
