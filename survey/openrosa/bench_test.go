package openrosa_test

import (
	"context"
	"testing"
	"time"

	"speakeasy/survey/openrosa"
)

// BenchmarkSend sends 300 finished responses to the pretend server on
// this computer and prints the time each one takes, the laptop's own
// share of a send (building, posting, noting it sent; a real server adds
// its network time). Each round forgets what was sent, so the server gets
// identical re-sends, as after a lost note.
func BenchmarkSend(b *testing.B) {
	db, counts := testDB(b, 330)
	srv := testServer(b, "walk-meta.xml")
	start := time.Now()
	for b.Loop() {
		if _, err := openrosa.Send(context.Background(), db, options(srv)); err != nil {
			b.Fatal(err)
		}
		if _, err := db.SQL().Exec(`DELETE FROM openrosa_sent`); err != nil {
			b.Fatal(err)
		}
	}
	per := time.Since(start) / time.Duration(b.N*counts.Complete)
	b.ReportMetric(float64(per.Microseconds())/1000, "ms/response")
}
