package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/app"
	"speakeasy/app/speech"
	"speakeasy/cmd/speakeasy/cli"
	"speakeasy/survey/store"
)

// run opens the window on the data folder and keeps it until Speakeasy
// closes. When the survey cannot start (the folder is in use, cannot be
// written, or its results file is damaged) the window says so in plain
// words, with what staff can do; run returns the error that stopped it.
func run(a fyne.App, o options) error {
	w := newWindow(a, !o.bare)
	findScreenSize(a) // so that a window opens no bigger than the screen
	if o.quitWhenShown {
		quitWhenShown(a)
	}
	if o.bare {
		w.SetContent(widget.NewLabel("Speakeasy"))
		w.ShowAndRun()
		return nil
	}
	if o.data == "" {
		o.data = cli.DefaultDataDir() // the commands' folder too; Fyne's storage root on every OS
	}
	// One Speakeasy per data folder; the OS lets go of the lock if we crash.
	unlock, err := store.Lock(o.data)
	if err != nil {
		showCannotStart(a, w, o.data, err)
		w.ShowAndRun()
		return err
	}
	defer unlock()
	defer keepLog(o.data)()
	k := &surveyWindow{a: a, w: w, data: o.data, cfg: app.Config{Kiosk: o.kiosk, Quit: a.Quit, StaffTabs: staffTabs()}}
	err = k.open()
	stopOnSignal(a)
	w.ShowAndRun()
	k.close()
	return err
}

// newWindow makes the window; with warm, the fonts load while it is made.
func newWindow(a fyne.App, warm bool) fyne.Window {
	if !warm {
		return a.NewWindow("Speakeasy")
	}
	fontsLoaded := app.WarmUp()
	w := a.NewWindow("Speakeasy")
	fontsLoaded()
	return w
}

// surveyWindow is the survey window on its data: what run must close at the end.
type surveyWindow struct {
	a    fyne.App
	w    fyne.Window
	data string
	cfg  app.Config

	ui          *app.UI
	db          *store.DB
	dailyBackup *time.Timer
}

// open checks the results file and starts the survey. A damaged file has
// been put aside, never deleted; staff choose what next. Other errors are
// shown in the window too, and returned.
func (k *surveyWindow) open() error {
	var damaged *store.DamagedError
	switch err := store.CheckHealth(k.data); {
	case errors.As(err, &damaged):
		k.askAboutDamage(damaged)
	case err != nil:
		showCannotStart(k.a, k.w, k.data, err)
		return err
	default:
		k.start()
	}
	return nil
}

// askAboutDamage offers the newest backup, if there is one, or no results.
func (k *surveyWindow) askAboutDamage(damaged *store.DamagedError) {
	var actions []app.Action
	if damaged.Backup != "" {
		actions = append(actions, app.Action{Label: lang.L("Put back the newest copy"), Do: func() {
			if err := store.RestoreBackup(k.data, damaged.Backup); err != nil {
				app.ShowProblem(k.a, k.w, lang.L("Speakeasy could not put the copy back"),
					app.StaffProblem(lang.L("The damaged file and the copies are still in the data folder."), err))
				return
			}
			// The copy is older than the damaged file: look in the damaged
			// file for the newer answers it still holds, and add them.
			app.ShowProblem(k.a, k.w, lang.L("The newest copy is back"), k.rescue(damaged.MovedTo),
				app.Action{Label: lang.L("Start the survey"), Do: k.start})
		}})
	}
	actions = append(actions, app.Action{Label: lang.L("Start with no results"), Do: k.start})
	app.ShowProblem(k.a, k.w, lang.L("Speakeasy found a fault in the results file"), damageWords(damaged), actions...)
}

// damageWords says what Speakeasy did with a damaged file, and what staff
// can do; where the files are, and what SQLite found, go to the log.
func damageWords(damaged *store.DamagedError) string {
	fyne.LogError("the results file is damaged: "+damaged.Problem, damaged)
	said := lang.L("Speakeasy put the damaged file aside in the data folder. It deleted nothing.")
	if damaged.Backup == "" {
		return said + " " + lang.L("There is no copy of the results to put back. You can start with no results.")
	}
	return said + " " + lang.L("You can put back the newest copy of the results, or start with no results.")
}

// rescue adds to the results what the damaged file still holds that the
// backup lacks, and says in staff's words how many responses came back.
// It runs before the survey starts, so nothing else writes meanwhile.
func (k *surveyWindow) rescue(damaged string) string {
	failed := lang.L("Speakeasy could not read more answers from the damaged file. Speakeasy keeps that file in the data folder.")
	db, err := cli.OpenData(k.data)
	if err != nil {
		fyne.LogError("opening the results to rescue answers", err)
		return failed
	}
	defer db.Close()
	r, err := db.Rescue(context.Background(), damaged)
	if err != nil {
		fyne.LogError("rescuing answers from "+damaged, err)
		return failed
	}
	return lang.L("{{.N}} of {{.M}} newer responses came back from the damaged file.",
		map[string]int{"N": r.Newer(), "M": r.Newer() + r.Unreadable + r.NoSurvey})
}

// start opens the results and puts the survey's first screen up.
func (k *surveyWindow) start() {
	db, err := cli.OpenData(k.data)
	if err != nil {
		app.ShowProblem(k.a, k.w, lang.L("Speakeasy cannot open its results"), app.StaffProblem("", err))
		return
	}
	k.db = db
	// The day's first backup waits until the first screen is up.
	k.dailyBackup = time.AfterFunc(5*time.Second, func() {
		if _, err := db.DailyBackup(); err != nil {
			fyne.LogError("daily backup", err)
		}
	})
	cfg := k.cfg
	cfg.DB = db
	if cfg.Speech, err = speech.Find(); err != nil {
		fyne.LogError("finding a voice to read aloud", err)
		cfg.NoSpeech = lang.L("This laptop has no voice for reading aloud. The Speakeasy guide says how to add one.")
	}
	if k.ui, err = app.New(k.a, k.w, cfg); err != nil {
		app.ShowProblem(k.a, k.w, lang.L("Speakeasy cannot start the survey"), app.StaffProblem("", err))
		return
	}
	k.ui.Start()
}

// close saves what the participant on screen has answered and closes the
// results. Call it once the window has closed.
func (k *surveyWindow) close() {
	if k.dailyBackup != nil {
		k.dailyBackup.Stop()
	}
	if k.ui != nil {
		k.ui.Shutdown()
	}
	if k.db != nil {
		k.db.Close()
	}
}

// showCannotStart says why Speakeasy cannot use the data folder at all.
func showCannotStart(a fyne.App, w fyne.Window, data string, err error) {
	if errors.Is(err, store.ErrInUse) {
		app.ShowProblem(a, w, lang.L("Speakeasy is already open"), app.StaffProblem("", err))
		return
	}
	fyne.LogError("cannot use the data folder "+data, err)
	said := lang.L("Speakeasy keeps the answers in {{.Folder}}, and it cannot use that folder.", map[string]string{"Folder": data})
	if cause := app.StaffCause(err); cause != "" {
		said += " " + cause
	}
	app.ShowProblem(a, w, lang.L("Speakeasy cannot use its data folder"),
		said+"\n\n"+
			lang.L("Speakeasy has lost nothing. Please ask the person who looks after this laptop for help. They can start Speakeasy with another folder, like this: speakeasy --data another-folder"))
}

// LogName is the log file in the data folder: staff read plain sentences,
// and the errors behind them are kept here for whoever helps them.
const LogName = "speakeasy.log"

// maxLog is how big the log grows before the next start begins a new one,
// keeping the last one as speakeasy.log.old.
const maxLog = 1 << 20

// keepLog sends the log (fyne.LogError's words) to the data folder's log
// file as well as to the terminal, until the returned func is called.
// Call it with the folder locked: one Speakeasy writes the file.
func keepLog(data string) (stop func()) {
	path := filepath.Join(data, LogName)
	if fi, err := os.Stat(path); err == nil && fi.Size() > maxLog {
		os.Rename(path, path+".old")
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		fyne.LogError("opening the log file", err)
		return func() {}
	}
	log.SetOutput(io.MultiWriter(os.Stderr, f))
	return func() {
		log.SetOutput(os.Stderr)
		f.Close()
	}
}

// quitWhenShown prints how long the first screen took, then quits.
func quitWhenShown(a fyne.App) {
	a.Lifecycle().SetOnStarted(func() {
		fyne.Do(func() {
			fmt.Printf("shown after %.1f ms\n", float64(time.Since(started).Microseconds())/1000)
			a.Quit()
		})
	})
}

// stopOnSignal closes the app cleanly on a shutdown or Ctrl+C, keeping the
// answers on screen.
func stopOnSignal(a fyne.App) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-sig
		fyne.Do(a.Quit)
	}()
}
