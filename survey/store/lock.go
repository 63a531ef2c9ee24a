package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// LockName is the lock file's name inside the data folder.
const LockName = "speakeasy.lock"

// ErrInUse means another Speakeasy has the data folder open.
var ErrInUse = errors.New("Speakeasy is already open with this data folder")

// Lock makes sure only one Speakeasy uses the data folder dir. It holds an
// operating-system lock on speakeasy.lock until unlock is called or the
// process ends, however it ends: the system drops the lock of a process that
// crashed or was killed, so a lock file left behind never blocks a start.
// A second Lock on the same folder gets ErrInUse. Where the file system
// cannot lock at all, Lock lets Speakeasy start rather than stop the day.
func Lock(dir string) (unlock func(), err error) {
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
			return nil, err
		}
		return nil, fmt.Errorf("cannot lock %s: %w", path, err)
	}
	if held {
		// Who holds it, for anyone looking in the folder; the lock is what counts.
		if f.Truncate(0) == nil {
			f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		}
	}
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
