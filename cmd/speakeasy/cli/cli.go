// Package cli holds Speakeasy's subcommands for staff and scripts (export,
// merge, check, ...). It starts no window, so it builds and tests without
// cgo; cmd/speakeasy sends it every command line that names a subcommand.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"speakeasy/assets"
	"speakeasy/survey"
	"speakeasy/survey/store"
)

// AppID is Speakeasy's application ID; the data folder is named after it.
const AppID = "org.speakeasy.survey"

// command is one subcommand.
type command struct {
	summary string
	run     func(env *Env, args []string) error
}

// hidden commands are test entry points, left out of --help.
var hidden = map[string]bool{"walk": true}

// commands is every subcommand, by name.
var commands = map[string]command{
	"check":          {"check a survey file and its words", runCheck},
	"print-survey":   {"save every screen of a survey as a picture", runPrintSurvey},
	"export":         {"save the answers as an Excel or CSV file", runExport},
	"fake-responses": {"make practice answers to try an export", runFakeResponses},
	"import-form":    {"add a survey from an XLSForm spreadsheet", runImportForm},
	"export-form":    {"save a survey as an XLSForm spreadsheet or JSON", runExportForm},
	"bundle":         {"save this laptop's results in one file", runBundle},
	"merge":          {"add results from other laptops' files", runMerge},
	"set-pin":        {"set the staff PIN", runSetPIN},
	"backup":         {"keep a copy of the results in the data folder", runBackup},
	"restore":        {"put a backup back in place of the results", runRestore},
	"rescue":         {"add what a damaged results file still holds", runRescue},
	"send":           {"send the answers to an ODK Central or KoboToolbox server", runSend},
	"report":         {"make the easy-read \"You said\" report (PDF) to give back", runReport},
	"walk":           {"answer the survey at random, for tests", runWalk},
}

// Env is what a subcommand may touch: its output streams.
type Env struct {
	Stdout, Stderr io.Writer
}

// IsCommand reports whether name is a subcommand.
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok
}

// Usage lists the subcommands, for --help.
func Usage() string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		if !hidden[n] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "  %-15s %s\n", n, commands[n].summary)
	}
	return b.String()
}

// Run runs a subcommand and returns the process exit code: 0 on success,
// 1 when it failed (with a plain message on stderr), 2 for bad usage.
func Run(name string, args []string, stdout, stderr io.Writer) int {
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "speakeasy: there is no command %q\n", name)
		return 2
	}
	err := c.run(&Env{Stdout: stdout, Stderr: stderr}, args)
	var stop *stopped
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.As(err, &stop):
		fmt.Fprintf(stderr, "speakeasy %s: %s\n", name, stop.words)
		return 1
	case errors.Is(err, context.Canceled):
		// Ctrl-C in a command that writes a file: the file is written under
		// another name and renamed only when whole, so there is none.
		fmt.Fprintf(stderr, "speakeasy %s: Stopped. No file was saved.\n", name)
		return 1
	}
	fmt.Fprintf(stderr, "speakeasy %s: %v\n", name, err)
	return 1
}

// stopped is Ctrl-C in a command for which "no file was saved" is not the
// right thing to say ("Stopped. Nothing was added.").
type stopped struct{ words string }

func (s *stopped) Error() string { return s.words }

// errUsage marks a mistake in the command line; the flag package has said what.
var errUsage = errors.New("usage")

// newFlags makes a flag set that prints its usage to env.Stderr.
func newFlags(env *Env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: speakeasy %s %s\n\n%s\n\n", name, args, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags wherever they are among the file names ("merge
// FILE --data X" is "merge --data X FILE"), turning a flag mistake into
// errUsage. Afterwards fs.Args() is the file names alone, in order; after
// "--" every word is a file name, even one that starts with "-".
func parse(fs *flag.FlagSet, args []string) error {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return errUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			files = append(files, rest...)
			break
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
	// Parsing "--" and the files alone leaves the flags as they are and
	// makes fs.Args() the files.
	fs.Parse(append([]string{"--"}, files...))
	return nil
}

// dataFlag adds the --data flag every data-touching command has.
func dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", "", "the data folder (default: "+DefaultDataDir()+")")
}

// DefaultDataDir is the data folder of the window and of every command
// when no --data is given: the folder Fyne gives the app as its storage
// root (Storage().RootURI()), worked out the way Fyne 2.7 does it, so that
// a command finds it without starting Fyne:
//
//	Linux, BSD  $XDG_CONFIG_HOME/fyne/<app ID>, else ~/.config/fyne/<app ID>
//	macOS       ~/Library/Preferences/fyne/<app ID>
//	Windows     %USERPROFILE%\AppData\Roaming\fyne\<app ID>
func DefaultDataDir() string {
	home, _ := os.UserHomeDir()
	config, _ := os.UserConfigDir()
	return dataDirFor(runtime.GOOS, home, config)
}

// dataDirFor is DefaultDataDir on goos, given the user's home and config
// folders as Go finds them there.
func dataDirFor(goos, home, config string) string {
	var root string
	switch goos {
	case "darwin":
		root = filepath.Join(home, "Library", "Preferences", "fyne")
	case "windows":
		root = filepath.Join(home, "AppData", "Roaming", "fyne")
	default:
		root = filepath.Join(config, "fyne")
	}
	return filepath.Join(root, AppID)
}

// OpenData opens the database in dir (the default folder if empty),
// making it if needed, and makes sure the built-in surveys are in it. It
// is the window's way in; the window has the folder locked and checked.
func OpenData(dir string) (*store.DB, error) {
	if dir == "" {
		dir = DefaultDataDir()
	}
	db, err := store.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := PublishBuiltins(db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// PublishBuiltins stores each built-in survey the data folder has not seen.
// A built-in the folder already has (perhaps since edited by an admin) is
// left alone, so starting the app never undoes an admin's changes.
func PublishBuiltins(db *store.DB) error {
	for _, id := range assets.BuiltinSurveyIDs() {
		data, _ := assets.BuiltinSurvey(id)
		s, err := survey.Parse(data)
		if err != nil {
			return fmt.Errorf("the built-in survey %q is broken: %w", id, err)
		}
		known, err := db.Known(s)
		if err != nil {
			return err
		}
		if !known {
			if _, err := db.Publish(s); err != nil {
				return err
			}
		}
	}
	return nil
}

// loadSurvey reads a survey from a file path if arg is one, or else from
// the database by ID ("" means the survey the kiosk runs).
func loadSurvey(db *store.DB, arg string) (*survey.Survey, error) {
	if strings.HasSuffix(strings.ToLower(arg), ".json") {
		return survey.Load(arg)
	}
	if arg == "" {
		var err error
		if arg, err = db.KioskSurveyID(); err != nil {
			return nil, err
		}
	}
	return db.Survey(arg, 0)
}

func runSetPIN(env *Env, args []string) error {
	r := newSub(env, "set-pin", "[--data DIR] PIN", "Sets the staff PIN (4 to 8 numbers) that lets staff leave the kiosk.")
	if err := r.parse(args, 1, 1, "give the PIN: 4 to 8 numbers"); err != nil {
		return err
	}
	if !store.ValidPIN(r.files[0]) {
		return errors.New("the PIN must be 4 to 8 numbers")
	}
	db, err := r.open(mayStart)
	if err != nil {
		return err
	}
	defer r.close()
	if err := db.SetPIN(r.files[0]); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "The staff PIN is set.")
	return nil
}
