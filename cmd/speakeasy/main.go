// Command speakeasy is Speakeasy: with no subcommand it opens the survey
// window; with one (export, merge, check, ...) it does that job and exits.
// This is the only package that starts a real Fyne app.
//
// main.go reads the flags and lists the staff screen's tabs; window.go
// opens the data folder and runs the window.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	fyneapp "fyne.io/fyne/v2/app"

	"speakeasy/app"
	"speakeasy/app/editor"
	"speakeasy/cmd/speakeasy/cli"
	_ "speakeasy/cmd/speakeasy/locale" // before Fyne reads the locale
)

// version and build are set from FyneApp.toml by the Makefile (-ldflags -X).
var version, build = "dev", "0"

// started is as close to the process start as Go code can see.
var started = time.Now()

// staffTabs are the staff screen's tabs after "Today", in the order staff
// read them: at the event, back at the office, writing surveys. A new tab
// is one more line here.
func staffTabs() []app.StaffTab {
	return []app.StaffTab{
		app.ExportTab(),  // the answers to Excel
		app.ResultsTab(), // the easy-read "You said" report
		app.LaptopsTab(), // results from and for other laptops
		app.SendTab(),    // the answers to the organisation's server
		editor.Tab(),     // the surveys and the editor
	}
}

func main() {
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		os.Exit(cli.Run(os.Args[1], os.Args[2:], os.Stdout, os.Stderr))
	}
	o, exit := parseFlags(os.Args[1:], os.Stdout, os.Stderr)
	if exit >= 0 {
		os.Exit(exit)
	}
	if err := run(fyneapp.NewWithID(cli.AppID), o); err != nil {
		fmt.Fprintln(os.Stderr, "speakeasy:", err)
		os.Exit(1)
	}
}

// options are the window's flags.
type options struct {
	kiosk         bool   // full screen; participants cannot close it
	data          string // the data folder; "" for Fyne's folder for the app
	quitWhenShown bool   // print the start-up time and quit
	bare          bool   // an empty window, to compare start-up times with
}

// parseFlags reads the window's flags. exit is -1 to go on, or the exit
// status when there is nothing more to do (--help, --version, a mistake).
func parseFlags(args []string, stdout, stderr io.Writer) (o options, exit int) {
	fs := flag.NewFlagSet("speakeasy", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&o.kiosk, "kiosk", false, "full screen for a community day: participants cannot close it; staff leave with Ctrl+Shift+S and the PIN")
	fs.StringVar(&o.data, "data", "", "the data folder (default: "+cli.DefaultDataDir()+")")
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.BoolVar(&o.quitWhenShown, "quit-when-shown", false, "print how long the first screen took to show, then quit (for start-up timing)")
	fs.BoolVar(&o.bare, "bare-window", false, "open an empty Fyne window instead (to compare start-up times)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: speakeasy [flags]\n       speakeasy COMMAND [flags]   (COMMAND --help for more)\n\nCommands:\n%s\nFlags:\n", cli.Usage())
		fs.PrintDefaults()
	}
	switch err := fs.Parse(args); {
	case err == flag.ErrHelp:
		return o, 0
	case err != nil:
		return o, 2
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "speakeasy: there is no command %q; try speakeasy --help\n", fs.Arg(0))
		return o, 2
	case *showVersion:
		fmt.Fprintf(stdout, "Speakeasy %s (build %s)\n", version, build)
		return o, 0
	}
	return o, -1
}
