package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	fyneapp "fyne.io/fyne/v2/app"

	"speakeasy/cmd/speakeasy/cli"
)

// TestDefaultDataDir_IsFynesStorage checks that the commands' data folder
// is the one Fyne gives the window, so that export with no --data reads
// what the window saved. Only Linux can be checked here; the rule for
// macOS and Windows is in cli.DefaultDataDir and the README.
func TestDefaultDataDir_IsFynesStorage(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("Fyne's storage path is checked on Linux")
	}
	for _, xdg := range []bool{true, false} {
		// Not t.TempDir: Fyne goes on writing its preferences there after
		// the test, which would fail t.TempDir's clean-up.
		home, err := os.MkdirTemp("", "speakeasy-home-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(home) })
		t.Setenv("HOME", home)
		t.Setenv("XDG_CONFIG_HOME", "")
		if xdg {
			t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config here"))
		}
		a := fyneapp.NewWithID(cli.AppID)
		if got, want := a.Storage().RootURI().Path(), cli.DefaultDataDir(); got != want {
			t.Errorf("XDG_CONFIG_HOME set %v: Fyne stores in %s, the commands use %s", xdg, got, want)
		}
	}
}
