// Package export writes a survey's responses to an Excel workbook or a CSV
// file, shaped for analysis the way KoboToolbox users know: one row per
// response, one column per question (plus a 1/0 column for each choice of
// a many-choice question) and the response's details at the end. The
// workbook also has a data dictionary (Questions) and counts with a chart
// per question (Summary).
//
// Rows are read from the database and written out as they go, the reading
// in its own goroutine, so memory stays flat however many responses there
// are. The big sheets' rows are made into XML by the export itself and
// deflated while the reading goes on (cellxml.go, packed.go), so the
// export takes little longer than excelize takes to write the cells alone.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"speakeasy/survey/store"
)

// Format is the kind of file to write.
type Format string

// The formats Export writes.
const (
	XLSX Format = "xlsx"
	CSV  Format = "csv"
)

// Options say what to export and how.
type Options struct {
	SurveyID string
	// Lang is the language of headers and labels; "" means the survey's first.
	Lang string
	// Codes writes question IDs and choice codes instead of words.
	Codes bool
	// Password encrypts the workbook (xlsx only).
	Password string
	// Format is xlsx or csv; "" means what the file name ends with.
	Format Format
	// Words gives Speakeasy's own words (sheet names, headings, notes)
	// in a language; the keys are the English words, as in the app's
	// translation files. nil, or "" for a key, means English.
	Words func(lang, key string) string
	// Progress, if set, is told how many responses are written so far out
	// of how many there are. It is called from the goroutine that called
	// Export, a few times a second at most.
	Progress func(done, total int)
}

// Summary says what an export wrote.
type Summary struct {
	Responses, Complete, Incomplete int
	Path                            string // the file written, when there is one
	Codebook                        string // the SPSS syntax written beside a CSV file
}

// ErrNoResponses is returned when the survey has no responses to export.
var ErrNoResponses = errors.New("there are no responses to export")

// ErrNoSurvey is returned when the survey asked for does not exist.
var ErrNoSurvey = errors.New("there is no such survey")

// FormatOf is the format a file name's extension asks for, or "" if neither.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return XLSX
	case ".csv":
		return CSV
	}
	return ""
}

// Export writes the responses to a new file at path. The file appears only
// when it is complete: it is written beside path under another name first,
// so a failure never leaves half a file or spoils an earlier export. A CSV
// file gets its codebook beside it: SPSS syntax, NAME.sps.
func Export(ctx context.Context, db *store.DB, path string, opts Options) (Summary, error) {
	if opts.Format == "" {
		opts.Format = FormatOf(path)
		if opts.Format == "" {
			return Summary{}, fmt.Errorf("the file name %q should end in .xlsx (Excel) or .csv", filepath.Base(path))
		}
	}
	p, err := newPlan(db, opts)
	if err != nil {
		return Summary{}, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return Summary{}, err
	}
	dir := filepath.Dir(abs)
	if fi, err := os.Stat(dir); err != nil {
		return Summary{}, missingFolder{dir, err}
	} else if !fi.IsDir() {
		return Summary{}, fmt.Errorf("%s is a file, not a folder", dir)
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return Summary{}, fmt.Errorf("%s is a folder; give a file name", abs)
	}
	var sum Summary
	err = writeFile(abs, func(w io.Writer) (err error) {
		sum, err = p.write(ctx, db, w, opts)
		return err
	})
	if err != nil {
		return Summary{}, err
	}
	sum.Path = abs
	if opts.Format == CSV {
		sum.Codebook = CodebookPath(abs)
		base := strings.TrimSuffix(filepath.Base(sum.Codebook), ".sps")
		err := writeFile(sum.Codebook, func(w io.Writer) error {
			return p.writeSPSS(w, filepath.Base(abs), base+".sav")
		})
		if err != nil {
			return Summary{}, fmt.Errorf("the answers are saved in %s, but their codebook is not: %w", abs, err)
		}
	}
	return sum, nil
}

// CodebookPath is where Export puts the SPSS syntax for a CSV file:
// beside it, with the same name ending in .sps.
func CodebookPath(csvPath string) string {
	p := strings.TrimSuffix(csvPath, filepath.Ext(csvPath)) + ".sps"
	if p == csvPath {
		p += ".sps"
	}
	return p
}

// writeFile writes a new file at path (absolute) through fill, under
// another name until it is complete and on disk.
func writeFile(path string, fill func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.partial")
	if err != nil {
		return explainWrite(dir, err)
	}
	defer os.Remove(tmp.Name()) // does nothing once renamed
	err = fill(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	return explainWrite(dir, err)
}

// Write writes the export to w; opts.Format "" means xlsx.
func Write(ctx context.Context, db *store.DB, w io.Writer, opts Options) (Summary, error) {
	if opts.Format == "" {
		opts.Format = XLSX
	}
	p, err := newPlan(db, opts)
	if err != nil {
		return Summary{}, err
	}
	sum, err := p.write(ctx, db, w, opts)
	if err != nil {
		return Summary{}, explainWrite("", err)
	}
	return sum, nil
}

// write sends the rows to the writer for the chosen format.
func (p *plan) write(ctx context.Context, db *store.DB, w io.Writer, opts Options) (Summary, error) {
	switch opts.Format {
	case XLSX:
		return p.writeXLSX(ctx, db, w, opts)
	case CSV:
		if opts.Password != "" {
			return Summary{}, errors.New("a CSV file cannot have a password; export to .xlsx instead")
		}
		return p.writeCSV(ctx, db, w, opts)
	}
	return Summary{}, fmt.Errorf("Speakeasy exports to xlsx or csv, not %q", opts.Format)
}

// explainWrite puts a failure to write the file into plain words; dir is
// the folder it was going to, if known.
func explainWrite(dir string, err error) error {
	if err == nil || errors.Is(err, context.Canceled) {
		return err
	}
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("the disk is full: free some space or save to another place (%w)", err)
	case (errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)) && dir != "":
		return fmt.Errorf("Speakeasy cannot write to the folder %s: choose another place (%w)", dir, err)
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return fmt.Errorf("Speakeasy may not write there: choose another place (%w)", err)
	case dir != "":
		return fmt.Errorf("cannot save the file in the folder %s: %w", dir, err)
	}
	return fmt.Errorf("cannot save the file: %w", err)
}

// missingFolder says the folder for the file is not there, and unwraps
// to why, so a screen can tell staff it has gone (a USB stick taken out).
type missingFolder struct {
	dir string
	err error
}

func (e missingFolder) Error() string { return "the folder " + e.dir + " does not exist" }
func (e missingFolder) Unwrap() error { return e.err }
