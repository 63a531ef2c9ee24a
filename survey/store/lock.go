package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// LockName is the lock file's name inside the data folder.
const LockName = "speakeasy.lock"

// ErrInUse means another Speakeasy has the data folder open. A lock that
// is refused is an *InUseError, which says who holds it.
var ErrInUse = errors.New("Speakeasy is already open with this data folder")

// InUseError says which Speakeasy holds a data folder's lock, as far as
// its lock file tells.
type InUseError struct {
	Holder string // "the Speakeasy window", "speakeasy merge", or "" if unknown
	PID    int    // 0 if unknown
}

func (e *InUseError) Error() string {
	if e.Holder == "" {
		return ErrInUse.Error()
	}
	if e.PID > 0 {
		return fmt.Sprintf("%s is using this data folder (process %d)", capitalise(e.Holder), e.PID)
	}
	return capitalise(e.Holder) + " is using this data folder"
}

// Is makes errors.Is(err, ErrInUse) true.
func (e *InUseError) Is(target error) bool { return target == ErrInUse }

func capitalise(s string) string {
	if s != "" && 'a' <= s[0] && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// Window is the name the Speakeasy window gives itself in the lock file.
const Window = "the Speakeasy window"

// Lock makes sure only one Speakeasy uses the data folder dir: it is
// LockAs for the window.
func Lock(dir string) (unlock func(), err error) { return LockAs(dir, Window) }

// LockAs makes sure only one Speakeasy uses the data folder dir, window or
// command; who names this one ("speakeasy merge") for the others. It holds
// an operating-system lock on speakeasy.lock until unlock is called or the
// process ends, however it ends: the system drops the lock of a process
// that crashed or was killed, so a lock file left behind never blocks a
// start. A second lock on the same folder gets an *InUseError. Where the
// file system cannot lock at all, Lock lets Speakeasy start rather than
// stop the day. With the lock held, the copies that crashed runs left in
// the folder's temporary area are removed.
func LockAs(dir, who string) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot make the data folder %s: %w", dir, explainFS(err))
	}
	path := filepath.Join(dir, LockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot open the lock file %s: %w", path, explainFS(err))
	}
	held, err := lockFile(f)
	if err != nil {
		f.Close()
		if errors.Is(err, ErrInUse) {
			return nil, holder(path)
		}
		return nil, fmt.Errorf("cannot lock %s: %w", path, err)
	}
	if held {
		// Who holds it, for the next one who tries; the lock is what counts.
		// Windows locks the first byte against reading too, so the words
		// start after it.
		if f.Truncate(0) == nil {
			f.WriteAt([]byte("#\n"+strconv.Itoa(os.Getpid())+"\n"+who+"\n"), 0)
		}
	}
	cleanTemp(dir)
	var once sync.Once
	return func() {
		once.Do(func() {
			if held {
				unlockFile(f)
			}
			f.Close()
		})
	}, nil
}

// holder reads who holds a lock from its file: "#\nPID\nwho\n".
func holder(path string) *InUseError {
	e := &InUseError{}
	f, err := os.Open(path)
	if err != nil {
		return e
	}
	defer f.Close()
	b := make([]byte, 512)
	n, _ := f.ReadAt(b, 2)
	pid, who, _ := strings.Cut(string(b[:n]), "\n")
	e.PID, _ = strconv.Atoi(strings.TrimSpace(pid))
	e.Holder = strings.TrimSpace(who)
	if e.Holder == "" && e.PID > 0 {
		e.Holder = "another Speakeasy"
	}
	return e
}
