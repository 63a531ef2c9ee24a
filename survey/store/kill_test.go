package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"speakeasy/survey"
)

// TestKillChild is the child half of TestKill: it saves answers as fast as
// it can and reports each one on stdout only after Save returned.
func TestKillChild(t *testing.T) {
	dir := os.Getenv("SPEAKEASY_KILL_CHILD")
	if dir == "" {
		t.Skip("only runs as TestKill's child process")
	}
	db, err := Open(dir)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	s := mustWalkSurvey(t, db)
	prefix := os.Getenv("SPEAKEASY_KILL_ROUND")
	for n := 0; ; n++ {
		now := time.Now()
		r := survey.Response{ID: fmt.Sprintf("%s-%d", prefix, n/5), SurveyID: s.ID, Version: s.Version, DeviceID: db.DeviceID(),
			Language: "en", Started: now, Updated: now, Status: survey.Incomplete}
		// Two answers per change, so a torn transaction would show.
		q1, q2 := fmt.Sprintf("q%d", n), fmt.Sprintf("q%d-b", n)
		v := survey.Answer{fmt.Sprintf("value %d", n)}
		err := db.Save(survey.Change{Response: r, Set: map[string]survey.Answer{q1: v, q2: v}})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Printf("saved %s %s %s\n", r.ID, q1, q2)
	}
}

// TestKill runs a child process that saves answers, kills it with SIGKILL at
// a random moment, and checks that the database is whole and holds every
// answer the child reported saved. SPEAKEASY_SOAK=1 makes it 200 rounds.
func TestKill(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	rounds := 15
	if os.Getenv("SPEAKEASY_SOAK") != "" {
		rounds = 200
	}
	dir := t.TempDir()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for round := range rounds {
		cmd := exec.Command(exe, "-test.run=^TestKillChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "SPEAKEASY_KILL_CHILD="+dir, fmt.Sprintf("SPEAKEASY_KILL_ROUND=r%d", round))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		reported := make(chan []string)
		go func() {
			var lines []string
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines = append(lines, sc.Text())
			}
			reported <- lines
		}()
		time.Sleep(time.Duration(50+rand.IntN(400)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		lines := <-reported
		cmd.Wait()

		db, err := Open(dir)
		if err != nil {
			t.Fatalf("round %d: reopening after the kill: %v", round, err)
		}
		if got, err := db.IntegrityCheck(context.Background()); err != nil || got != "ok" {
			t.Fatalf("round %d: integrity_check says %q (%v)", round, got, err)
		}
		saved := 0
		for _, line := range lines {
			f := strings.Fields(line)
			if len(f) == 0 || f[0] == "error" {
				t.Fatalf("round %d: child said %q", round, line)
			}
			if f[0] != "saved" {
				continue // the test framework's own output
			}
			var n int
			if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM answers WHERE response_id = ? AND question_id IN (?, ?)`, f[1], f[2], f[3]).Scan(&n); err != nil || n != 2 {
				t.Fatalf("round %d: answers %s/%s reported saved but %d found (%v)", round, f[2], f[3], n, err)
			}
			saved++
		}
		var rows, torn int
		db.SQL().QueryRow(`SELECT COUNT(*) FROM answers`).Scan(&rows)
		db.SQL().QueryRow(`SELECT COUNT(*) FROM answers a WHERE question_id NOT LIKE '%-b'
			AND NOT EXISTS (SELECT 1 FROM answers b WHERE b.response_id = a.response_id AND b.question_id = a.question_id || '-b')`).Scan(&torn)
		db.Close()
		if torn != 0 {
			t.Fatalf("round %d: %d changes were half saved", round, torn)
		}
		if saved == 0 && round > 2 {
			t.Logf("round %d: killed before the first save", round)
		}
		total += saved
	}
	t.Logf("%d kills: every database passed integrity_check; all %d saves (2 answers each) reported done were there", rounds, total)
}
