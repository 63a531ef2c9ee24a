package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"speakeasy/survey/store"
)

// Every subcommand that touches results starts the same way, written once
// here: its flags (wherever they are among the file names), its data
// folder, the lock, the health check, and the database opened as the
// command needs it.
//
//	r := newSub(env, "bundle", "[--data DIR] --out FILE", "Saves ...")
//	out := r.flags.String("out", "", "...")
//	if err := r.parse(args, 0, 0, ""); err != nil { return err }
//	db, err := r.open(readResults)
//	if err != nil { return err }
//	defer r.close()

// access is what a command does with the results.
type access int

const (
	// readResults only reads (export, bundle): it needs results to be
	// there, makes nothing in the folder, takes no lock (the window may
	// go on saving), and reads a folder it cannot write to.
	readResults access = iota
	// changeResults writes (backup, restore, fake-responses): it needs
	// results to be there and holds the folder's lock.
	changeResults
	// mayStart writes and may start a new data folder, and says so
	// (merge, import-form, set-pin, walk).
	mayStart
	// readSurveys reads surveys, not answers (export-form, print-survey):
	// like readResults, but where there are no results the built-in
	// surveys are read from a scratch copy outside the folder.
	readSurveys
)

// sub is one start of a subcommand.
type sub struct {
	env   *Env
	name  string
	flags *flag.FlagSet
	data  *string
	files []string // the words that are not flags, in order

	db      *store.DB
	unlock  func()
	scratch string // a folder to remove on close
}

// newSub makes a subcommand's flags, --data among them.
func newSub(env *Env, name, usage, about string) *sub {
	r := &sub{env: env, name: name, flags: newFlags(env, name, usage, about)}
	r.data = dataFlag(r.flags)
	return r
}

// parse reads the command line. The command takes from least to most file
// names (most < 0: any number); too few is a usage mistake that says
// missing, too many one that names the word too many.
func (r *sub) parse(args []string, least, most int, missing string) error {
	if err := parse(r.flags, args); err != nil {
		return err
	}
	r.files = r.flags.Args()
	switch n := len(r.files); {
	case n < least:
		return r.usage(missing)
	case most >= 0 && n > most && most == 0:
		return r.usage(fmt.Sprintf("%q is not a flag this command knows, and it takes no file names", r.files[0]))
	case most >= 0 && n > most:
		return r.usage(fmt.Sprintf("there are too many file names; %q is one too many", r.files[most]))
	}
	return nil
}

// usage says what was wrong with the command line, then how to use it.
func (r *sub) usage(problem string) error {
	fmt.Fprintf(r.env.Stderr, "speakeasy %s: %s\n", r.name, problem)
	r.flags.Usage()
	return errUsage
}

// openData is the same start for a command that made its own flag set:
// it opens the results in data (the default folder if "") as the command
// named name needs them; done closes them.
func openData(env *Env, name, data string, a access) (db *store.DB, done func(), err error) {
	r := &sub{env: env, name: name, data: &data}
	db, err = r.open(a)
	return db, r.close, err
}

// dir is the data folder: --data, or the one the window uses.
func (r *sub) dir() string {
	if *r.data != "" {
		return *r.data
	}
	return DefaultDataDir()
}

// lock takes the data folder's lock in this command's name, with words
// that say who has it when someone else does.
func (r *sub) lock() error {
	unlock, err := store.LockAs(r.dir(), "speakeasy "+r.name)
	if errors.Is(err, store.ErrInUse) {
		return fmt.Errorf("%w. Close it first, then try again", err)
	}
	if err != nil {
		return err
	}
	r.unlock = unlock
	return nil
}

// open opens the results as the command needs them; close undoes it.
func (r *sub) open(a access) (*store.DB, error) {
	dir := r.dir()
	has := store.HasResults(dir)
	var err error
	switch {
	case !has && a == readSurveys:
		return r.openBuiltins()
	case !has && a != mayStart:
		return nil, &store.NoResultsError{Dir: dir}
	case a == readResults || a == readSurveys:
		r.db, err = r.openToRead(dir)
		return r.db, err
	}
	if err := r.lock(); err != nil {
		return nil, err
	}
	if err := checkHealth(dir); err != nil {
		r.close()
		return nil, err
	}
	if !has {
		// A notice, not the command's result: stderr, so that what the
		// command prints on stdout stays as scripts expect it.
		fmt.Fprintf(r.env.Stderr, "Started a new data folder in %s.\n", dir)
	}
	if r.db, err = OpenData(dir); err != nil {
		r.close()
		return nil, err
	}
	return r.db, nil
}

// openBuiltins opens a scratch database in the system's temporary folder
// that holds only the built-in surveys.
func (r *sub) openBuiltins() (*store.DB, error) {
	tmp, err := os.MkdirTemp("", "speakeasy-surveys-")
	if err != nil {
		return nil, err
	}
	r.scratch = tmp
	if r.db, err = OpenData(tmp); err != nil {
		r.close()
		return nil, err
	}
	return r.db, nil
}

// openToRead checks the results' health and opens them read-only. When no
// one holds the folder, the check is the window's own (a damaged file is
// put aside); while the window holds it, the window has checked already.
// In a folder that cannot be written, a damaged file is only reported.
func (r *sub) openToRead(dir string) (*store.DB, error) {
	unlock, err := store.LockAs(dir, "speakeasy "+r.name)
	switch {
	case err == nil:
		err = checkHealth(dir)
		unlock()
		if err != nil {
			return nil, err
		}
	case errors.Is(err, store.ErrInUse):
	default:
		db, err := store.OpenReadOnly(dir)
		if err != nil {
			return nil, err
		}
		if problem, err := db.QuickCheck(context.Background()); err != nil || problem != "" {
			db.Close()
			if err != nil {
				return nil, err
			}
			return nil, fmt.Errorf("the results file in %s is damaged, and Speakeasy cannot put it aside there because it cannot write in that folder", dir)
		}
		return db, nil
	}
	db, err := store.OpenReadOnly(dir)
	if errors.Is(err, store.ErrOlderFile) {
		return store.OpenExisting(dir) // bringing it up to date is allowed here
	}
	return db, err
}

// checkHealth is the window's health check, with its words, and how to
// go on from the command line.
func checkHealth(dir string) error {
	err := store.CheckHealth(dir)
	var damaged *store.DamagedError
	if errors.As(err, &damaged) {
		if damaged.Backup != "" {
			return fmt.Errorf("%w To put the backup back: speakeasy restore --data %q %q", err, dir, damaged.Backup)
		}
		return fmt.Errorf("%w Start Speakeasy to begin again with no results", err)
	}
	return err
}

// close closes the database and lets go of the folder.
func (r *sub) close() {
	if r.db != nil {
		r.db.Close()
		r.db = nil
	}
	if r.unlock != nil {
		r.unlock()
		r.unlock = nil
	}
	if r.scratch != "" {
		os.RemoveAll(r.scratch)
		r.scratch = ""
	}
}

// checkOut refuses to write over a file that is there unless --replace
// says to, and a folder in any case.
func checkOut(path string, replace bool) error {
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return nil
	case fi.IsDir():
		return fmt.Errorf("%s is a folder; give the name of a file to save, for example %s", path, filepath.Join(path, "results.xlsx"))
	case !replace:
		return fmt.Errorf("%s is already there; choose another name, or add --replace to write over it", path)
	}
	return nil
}

// interruptible is a context that Ctrl-C cancels.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// isTerminal reports whether w is a terminal, where a progress line that
// rewrites itself makes sense; in a log file it would be clutter.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
