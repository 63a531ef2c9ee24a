package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"speakeasy/survey"
	"speakeasy/survey/fake"
	"speakeasy/survey/store"
)

// benchResponses is how many responses the export benchmark writes.
const benchResponses = 100_000

// benchSurvey is a 40-question survey with every kind of answer and some
// skip rules, made in code so the benchmark needs no file.
func benchSurvey() *survey.Survey {
	en := func(s string) survey.Text { return survey.Text{"en": s} }
	choices := func(n int) []survey.Choice {
		out := make([]survey.Choice, n)
		for i := range out {
			out[i] = survey.Choice{Value: fmt.Sprintf("c%d", i+1), Text: en(fmt.Sprintf("Choice number %d", i+1))}
		}
		return out
	}
	lo, hi := 0.0, 120.0
	s := &survey.Survey{ID: "bench", Version: 1, Languages: []string{"en"}, Title: en("Benchmark survey")}
	for i := range 40 {
		q := survey.Question{ID: fmt.Sprintf("q%02d", i+1), Text: en(fmt.Sprintf("Question %d: what do you think about this?", i+1))}
		switch i % 10 {
		case 0:
			q.Kind, q.Choices, q.DontKnow, q.Required = survey.KindOne, choices(4), true, true
		case 1:
			q.Kind, q.Choices, q.PreferNot = survey.KindMany, choices(5), true
		case 2:
			q.Kind, q.Faces = survey.KindFaces, 5
		case 3, 9:
			q.Kind = survey.KindYesNo
		case 4:
			q.Kind = survey.KindText
		case 5:
			q.Kind, q.Min, q.Max = survey.KindNumber, &lo, &hi
		case 6:
			q.Kind, q.Relevant = survey.KindDate, fmt.Sprintf("${q%02d} = 'yes'", i-2)
		case 7:
			q.Kind, q.Faces, q.Relevant = survey.KindFaces, 3, fmt.Sprintf("selected(${q%02d}, 'c2')", i-5)
		case 8:
			q.Kind, q.Choices = survey.KindOne, choices(3)
		}
		s.Questions = append(s.Questions, q)
	}
	if err := s.Validate(); err != nil {
		panic(err) // a mistake in this file, not in anyone's input
	}
	return s
}

var benchDB struct {
	once sync.Once
	path string
	err  error
}

// benchDBPath fills a database with the benchmark's responses once and
// returns its file. SPEAKEASY_BENCH_DB names a data folder to keep
// between runs (the responses are made in it the first time).
func benchDBPath(b *testing.B, dir string) string {
	benchDB.once.Do(func() {
		if keep := os.Getenv("SPEAKEASY_BENCH_DB"); keep == "" {
			benchDB.path = filepath.Join(dir, "data", store.FileName)
		} else if benchDB.path = filepath.Join(keep, store.FileName); exists(benchDB.path) {
			return
		}
		// Making the data is not what is measured: let the heap grow
		// rather than collect garbage often.
		defer debug.SetGCPercent(debug.SetGCPercent(400))
		t0 := time.Now()
		db, err := store.Open(filepath.Dir(benchDB.path))
		if err != nil {
			benchDB.err = err
			return
		}
		defer db.Close()
		s := benchSurvey()
		if _, err := db.Publish(s); err != nil {
			benchDB.err = err
			return
		}
		c0 := cpuTime()
		c, err := fake.Responses(context.Background(), db, s, fake.Options{Count: benchResponses, Seed: 1, BatchSize: 5000})
		benchDB.err = err
		fmt.Printf("BenchmarkExport: made %d responses (%d complete) in %v (CPU %v)\n", c.Total(), c.Complete,
			time.Since(t0).Round(time.Millisecond), (cpuTime() - c0).Round(time.Millisecond))
	})
	if benchDB.err != nil {
		b.Fatal(benchDB.err)
	}
	return benchDB.path
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// peakMemory samples the Go heap in use and the process's resident memory
// every 10 ms until stop is called, and returns the highest of each.
func peakMemory() (stop func() memPeak) {
	samples := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
	}
	var peak memPeak
	measure := func() {
		metrics.Read(samples)
		peak.heap = max(peak.heap, samples[0].Value.Uint64()+samples[1].Value.Uint64())
		anon, file := residentBytes()
		peak.anon, peak.file = max(peak.anon, anon), max(peak.file, file)
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				measure()
				return
			case <-tick.C:
				measure()
			}
		}
	}()
	return func() memPeak {
		close(done)
		<-finished
		return peak
	}
}

// memPeak is the most memory seen: the Go heap in use, the process's own
// resident memory (anonymous: heap, stacks, SQLite's page cache) and the
// resident pages of files it has mapped, which are the operating system's
// file cache (the database file, read through memory mapping).
type memPeak struct{ heap, anon, file uint64 }

// residentBytes reads the process's anonymous and file-backed resident
// memory (Linux; 0 elsewhere).
func residentBytes() (anon, file uint64) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		kb, _ := strconv.ParseUint(fields[1], 10, 64)
		switch fields[0] {
		case "RssAnon:":
			anon = kb << 10
		case "RssFile:":
			file = kb << 10
		}
	}
	return anon, file
}

type benchResult struct {
	took, cpu time.Duration
	mem       memPeak
}

// measureOnce runs fn once, timed, and keeps in res the fastest time and
// the least CPU time so far, and the most memory.
func measureOnce(b *testing.B, res *benchResult, fn func() error) {
	b.StopTimer()
	runtime.GC()
	debug.FreeOSMemory()
	stop := peakMemory()
	b.StartTimer()
	t0, c0 := time.Now(), cpuTime()
	if err := fn(); err != nil {
		b.Fatal(err)
	}
	took, cpu := time.Since(t0), cpuTime()-c0
	b.StopTimer()
	mem := stop()
	if res.took == 0 || took < res.took {
		res.took = took
	}
	if res.cpu == 0 || cpu < res.cpu {
		res.cpu = cpu
	}
	res.mem = memPeak{max(res.mem.heap, mem.heap), max(res.mem.anon, mem.anon), max(res.mem.file, mem.file)}
	b.StartTimer()
}

// BenchmarkExport exports 100,000 responses to 40 questions to .xlsx
// through the real path (SQLite read in one goroutine, the rows made into
// XML and deflated in the other, every sheet), and in the same run
// writes the same cells with a bare excelize StreamWriter.SetRow: the
// same header, column setup and rows of the same values and types, cycled
// from the first rows of the real export, saved through the same zip
// writer at the same compression level. The export writes the Responses
// rows as the very bytes SetRow would (TestRowEncoder_*). Each iteration
// runs the three one after the other, so that on a shared machine they
// meet the same load; the fastest time and the least CPU time of each
// count. It prints both times, CPU times, peak memory and the ratios
// (target: at most 1.2x, under 200 MB).
func BenchmarkExport(b *testing.B) {
	path := benchDBPath(b, b.TempDir())
	db, err := store.OpenFile(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	opts := Options{SurveyID: "bench", Format: XLSX}
	p, err := newPlan(db, opts)
	if err != nil {
		b.Fatal(err)
	}
	sample := sampleRows(b, db, p, 1024)
	dir := b.TempDir()
	runs := []struct {
		name string
		fn   func() error
		res  benchResult
	}{
		{name: "export", fn: func() error {
			sum, err := Export(context.Background(), db, filepath.Join(dir, "export.xlsx"), opts)
			if err == nil && sum.Responses != benchResponses {
				err = fmt.Errorf("exported %d responses", sum.Responses)
			}
			return err
		}},
		{name: "bare StreamWriter", fn: func() error {
			return bareWrite(p.cols, sample, benchResponses, filepath.Join(dir, "bare.xlsx"), false)
		}},
		{name: "bare StreamWriter, SaveAs", fn: func() error {
			return bareWrite(p.cols, sample, benchResponses, filepath.Join(dir, "bare-saveas.xlsx"), true)
		}},
	}
	for b.Loop() {
		for i := range runs {
			measureOnce(b, &runs[i].res, runs[i].fn)
		}
	}
	exp, bare, bareSaveAs := runs[0].res, runs[1].res, runs[2].res
	wall, cpu := float64(exp.took)/float64(bare.took), float64(exp.cpu)/float64(max(bare.cpu, 1))
	b.ReportMetric(exp.took.Seconds(), "export-s")
	b.ReportMetric(bare.took.Seconds(), "bare-s")
	b.ReportMetric(wall, "wall-ratio")
	b.ReportMetric(cpu, "cpu-ratio")
	b.ReportMetric(float64(exp.mem.heap)/(1<<20), "export-peak-heap-MB")
	b.ReportMetric(float64(exp.mem.anon)/(1<<20), "export-peak-anon-rss-MB")
	mb := func(n uint64) string { return fmt.Sprintf("%.0f MB", float64(n)/(1<<20)) }
	// Printed, not logged: benchmark logs show only with -v.
	fmt.Printf("BenchmarkExport: %d responses x 40 questions (%d columns) to .xlsx, best of %d, GOMAXPROCS %d, load average %s\n",
		benchResponses, len(p.cols), b.N, runtime.GOMAXPROCS(0), loadAverage())
	for _, r := range runs {
		fmt.Printf("  %-26s %8v (CPU %8v)  peak: Go heap %s, own RSS %s, mapped file %s\n", r.name,
			r.res.took.Round(time.Millisecond), r.res.cpu.Round(time.Millisecond), mb(r.res.mem.heap), mb(r.res.mem.anon), mb(r.res.mem.file))
	}
	fmt.Printf("  export / bare: %.2fx wall, %.2fx CPU; export / bare with SaveAs: %.2fx wall (target <= 1.2x, under 200 MB)\n",
		wall, cpu, float64(exp.took)/float64(bareSaveAs.took))
}

// loadAverage is the machine's load over the last minute (Linux), as a
// warning that other work shared the processors.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Fields(string(data))[0]
}

var errEnough = errors.New("enough rows")

// sampleRows keeps the first n rows of cells the real export makes, or
// all of them if n is 0.
func sampleRows(tb testing.TB, db *store.DB, p *plan, n int) [][]any {
	tb.Helper()
	var rows [][]any
	_, err := p.stream(context.Background(), db, 0, func(cells []any) error {
		rows = append(rows, append([]any(nil), cells...))
		if len(rows) == n {
			return errEnough
		}
		return nil
	}, nil)
	if err != nil && !errors.Is(err, errEnough) {
		tb.Fatalf("sampling rows: %v", err)
	}
	return rows
}

// bareWrite writes a one-sheet workbook of n rows cycled from sample with
// nothing but a StreamWriter. With saveAs it saves the usual way (the zip
// built in memory first); without, the zip goes straight to the file as
// the export's does.
func bareWrite(cols []column, sample [][]any, n int, path string, saveAs bool) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Responses"); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter("Responses")
	if err != nil {
		return err
	}
	if err := startSheet(sw, cols, st); err != nil {
		return err
	}
	for i := range n {
		if err := sw.SetRow(cellName(1, i+2), sample[i%len(sample)]); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if saveAs {
		return f.SaveAs(path)
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := save(f, out, "", nil); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// TestBenchSurvey_Valid keeps the benchmark's survey and sampling working
// without running the benchmark.
func TestBenchSurvey_Valid(t *testing.T) {
	s := benchSurvey()
	if len(s.Questions) != 40 {
		t.Fatalf("%d questions", len(s.Questions))
	}
	db := smallBenchDB(t, 50, 2)
	p, err := newPlan(db, Options{SurveyID: "bench"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := Write(context.Background(), db, &buf, Options{SurveyID: "bench"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bare.xlsx")
	if err := bareWrite(p.cols, sampleRows(t, db, p, 0), 100, path, false); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Responses")
	if len(rows) != 101 || len(rows[0]) != len(p.cols) || len(p.cols) != 40+4*6+len(metaColumns) {
		t.Fatalf("bare sheet has %d rows, %d columns (plan %d)", len(rows), len(rows[0]), len(p.cols))
	}
}

// smallBenchDB is a database of n responses to the benchmark's survey,
// closed when the test ends.
func smallBenchDB(t *testing.T, n int, seed uint64) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Publish(benchSurvey()); err != nil {
		t.Fatal(err)
	}
	if _, err := fake.Responses(context.Background(), db, benchSurvey(), fake.Options{Count: n, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	return db
}
