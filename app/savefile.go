package app

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey/store"
)

// Speakeasy asks where to save with a dialog of its own rather than
// Fyne's: Fyne's asks "Overwrite?" with Yes highlighted, so one tap lost
// a laptop's results, and it has no place to type or paste a folder.
// Its folder chooser and the folder it remembers are the open dialog's
// (openfile.go).

// saveFile is the save dialog: a folder that can be typed, pasted or
// chosen, a file name, and Save. Replacing a file asks first, with
// keeping it the highlighted choice; refuse can forbid replacing a file.
type saveFile struct {
	ext    string
	refuse func(path string) string // why path must not be replaced, or ""
	then   func(path string)

	win          fyne.Window
	folder, name *escEntry
	message      *widget.Label
	d, replace   dialog.Dialog
}

// askSavePath asks where to save a file, suggesting name and, if ext is
// set, adding it to a name typed without it. then gets the chosen path;
// the dialog has already asked before replacing a file.
func askSavePath(win fyne.Window, name, ext string, then func(path string)) {
	newSaveFile(win, name, ext, nil, then).show()
}

func newSaveFile(win fyne.Window, name, ext string, refuse func(string) string, then func(string)) *saveFile {
	s := &saveFile{ext: ext, refuse: refuse, then: then, win: win, message: words("", false)}
	s.folder, s.name = newEscEntry(s.close), newEscEntry(s.close)
	s.folder.SetText(lastFolder(ext))
	s.name.SetText(name)
	s.name.OnSubmitted = func(string) { s.save() }
	choose := widget.NewButton(lang.L("Choose a folder"), func() {
		askFolder(win, strings.TrimSpace(s.folder.Text), s.folder.SetText)
	})
	save := newEscButton(lang.L("Save"), s.save, s.close)
	save.Importance = widget.HighImportance
	cancel := newEscButton(lang.L("Cancel"), s.close, s.close)
	s.d = dialog.NewCustomWithoutButtons(lang.L("Save the file"), container.NewVBox(
		widget.NewLabel(lang.L("Save in this folder (you can type or paste it)")),
		container.NewBorder(nil, nil, nil, choose, s.folder),
		widget.NewLabel(lang.L("File name")),
		s.name,
		s.message,
		container.NewGridWithColumns(2, cancel, save),
	), win)
	// Wide enough for a long folder and name, never wider than the window.
	s.d.Resize(fyne.NewSize(min(win.Canvas().Size().Width*0.9, 900), s.d.MinSize().Height))
	return s
}

// show opens the dialog with the name box ready to type in (the folder is
// usually right). Escape closes it from a box, Save or Cancel (each takes
// it) or from nowhere (the window passes it on while the dialog shows).
func (s *saveFile) show() {
	c := s.win.Canvas()
	before := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			s.close()
		} else if before != nil {
			before(k)
		}
	})
	s.d.SetOnClosed(func() { c.SetOnTypedKey(before) })
	s.d.Show()
	c.Focus(s.name)
}

// close closes the dialog without saving.
func (s *saveFile) close() { s.d.Hide() }

// escButton is a button in the save dialog: Escape there closes the
// dialog (a Fyne button keeps the keys it is given).
type escButton struct {
	widget.Button
	escape func()
}

func newEscButton(text string, tapped, escape func()) *escButton {
	b := &escButton{escape: escape}
	b.Text, b.OnTapped = text, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *escButton) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		b.escape()
		return
	}
	b.Button.TypedKey(k)
}

// escEntry is a box in the save dialog: Escape there closes the dialog.
type escEntry struct {
	widget.Entry
	escape func()
}

func newEscEntry(escape func()) *escEntry {
	e := &escEntry{escape: escape}
	e.ExtendBaseWidget(e)
	return e
}

func (e *escEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.escape()
		return
	}
	e.Entry.TypedKey(k)
}

// save checks the folder and name, and asks before replacing a file.
func (s *saveFile) save() {
	folder, name := strings.TrimSpace(s.folder.Text), strings.TrimSpace(s.name.Text)
	if filepath.IsAbs(name) { // a whole path pasted into the name
		folder, name = filepath.Dir(name), filepath.Base(name)
	}
	if name == "" {
		s.say(lang.L("Please type a name for the file."))
		return
	}
	if s.ext != "" && !strings.EqualFold(filepath.Ext(name), s.ext) {
		name += s.ext
	}
	if info, err := os.Stat(folder); err != nil || !info.IsDir() {
		s.say(lang.L("There is no folder {{.Folder}}. Please choose a folder, or type one that is there.", map[string]string{"Folder": folder}))
		return
	}
	path := filepath.Join(folder, name)
	info, err := os.Stat(path)
	switch {
	case err != nil:
		s.done(path)
	case info.IsDir():
		s.say(lang.L("{{.Name}} is a folder. Please type a name for the file.", map[string]string{"Name": name}))
	case s.refuse != nil && s.refuse(path) != "":
		s.say(s.refuse(path))
	default:
		s.askReplace(path)
	}
}

// askReplace asks before replacing path; keeping it is the highlighted,
// focused choice, so that Enter or a hurried tap loses nothing.
func (s *saveFile) askReplace(path string) {
	keep := widget.NewButton(lang.L("Keep the old file"), func() {
		s.replace.Hide()
		s.say(lang.L("Please type another name for the file."))
		s.win.Canvas().Focus(s.name)
	})
	keep.Importance = widget.HighImportance
	replace := widget.NewButton(lang.L("Replace it"), func() { s.replace.Hide(); s.done(path) })
	s.replace = dialog.NewCustomWithoutButtons(lang.L("Replace {{.Name}}?", map[string]string{"Name": filepath.Base(path)}),
		container.NewVBox(
			words(lang.L("There is a file with that name already. Replacing it loses what is in it."), false),
			container.NewGridWithColumns(2, replace, keep),
		), s.win)
	s.replace.Show()
	s.win.Canvas().Focus(keep)
}

func (s *saveFile) say(msg string) { s.message.SetText(msg) }

// done remembers the folder and hands the path on.
func (s *saveFile) done(path string) {
	rememberFolder(s.ext, filepath.Dir(path))
	s.d.Hide()
	s.then(path)
}

// homeFolder is the first folder offered: the user's Documents, if any.
func homeFolder() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	if info, err := os.Stat(filepath.Join(home, "Documents")); err == nil && info.IsDir() {
		return filepath.Join(home, "Documents")
	}
	return home
}

var notNameChars = regexp.MustCompile(`[^a-z0-9]+`)

// laptopName names this laptop in file names: its computer name and the
// start of its device ID (laptops made from one image share a name), like
// "laptop3-1a2b".
func laptopName(db *store.DB) string {
	host, _ := os.Hostname()
	host = strings.Trim(notNameChars.ReplaceAllString(strings.ToLower(host), "-"), "-")
	device := notNameChars.ReplaceAllString(strings.ToLower(db.DeviceID()), "")
	device = device[:min(4, len(device))]
	switch {
	case host == "" || host == "localhost":
		return "laptop-" + device
	case device == "":
		return host
	}
	return host + "-" + device
}

// bundleName is the name suggested for this laptop's results file: the
// laptop and the minute, so that files from several laptops, or from one
// laptop twice in a day, never have the same name.
func bundleName(db *store.DB, now time.Time) string {
	return "speakeasy-" + laptopName(db) + "-" + now.Format("2006-01-02-1504") + ".db"
}

// notOverOtherLaptop refuses to save this laptop's results over a file
// that holds another laptop's: that would lose them.
func notOverOtherLaptop(db *store.DB) func(path string) string {
	return func(path string) string {
		device, err := db.FileDevice(context.Background(), path)
		if err == nil && device != "" && device != db.DeviceID() {
			return lang.L("That file holds another laptop's results. Speakeasy will not save over it. Please type another name.")
		}
		return ""
	}
}
