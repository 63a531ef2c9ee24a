package app

import (
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Speakeasy chooses files with a dialog of its own rather than Fyne's: at
// 1366×768 Fyne's showed two to four rows of a grid that split names
// ("bo ot"), had no place to type or paste a path, and listed .log and .sh
// files when a spreadsheet was wanted.

// openFile is the open dialog: a box to type or paste a file or folder, a
// list of folders then only the files wanted, one line each, and Open.
type openFile struct {
	exts       []string // lower case, with the dot
	folderOnly bool     // choosing a folder, not a file
	kind       string   // which remembered folder to start in
	then       func(path string)
	win        fyne.Window

	dir   string // the folder listed
	rows  []fileRow
	other int  // files here of kinds not wanted
	byKey bool // a selection made by the arrow keys, not a tap

	path    *pathEntry
	list    *fileList
	up      *keyButton
	message *widget.Label
	d       dialog.Dialog
}

// fileRow is one line of the list.
type fileRow struct {
	name string
	dir  bool
	when time.Time
}

// AskOpenPath lets staff choose a file ending in one of exts (".xlsx");
// then gets its path. It starts in the folder last used for such files.
func AskOpenPath(win fyne.Window, exts []string, then func(path string)) {
	newOpenFile(win, exts, false, "", then).show()
}

// askFolder lets staff choose a folder, starting in start if it is one.
func askFolder(win fyne.Window, start string, then func(path string)) {
	newOpenFile(win, nil, true, start, then).show()
}

func newOpenFile(win fyne.Window, exts []string, folderOnly bool, start string, then func(string)) *openFile {
	o := &openFile{folderOnly: folderOnly, then: then, win: win, message: words("", false)}
	for _, e := range exts {
		o.exts = append(o.exts, strings.ToLower(e))
	}
	o.kind = strings.Join(o.exts, ",")
	o.path = newPathEntry(o)
	o.list = newFileList(o)
	o.up = o.button(lang.L("Up one folder"), theme.MoveUpIcon(), o.goUp)
	places := container.NewHBox(o.up,
		o.button(lang.L("Home"), theme.HomeIcon(), func() {
			if home, err := os.UserHomeDir(); err == nil {
				o.goTo(home)
			}
		}))
	for _, d := range drives() {
		places.Add(o.button(driveName(d), theme.StorageIcon(), func() { o.goTo(d) }))
	}
	title, openText, hint := lang.L("Choose a file"), lang.L("Open"), lang.L("Type or paste a folder or file, then press Enter")
	if folderOnly {
		title, openText, hint = lang.L("Choose a folder"), lang.L("Use this folder"), lang.L("Type or paste a folder, then press Enter")
	}
	open := o.button(openText, nil, o.submit)
	open.Importance = widget.HighImportance
	cancel := o.button(lang.L("Cancel"), nil, func() { o.d.Hide() })
	// Made by hand, not with NewBorder, so that Tab goes from the path box
	// to Up and Home, the list, then Cancel and Open.
	top := container.NewVBox(words(hint, false),
		container.NewBorder(nil, nil, nil, places, o.path))
	bottom := container.NewVBox(o.message, container.NewGridWithColumns(2, cancel, open))
	content := container.New(layout.NewBorderLayout(top, bottom, nil, nil), top, o.list, bottom)
	o.d = dialog.NewCustomWithoutButtons(title, container.NewThemeOverride(content, atDesk{fyne.CurrentApp().Settings().Theme()}), win)
	// Nearly the whole window, so that the list shows many rows; the list
	// shrinks, not the buttons, so they stay in view.
	cs := win.Canvas().Size()
	o.d.Resize(fyne.NewSize(cs.Width-16, cs.Height-16))
	if start == "" || !isDir(start) {
		start = lastFolder(o.kind)
	}
	o.goTo(start)
	return o
}

// show shows the dialog with the keys in the path box.
func (o *openFile) show() {
	o.d.Show()
	o.win.Canvas().Focus(o.path)
}

// atDesk is the app's theme at a desk size: staff at a laptop need many
// rows in view more than the participants' big words.
type atDesk struct{ fyne.Theme }

func (t atDesk) Size(n fyne.ThemeSizeName) float32 { return t.Theme.Size(n) * 0.6 }

// goTo lists dir; a folder that cannot be read leaves the list as it was.
func (o *openFile) goTo(dir string) {
	rows, other, err := readFolder(dir, o.exts, o.folderOnly)
	if err != nil {
		fyne.LogError("listing "+dir, err)
		o.say(lang.L("Speakeasy cannot open the folder {{.Folder}}.", map[string]string{"Folder": dir}))
		return
	}
	o.dir, o.rows, o.other = dir, rows, other
	o.list.UnselectAll()
	o.list.Refresh()
	o.list.ScrollToTop()
	o.path.SetText(dir)
	if filepath.Dir(dir) == dir {
		o.up.Disable()
	} else {
		o.up.Enable()
	}
	o.say("")
}

// say shows msg, or by default what the list shows.
func (o *openFile) say(msg string) {
	if msg == "" {
		msg = o.whatIsShown()
	}
	o.message.SetText(msg)
}

// whatIsShown says what the list shows, so that staff looking for a file
// of another kind know why it is not there.
func (o *openFile) whatIsShown() string {
	kinds := map[string]string{"Kinds": strings.Join(o.exts, ", ")}
	var s string
	switch {
	case o.folderOnly:
		return lang.L("Tap a folder to go into it. Then choose Use this folder.")
	case len(o.rows) == 0:
		s = lang.L("This folder has no folders in it, and no files ending in {{.Kinds}}.", kinds)
	default:
		s = lang.L("Showing folders, and files ending in {{.Kinds}}.", kinds)
	}
	if o.other > 0 {
		s += " " + lang.L("Files of other kinds here: {{.N}}.", map[string]int{"N": o.other})
	}
	return s
}

func (o *openFile) goUp() { o.goTo(filepath.Dir(o.dir)) }

// selected puts a row in the path box; a folder tapped is gone into at
// once, a folder reached by the arrow keys waits for Enter.
func (o *openFile) selected(i int) {
	r := o.rows[i]
	p := filepath.Join(o.dir, r.name)
	if r.dir && !o.byKey {
		o.goTo(p)
		return
	}
	o.path.SetText(p)
	o.say("")
}

// submit does what the path box says: goes into a folder, or chooses a
// file of a wanted kind (or, choosing a folder, the folder).
func (o *openFile) submit() {
	p := o.resolve(o.path.Text)
	info, err := os.Stat(p)
	switch {
	case err != nil:
		o.say(lang.L("There is nothing at {{.Path}}. Please check it, or choose from the list.", map[string]string{"Path": p}))
	case info.IsDir() && o.folderOnly && p == o.dir:
		o.choose(p)
	case info.IsDir():
		o.goTo(p)
	case o.folderOnly:
		o.say(lang.L("That is a file. Please choose a folder."))
	case !o.wanted(p):
		o.say(lang.L("Speakeasy cannot use this kind of file here. Please choose a file ending in {{.Kinds}}.",
			map[string]string{"Kinds": strings.Join(o.exts, ", ")}))
	default:
		o.choose(p)
	}
}

// choose remembers the folder and hands the path on.
func (o *openFile) choose(p string) {
	dir := p
	if !o.folderOnly {
		dir = filepath.Dir(p)
	}
	rememberFolder(o.kind, dir)
	o.d.Hide()
	o.then(p)
}

func (o *openFile) wanted(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range o.exts {
		if e == ext {
			return true
		}
	}
	return false
}

// resolve makes a path of what was typed or pasted: quotes (Windows'
// "Copy as path") and file:// (a file manager's copy) go, ~ is the home
// folder, and a name alone is in the folder listed.
func (o *openFile) resolve(typed string) string {
	p := strings.Trim(strings.TrimSpace(typed), `"'`)
	if u, err := url.Parse(p); err == nil && u.Scheme == "file" {
		p = filepath.FromSlash(u.Path)
		if runtime.GOOS == "windows" { // file:///C:/x is /C:/x
			p = strings.TrimPrefix(p, `\`)
		}
	}
	if home, err := os.UserHomeDir(); err == nil && (p == "~" || strings.HasPrefix(p, "~/")) {
		p = filepath.Join(home, p[1:])
	}
	if p == "" {
		return o.dir
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(o.dir, p)
	}
	return filepath.Clean(p)
}

// readFolder lists dir's folders, then its files ending in one of exts,
// each sorted by name; hidden ones are left out. other counts the files
// left out for their kind.
func readFolder(dir string, exts []string, folderOnly bool) (rows []fileRow, other int, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, 0, err
	}
	o := openFile{exts: exts}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		info, err := os.Stat(filepath.Join(dir, e.Name())) // follows links
		if err != nil {
			continue
		}
		switch {
		case info.IsDir():
			rows = append(rows, fileRow{name: e.Name(), dir: true, when: info.ModTime()})
		case folderOnly:
		case o.wanted(e.Name()):
			rows = append(rows, fileRow{name: e.Name(), when: info.ModTime()})
		default:
			other++
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].dir != rows[j].dir {
			return rows[i].dir
		}
		return naturalLess(strings.ToLower(rows[i].name), strings.ToLower(rows[j].name))
	})
	return rows, other, nil
}

// naturalLess orders names as people count: "results-2" before
// "results-10".
func naturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := leadingDigits(a), leadingDigits(b)
		if da != "" && db != "" {
			na, nb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// drives are the USB sticks and other drives plugged in, to go to in one tap.
func drives() []string {
	var found []string
	if runtime.GOOS == "windows" {
		for c := 'D'; c <= 'Z'; c++ {
			if d := string(c) + `:\`; isDir(d) {
				found = append(found, d)
			}
		}
		return found[:min(len(found), 4)]
	}
	user := os.Getenv("USER")
	for _, base := range []string{"/media/" + user, "/run/media/" + user, "/Volumes"} {
		entries, _ := os.ReadDir(base)
		for _, e := range entries {
			if d := filepath.Join(base, e.Name()); isDir(d) && d != "/Volumes/Macintosh HD" {
				found = append(found, d)
			}
		}
	}
	return found[:min(len(found), 4)]
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// driveName is how a drive's button reads: E:\ on Windows, the
// stick's name elsewhere, cut short so that the buttons never widen the
// dialog past a small screen.
func driveName(d string) string {
	if runtime.GOOS == "windows" {
		return d
	}
	if name := []rune(filepath.Base(d)); len(name) > 12 {
		return string(name[:11]) + "…"
	}
	return filepath.Base(d)
}
