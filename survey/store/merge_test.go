package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"speakeasy/survey"
)

// testClock hands out times one second apart, shared by every laptop in a
// test, so "later" means later whichever laptop saved.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock {
	return &testClock{t: time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// answerWalk takes one participant through s on db, answering by k; with
// stopEarly they walk away after three screens.
func answerWalk(tb testing.TB, db *DB, s *survey.Survey, clk *testClock, k int, stopEarly bool) string {
	tb.Helper()
	ss := survey.NewSession(s, survey.SessionOptions{Language: "en", DeviceID: db.DeviceID(), Event: "Fair", Saver: db, Now: clk.Now})
	for step := 0; !ss.Done(); step++ {
		if stopEarly && step == 3 {
			if err := ss.Stop(); err != nil {
				tb.Fatal(err)
			}
			break
		}
		q, opts := ss.Current(), ss.Options()
		switch q.Kind {
		case survey.KindNote:
		case survey.KindMany:
			ss.Tap(opts[k%len(opts)].Value)
			ss.Tap(opts[(k+1)%len(opts)].Value)
		case survey.KindText:
			ss.SetText(fmt.Sprintf("answer %d from %s", k, db.DeviceID()[:8]))
		case survey.KindNumber:
			ss.SetText(strconv.Itoa(10 + k%10))
		case survey.KindDate:
			ss.SetText(clk.Now().Format(survey.DateLayout))
		default:
			ss.Tap(opts[k%len(opts)].Value)
		}
		if err := ss.Next(); err != nil {
			tb.Fatalf("response %d, question %s: %v", k, q.ID, err)
		}
	}
	return ss.Response().ID
}

// continueResponse changes a response's answer to "more" and takes away its
// answer to "age", as if the participant went on with it on db's laptop.
func continueResponse(tb testing.TB, db *DB, id string, clk *testClock, words string) {
	tb.Helper()
	r, _, err := db.Response(id)
	if err != nil {
		tb.Fatal(err)
	}
	r.Updated = clk.Now()
	err = db.Save(survey.Change{Response: r, Set: map[string]survey.Answer{"more": survey.Single(words)},
		Kinds: map[string]survey.Kind{"more": survey.KindText}, Cleared: []string{"age"}})
	if err != nil {
		tb.Fatal(err)
	}
}

// dump is every survey version, response and answer in a fixed order: two
// databases with the same dump hold the same results.
func dump(tb testing.TB, db *DB) string {
	tb.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT id, archived_at FROM surveys ORDER BY id`,
		`SELECT survey_id, version, sha256, definition FROM survey_versions ORDER BY survey_id, version`,
		`SELECT ` + responseCols + ` FROM responses ORDER BY id`,
		`SELECT ` + answerCols + ` FROM answers ORDER BY response_id, question_id`,
	} {
		rows, err := db.SQL().Query(q)
		if err != nil {
			tb.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				tb.Fatal(err)
			}
			fmt.Fprintf(&b, "%q\n", vals)
		}
		rows.Close()
		b.WriteString("--\n")
	}
	return b.String()
}

func countRows(tb testing.TB, db *DB, table string) int {
	tb.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

func mustMerge(tb testing.TB, db *DB, path string) MergeSummary {
	tb.Helper()
	sum, err := db.Merge(context.Background(), path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return sum
}

func mustBundle(tb testing.TB, db *DB) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "bundle.db")
	if err := db.Bundle(context.Background(), path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// laptops makes n data folders at the same community day, with results
// that overlap: some passed on by earlier merges, some of those continued
// later on another laptop, and a second version of the survey on one.
// It returns each laptop's database and a file to merge from each, every
// other one a bundle and the rest the raw speakeasy.db, still open.
func laptops(t *testing.T, n int) ([]*DB, []string, *testClock) {
	t.Helper()
	clk := newTestClock()
	dbs := make([]*DB, n)
	for i := range dbs {
		dbs[i] = MustOpenDB(t)
		s := mustWalkSurvey(t, dbs[i])
		for k := range 3 + i {
			answerWalk(t, dbs[i], s, clk, 10*i+k, k%3 == 2)
		}
	}
	// Laptop 1 gets laptop 0's results on a stick and carries on with one.
	mustMerge(t, dbs[1], mustBundle(t, dbs[0]))
	ids0, _ := dbs[0].ResponseIDs("walk")
	continueResponse(t, dbs[1], ids0[0], clk, "continued on laptop 1")
	// Laptop 0 goes on with another of its own afterwards.
	continueResponse(t, dbs[0], ids0[1], clk, "continued on laptop 0")
	last := dbs[n-1]
	changed, _ := survey.Load("../testdata/walk.json")
	changed.Title["en"] = "A longer walk"
	if _, err := last.Publish(changed); err != nil {
		t.Fatal(err)
	}
	answerWalk(t, last, changed, clk, 99, false)
	if n > 2 {
		// Laptop 2 takes laptop 1's raw file (holding 0's too), and the
		// same response goes on on both 2 and 1, 2 last.
		mustMerge(t, dbs[2], dbs[1].Path())
		ids1, _ := dbs[1].ResponseIDs("walk")
		continueResponse(t, dbs[1], ids1[len(ids1)-1], clk, "continued on laptop 1 again")
		continueResponse(t, dbs[2], ids1[len(ids1)-1], clk, "continued on laptop 2")
	}
	files := make([]string, n)
	for i, db := range dbs {
		files[i] = db.Path()
		if i%2 == 0 {
			files[i] = mustBundle(t, db)
		}
	}
	return dbs, files, clk
}

func TestMerge_OrderDoesNotMatter(t *testing.T) {
	for _, n := range []int{2, 5} {
		t.Run(fmt.Sprintf("%d laptops", n), func(t *testing.T) {
			dbs, files, _ := laptops(t, n)
			rng := rand.New(rand.NewPCG(uint64(n), 7))
			orders := [][]int{}
			for range 4 {
				orders = append(orders, rng.Perm(n))
			}
			orders = append(orders, slices.Sorted(slices.Values(rng.Perm(n))))
			var want string
			for _, order := range orders {
				target := MustOpenDB(t)
				for round := range 2 {
					for _, i := range order {
						sum := mustMerge(t, target, files[i])
						if tot := sum.Total(); round == 1 && (tot.Added != 0 || tot.Updated != 0) {
							t.Fatalf("order %v: merging %d again added %d and updated %d", order, i, tot.Added, tot.Updated)
						}
					}
				}
				got := dump(t, target)
				if want == "" {
					want = got
				} else if got != want {
					t.Fatalf("order %v gave different results:\n%s\nwant:\n%s", order, got, want)
				}
				if ok, err := target.IntegrityCheck(context.Background()); err != nil || ok != "ok" {
					t.Fatalf("integrity %q %v", ok, err)
				}
			}
			// A laptop that adds everyone else's file ends the same.
			for i := range files {
				if i != 0 {
					mustMerge(t, dbs[0], files[i])
				}
			}
			if got := dump(t, dbs[0]); got != want {
				t.Fatalf("laptop 0 after merging the others:\n%s\nwant:\n%s", got, want)
			}
			checkLaptopsResult(t, dbs[0], n)
		})
	}
}

// checkLaptopsResult checks the merged results of laptops(n) one by one.
func checkLaptopsResult(t *testing.T, db *DB, n int) {
	t.Helper()
	want := 1 // the answer to the changed survey
	for i := range n {
		want += 3 + i
	}
	if got := countRows(t, db, "responses"); got != want {
		t.Fatalf("%d responses, want %d", got, want)
	}
	more := map[string]int{}
	rows, err := db.SQL().Query(`SELECT value FROM answers WHERE question_id = 'more'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var v string
		rows.Scan(&v)
		more[v]++
	}
	rows.Close()
	wantMore := []string{"continued on laptop 1", "continued on laptop 0"}
	if n > 2 {
		wantMore = append(wantMore, "continued on laptop 2")
		if more["continued on laptop 1 again"] != 0 {
			t.Error("the older continuation on laptop 1 won over laptop 2's")
		}
	}
	for _, w := range wantMore {
		if more[w] != 1 {
			t.Errorf("%d answers say %q, want 1 (all: %v)", more[w], w, more)
		}
	}
	var ages int
	db.SQL().QueryRow(`SELECT COUNT(*) FROM answers a JOIN answers m ON m.response_id = a.response_id
		WHERE a.question_id = 'age' AND m.question_id = 'more' AND m.value LIKE 'continued%'`).Scan(&ages)
	if ages != 0 {
		t.Errorf("%d continued responses kept the answer the continuation took away", ages)
	}
	if v, err := db.Survey("walk", 2); err != nil || v.Title["en"] != "A longer walk" {
		t.Errorf("version 2 of the survey: %v %v", v, err)
	}
}

func TestMerge_Summary(t *testing.T) {
	clk := newTestClock()
	a, b := MustOpenDB(t), MustOpenDB(t)
	sa, sb := mustWalkSurvey(t, a), mustWalkSurvey(t, b)
	for k := range 3 {
		answerWalk(t, a, sa, clk, k, false)
	}
	answerWalk(t, b, sb, clk, 5, false)
	mustMerge(t, b, mustBundle(t, a))
	ids, _ := a.ResponseIDs("walk")
	continueResponse(t, a, ids[0], clk, "later")

	var calls [][2]int
	sum, err := b.Merge(context.Background(), mustBundle(t, a), func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	want := MergeSummary{DeviceID: a.DeviceID(), Devices: []DeviceCounts{{DeviceID: a.DeviceID(), Updated: 1, Already: 2}}}
	if !sameSummary(sum, want) {
		t.Fatalf("summary %+v, want %+v", sum, want)
	}
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{3, 3} {
		t.Fatalf("progress calls %v", calls)
	}
	// The other way: b's own response is new to a, and b holds a's three.
	sum = mustMerge(t, a, b.Path())
	want = MergeSummary{DeviceID: b.DeviceID(), Devices: []DeviceCounts{
		{DeviceID: a.DeviceID(), Already: 3}, {DeviceID: b.DeviceID(), Added: 1}}}
	slices.SortFunc(want.Devices, func(x, y DeviceCounts) int { return strings.Compare(x.DeviceID, y.DeviceID) })
	if !sameSummary(sum, want) {
		t.Fatalf("summary %+v, want %+v", sum, want)
	}
	if got := sum.Total(); got != (DeviceCounts{Added: 1, Already: 3}) {
		t.Fatalf("total %+v", got)
	}
}

func sameSummary(a, b MergeSummary) bool {
	return a.DeviceID == b.DeviceID && a.Versions == b.Versions && slices.Equal(a.Devices, b.Devices)
}

// TestMerge_SameMomentTies: two copies of a response changed at the same
// moment with different answers end the same whichever is merged first.
func TestMerge_SameMomentTies(t *testing.T) {
	at := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
	files := make([]string, 2)
	for i, words := range []string{"from a", "from b"} {
		db := MustOpenDB(t)
		s := mustWalkSurvey(t, db)
		r := survey.Response{ID: "same-response", SurveyID: s.ID, Version: s.Version, DeviceID: "device-x",
			Language: "en", Started: at, Updated: at, Status: survey.Incomplete}
		if err := db.Save(survey.Change{Response: r, Set: map[string]survey.Answer{"more": {words}}}); err != nil {
			t.Fatal(err)
		}
		files[i] = mustBundle(t, db)
	}
	var dumps []string
	for _, order := range [][]int{{0, 1}, {1, 0}, {0, 1, 0, 1}} {
		db := MustOpenDB(t)
		for _, i := range order {
			mustMerge(t, db, files[i])
		}
		dumps = append(dumps, dump(t, db))
	}
	if dumps[0] != dumps[1] || dumps[0] != dumps[2] {
		t.Fatalf("the order decided a tie:\n%s\n%s", dumps[0], dumps[1])
	}
}

func TestMerge_VersionConflict(t *testing.T) {
	clk := newTestClock()
	a, b := MustOpenDB(t), MustOpenDB(t)
	mustWalkSurvey(t, a)
	other, _ := survey.Load("../testdata/walk.json")
	other.Title["en"] = "Another walk"
	if _, err := b.Publish(other); err != nil {
		t.Fatal(err)
	}
	answerWalk(t, b, other, clk, 1, false)
	before := dump(t, a)
	_, err := a.Merge(context.Background(), b.Path(), nil)
	var conflict *ConflictError
	if !errors.As(err, &conflict) || !slices.Equal(conflict.Versions, []SurveyVersion{{"walk", 1}}) {
		t.Fatalf("got %v, want a conflict on walk version 1", err)
	}
	if !strings.Contains(err.Error(), `survey "walk" version 1 is different on the two laptops, so nothing was added`) {
		t.Fatalf("message: %v", err)
	}
	if dump(t, a) != before {
		t.Fatal("a conflicting merge changed the database")
	}
}

// TestMerge_BadFiles: files that are not results leave the database as it
// was and get a plain message; the file itself is not touched.
func TestMerge_BadFiles(t *testing.T) {
	good := MustOpenDB(t)
	answerWalk(t, good, mustWalkSurvey(t, good), newTestClock(), 1, false)
	bundle, err := os.ReadFile(mustBundle(t, good))
	if err != nil {
		t.Fatal(err)
	}
	futureFile := mustBundle(t, good)
	sqlExec(t, futureFile, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1))
	future, _ := os.ReadFile(futureFile)
	strangerFile := filepath.Join(t.TempDir(), "stranger.db")
	sqlExec(t, strangerFile, "CREATE TABLE birds (name TEXT)")
	stranger, _ := os.ReadFile(strangerFile)
	halfFile := mustBundle(t, good)
	sqlExec(t, halfFile, "DROP TABLE answers")
	half, _ := os.ReadFile(halfFile)
	scribbled := slices.Clone(bundle)
	for i := 4096 * 2; i < 4096*3 && i < len(scribbled); i++ {
		scribbled[i] = byte(i * 7)
	}

	tests := []struct {
		name    string
		content []byte
		want    error
		words   string
	}{
		{"truncated", bundle[:len(bundle)/2], ErrNotResults, "this is not a Speakeasy results file"},
		{"truncated header", bundle[:60], ErrNotResults, "this is not a Speakeasy results file"},
		{"zero bytes", nil, ErrNotResults, "this is not a Speakeasy results file"},
		{"text renamed .db", []byte(strings.Repeat("Name,Answer\nSam,yes\n", 300)), ErrNotResults, "this is not a Speakeasy results file"},
		{"scribbled page", scribbled, ErrNotResults, "this is not a Speakeasy results file"},
		{"another program's database", stranger, ErrNotResults, "this is not a Speakeasy results file"},
		{"a table missing", half, ErrNotResults, "this is not a Speakeasy results file"},
		{"future version", future, ErrNewerFile, "this file was made by a newer Speakeasy"},
	}
	db := MustOpenDB(t)
	answerWalk(t, db, mustWalkSurvey(t, db), newTestClock(), 2, true)
	before := dump(t, db)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "results.db")
			if err := os.WriteFile(path, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := db.Merge(context.Background(), path, nil)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.words) || !strings.Contains(err.Error(), path) {
				t.Fatalf("got %v, want %q naming the file", err, tt.words)
			}
			if got, _ := os.ReadFile(path); !slices.Equal(got, tt.content) {
				t.Fatal("merging changed the file")
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Fatalf("merging left files beside the one merged: %v", entries)
			}
			if dump(t, db) != before {
				t.Fatal("a failed merge changed the database")
			}
		})
	}
	if _, err := db.Merge(context.Background(), filepath.Join(t.TempDir(), "nothing.db"), nil); err == nil ||
		!strings.Contains(err.Error(), "there is no such file") {
		t.Fatalf("a missing file: %v", err)
	}
	if _, err := db.Merge(context.Background(), db.Path(), nil); !errors.Is(err, ErrOwnFile) {
		t.Fatalf("merging into itself: %v", err)
	}
	if entries, _ := filepath.Glob(filepath.Join(filepath.Dir(db.Path()), ".merge-*")); len(entries) != 0 {
		t.Fatalf("merges left %v in the data folder", entries)
	}
}

// TestMerge_SourceUntouched: merging another laptop's live speakeasy.db
// reads the answers still in its -wal and changes neither file.
func TestMerge_SourceUntouched(t *testing.T) {
	other := MustOpenDB(t)
	s := mustWalkSurvey(t, other)
	clk := newTestClock()
	for k := range 3 {
		answerWalk(t, other, s, clk, k, false)
	}
	dir := filepath.Dir(other.Path())
	snapshot := func() map[string]string {
		m := map[string]string{}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() == FileName+"-shm" {
				continue // SQLite's shared index, changed by every reader
			}
			b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			m[e.Name()] = string(b)
		}
		return m
	}
	before := snapshot()
	if _, ok := before[FileName+"-wal"]; !ok {
		t.Fatal("the test wants answers still in the -wal")
	}
	db := MustOpenDB(t)
	sum := mustMerge(t, db, other.Path())
	if got := sum.Total().Added; got != 3 {
		t.Fatalf("added %d, want 3", got)
	}
	if sum.DeviceID != other.DeviceID() || sum.Versions != 1 {
		t.Fatalf("summary %+v", sum)
	}
	if !maps.Equal(before, snapshot()) {
		t.Fatal("merging changed the other laptop's files")
	}
}

// sqlExec runs statements on a database file that Speakeasy does not hold open.
func sqlExec(tb testing.TB, path, query string) {
	tb.Helper()
	c, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		tb.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Exec(query); err != nil {
		tb.Fatal(err)
	}
}

// FuzzMerge feeds Merge files of any bytes: it must refuse or add them,
// never panic, and leave the database whole, and as it was when it refuses.
// The committed seeds in testdata/fuzz/FuzzMerge are a small bundle, cut
// short, of a future version, empty and text; TestWriteFuzzSeeds makes them.
func FuzzMerge(f *testing.F) {
	f.Add([]byte("SQLite format 3\x00"))
	db := MustOpenDB(f)
	answerWalk(f, db, mustWalkSurvey(f, db), newTestClock(), 1, false)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.db")
		removeDatabase(path)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		before := dump(t, db)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.Merge(ctx, path, nil); err != nil && dump(t, db) != before {
			t.Fatalf("a refused file (%v) changed the database", err)
		}
		if ok, err := db.IntegrityCheck(ctx); err != nil || ok != "ok" {
			t.Fatalf("integrity_check after merging: %q %v", ok, err)
		}
	})
}

// TestWriteFuzzSeeds writes FuzzMerge's seed files when
// SPEAKEASY_WRITE_SEEDS=1. The bundle is built with 512-byte pages to keep
// it small enough for the fuzzer to work on.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("SPEAKEASY_WRITE_SEEDS") == "" {
		t.Skip("set SPEAKEASY_WRITE_SEEDS=1 to write the seeds")
	}
	path := filepath.Join(t.TempDir(), FileName)
	c, err := sql.Open("sqlite", "file:"+path+"?_pragma=page_size(512)&_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	small := &DB{sql: c, path: path}
	defer small.Close()
	if err := small.migrate(); err != nil {
		t.Fatal(err)
	}
	if err := small.prepare(); err != nil {
		t.Fatal(err)
	}
	if err := small.ensureDeviceID(); err != nil {
		t.Fatal(err)
	}
	clk := newTestClock()
	s := mustWalkSurvey(t, small)
	answerWalk(t, small, s, clk, 1, false)
	answerWalk(t, small, s, clk, 2, true)
	bundle, err := os.ReadFile(mustBundle(t, small))
	if err != nil {
		t.Fatal(err)
	}
	future := mustBundle(t, small)
	sqlExec(t, future, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1))
	futureBytes, _ := os.ReadFile(future)
	seeds := map[string][]byte{
		"bundle":    bundle,
		"truncated": bundle[:len(bundle)*2/3],
		"future":    futureBytes,
		"empty":     {},
		"text":      []byte("id,answer\n1,yes\n"),
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzMerge")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range seeds {
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes", name, len(b))
	}
}
