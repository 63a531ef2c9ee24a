package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// NoResultsError means a folder holds no Speakeasy results file, so a
// command that only reads results has nothing to read, and makes nothing.
type NoResultsError struct{ Dir string }

func (e *NoResultsError) Error() string {
	return "There are no Speakeasy results in " + e.Dir + "."
}

// Is makes errors.Is(err, ErrNoResults) true.
func (e *NoResultsError) Is(target error) bool { return target == ErrNoResults }

// ErrNoResults is matched by a *NoResultsError.
var ErrNoResults = errors.New("there are no Speakeasy results in the folder")

// ErrOlderFile means results saved by an older Speakeasy were to be read
// without writing, which bringing them up to date needs.
var ErrOlderFile = errors.New("these results were saved by an older Speakeasy and cannot be brought up to date without writing; open them once in Speakeasy where they can be written")

// HasResults reports whether dir holds a results file.
func HasResults(dir string) bool {
	fi, err := os.Stat(filepath.Join(dir, FileName))
	return err == nil && fi.Mode().IsRegular()
}

// OpenExisting opens the results in dir like Open, but makes nothing: a
// folder with no results file is a *NoResultsError.
func OpenExisting(dir string) (*DB, error) {
	if !HasResults(dir) {
		return nil, &NoResultsError{Dir: dir}
	}
	return Open(dir)
}

// OpenReadOnly opens the results in dir for reading only and writes
// nothing there, so a read-only copy of a data folder (a CD, a locked
// share, a folder of another user) can still be exported.
func OpenReadOnly(dir string) (*DB, error) {
	path := filepath.Join(dir, FileName)
	if !HasResults(dir) {
		return nil, &NoResultsError{Dir: dir}
	}
	c, addr, cleanup, err := readOnlyConn(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, explainOpen(err))
	}
	db := &DB{sql: c, path: path, readAddr: addr, cleanup: cleanup}
	var version int
	if err := c.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot read %s: %w", path, explainOpen(err))
	}
	switch {
	case version > SchemaVersion():
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, ErrNewerFile)
	case version < SchemaVersion():
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, ErrOlderFile)
	}
	if err := db.prepare(); err != nil {
		db.Close()
		return nil, explainOpen(err)
	}
	if db.deviceID, err = db.Setting("device_id"); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	return db, nil
}

// readOnlyConn opens the database at path for reading without writing
// anything beside it, and returns the address it used and what to do
// after closing. When the folder cannot be written, SQLite cannot make
// the -shm file that reading a WAL database needs: a file with no -wal
// beside it is then read as immutable (there is nothing in a -wal to miss),
// and one with a -wal is copied, -wal and all, into a private temporary
// folder and read there. A damaged file is an error that isDamage knows.
func readOnlyConn(path string) (*sql.DB, string, func(), error) {
	try := func(p, params string) (*sql.DB, string, error) {
		addr := address(p, params)
		c, err := sql.Open("sqlite", addr)
		if err != nil {
			return nil, "", err
		}
		var version int
		if err := c.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
			c.Close()
			return nil, "", err
		}
		return c, addr, nil
	}
	none := func() {}
	c, addr, err := try(path, paramsRead)
	if err == nil || isDamage(err) {
		return c, addr, none, err
	}
	if fi, serr := os.Stat(path + "-wal"); errors.Is(serr, fs.ErrNotExist) || (serr == nil && fi.Size() == 0) {
		c, addr, err = try(path, paramsRead+"&immutable=1")
		return c, addr, none, err
	}
	tmp, err := os.MkdirTemp("", "speakeasy-read-")
	if err != nil {
		return nil, "", none, explainFS(err)
	}
	cleanup := func() { os.RemoveAll(tmp) }
	copyPath := filepath.Join(tmp, FileName)
	if err := copyDatabase(path, copyPath, false); err != nil {
		cleanup()
		return nil, "", none, explainFS(err)
	}
	if c, addr, err = try(copyPath, paramsScratch); err != nil {
		cleanup()
		return nil, "", none, err
	}
	return c, addr, cleanup, nil
}
