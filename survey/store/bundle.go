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

// A bundle is a plain Speakeasy database file, made with VACUUM INTO so it
// is one consistent file with no -wal beside it. It holds every survey,
// version and response of this laptop, and of the settings only the device
// ID: the staff PIN's hash and the kiosk's choices stay on the laptop.
// Merge reads it like any other laptop's speakeasy.db.

// Bundle writes this laptop's results to a new file at path, readable by
// this user only. It refuses to replace a file that is already there.
func (db *DB) Bundle(ctx context.Context, path string) error {
	return db.BundleTo(ctx, path, false)
}

// BundleTo is Bundle that replaces an existing file at path when replace is
// true, as when staff have agreed to overwrite it in a save dialog.
func (db *DB) BundleTo(ctx context.Context, path string, replace bool) error {
	return db.snapshot(ctx, path, replace, stripForBundle)
}

// WriteBundle writes a bundle to w, for a save dialog that hands out a
// writer rather than a path. The copy is made first in the data folder.
func (db *DB) WriteBundle(ctx context.Context, w io.Writer) error {
	tmp, err := os.MkdirTemp(filepath.Dir(db.path), ".bundle-")
	if err != nil {
		return fmt.Errorf("cannot make the bundle: %w", explainFS(err))
	}
	defer os.RemoveAll(tmp)
	path := filepath.Join(tmp, "bundle.db")
	if err := db.Bundle(ctx, path); err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.Copy(w, f); err != nil {
		return fmt.Errorf("cannot write the bundle: %w", explainFS(err))
	}
	return nil
}

// stripForBundle leaves only the device ID among the settings, and
// overwrites what it deletes so the PIN's hash is not left in free pages.
func stripForBundle(ctx context.Context, c *sql.DB) error {
	if _, err := c.ExecContext(ctx, `PRAGMA secure_delete = ON`); err != nil {
		return err
	}
	_, err := c.ExecContext(ctx, `DELETE FROM settings WHERE key <> 'device_id'`)
	return err
}

// snapshot writes a consistent copy of the database to path with VACUUM
// INTO. The copy is made under a temporary name in the same folder, then
// finish (if not nil) may change it, then it is synced and renamed, so a
// copy cut short by a crash never carries the final name.
func (db *DB) snapshot(ctx context.Context, path string, replace bool, finish func(context.Context, *sql.DB) error) error {
	if !replace {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%s is already there; choose another name: %w", path, fs.ErrExist)
		}
	}
	// An empty file made here with mode 0600 keeps that mode when SQLite fills it.
	f, err := os.CreateTemp(filepath.Dir(path), ".speakeasy-*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", filepath.Dir(path), explainFS(err))
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp) // fails harmlessly once renamed
	if _, err := db.sql.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		return fmt.Errorf("cannot copy the results to %s: %w", path, explainOpen(err))
	}
	if finish != nil {
		c, err := sql.Open("sqlite", "file:"+tmp)
		if err != nil {
			return err
		}
		err = finish(ctx, c)
		if cerr := c.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("cannot finish the copy %s: %w", path, explainOpen(err))
		}
	}
	if err := syncFile(tmp); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, explainFS(err))
	}
	if !replace {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%s is already there; choose another name: %w", path, fs.ErrExist)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, explainFS(err))
	}
	syncDir(filepath.Dir(path))
	return nil
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
