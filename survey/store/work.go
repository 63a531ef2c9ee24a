package store

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// TempFolder is the data folder's own temporary area. Copies that bundles,
// backups, merges and restores make on the way live there, each in its own
// work folder, never beside the file they make: a copy cut short by a crash
// is then in the private data folder, not on a USB stick, and the next
// start (Lock) removes it.
const TempFolder = "tmp"

// workLockName marks a work folder in use; the cleaner leaves it alone
// while the process that made it holds the lock on it.
const workLockName = "in-use.lock"

// pendingName lists the half-written files a work folder has put outside
// the data folder (a bundle copied to a USB stick), so the cleaner can
// remove them if the process died before it could.
const pendingName = "pending"

// partialPrefix and partialSuffix name a half-written file in a
// destination folder; only files named so are ever removed from there.
const (
	partialPrefix = ".speakeasy-"
	partialSuffix = ".partial"
)

// workDir is one private temporary folder, in use by this process.
type workDir struct {
	path   string
	unlock func()
}

// newWorkDir makes a work folder in dataDir's temporary area, or in the
// system's own temporary folder when the data folder cannot be written.
func newWorkDir(dataDir string) (*workDir, error) {
	base := filepath.Join(dataDir, TempFolder)
	dir := ""
	if err := os.MkdirAll(base, 0o700); err == nil {
		dir, err = os.MkdirTemp(base, "work-")
	}
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "speakeasy-work-"); err != nil {
			return nil, fmt.Errorf("cannot make room for a copy: %w", explainFS(err))
		}
	}
	w := &workDir{path: dir, unlock: func() {}}
	if f, err := os.OpenFile(filepath.Join(dir, workLockName), os.O_RDWR|os.O_CREATE, 0o600); err == nil {
		if held, _ := lockFile(f); held {
			w.unlock = func() { unlockFile(f); f.Close() }
		} else {
			f.Close()
		}
	}
	return w, nil
}

// file is the path of a file in the work folder.
func (w *workDir) file(name string) string { return filepath.Join(w.path, name) }

// remove deletes the work folder and everything in it.
func (w *workDir) remove() {
	w.unlock()
	os.RemoveAll(w.path)
}

// forceCopy makes place copy even within one file system, for tests of
// the path a USB stick takes.
var forceCopy = false

// place moves the finished file src (in the work folder) to dst. Within one
// file system that is a rename, so dst is whole or absent. Onto another (a
// USB stick) it is a copy under a partial name in dst's folder, listed in
// the work folder first so that a crash leaves nothing the cleaner cannot
// find, then renamed. Without replace an existing dst is never touched.
func (w *workDir) place(src, dst string, replace bool) error {
	if !forceCopy {
		var err error
		if replace {
			err = os.Rename(src, dst)
		} else {
			err = renameNoReplace(src, dst)
		}
		if err == nil || errors.Is(err, fs.ErrExist) {
			if err == nil {
				syncDir(filepath.Dir(dst))
			}
			return err
		}
	}
	partial := filepath.Join(filepath.Dir(dst), partialPrefix+randomName()+partialSuffix)
	if err := appendLine(w.file(pendingName), partial); err != nil {
		return err
	}
	defer os.Remove(partial) // fails harmlessly once renamed
	if err := copyFile(src, partial, true); err != nil {
		return err
	}
	if !replace && exists(dst) {
		return fmt.Errorf("%s: %w", dst, fs.ErrExist)
	}
	if err := os.Rename(partial, dst); err != nil {
		return err
	}
	syncDir(filepath.Dir(dst))
	return nil
}

// renameNoReplace renames src to dst unless dst exists, which it reports
// as fs.ErrExist. A hard link cannot replace a file, so two writers racing
// for one name never overwrite each other; where links are not supported,
// a check before the rename has to do.
func renameNoReplace(src, dst string) error {
	err := os.Link(src, dst)
	switch {
	case err == nil:
		return os.Remove(src)
	case errors.Is(err, fs.ErrExist):
		return err
	case exists(dst):
		return fmt.Errorf("%s: %w", dst, fs.ErrExist)
	}
	return os.Rename(src, dst)
}

// appendLine adds a line to a file, durably.
func appendLine(path, line string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	_, err = f.WriteString(line + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func randomName() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// cleanTemp removes the work folders no running process holds, the
// half-written files they listed, and the copies older Speakeasy versions
// left in the data folder itself. Lock calls it at every start.
func cleanTemp(dataDir string) {
	base := filepath.Join(dataDir, TempFolder)
	entries, _ := os.ReadDir(base)
	for _, e := range entries {
		dir := filepath.Join(base, e.Name())
		if !e.IsDir() || inUse(dir) {
			continue
		}
		if list, err := os.ReadFile(filepath.Join(dir, pendingName)); err == nil {
			for _, p := range strings.Split(string(list), "\n") {
				name := filepath.Base(p)
				if strings.HasPrefix(name, partialPrefix) && strings.HasSuffix(name, partialSuffix) {
					os.Remove(p)
				}
			}
		}
		os.RemoveAll(dir)
	}
	// Names the copies had before the temporary area existed. Names are
	// matched one by one: a folder name may itself hold * or ?.
	for _, old := range []struct{ dir, pattern string }{
		{dataDir, ".merge-*"}, {dataDir, ".bundle-*"}, {dataDir, ".speakeasy-*.tmp"},
		{dataDir, FileName + ".restoring*"}, {filepath.Join(dataDir, BackupFolder), ".speakeasy-*.tmp"},
	} {
		entries, _ := os.ReadDir(old.dir)
		for _, e := range entries {
			if ok, _ := filepath.Match(old.pattern, e.Name()); ok {
				os.RemoveAll(filepath.Join(old.dir, e.Name()))
			}
		}
	}
}

// inUse reports whether a work folder's process still runs. Where the file
// system cannot lock, a folder is taken to be in use for a day.
func inUse(dir string) bool {
	f, err := os.OpenFile(filepath.Join(dir, workLockName), os.O_RDWR, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	held, err := lockFile(f)
	switch {
	case held:
		unlockFile(f)
		return false
	case err != nil:
		return true
	}
	fi, err := f.Stat()
	return err == nil && time.Since(fi.ModTime()) < 24*time.Hour
}
