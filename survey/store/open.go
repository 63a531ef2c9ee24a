package store

import (
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
// share, a folder of another user) can still be exported. When the folder
// itself cannot be written, SQLite cannot make the -shm file that reading a
// WAL database needs: a file with no -wal beside it is then read as
// immutable (there is nothing in a -wal to miss), and one with a -wal is
// copied, -wal and all, into a private temporary folder and read there.
func OpenReadOnly(dir string) (*DB, error) {
	path := filepath.Join(dir, FileName)
	if !HasResults(dir) {
		return nil, &NoResultsError{Dir: dir}
	}
	db, err := openReadOnly(path, paramsRead)
	if err == nil || errors.Is(err, ErrNewerFile) || errors.Is(err, ErrOlderFile) {
		return db, err
	}
	if fi, serr := os.Stat(path + "-wal"); errors.Is(serr, fs.ErrNotExist) || (serr == nil && fi.Size() == 0) {
		return openReadOnly(path, paramsRead+"&immutable=1")
	}
	tmp, err := os.MkdirTemp("", "speakeasy-read-")
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, explainFS(err))
	}
	copyPath := filepath.Join(tmp, FileName)
	if err := copyDatabase(path, copyPath, false); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("cannot read %s: %w", path, explainFS(err))
	}
	db, err = openReadOnly(copyPath, paramsScratch)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	db.path = path
	db.cleanup = func() { os.RemoveAll(tmp) }
	return db, nil
}

// openReadOnly opens a file with params and reads its schema version and
// device ID, which also shows whether SQLite can read it at all.
func openReadOnly(path, params string) (*DB, error) {
	sqldb, err := openAddress(path, params)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	db := &DB{sql: sqldb, path: path, readAddr: address(path, params)}
	var version int
	if err := sqldb.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("cannot read %s: %w", path, explainOpen(err))
	}
	switch {
	case version > SchemaVersion():
		sqldb.Close()
		return nil, fmt.Errorf("%s: %w", path, ErrNewerFile)
	case version < SchemaVersion():
		sqldb.Close()
		return nil, fmt.Errorf("%s: %w", path, ErrOlderFile)
	}
	if err := db.prepare(); err != nil {
		sqldb.Close()
		return nil, explainOpen(err)
	}
	if db.deviceID, err = db.Setting("device_id"); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	return db, nil
}
