package store

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"speakeasy/survey"
)

// BenchmarkSaveAnswer times saving one answer durably, as a tap on Next
// does, and in the same run the floor of the disk: a plain write and
// fdatasync of a file in the same folder. It reports p50 and p99 of both
// and the ratio of the p50s (target: at most 2x).
func BenchmarkSaveAnswer(b *testing.B) {
	db := MustOpenDB(b)
	s := mustWalkSurvey(b, db)
	now := time.Now()
	r := survey.Response{ID: "bench", SurveyID: s.ID, Version: s.Version, DeviceID: db.DeviceID(), Language: "en",
		Started: now, Updated: now, Status: survey.Incomplete}
	kinds := map[string]survey.Kind{"who": survey.KindOne}
	save := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		r.Updated = time.Now()
		t0 := time.Now()
		if err := db.Save(survey.Change{Response: r, Set: map[string]survey.Answer{fmt.Sprintf("q%d", i%40): {"self"}}, Kinds: kinds}); err != nil {
			b.Fatal(err)
		}
		save = append(save, time.Since(t0))
	}
	b.StopTimer()

	f, err := os.OpenFile(filepath.Join(filepath.Dir(db.Path()), "floor"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	floor := syncLoop(b, f, len(save), unix.Fdatasync)
	// modernc's SQLite syncs with fsync(), which also flushes the file's
	// times; this second floor shows how much of the gap that is.
	fsyncFloor := syncLoop(b, f, len(save), unix.Fsync)
	sp50, sp99 := percentiles(save)
	fp50, fp99 := percentiles(floor)
	ff50, _ := percentiles(fsyncFloor)
	b.ReportMetric(float64(sp50.Microseconds()), "save-p50-µs")
	b.ReportMetric(float64(sp99.Microseconds()), "save-p99-µs")
	b.ReportMetric(float64(fp50.Microseconds()), "fdatasync-p50-µs")
	b.ReportMetric(float64(sp50)/float64(fp50), "ratio-p50")
	b.Logf("save p50 %v p99 %v | write+fdatasync p50 %v p99 %v | ratio of p50s %.2fx (target ≤ 2x) | write+fsync p50 %v, ratio %.2fx | n=%d",
		sp50, sp99, fp50, fp99, float64(sp50)/float64(fp50), ff50, float64(sp50)/float64(ff50), len(save))
}

// syncLoop writes a page and syncs it n times, returning each time taken.
func syncLoop(b *testing.B, f *os.File, n int, sync func(int) error) []time.Duration {
	page := make([]byte, 4096)
	out := make([]time.Duration, 0, n)
	for i := range n {
		t0 := time.Now()
		if _, err := f.WriteAt(page, int64(i%64)*4096); err != nil {
			b.Fatal(err)
		}
		if err := sync(int(f.Fd())); err != nil {
			b.Fatal(err)
		}
		out = append(out, time.Since(t0))
	}
	return out
}

func percentiles(d []time.Duration) (p50, p99 time.Duration) {
	s := slices.Clone(d)
	slices.Sort(s)
	if len(s) == 0 {
		return 0, 0
	}
	return s[len(s)/2], s[min(len(s)-1, len(s)*99/100)]
}
