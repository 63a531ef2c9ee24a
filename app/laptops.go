package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
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
}

func newLaptopsPanel(win fyne.Window, db *store.DB, _ string) fyne.CanvasObject {
	p := &laptopsPanel{win: win, db: db, progress: widget.NewProgressBar(), message: words("", false)}
	p.progress.Hide()
	p.pickSave = func(then func(string)) {
		askSavePath(win, fmt.Sprintf("speakeasy-results-%s.db", time.Now().Format("2006-01-02")), "", then)
	}
	p.pickOpen = func(then func(string)) {
		dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
			if err == nil && r != nil {
				r.Close()
				then(r.URI().Path())
			}
		}, win)
	}
	return p.view()
}

func (p *laptopsPanel) view() fyne.CanvasObject {
	save := widget.NewButton(lang.L("Save results for another laptop"), func() { p.pickSave(p.save) })
	add := widget.NewButton(lang.L("Add results from another laptop"), func() { p.pickOpen(p.add) })
	return screenFrame(container.NewVBox(
		words(lang.L("Other laptops"), true),
		widget.NewLabel(lang.L("Save this laptop's results in one file, for example on a USB stick.")),
		save,
		widget.NewLabel(lang.L("Add the results from another laptop's file. Adding the same file twice adds nothing.")),
		add,
		p.progress, p.message,
	))
}

// save writes a bundle: a consistent copy of this laptop's results.
func (p *laptopsPanel) save(path string) {
	// The save dialog already asked before replacing a file.
	if err := p.db.BundleTo(context.Background(), path, true); err != nil {
		p.message.SetText(err.Error())
		return
	}
	c, _ := p.db.CountResponses("", time.Time{})
	p.message.SetText(lang.N("Saved {{.N}} responses to {{.Path}}.", c.Total(), map[string]any{"N": c.Total(), "Path": path}))
}

// add merges another laptop's file in the background, with a progress bar.
func (p *laptopsPanel) add(path string) {
	p.progress.SetValue(0)
	p.progress.Show()
	p.message.SetText(lang.L("Adding the results. Please wait."))
	go func() {
		backup, berr := p.db.Backup("")
		sum, err := p.db.Merge(context.Background(), path, func(done, total int) {
			if total > 0 {
				fyne.Do(func() { p.progress.SetValue(float64(done) / float64(total)) })
			}
		})
		fyne.Do(func() {
			p.progress.Hide()
			switch {
			case err != nil:
				p.message.SetText(lang.L("Speakeasy added nothing: {{.Why}}", map[string]string{"Why": err.Error()}))
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

// askSavePath asks where to save a file, suggesting name and, if ext is
// set, showing only files that end with it. then gets the chosen path; the
// dialog has already asked before replacing a file.
func askSavePath(win fyne.Window, name, ext string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err == nil && w != nil {
			w.Close()
			then(w.URI().Path())
		}
	}, win)
	d.SetFileName(name)
	if ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	d.Show()
}
