package store

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"speakeasy/survey"
)

func TestLock_SecondStartRefused(t *testing.T) {
	dir := t.TempDir()
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("The Speakeasy window is using this data folder (process %d)", os.Getpid())
	if _, err := Lock(dir); !errors.Is(err, ErrInUse) || err.Error() != want {
		t.Fatalf("second lock: %v, want %q", err, want)
	}
	var inUse *InUseError
	if _, err := LockAs(dir, "speakeasy merge"); !errors.As(err, &inUse) || inUse.Holder != Window || inUse.PID != os.Getpid() {
		t.Fatalf("a command's lock: %#v", err)
	}
	if other, err := Lock(t.TempDir()); err != nil {
		t.Fatalf("another folder: %v", err)
	} else {
		other()
	}
	unlock()
	unlock() // twice is harmless
	again, err := Lock(dir)
	if err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	again()
}

// TestLockChild is the child half of TestLock_AfterKill: it locks the
// folder, saves an answer, says so and waits to be killed.
func TestLockChild(t *testing.T) {
	dir := os.Getenv("SPEAKEASY_LOCK_CHILD")
	if dir == "" {
		t.Skip("only runs as TestLock_AfterKill's child process")
	}
	if _, err := Lock(dir); err != nil {
		t.Fatal(err)
	}
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := mustWalkSurvey(t, db)
	now := time.Now()
	r := survey.Response{ID: "before-the-kill", SurveyID: s.ID, Version: s.Version, DeviceID: db.DeviceID(),
		Language: "en", Started: now, Updated: now, Status: survey.Incomplete}
	if err := db.Save(survey.Change{Response: r, Set: map[string]survey.Answer{"more": {"kept"}}}); err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("locked\n")
	time.Sleep(time.Minute)
}

// TestLock_AfterKill: a Speakeasy killed while holding the lock leaves its
// lock file behind, and the next start is not blocked by it.
func TestLock_AfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a process")
	}
	dir := t.TempDir()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestLockChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "SPEAKEASY_LOCK_CHILD="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	sc := bufio.NewScanner(out)
	for sc.Scan() && sc.Text() != "locked" {
	}
	if _, err := Lock(dir); !errors.Is(err, ErrInUse) {
		t.Fatalf("while the child runs: %v", err)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if _, err := os.Stat(filepath.Join(dir, LockName)); err != nil {
		t.Fatal("the killed process left no lock file; the test proves nothing")
	}
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatalf("after the kill: %v", err)
	}
	defer unlock()
	if err := CheckHealth(dir); err != nil {
		t.Fatal(err)
	}
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, answers, err := db.Response("before-the-kill"); err != nil || answers["more"].String() != "kept" {
		t.Fatalf("the answer saved before the kill: %v %v", answers, err)
	}
}
