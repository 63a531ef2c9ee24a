// Package cli holds Speakeasy's subcommands for staff and scripts (export,
// merge, check, ...). It starts no window, so it builds and tests without
// cgo; cmd/speakeasy sends it every command line that names a subcommand.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
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
	"send":           {"send the answers to an ODK Central or KoboToolbox server", runSend},
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
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintf(stderr, "speakeasy %s: %v\n", name, err)
	return 1
}

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

// parse parses flags, turning a flag mistake into errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// dataFlag adds the --data flag every data-touching command has.
func dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", "", "the data folder (default: "+DefaultDataDir()+")")
}

// DefaultDataDir is where Fyne keeps this app's files:
// <user config folder>/fyne/<app ID>, the same folder the window uses.
func DefaultDataDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	return dir + string(os.PathSeparator) + "fyne" + string(os.PathSeparator) + AppID
}

// OpenData opens the database in dir (the default folder if empty) and
// makes sure the built-in surveys are in it.
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
	fs := newFlags(env, "set-pin", "[--data DIR] PIN", "Sets the staff PIN (4 to 8 numbers) that lets staff leave the kiosk.")
	data := dataFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	db, err := OpenData(*data)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.SetPIN(fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "The staff PIN is set.")
	return nil
}
