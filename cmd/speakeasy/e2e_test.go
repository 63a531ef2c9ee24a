package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"speakeasy/survey/store"
)

// TestEndToEnd runs the real binary in a virtual screen (Xvfb): xdotool
// starts the survey and answers the first question with the keyboard, the
// process is asked to stop, and the database must hold that answer.
// It runs when SPEAKEASY_E2E=1 (make test sets it) and then fails, rather
// than skips, if xvfb-run or xdotool is missing.
func TestEndToEnd(t *testing.T) {
	if os.Getenv("SPEAKEASY_E2E") == "" {
		t.Skip("set SPEAKEASY_E2E=1 to run the real window under Xvfb")
	}
	for _, tool := range []string{"xvfb-run", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run .ci/deps.sh --e2e", tool)
		}
	}
	dir := t.TempDir()
	bin := binary(t)
	data := filepath.Join(dir, "data")
	// Return taps Start (it has focus), 1 picks the first answer, the right
	// arrow goes on (saving it), then SIGTERM asks Speakeasy to close.
	script := `set -eu
"$BIN" --data "$DATA" > "$LOG" 2>&1 & pid=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --name Speakeasy | head -1)
sleep 1
for k in Return 1 Right; do xdotool windowfocus --sync "$wid" key "$k"; sleep 0.7; done
kill -TERM $pid
wait $pid
`
	cmd := exec.Command("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "bash", "-c", script)
	logPath := filepath.Join(dir, "speakeasy.log")
	cmd.Env = append(os.Environ(), "BIN="+bin, "DATA="+data, "LOG="+logPath, "LANG=en_US.UTF-8")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	log, _ := os.ReadFile(logPath)
	if err != nil {
		t.Fatalf("the app did not exit cleanly: %v\n%s\napp log:\n%s", err, out.String(), log)
	}
	db, err := store.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var id, value, status string
	err = db.SQL().QueryRow(`SELECT r.id, a.value, r.status FROM responses r JOIN answers a ON a.response_id = r.id WHERE a.question_id = 'who'`).Scan(&id, &value, &status)
	if err != nil {
		t.Fatalf("no saved answer to the first question: %v\napp log:\n%s", err, log)
	}
	if value != "self" || status != "incomplete" {
		t.Fatalf("saved %q with status %q, want self and incomplete", value, status)
	}
	if strings.Contains(string(log), "panic") {
		t.Fatalf("the app log shows a panic:\n%s", log)
	}
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// binary builds the real speakeasy binary once for all tests in this package.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "speakeasy-bin")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "speakeasy")
		out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", builtBin, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}
