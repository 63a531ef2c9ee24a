package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrIsBundle means the file given to Restore is a bundle ("Save results
// for another laptop"), not a backup: it holds no staff PIN or settings.
var ErrIsBundle = errors.New("this is a bundle for another laptop, not a backup: it has no staff PIN or settings")

// OtherLaptopError means the file given to Restore holds another laptop's
// results. Putting it back would throw this laptop's away and take the
// other's device ID; merging is the way to add them.
type OtherLaptopError struct{ File, Here string }

func (e *OtherLaptopError) Error() string {
	return fmt.Sprintf("this file is from another laptop (laptop %s; this one is %s), so it was not put back."+
		" To add its results to this laptop's, use merge instead", e.File, e.Here)
}

// RestoreOptions are the choices staff made when asked.
type RestoreOptions struct {
	// AllowBundle puts back a bundle of this laptop: its results, without
	// the staff PIN or the kiosk's choices.
	AllowBundle bool
}

// Restored says what Restore did.
type Restored struct {
	Replaced string // where the results file it replaced was kept; "" if there was none
	Lacking  int    // responses in the replaced file that the backup lacks or holds an older copy of
}

// RestoreBackup is Restore of a backup with no questions asked, for the
// window's "Put back the newest copy".
func RestoreBackup(dir, backupPath string) error {
	_, err := Restore(dir, backupPath, RestoreOptions{})
	return err
}

// Restore makes the backup at backupPath the data folder's results file.
// Only a whole Speakeasy backup of this laptop is accepted (a bundle only
// with opts.AllowBundle): one from another laptop is an *OtherLaptopError,
// and one whose answers point at survey versions it does not hold is not
// results at all. The file it replaces, if any, is kept as
// speakeasy.db.replaced-YYYYMMDD-HHMMSS, never deleted, and Restored counts
// the responses that only it holds. The backup itself is left as it is.
// Call it with the folder locked and the database closed.
func Restore(dir, backupPath string, opts RestoreOptions) (Restored, error) {
	var done Restored
	ctx := context.Background()
	path := filepath.Join(dir, FileName)
	if same, _ := sameFile(backupPath, path); same {
		return done, fmt.Errorf("%s is the results file itself, not a backup", backupPath)
	}
	work, err := newWorkDir(dir)
	if err != nil {
		return done, err
	}
	defer work.remove()
	tmp := work.file("restore.db")
	if err := copyDatabase(backupPath, tmp, true); err != nil {
		return done, fmt.Errorf("cannot read the backup %s: %w", backupPath, explainFS(err))
	}
	device, err := inspectResults(ctx, tmp, false)
	if err == nil {
		err = checkBackup(ctx, tmp, opts)
	}
	if err != nil {
		return done, fmt.Errorf("%s: %w", backupPath, err)
	}
	if exists(path) {
		here, lacking, err := compareWithBackup(ctx, path, tmp)
		if err != nil {
			return done, fmt.Errorf("cannot read the present results file %s: %w", path, explainOpen(err))
		}
		if here != "" && device != here {
			return done, fmt.Errorf("%s: %w", backupPath, &OtherLaptopError{File: device, Here: here})
		}
		done.Lacking = lacking
		if done.Replaced, err = moveAside(path, "replaced"); err != nil {
			return done, fmt.Errorf("cannot put the present results file aside: %w", explainFS(err))
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return done, fmt.Errorf("cannot put the backup in place: %w", explainFS(err))
	}
	if err := os.Rename(tmp+"-wal", path+"-wal"); err != nil && exists(tmp+"-wal") {
		return done, fmt.Errorf("cannot put the backup in place: %w", explainFS(err))
	}
	syncDir(dir)
	return done, nil
}

// checkBackup refuses a copy whose answers or responses point at rows it
// does not hold, and a bundle unless opts allow it.
func checkBackup(ctx context.Context, path string, opts RestoreOptions) error {
	c, err := openAddress(path, paramsScratch)
	if err != nil {
		return err
	}
	defer c.Close()
	rows, err := c.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return notResults(err)
	}
	broken := 0
	for rows.Next() {
		broken++
	}
	rows.Close()
	if broken > 0 {
		return notResults(fmt.Errorf("%d rows point at rows the file does not hold", broken))
	}
	var mark string
	err = c.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, bundleMark).Scan(&mark)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return notResults(err)
	}
	if mark == "bundle" && !opts.AllowBundle {
		return ErrIsBundle
	}
	return nil
}

// compareWithBackup reads the device ID of the results file at path and
// counts its responses that the backup at backup lacks or holds older.
func compareWithBackup(ctx context.Context, path, backup string) (device string, lacking int, err error) {
	c, err := openAddress(backup, paramsScratch)
	if err != nil {
		return "", 0, err
	}
	defer c.Close()
	c.SetMaxOpenConns(1)
	if _, err := c.ExecContext(ctx, `ATTACH DATABASE ? AS here`, address(path, paramsRead)); err != nil {
		return "", 0, err
	}
	err = c.QueryRowContext(ctx, `SELECT COALESCE((SELECT value FROM here.settings WHERE key = 'device_id'), '')`).Scan(&device)
	if err != nil {
		return "", 0, err
	}
	err = c.QueryRowContext(ctx, `SELECT COUNT(*) FROM here.responses h WHERE NOT EXISTS
		(SELECT 1 FROM main.responses b WHERE b.id = h.id AND b.updated_at >= h.updated_at)`).Scan(&lacking)
	return device, lacking, err
}
