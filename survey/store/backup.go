package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// BackupFolder is the backups' folder inside the data folder.
const BackupFolder = "backups"

// KeepBackups is how many of the newest backups are always kept.
const KeepBackups = 10

// KeepDays is how many days back one backup a day is kept (the day's last),
// so that a busy day of backups never deletes the earlier days'.
const KeepDays = 30

// BackupFile is one backup in the backups folder.
type BackupFile struct {
	Path string
	Made time.Time // from the name, in local time
	seq  int       // 2, 3, ... for a second backup in the same second
}

// Backup writes a consistent copy of the database (all of it, settings
// too) to <dataDir>/backups/speakeasy-YYYYMMDD-HHMMSS.db (-2, -3, ... for a
// second one in the same second; two writers never take the same name) and
// deletes the backups that are neither among the newest KeepBackups nor
// the last of one of the last KeepDays days. An empty dataDir means the
// database's own folder. It returns the new backup's path.
func (db *DB) Backup(dataDir string) (string, error) {
	if dataDir == "" {
		dataDir = filepath.Dir(db.path)
	}
	dir := filepath.Join(dataDir, BackupFolder)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cannot make the backups folder: %w", explainFS(err))
	}
	work, tmp, err := db.snapshot(context.Background())
	if err != nil {
		return "", fmt.Errorf("cannot make a backup: %w", err)
	}
	defer work.remove()
	base := filepath.Join(dir, "speakeasy-"+clock().Format(stampLayout))
	path := base + ".db"
	for n := 2; ; n++ {
		err = renameNoReplace(tmp, path)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
		path = fmt.Sprintf("%s-%d.db", base, n)
	}
	if err != nil {
		return "", fmt.Errorf("cannot make a backup: %w", explainFS(err))
	}
	syncDir(dir)
	backups, err := Backups(dataDir)
	if err != nil {
		return path, err
	}
	for _, b := range oldBackups(backups, clock()) {
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return path, fmt.Errorf("cannot delete the old backup %s: %w", b.Path, explainFS(err))
		}
	}
	return path, nil
}

// oldBackups picks, from backups oldest first, those to delete at now.
func oldBackups(backups []BackupFile, now time.Time) []BackupFile {
	y, m, d := now.Date()
	since := time.Date(y, m, d-(KeepDays-1), 0, 0, 0, 0, now.Location())
	lastOfDay := map[string]int{}
	for i, b := range backups {
		lastOfDay[b.Made.Format("20060102")] = i
	}
	var old []BackupFile
	for i, b := range backups[:max(0, len(backups)-KeepBackups)] {
		if lastOfDay[b.Made.Format("20060102")] == i && !b.Made.Before(since) {
			continue
		}
		old = append(old, b)
	}
	return old
}

// DailyBackup makes a backup if there is none from today yet, as at the
// start of a day's use. It returns the new backup's path, or "" if today's
// backup was already there.
func (db *DB) DailyBackup() (string, error) {
	dataDir := filepath.Dir(db.path)
	backups, err := Backups(dataDir)
	if err != nil {
		return "", err
	}
	y, m, d := clock().Date()
	for _, b := range backups {
		if by, bm, bd := b.Made.Date(); by == y && bm == m && bd == d {
			return "", nil
		}
	}
	return db.Backup(dataDir)
}

// Backups lists the backups in a data folder, oldest first. Files in the
// backups folder that Speakeasy did not name are left out (and never deleted).
func Backups(dataDir string) ([]BackupFile, error) {
	dir := filepath.Join(dataDir, BackupFolder)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the backups folder: %w", err)
	}
	var out []BackupFile
	for _, e := range entries {
		if b, ok := parseBackupName(e.Name()); ok && e.Type().IsRegular() {
			b.Path = filepath.Join(dir, e.Name())
			out = append(out, b)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Made.Equal(out[j].Made) {
			return out[i].Made.Before(out[j].Made)
		}
		return out[i].seq < out[j].seq
	})
	return out, nil
}

// parseBackupName reads speakeasy-YYYYMMDD-HHMMSS.db or ...-N.db.
func parseBackupName(name string) (BackupFile, bool) {
	rest, ok := strings.CutPrefix(name, "speakeasy-")
	if !ok {
		return BackupFile{}, false
	}
	rest, ok = strings.CutSuffix(rest, ".db")
	if !ok || len(rest) < len(stampLayout) {
		return BackupFile{}, false
	}
	t, err := time.ParseInLocation(stampLayout, rest[:len(stampLayout)], time.Local)
	if err != nil {
		return BackupFile{}, false
	}
	b := BackupFile{Made: t, seq: 1}
	if extra := rest[len(stampLayout):]; extra != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(extra, "-"))
		if err != nil || !strings.HasPrefix(extra, "-") || n < 2 {
			return BackupFile{}, false
		}
		b.seq = n
	}
	return b, true
}

// NewestBackup is the path of the newest backup in a data folder, "" if none.
func NewestBackup(dataDir string) (string, error) {
	backups, err := Backups(dataDir)
	if err != nil || len(backups) == 0 {
		return "", err
	}
	return backups[len(backups)-1].Path, nil
}

// removeDatabase deletes a database file that Speakeasy made for a moment,
// with its -wal, -shm and -journal.
func removeDatabase(path string) {
	for _, ext := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + ext)
	}
}

// sameFile reports whether two paths name the same file.
func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}
