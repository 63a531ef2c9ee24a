package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"modernc.org/sqlite"
)

// The start of a day at a laptop, in order:
//
//	unlock, err := store.Lock(dir)      // one Speakeasy per data folder
//	err = store.CheckHealth(dir)        // a damaged file is put aside
//	db, err := store.Open(dir)
//	db.DailyBackup()

// ErrDiskFull means there is no room left on the disk for the answers.
var ErrDiskFull = errors.New("the disk is full")

// ErrReadOnly means the data folder or file cannot be written to.
var ErrReadOnly = errors.New("Speakeasy cannot write to the data folder")

// ErrDamaged is matched by a *DamagedError.
var ErrDamaged = errors.New("the results file is damaged")

// DamagedError says that the results file failed SQLite's check, where it
// was put aside, and which backup could take its place.
type DamagedError struct {
	MovedTo string // the damaged file's new name; its -wal and -shm end the same way
	Backup  string // the newest backup, "" if there is none
	Problem string // what SQLite found, for the curious
}

func (e *DamagedError) Error() string {
	msg := "The results file was damaged. Speakeasy kept it as " + e.MovedTo + " and did not delete it."
	if e.Backup == "" {
		return msg + " There is no backup to put back."
	}
	return msg + " The newest backup is " + e.Backup + "."
}

// Is makes errors.Is(err, ErrDamaged) true.
func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

// clock is the time backups and put-aside files are named by; tests change it.
var clock = time.Now

// stampLayout is the time in the names of backups and put-aside files.
const stampLayout = "20060102-150405"

// CheckHealth runs SQLite's quick_check on the results file in dir before
// it is opened. A damaged file is renamed, with its -wal and -shm, to
// speakeasy.db.damaged-YYYYMMDD-HHMMSS and a *DamagedError names it and the
// newest backup; nothing is deleted. A missing file is healthy: it will be
// made. Call it with the folder locked and the database closed.
func CheckHealth(dir string) error {
	path := filepath.Join(dir, FileName)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("cannot read the data file: %w", explainFS(err))
	}
	problem, err := quickCheckFile(path)
	if err != nil {
		return fmt.Errorf("cannot check the data file %s: %w", path, explainOpen(err))
	}
	if problem == "" {
		return nil
	}
	moved, err := moveAside(path, "damaged")
	if err != nil {
		return fmt.Errorf("the results file %s is damaged, and it could not be put aside: %w", path, explainFS(err))
	}
	newest, _ := NewestBackup(dir)
	return &DamagedError{MovedTo: moved, Backup: newest, Problem: problem}
}

// QuickCheck runs CheckHealth's check on an open database without
// changing anything, for a folder that cannot be written to. problem is ""
// when the file is whole.
func (db *DB) QuickCheck(ctx context.Context) (problem string, err error) {
	return quickCheck(ctx, db.sql)
}

// quickCheckFile opens a database read-only, so that not even a checkpoint
// writes to it (and in a folder that cannot be written), and runs quick_check. problem is "" when the file is whole;
// err is for failures that say nothing about the file (such as permissions).
func quickCheckFile(path string) (problem string, err error) {
	c, _, cleanup, err := readOnlyConn(path)
	if isDamage(err) {
		return err.Error(), nil
	}
	if err != nil {
		return "", err
	}
	defer cleanup()
	defer c.Close()
	return quickCheck(context.Background(), c)
}

// quickCheck runs PRAGMA quick_check. A file SQLite calls corrupt or "not a
// database" is a problem, not an error.
func quickCheck(ctx context.Context, c *sql.DB) (problem string, err error) {
	lines, err := pragmaLines(ctx, c, "quick_check")
	switch {
	case err != nil && isDamage(err):
		return err.Error(), nil
	case err != nil:
		return "", err
	case len(lines) == 1 && lines[0] == "ok":
		return "", nil
	}
	return strings.Join(lines, "\n"), nil
}

// pragmaLines runs a check pragma and returns the lines it reports.
func pragmaLines(ctx context.Context, c *sql.DB, pragma string) ([]string, error) {
	rows, err := c.QueryContext(ctx, "PRAGMA "+pragma)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		lines = append(lines, s)
	}
	return lines, rows.Err()
}

// SQLite's primary result codes for a damaged file.
const (
	sqliteCorrupt = 11
	sqliteNotADB  = 26
)

// isDamage reports whether SQLite said the file is corrupt or not a database.
func isDamage(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		code := se.Code() & 0xff
		return code == sqliteCorrupt || code == sqliteNotADB
	}
	return false
}

// moveAside renames a database file and its -wal and -shm to
// <path>.<why>-YYYYMMDD-HHMMSS (and -wal, -shm after that), never over an
// existing file, and returns the new name of the database file.
func moveAside(path, why string) (string, error) {
	base := path + "." + why + "-" + clock().Format(stampLayout)
	to := base
	for n := 2; exists(to) || exists(to+"-wal") || exists(to+"-shm"); n++ {
		to = fmt.Sprintf("%s-%d", base, n)
	}
	if err := os.Rename(path, to); err != nil {
		return "", err
	}
	for _, ext := range []string{"-wal", "-shm"} {
		if err := os.Rename(path+ext, to+ext); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return to, err
		}
	}
	syncDir(filepath.Dir(path))
	return to, nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// explainFS puts the operating system's words for a failed file operation
// into plain ones, keeping the original error inside.
func explainFS(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, syscall.ENOSPC), strings.Contains(err.Error(), "no space left"):
		return fmt.Errorf("%w: %w", ErrDiskFull, err)
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return fmt.Errorf("Speakeasy is not allowed to write there: %w", err)
	}
	return err
}
