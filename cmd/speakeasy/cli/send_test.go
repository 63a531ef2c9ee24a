package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"speakeasy/survey/fake"
	"speakeasy/survey/openrosa"
	"speakeasy/survey/openrosa/openrosatest"
	"speakeasy/survey/store"
)

// sendSetup makes a data folder with practice answers to the walk survey
// and a pretend ODK Central holding its form.
func sendSetup(t *testing.T) (dir string, counts store.Counts, srv *openrosatest.Server) {
	t.Helper()
	dir, _ = laptopWithAnswers(t, 0) // the walk survey, no answers yet
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Survey("walk", 1)
	if err != nil {
		t.Fatal(err)
	}
	counts, err = fake.Responses(context.Background(), db, s, fake.Options{Count: 10, Seed: 3, End: time.Date(2024, 6, 3, 16, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	srv = openrosatest.New()
	t.Cleanup(srv.Close)
	xform, err := os.ReadFile("../../../survey/openrosa/testdata/walk-meta.xml")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.AddForm(xform); err != nil {
		t.Fatal(err)
	}
	return dir, counts, srv
}

func TestSend_SendsOnceAndKeepsSettingsPrivately(t *testing.T) {
	dir, counts, srv := sendSetup(t)
	code, out, errOut := run(t, "send", "--data", dir, "--server", srv.URL, "--project", "7", "--token", srv.Token, "--form", "walk")
	if code != 0 || srv.Count() != counts.Complete {
		t.Fatalf("exit %d, server holds %d of %d\n%s%s", code, srv.Count(), counts.Complete, out, errOut)
	}
	if want := "Sent " + plural(counts.Complete, "response") + " to walk (version 1 on the server)."; !strings.Contains(out, want) {
		t.Fatalf("output %q lacks %q", out, want)
	}
	if strings.Contains(out+errOut, srv.Token) {
		t.Fatal("the token was printed")
	}
	fi, err := os.Stat(filepath.Join(dir, openrosa.SettingsFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("settings file: %v, %v", fi, err)
	}
	// The saved settings are enough the second time, and nothing is new.
	code, out, errOut = run(t, "send", "--data", dir)
	if code != 0 || !strings.Contains(out, "Nothing new to send") || srv.Count() != counts.Complete {
		t.Fatalf("second send: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = run(t, "send", "--data", dir, "--forget")
	if code != 0 || !strings.Contains(out, "removed") {
		t.Fatalf("forget: exit %d %s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, openrosa.SettingsFile)); !os.IsNotExist(err) {
		t.Fatalf("settings still there: %v", err)
	}
}

func TestSend_Refusals(t *testing.T) {
	dir, _, srv := sendSetup(t)
	tests := []struct {
		name  string
		args  []string
		code  int
		words string
	}{
		{"no server", nil, 2, "--server URL"},
		{"plain http elsewhere", []string{"--server", "http://odk.example.org", "--project", "7", "--token", "abcdef"}, 1, "https://"},
		{"wrong token", []string{"--server", srv.URL, "--project", "7", "--token", "wrong-token", "--form", "walk"}, 1, "did not accept the sign-in"},
		{"no such survey", []string{"--server", srv.URL, "--project", "7", "--token", srv.Token, "--form", "nope"}, 1, `no survey "nope"`},
		{"stray word", []string{"walk"}, 2, `unexpected "walk"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, "send", append([]string{"--data", dir}, tt.args...)...)
			if code != tt.code || !strings.Contains(errOut, tt.words) {
				t.Fatalf("exit %d (want %d), stderr lacks %q:\n%s%s", code, tt.code, tt.words, out, errOut)
			}
			if strings.Contains(out+errOut, srv.Token) {
				t.Fatal("the token was printed")
			}
		})
	}
	if srv.Count() != 0 {
		t.Fatalf("the server holds %d", srv.Count())
	}
	if _, err := os.Stat(filepath.Join(dir, openrosa.SettingsFile)); !os.IsNotExist(err) {
		t.Fatalf("settings that did not work were saved: %v", err)
	}
}

func TestSend_TokenFromInputAndDryRun(t *testing.T) {
	dir, counts, srv := sendSetup(t)
	stdin = strings.NewReader(srv.Token + "\n")
	defer func() { stdin = os.Stdin }()
	code, out, errOut := run(t, "send", "--data", dir, "--server", srv.AppUserURL(), "--token", "-", "--form", "walk", "--dry-run")
	if code != 0 || !strings.Contains(out, plural(counts.Complete, "response")+" would be sent; nothing was sent") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if _, subs := srv.Seen(); subs != 0 {
		t.Fatalf("a dry run made %d submissions", subs)
	}
	set, err := openrosa.LoadSettings(dir)
	if err != nil || set.Token != srv.Token {
		t.Fatalf("the token read from the input was not kept: %v", err)
	}
}

func TestSend_UserPasswordIsNeverKept(t *testing.T) {
	dir, counts, srv := sendSetup(t)
	srv.User, srv.Password = "staff@example.org", "correct horse battery"
	t.Setenv("SPEAKEASY_PASSWORD", srv.Password)
	code, out, errOut := run(t, "send", "--data", dir, "--server", srv.URL, "--project", "7", "--user", srv.User, "--form", "walk")
	if code != 0 || srv.Count() != counts.Complete {
		t.Fatalf("exit %d, server holds %d of %d\n%s%s", code, srv.Count(), counts.Complete, out, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, openrosa.SettingsFile))
	if err != nil || !strings.Contains(string(data), srv.User) || strings.Contains(string(data), srv.Password) {
		t.Fatalf("settings %s (%v): want the user, never the password", data, err)
	}
}
