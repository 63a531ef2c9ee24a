package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"speakeasy/app"
	"speakeasy/app/apptest"
	"speakeasy/survey/store"
)

func TestMain(m *testing.M) {
	app.DrawPicturesFirst() // the test driver and the background drawer would race
	os.Exit(m.Run())
}

// TestLocale_NoFyneErrorUnderC runs the real binary under the C locales
// Debian and Docker use: no command, --help included, logs a Fyne error
// about the locale.
func TestLocale_NoFyneErrorUnderC(t *testing.T) {
	bin := binary(t)
	for _, lang := range []string{"C.UTF-8", "C"} {
		for _, args := range [][]string{{"--help"}, {"--version"}, {"check", "--help"}, {"check", filepath.Join("..", "..", "assets", "surveys", "ehc-plan.json")}} {
			cmd := exec.Command(bin, args...)
			cmd.Env = append(withoutLocale(os.Environ()), "LANG="+lang)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			_ = cmd.Run() // --help and check's findings may exit non-zero; the words are what matter
			if strings.Contains(out.String(), "Fyne error") || out.Len() == 0 {
				t.Errorf("LANG=%s speakeasy %s:\n%s", lang, strings.Join(args, " "), out.String())
			}
		}
	}
}

// withoutLocale is env without the variables that choose a locale.
func withoutLocale(env []string) []string {
	var out []string
	for _, e := range env {
		name, _, _ := strings.Cut(e, "=")
		switch name {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES":
		default:
			out = append(out, e)
		}
	}
	return out
}

// TestRun_DataFolderThatCannotBeUsed: when the data folder cannot be made
// or written, Speakeasy still opens its window, and the window says so in
// plain words, with the folder's name.
func TestRun_DataFolderThatCannotBeUsed(t *testing.T) {
	a := test.NewTempApp(t)
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(file, "data") // a folder inside a file cannot be made
	err := run(a, options{data: data})
	if err == nil {
		t.Fatal("run started on a folder it cannot make")
	}
	got := labels(speakeasyWindow(t, a).Content())
	for _, want := range []string{"Speakeasy cannot use its data folder", "Speakeasy keeps the answers in " + data, "Speakeasy has lost nothing."} {
		if !strings.Contains(got, want) {
			t.Errorf("the window does not say %q; it says:\n%s", want, got)
		}
	}
}

// TestRun_OpensTheSurvey: on a fresh folder the survey's welcome screen
// comes up and the results file is made; the staff tabs are the ones
// main lists.
func TestRun_OpensTheSurvey(t *testing.T) {
	a := test.NewTempApp(t)
	data := filepath.Join(t.TempDir(), "data")
	if err := run(a, options{data: data}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(data, store.FileName)); err != nil {
		t.Errorf("no results file: %v", err)
	}
	if w := speakeasyWindow(t, a); w.Title() != "Speakeasy: Your plan: tell us what you think" {
		t.Errorf("the window is called %q", w.Title())
	}
	var titles []string
	for _, tab := range staffTabs() {
		titles = append(titles, tab.Title())
	}
	if got := strings.Join(titles, ", "); got != "Export, Results, Other laptops, Send, Surveys" {
		t.Errorf("staff tabs %s", got)
	}
}

// speakeasyWindow is the one window run opened (the test app has one of
// its own).
func speakeasyWindow(t *testing.T, a fyne.App) fyne.Window {
	t.Helper()
	var found []fyne.Window
	for _, w := range a.Driver().AllWindows() {
		if strings.HasPrefix(w.Title(), "Speakeasy") {
			found = append(found, w)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d Speakeasy windows", len(found))
	}
	return found[0]
}

// labels is the words drawn under o, in order, one space between each.
func labels(o fyne.CanvasObject) string { return apptest.Words(o) }
