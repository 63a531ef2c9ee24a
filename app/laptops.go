package app

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey/store"
)

// LaptopsTab is the "Other laptops" tab of the staff screen (laptopsPanel).
func LaptopsTab() StaffTab {
	return StaffTab{Title: func() string { return lang.L("Other laptops") }, Make: newLaptopsPanel}
}

// laptopsPanel moves results between laptops: save this laptop's results
// in one file for a USB stick, or add the results in another laptop's file.
type laptopsPanel struct {
	win      fyne.Window
	db       *store.DB
	progress *widget.ProgressBar
	message  *widget.Label
	// pickSave and pickOpen choose a file; tests replace the dialogs.
	pickSave func(then func(path string))
	pickOpen func(then func(path string))
	added    func() // called when an add has finished; for tests
	saved    func() // called when a save has finished; for tests
	hold     func() // called first in the background, before the work; for tests

	saveButton, addButton *widget.Button
	working               *widget.ProgressBarInfinite // while a bundle is saved
}

func newLaptopsPanel(win fyne.Window, db *store.DB, _ string) fyne.CanvasObject {
	return makeLaptopsPanel(win, db).view()
}

// makeLaptopsPanel is the panel with the real file dialogs.
func makeLaptopsPanel(win fyne.Window, db *store.DB) *laptopsPanel {
	p := &laptopsPanel{win: win, db: db, progress: widget.NewProgressBar(), message: words("", false)}
	p.progress.Hide()
	p.pickSave = func(then func(string)) {
		newSaveFile(win, bundleName(db, time.Now()), ".db", notOverOtherLaptop(db), then).show()
	}
	p.pickOpen = func(then func(string)) {
		AskOpenPath(win, []string{".db"}, then)
	}
	return p
}

func (p *laptopsPanel) view() fyne.CanvasObject {
	p.saveButton = widget.NewButton(lang.L("Save results for another laptop"), func() { p.pickSave(p.save) })
	p.addButton = widget.NewButton(lang.L("Add results from another laptop"), func() { p.pickOpen(p.add) })
	p.working = widget.NewProgressBarInfinite()
	p.working.Hide()
	// Saving on the left, adding on the right; what happened at the foot.
	return staffTab(nil, columns(
		container.NewVBox(
			words(lang.L("Save this laptop's results in one file, for example on a USB stick."), false),
			p.saveButton),
		container.NewVBox(
			words(lang.L("Add the results from another laptop's file. Adding the same file twice adds nothing."), false),
			p.addButton),
	), container.NewVBox(p.progress, p.working, p.message))
}

// busy turns both buttons off while a save or an add runs, so that staff
// cannot start a second one on top of it, and on again afterwards.
func (p *laptopsPanel) busy(on bool) {
	for _, b := range []*widget.Button{p.saveButton, p.addButton} {
		if b == nil {
			continue
		}
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// save writes a bundle, a consistent copy of this laptop's results, in the
// background: copying a big results file to a slow USB stick takes a while.
func (p *laptopsPanel) save(path string) {
	p.busy(true)
	p.working.Show()
	p.working.Start()
	p.message.SetText(lang.L("Saving the results. Please wait."))
	go func() {
		if p.hold != nil {
			p.hold()
		}
		// The save dialog already asked before replacing a file.
		err := p.db.BundleTo(context.Background(), path, true)
		c, _ := p.db.CountResponses("", time.Time{})
		fyne.Do(func() {
			p.working.Stop()
			p.working.Hide()
			p.busy(false)
			if err != nil {
				fyne.LogError("saving results for another laptop to "+path, err)
				p.message.SetText(lang.L("Speakeasy could not save the results there. Choose another place, for example a USB stick with room on it."))
			} else {
				p.message.SetText(lang.N("Saved {{.N}} responses to {{.Path}}.", c.Total(), map[string]any{"N": c.Total(), "Path": path}))
			}
			if p.saved != nil {
				p.saved()
			}
		})
	}()
}

// add merges another laptop's file in the background, with a progress bar.
func (p *laptopsPanel) add(path string) {
	p.busy(true)
	p.progress.SetValue(0)
	p.progress.Show()
	p.message.SetText(lang.L("Adding the results. Please wait."))
	go func() {
		if p.hold != nil {
			p.hold()
		}
		backup, berr := p.db.Backup("")
		sum, err := p.db.Merge(context.Background(), path, func(done, total int) {
			if total > 0 {
				fyne.Do(func() { p.progress.SetValue(float64(done) / float64(total)) })
			}
		})
		fyne.Do(func() {
			p.progress.Hide()
			p.busy(false)
			switch {
			case err != nil:
				fyne.LogError("adding results from "+path, err)
				p.message.SetText(mergeProblem(err))
			default:
				t := sum.Total()
				msg := strings.Join([]string{
					lang.N("Added {{.N}} new responses.", t.Added, map[string]int{"N": t.Added}),
					lang.N("Updated {{.N}} responses.", t.Updated, map[string]int{"N": t.Updated}),
					lang.N("{{.N}} responses were here already.", t.Already, map[string]int{"N": t.Already}),
				}, " ")
				if berr == nil {
					msg += "\n" + lang.L("Speakeasy kept a copy from before in {{.Path}}.", map[string]string{"Path": backup})
				}
				p.message.SetText(msg)
			}
			if p.added != nil {
				p.added()
			}
		})
	}()
}

// mergeProblem says in staff's words, in their language, why a file added
// nothing; the technical detail goes to the log.
func mergeProblem(err error) string {
	var conflict *store.ConflictError
	switch {
	case errors.Is(err, store.ErrOwnFile):
		return lang.L("Speakeasy added nothing: this is this laptop's own results file. Choose a file from another laptop.")
	case errors.Is(err, store.ErrNewerFile):
		return lang.L("Speakeasy added nothing: a newer Speakeasy made this file. Update Speakeasy on this laptop first.")
	case errors.As(err, &conflict):
		return lang.L("Speakeasy added nothing: a survey is different on the two laptops. Publish it again on one laptop, then try again.")
	case errors.Is(err, store.ErrNotResults):
		return lang.L("Speakeasy added nothing: this file does not hold Speakeasy results, or something damaged it.")
	}
	return lang.L("Speakeasy added nothing: the file could not be read.")
}
