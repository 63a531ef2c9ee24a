// Command speakeasy is Speakeasy: with no subcommand it opens the survey
// window; with one (export, merge, check, ...) it does that job and exits.
// This is the only package that starts a real Fyne app.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/app"
	"speakeasy/app/speech"
	"speakeasy/cmd/speakeasy/cli"
	"speakeasy/survey/store"
)

// version and build are set from FyneApp.toml by the Makefile (-ldflags -X).
var version, build = "dev", "0"

// started is as close to the process start as Go code can see.
var started = time.Now()

func main() {
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		os.Exit(cli.Run(os.Args[1], os.Args[2:], os.Stdout, os.Stderr))
	}
	fs := flag.NewFlagSet("speakeasy", flag.ContinueOnError)
	kiosk := fs.Bool("kiosk", false, "full screen for a community day: participants cannot close it; staff leave with Ctrl+Shift+S and the PIN")
	data := fs.String("data", "", "the data folder (default: "+cli.DefaultDataDir()+")")
	showVersion := fs.Bool("version", false, "print the version and exit")
	quitWhenShown := fs.Bool("quit-when-shown", false, "print how long the first screen took to show, then quit (for start-up timing)")
	bare := fs.Bool("bare-window", false, "open an empty Fyne window instead (to compare start-up times)")
	fs.Usage = func() {
		fmt.Fprintf(os.Stderr, "Usage: speakeasy [flags]\n       speakeasy COMMAND [flags]   (COMMAND --help for more)\n\nCommands:\n%s\nFlags:\n", cli.Usage())
		fs.PrintDefaults()
	}
	if err := fs.Parse(os.Args[1:]); err != nil {
		if err == flag.ErrHelp {
			return
		}
		os.Exit(2)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "speakeasy: there is no command %q; try speakeasy --help\n", fs.Arg(0))
		os.Exit(2)
	}
	if *showVersion {
		fmt.Printf("Speakeasy %s (build %s)\n", version, build)
		return
	}
	if err := run(*kiosk, *data, *quitWhenShown, *bare); err != nil {
		fmt.Fprintln(os.Stderr, "speakeasy:", err)
		os.Exit(1)
	}
}

func run(kiosk bool, data string, quitWhenShown, bare bool) error {
	a := fyneapp.NewWithID(cli.AppID)
	if !bare {
		app.WarmUp()
	}
	w := a.NewWindow("Speakeasy")
	if quitWhenShown {
		a.Lifecycle().SetOnStarted(func() {
			fyne.Do(func() {
				fmt.Printf("shown after %.1f ms\n", float64(time.Since(started).Microseconds())/1000)
				a.Quit()
			})
		})
	}
	if bare {
		w.SetContent(widget.NewLabel("Speakeasy"))
		w.ShowAndRun()
		return nil
	}
	if data == "" {
		data = a.Storage().RootURI().Path()
	}
	// One Speakeasy per data folder; the OS lets go of the lock if we crash.
	unlock, err := store.Lock(data)
	if errors.Is(err, store.ErrInUse) {
		fmt.Fprintln(os.Stderr, "speakeasy:", err)
		app.ShowProblem(a, w, lang.L("Speakeasy is already open"), err.Error()+". "+lang.L("Please use the Speakeasy window that is open."))
		w.ShowAndRun()
		return err
	}
	if err != nil {
		return err
	}
	defer unlock()

	var ui *app.UI
	var db *store.DB
	var dailyBackup *time.Timer
	start := func() {
		if db, err = cli.OpenData(data); err != nil {
			app.ShowProblem(a, w, lang.L("Speakeasy cannot open its results"), err.Error())
			return
		}
		// The day's first backup waits until the first screen is up.
		dailyBackup = time.AfterFunc(5*time.Second, func() {
			if _, err := db.DailyBackup(); err != nil {
				fyne.LogError("daily backup", err)
			}
		})
		cfg := app.Config{DB: db, Kiosk: kiosk, Quit: a.Quit}
		if cfg.Speech, err = speech.Find(); err != nil {
			cfg.NoSpeech = err.Error()
		}
		if ui, err = app.New(a, w, cfg); err != nil {
			app.ShowProblem(a, w, lang.L("Speakeasy cannot start the survey"), err.Error())
			return
		}
		ui.Start()
	}
	// A damaged results file is put aside, never deleted; staff choose what next.
	var damaged *store.DamagedError
	if err := store.CheckHealth(data); errors.As(err, &damaged) {
		var actions []app.Action
		if damaged.Backup != "" {
			actions = append(actions, app.Action{Label: lang.L("Put back the newest copy"), Do: func() {
				if err := store.RestoreBackup(data, damaged.Backup); err != nil {
					app.ShowProblem(a, w, lang.L("The copy could not be put back"), err.Error())
					return
				}
				start()
			}})
		}
		actions = append(actions, app.Action{Label: lang.L("Start with no results"), Do: start})
		app.ShowProblem(a, w, lang.L("The results file is damaged"), damaged.Error(), actions...)
	} else if err != nil {
		return err
	} else {
		start()
	}

	// A shutdown or Ctrl+C closes cleanly, keeping the answers on screen.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-sig
		fyne.Do(a.Quit)
	}()
	w.ShowAndRun()
	if dailyBackup != nil {
		dailyBackup.Stop()
	}
	if ui != nil {
		ui.Shutdown()
	}
	if db != nil {
		db.Close()
	}
	return nil
}
