package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestRescue_DamagedAtSeveralPlaces damages a results file at several
// places, puts the backup back as the window would, and rescues what the
// damaged file still holds: some of the 60 responses newer than the
// backup come back, the database stays whole, and nothing is added twice.
func TestRescue_DamagedAtSeveralPlaces(t *testing.T) {
	// 0 stands for a leaf page of the responses table itself.
	for _, page := range []int64{0, 3, 8, 15, -3, -1} {
		t.Run(filepath.Base(time.Duration(page).String()), func(t *testing.T) {
			setClock(t, stepClock(time.Date(2026, 3, 14, 9, 0, 0, 0, time.Local), time.Minute))
			dir, _, db := laptopWithBackup(t, 20, 60)
			leaf := int64(0)
			db.SQL().QueryRow(`SELECT pageno - 1 FROM dbstat WHERE name = 'responses' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1`).Scan(&leaf)
			db.Close()
			if page == 0 {
				if leaf == 0 {
					t.Skip("no dbstat to find the responses' pages")
				}
				page = leaf
			}
			path := filepath.Join(dir, FileName)
			fi, _ := os.Stat(path)
			pages := fi.Size() / 4096
			at := page
			if at < 0 {
				at = pages + page
			}
			f, _ := os.OpenFile(path, os.O_RDWR, 0)
			junk := make([]byte, 4096)
			for i := range junk {
				junk[i] = byte(i*13 + 1)
			}
			f.WriteAt(junk, at*4096)
			f.Close()

			var damaged *DamagedError
			if err := CheckHealth(dir); !errors.As(err, &damaged) {
				t.Fatalf("page %d of %d: health check said %v", at, pages, err)
			}
			if err := RestoreBackup(dir, damaged.Backup); err != nil {
				t.Fatal(err)
			}
			db, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			got, err := db.Rescue(context.Background(), damaged.MovedTo)
			if err != nil {
				t.Fatal(err)
			}
			c, _ := db.CountResponses("", time.Time{})
			t.Logf("page %d of %d: read %d, unreadable %d, partial %d: %s", at, pages, got.Read, got.Unreadable, got.Partial, got)
			if got.Merge.Total().Updated != 0 {
				t.Fatalf("the rescue replaced %d of the backup's own responses", got.Merge.Total().Updated)
			}
			if added := got.Merge.Total().Added; added == 0 || added > 60 || c.Total() != 20+added || got.Unreadable > 60 ||
				(page == leaf && got.Unreadable == 0) {
				t.Fatalf("rescued %d new responses (%d unreadable), %d in all now", added, got.Unreadable, c.Total())
			}
			if check, err := db.IntegrityCheck(context.Background()); err != nil || check != "ok" {
				t.Fatalf("integrity after the rescue: %q %v", check, err)
			}
			again, err := db.Rescue(context.Background(), damaged.MovedTo)
			if err != nil || again.Newer() != 0 {
				t.Fatalf("a second rescue added %d (%v)", again.Newer(), err)
			}
		})
	}
}

func TestRescue_NothingReadable(t *testing.T) {
	db := MustOpenDB(t)
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("hello hello hello hello"), 0o600)
	if _, err := db.Rescue(context.Background(), junk); !errors.Is(err, ErrNotResults) {
		t.Fatalf("a file of words: %v", err)
	}
}

func TestRescued_Words(t *testing.T) {
	r := Rescued{Unreadable: 8, Merge: MergeSummary{Devices: []DeviceCounts{{Added: 90, Updated: 2}}}}
	if got := r.String(); got != "92 of 100 newer responses were rescued." {
		t.Fatal(got)
	}
}
