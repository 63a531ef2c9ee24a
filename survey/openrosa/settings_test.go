package openrosa_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"speakeasy/survey/openrosa"
)

func TestSettings_SavedPrivately(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if s, err := openrosa.LoadSettings(dir); err != nil || s != (openrosa.Settings{}) {
		t.Fatalf("no file: %+v, %v", s, err)
	}
	want := openrosa.Settings{URL: "https://odk.example.org", Project: 3, Form: "walk", Token: "a$b!c"}
	if err := openrosa.SaveSettings(dir, want); err != nil {
		t.Fatal(err)
	}
	got, err := openrosa.LoadSettings(dir)
	if err != nil || got != want {
		t.Fatalf("read back %+v, %v; want %+v", got, err, want)
	}
	fi, err := os.Stat(filepath.Join(dir, openrosa.SettingsFile))
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", fi.Mode().Perm())
	}
	if err := os.WriteFile(filepath.Join(dir, openrosa.SettingsFile), []byte("{damaged"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := openrosa.LoadSettings(dir); err == nil {
		t.Fatal("damaged settings were read")
	}
	if err := openrosa.ForgetSettings(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, openrosa.SettingsFile)); !os.IsNotExist(err) {
		t.Fatalf("settings still there after forgetting: %v", err)
	}
}
