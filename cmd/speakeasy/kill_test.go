package main

import (
	"bufio"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"speakeasy/survey/store"
)

// TestKillRealBinary runs the real speakeasy binary answering surveys
// (its hidden "walk" command drives the same Session and store as the
// window) and kills it with SIGKILL at random moments. After every kill
// the database must pass integrity_check and hold every answer the process
// reported saved. 12 kills in make test; SPEAKEASY_SOAK=1 makes it 200.
func TestKillRealBinary(t *testing.T) {
	if os.Getenv("SPEAKEASY_E2E") == "" && os.Getenv("SPEAKEASY_SOAK") == "" {
		t.Skip("set SPEAKEASY_E2E=1 (make test) or SPEAKEASY_SOAK=1 (make soak)")
	}
	bin := binary(t)
	kills := 12
	if os.Getenv("SPEAKEASY_SOAK") != "" {
		kills = 200
	}
	data := filepath.Join(t.TempDir(), "data")
	checked := 0
	for round := range kills {
		cmd := exec.Command(bin, "walk", "--data", data, "--seed", strconv.Itoa(round+1))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan []string)
		go func() {
			var got []string
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				got = append(got, sc.Text())
			}
			lines <- got
		}()
		time.Sleep(time.Duration(100+rand.IntN(500)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		reported := <-lines
		cmd.Wait()

		db, err := store.Open(data)
		if err != nil {
			t.Fatalf("kill %d: reopening: %v", round+1, err)
		}
		if got, err := db.IntegrityCheck(context.Background()); err != nil || got != "ok" {
			t.Fatalf("kill %d: integrity_check: %q %v", round+1, got, err)
		}
		for _, line := range reported {
			f := strings.SplitN(line, " ", 4)
			if len(f) != 4 || f[0] != "saved" {
				t.Fatalf("kill %d: odd line %q", round+1, line)
			}
			want, _ := strconv.Unquote(f[3])
			var got string
			if err := db.SQL().QueryRow(`SELECT value FROM answers WHERE response_id = ? AND question_id = ?`, f[1], f[2]).Scan(&got); err != nil || got != want {
				t.Fatalf("kill %d: %s/%s reported saved as %q, found %q (%v)", round+1, f[1], f[2], want, got, err)
			}
			checked++
		}
		db.Close()
	}
	t.Logf("%d kills of the real binary: integrity_check ok every time; all %d answers reported saved were there", kills, checked)
}
