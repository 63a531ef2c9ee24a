package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// A bundle is a plain Speakeasy database file. It holds every survey,
// version, draft and response of this laptop, and of the settings only the
// device ID and a mark that it is a bundle: the staff PIN's hash and the
// kiosk's choices stay on the laptop. It is built row by row into a new
// file rather than copied whole and trimmed, so the PIN's hash is never in
// it, not even for a moment in a temporary file. Merge reads it like any
// other laptop's speakeasy.db.

// bundleMark is the setting that tells a bundle from a backup.
const bundleMark = "made_as"

// Bundle writes this laptop's results to a new file at path, readable by
// this user only. It refuses to replace a file that is already there.
func (db *DB) Bundle(ctx context.Context, path string) error {
	return db.BundleTo(ctx, path, false)
}

// BundleTo is Bundle that replaces an existing file at path when replace is
// true, as when staff have agreed to overwrite it in a save dialog. The
// bundle is made in the data folder's temporary area and only then put at
// path, so a bundle cut short leaves no copy beside path.
func (db *DB) BundleTo(ctx context.Context, path string, replace bool) error {
	if !replace && exists(path) {
		return existsError(path)
	}
	work, tmp, err := db.bundleInWork(ctx)
	if err != nil {
		return err
	}
	defer work.remove()
	if err := work.place(tmp, path, replace); errors.Is(err, fs.ErrExist) {
		return existsError(path)
	} else if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, explainFS(err))
	}
	return nil
}

func existsError(path string) error {
	return fmt.Errorf("%s is already there; choose another name: %w", path, fs.ErrExist)
}

// WriteBundle writes a bundle to w, for a save dialog that hands out a
// writer rather than a path.
func (db *DB) WriteBundle(ctx context.Context, w io.Writer) error {
	work, tmp, err := db.bundleInWork(ctx)
	if err != nil {
		return err
	}
	defer work.remove()
	f, err := os.Open(tmp)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.Copy(w, f); err != nil {
		return fmt.Errorf("cannot write the bundle: %w", explainFS(err))
	}
	return nil
}

// bundleInWork makes a finished, synced bundle in a new work folder.
func (db *DB) bundleInWork(ctx context.Context) (*workDir, string, error) {
	work, err := newWorkDir(filepath.Dir(db.path))
	if err != nil {
		return nil, "", err
	}
	tmp := work.file("bundle.db")
	err = db.buildBundle(ctx, tmp)
	if err == nil {
		err = syncFile(tmp)
	}
	if err != nil {
		work.remove()
		return nil, "", fmt.Errorf("cannot make the bundle: %w", explainOpen(explainFS(err)))
	}
	return work, tmp, nil
}

// buildBundle makes a new database at path with this Speakeasy's schema
// and copies into it every table but the settings, then the device ID. The
// results are read through a read-only attachment, in one transaction, so
// the bundle is one consistent moment even while the window saves.
func (db *DB) buildBundle(ctx context.Context, path string) error {
	c, err := db.newCopy(ctx, path, "src")
	if err != nil {
		return err
	}
	defer c.Close()
	tables, err := tableNames(ctx, c)
	if err != nil {
		return err
	}
	tx, err := c.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, t := range tables {
		if t == "settings" {
			continue
		}
		q := `INSERT INTO main."` + t + `" SELECT * FROM src."` + t + `"`
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO main.settings (key, value)
		SELECT key, value FROM src.settings WHERE key = 'device_id'
		UNION ALL SELECT ?, 'bundle'`, bundleMark); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = c.ExecContext(ctx, `DETACH DATABASE src`)
	return err
}

// newCopy makes a new, empty results file at path, private, with this
// Speakeasy's schema, and opens it on one connection with this database
// attached read-only as name, to copy rows from.
func (db *DB) newCopy(ctx context.Context, path, name string) (*sql.DB, error) {
	if err := createPrivate(path); err != nil {
		return nil, err
	}
	c, err := openAddress(path, paramsScratch)
	if err != nil {
		return nil, err
	}
	c.SetMaxOpenConns(1)
	err = (&DB{sql: c}).migrate()
	if err == nil {
		_, err = c.ExecContext(ctx, `ATTACH DATABASE ? AS `+name, db.readAddress())
	}
	if err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// tableNames lists the tables of the schema (SQLite's own left out).
func tableNames(ctx context.Context, c *sql.DB) ([]string, error) {
	rows, err := c.QueryContext(ctx, `SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// readAddress is how another connection reads this database: read-only,
// and the same way this one was opened when that needed care.
func (db *DB) readAddress() string {
	if db.readAddr != "" {
		return db.readAddr
	}
	return address(db.path, paramsRead)
}

// snapshot writes a consistent copy of the whole database to a new file
// in a work folder with VACUUM INTO, and returns the work folder and the
// copy's path; the caller places it and removes the work folder.
func (db *DB) snapshot(ctx context.Context) (*workDir, string, error) {
	work, err := newWorkDir(filepath.Dir(db.path))
	if err != nil {
		return nil, "", err
	}
	tmp := work.file("copy.db")
	if err := createPrivate(tmp); err != nil {
		work.remove()
		return nil, "", fmt.Errorf("cannot copy the results: %w", explainFS(err))
	}
	if _, err := db.sql.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		work.remove()
		return nil, "", fmt.Errorf("cannot copy the results: %w", explainOpen(err))
	}
	if err := syncFile(tmp); err != nil {
		work.remove()
		return nil, "", fmt.Errorf("cannot copy the results: %w", explainFS(err))
	}
	return work, tmp, nil
}

// createPrivate makes an empty file readable by this user only; SQLite
// keeps that mode when it fills the file.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	return f.Close()
}

// syncFile flushes a file's contents to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename in dir durable. Not every system can sync a
// folder (Windows cannot), and a failure here loses nothing already synced,
// so errors are ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// copyFile copies src to a new file dst, readable by this user only, and
// with durable set makes sure it is on the disk.
func copyFile(src, dst string, durable bool) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if fi, err := in.Stat(); err != nil {
		return err
	} else if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a file", src)
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil && durable {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// copyDatabase copies a database file and its -wal, if it has one, so that
// answers not yet moved out of the -wal by the other laptop come too.
func copyDatabase(src, dst string, durable bool) error {
	if err := copyFile(src, dst, durable); err != nil {
		return err
	}
	err := copyFile(src+"-wal", dst+"-wal", durable)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
