package store

import (
	"context"
	"fmt"
	"path/filepath"
)

// FileDevice is the ID of the laptop whose results are in the file at path
// (a bundle, a backup or a speakeasy.db), so that staff are not let save
// this laptop's results over another laptop's. It reads a private copy, as
// Merge does: the file itself is never changed. A file that holds no
// results gives ErrNotResults.
func (db *DB) FileDevice(ctx context.Context, path string) (string, error) {
	work, err := newWorkDir(filepath.Dir(db.path))
	if err != nil {
		return "", err
	}
	defer work.remove()
	peek := work.file("peek.db")
	if err := copyDatabase(path, peek, false); err != nil {
		return "", fmt.Errorf("cannot read the file: %w", explainFS(err))
	}
	return inspectResults(ctx, peek, false)
}
