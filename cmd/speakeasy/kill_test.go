package main

import (
	"bufio"
	"context"
	"fmt"
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

// killRounds is how many times each of bundle, merge and restore is
// killed: a few in make test, many in make soak.
func killRounds() int {
	if os.Getenv("SPEAKEASY_SOAK") != "" {
		return 40
	}
	return 4
}

// speakeasyOK runs the binary and fails the test if it fails.
func speakeasyOK(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("speakeasy %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// killAtRandom starts the binary and SIGKILLs it after a random part of
// how long a whole run took (or lets it finish, now and then).
func killAtRandom(t *testing.T, bin string, whole time.Duration, args ...string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Duration(rand.Int64N(int64(whole)*6/5 + 1)))
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
}

// timed runs the binary to the end and says how long it took.
func timed(t *testing.T, bin string, args ...string) time.Duration {
	t.Helper()
	start := time.Now()
	speakeasyOK(t, bin, args...)
	return time.Since(start)
}

// copyFolder copies the regular files of a data folder (not its sub-folders).
func copyFolder(t *testing.T, from, to string) {
	t.Helper()
	os.MkdirAll(to, 0o700)
	entries, _ := os.ReadDir(from)
	for _, e := range entries {
		if e.Type().IsRegular() {
			b, err := os.ReadFile(filepath.Join(from, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(to, e.Name()), b, 0o600)
		}
	}
}

// responses opens a data folder after a kill, as the next start would
// (the lock clears what the killed run left), checks its integrity and
// counts its responses. Nothing may be left in its temporary area.
func responses(t *testing.T, dir string) int {
	t.Helper()
	unlock, err := store.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if left, _ := os.ReadDir(filepath.Join(dir, store.TempFolder)); len(left) != 0 {
		t.Fatalf("%s: a killed run's copies are still in the temporary area after a start: %v", dir, left)
	}
	for _, pattern := range []string{".merge-*", ".bundle-*", ".speakeasy-*", "*.restoring*"} {
		if left, _ := filepath.Glob(filepath.Join(dir, pattern)); len(left) != 0 {
			t.Fatalf("%s: left behind: %v", dir, left)
		}
	}
	db, err := store.OpenExisting(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, err := db.IntegrityCheck(context.Background()); err != nil || got != "ok" {
		t.Fatalf("%s: integrity_check %q %v", dir, got, err)
	}
	c, err := db.CountResponses("", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return c.Total()
}

// TestKillBundleMergeRestore kills the real binary's bundle, merge and
// restore at random moments. After each kill: no copy is left beside the
// bundle or (after the next start) in the data folder; the bundle is whole
// or absent; a merge went in whole or not at all; a restore left either the
// old results or the backup, with the old ones kept; integrity is ok.
func TestKillBundleMergeRestore(t *testing.T) {
	if os.Getenv("SPEAKEASY_E2E") == "" && os.Getenv("SPEAKEASY_SOAK") == "" {
		t.Skip("set SPEAKEASY_E2E=1 (make test) or SPEAKEASY_SOAK=1 (make soak)")
	}
	bin := binary(t)
	root := t.TempDir()
	a := filepath.Join(root, "laptop a")
	speakeasyOK(t, bin, "fake-responses", "--data", a, "--survey", "ehc-plan", "--count", "1000", "--seed", "1")
	backupLine := speakeasyOK(t, bin, "backup", "--data", a)
	backup := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(backupLine), "Saved a backup in "), ".")
	speakeasyOK(t, bin, "fake-responses", "--data", a, "--survey", "ehc-plan", "--count", "300", "--seed", "2")
	b := filepath.Join(root, "laptop b")
	speakeasyOK(t, bin, "fake-responses", "--data", b, "--survey", "ehc-plan", "--count", "100", "--seed", "3")
	nA, nB := responses(t, a), responses(t, b)
	stick := filepath.Join(root, "stick")
	os.MkdirAll(stick, 0o700)
	bundle := filepath.Join(stick, "a.db")
	bundleTime := timed(t, bin, "bundle", "--data", a, "--out", bundle)
	mergeTime := timed(t, bin, "merge", "--data", filepath.Join(root, "timing"), bundle)
	copyFolder(t, a, filepath.Join(root, "timing restore"))
	restoreTime := timed(t, bin, "restore", "--data", filepath.Join(root, "timing restore"), backup)

	t.Logf("whole runs: bundle %v, merge %v, restore %v", bundleTime, mergeTime, restoreTime)
	rounds := killRounds()
	for round := range rounds {
		// Bundle: the stick holds the whole bundle or nothing at all.
		os.Remove(bundle)
		killAtRandom(t, bin, bundleTime, "bundle", "--data", a, "--out", bundle)
		left, _ := os.ReadDir(stick)
		switch {
		case len(left) == 0:
		case len(left) == 1 && left[0].Name() == "a.db":
			check := filepath.Join(root, fmt.Sprintf("check-%d", round))
			speakeasyOK(t, bin, "merge", "--data", check, bundle)
			if got := responses(t, check); got != nA {
				t.Fatalf("round %d: a bundle that was put in place holds %d of %d responses", round, got, nA)
			}
			os.RemoveAll(check)
		default:
			t.Fatalf("round %d: a killed bundle left %v on the stick", round, left)
		}
		if got := responses(t, a); got != nA {
			t.Fatalf("round %d: bundling changed laptop a: %d responses, had %d", round, got, nA)
		}

		// Merge: all of a's responses or none.
		if _, err := os.Stat(bundle); err != nil {
			speakeasyOK(t, bin, "bundle", "--data", a, "--out", bundle)
		}
		into := filepath.Join(root, fmt.Sprintf("merge-%d", round))
		copyFolder(t, b, into)
		killAtRandom(t, bin, mergeTime, "merge", "--data", into, bundle)
		if got := responses(t, into); got != nB && got != nB+nA {
			t.Fatalf("round %d: a killed merge left %d responses; want %d or %d", round, got, nB, nB+nA)
		}
		os.RemoveAll(into)

		// Restore: the old results or the backup's, and the old kept.
		into = filepath.Join(root, fmt.Sprintf("restore-%d", round))
		copyFolder(t, a, into)
		killAtRandom(t, bin, restoreTime, "restore", "--data", into, backup)
		got := responses(t, into)
		kept, _ := filepath.Glob(filepath.Join(into, store.FileName+".replaced-*[0-9]"))
		switch {
		case got == nA:
		case got == nA-300 && len(kept) == 1:
			if n := responses(t, reopenAside(t, kept[0])); n != nA {
				t.Fatalf("round %d: the replaced results hold %d responses, had %d", round, n, nA)
			}
		default:
			t.Fatalf("round %d: a killed restore left %d responses (kept %v); want %d, or %d with the old kept", round, got, kept, nA, nA-300)
		}
		os.RemoveAll(into)
	}
	t.Logf("%d kills each of bundle, merge and restore: nothing left behind, nothing lost, integrity ok", rounds)
}

// reopenAside puts a kept results file in a folder of its own, to count it.
func reopenAside(t *testing.T, path string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "aside")
	os.MkdirAll(dir, 0o700)
	for _, ext := range []string{"", "-wal"} {
		if b, err := os.ReadFile(path + ext); err == nil {
			os.WriteFile(filepath.Join(dir, store.FileName+ext), b, 0o600)
		}
	}
	return dir
}
