package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"speakeasy/survey/store"
)

func TestWalk_SavesWhatItReports(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	var out, errb bytes.Buffer
	if code := Run("walk", []string{"--data", dir, "--count", "5", "--seed", "3"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 15 {
		t.Fatalf("only %d answers for 5 responses", len(lines))
	}
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if c, _ := db.CountResponses("ehc-plan", time.Time{}); c.Complete != 5 {
		t.Fatalf("counts %+v", c)
	}
	if strings.Contains(Usage(), "walk") {
		t.Error("the test entry point shows in --help")
	}
}
