package store

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadOnlyChild is the child half of TestOpenReadOnly_ReadOnlyFolder:
// it opens the folder it is given read-only and prints how many responses
// and which device ID it finds.
func TestReadOnlyChild(t *testing.T) {
	dir := os.Getenv("SPEAKEASY_RO_DIR")
	if dir == "" {
		t.Skip("run by TestOpenReadOnly_ReadOnlyFolder")
	}
	// The health check as the commands run it, then the reading.
	if problem, err := quickCheckFile(filepath.Join(dir, FileName)); problem != "" || err != nil {
		fmt.Println("ERROR check:", problem, err)
		return
	}
	db, err := OpenReadOnly(dir)
	if err != nil {
		fmt.Println("ERROR", err)
		return
	}
	defer db.Close()
	c, err := db.CountResponses("", time.Time{})
	fmt.Println("READ", c.Total(), db.DeviceID(), err)
}

// readAsStranger runs TestReadOnlyChild on dir with no right to write in
// it: as another user when the tests run as root (root ignores modes),
// else with the folder's and files' write bits taken away.
func readAsStranger(t *testing.T, dir string) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run", "^TestReadOnlyChild$")
	cmd.Env = append(os.Environ(), "SPEAKEASY_RO_DIR="+dir)
	entries, _ := os.ReadDir(dir)
	if os.Geteuid() == 0 {
		// The stranger needs to reach the folder and run a copy of this test.
		bin := filepath.Join(t.TempDir(), "child.test")
		in, _ := os.Open(exe)
		out, _ := os.OpenFile(bin, os.O_WRONLY|os.O_CREATE, 0o755)
		io.Copy(out, in)
		in.Close()
		out.Close()
		for p := filepath.Dir(bin); p != "/" && p != os.TempDir(); p = filepath.Dir(p) {
			os.Chmod(p, 0o755)
		}
		for p := filepath.Dir(dir); p != "/" && p != os.TempDir(); p = filepath.Dir(p) {
			os.Chmod(p, 0o755)
		}
		cmd.Path = bin
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		os.Chown(dir, 65534, 65534)
		for _, e := range entries {
			os.Chown(filepath.Join(dir, e.Name()), 65534, 65534)
		}
	}
	for _, e := range entries {
		os.Chmod(filepath.Join(dir, e.Name()), 0o400)
	}
	os.Chmod(dir, 0o500)
	defer func() {
		os.Chown(dir, os.Getuid(), os.Getgid())
		os.Chmod(dir, 0o700)
		for _, e := range entries {
			os.Chown(filepath.Join(dir, e.Name()), os.Getuid(), os.Getgid())
			os.Chmod(filepath.Join(dir, e.Name()), 0o600)
		}
	}()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "READ ") || strings.HasPrefix(line, "ERROR ") {
			return line
		}
	}
	t.Fatalf("child said nothing:\n%s", out)
	return ""
}

// TestOpenReadOnly_ReadOnlyFolder reads a data folder its reader cannot
// write to: closed cleanly (no -wal), and as a crash leaves it (answers
// still in the -wal, with and without the -shm).
func TestOpenReadOnly_ReadOnlyFolder(t *testing.T) {
	for _, state := range []string{"closed", "wal and shm", "wal only"} {
		t.Run(state, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "read only")
			db, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			s := mustWalkSurvey(t, db)
			clk := newTestClock()
			for k := range 3 {
				answerWalk(t, db, s, clk, k, false)
			}
			id := db.DeviceID()
			if state == "closed" {
				db.Close()
			} else {
				// Copy the files as they are while open, as after a crash.
				crash := filepath.Join(t.TempDir(), "crashed")
				os.MkdirAll(crash, 0o700)
				for _, ext := range []string{"", "-wal", "-shm"} {
					if ext == "-shm" && state == "wal only" {
						continue
					}
					copyFile(filepath.Join(dir, FileName+ext), filepath.Join(crash, FileName+ext), false)
				}
				db.Close()
				dir = crash
			}
			before := listFiles(t, dir)
			want := fmt.Sprintf("READ 3 %s <nil>", id)
			if got := readAsStranger(t, dir); got != want {
				t.Fatalf("got %q, want %q", got, want)
			}
			if after := listFiles(t, dir); strings.Join(after, " ") != strings.Join(before, " ") {
				t.Fatalf("reading changed the folder: %v -> %v", before, after)
			}
		})
	}
}
