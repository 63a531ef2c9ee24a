package app

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"speakeasy/survey/openrosa"
	"speakeasy/survey/openrosa/openrosatest"
)

// sendTestServer is a pretend ODK Central holding the walk survey's form.
func sendTestServer(t *testing.T) *openrosatest.Server {
	t.Helper()
	srv := openrosatest.New()
	t.Cleanup(srv.Close)
	xform, err := os.ReadFile("../survey/openrosa/testdata/walk-meta.xml")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.AddForm(xform); err != nil {
		t.Fatal(err)
	}
	return srv
}

// tapAndWait taps a button of the panel and waits for the send to end.
func tapAndWait(t *testing.T, p *sendPanel, send bool) {
	t.Helper()
	done := make(chan struct{}, 1)
	p.done = func() { done <- struct{}{} }
	if send {
		test.Tap(p.send)
	} else {
		test.Tap(p.check)
	}
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the send did not finish")
	}
}

func TestSendPanel_SendsAndKeepsSettings(t *testing.T) {
	test.NewTempApp(t)
	useLanguage("en")
	db := exportTestDB(t)
	c, _ := db.CountResponses("walk", time.Time{})
	srv := sendTestServer(t)
	p := newSendPanel(db, "walk")
	test.NewTempWindow(t, p.view())
	test.Type(p.server, srv.URL)
	test.Type(p.project, "7")
	test.Type(p.token, srv.Token)

	tapAndWait(t, p, false)
	if want := "The server has this survey (version 1), and it fits. " + strconv.Itoa(c.Complete) + " answers are ready to send."; p.message.Text != want {
		t.Fatalf("after the check: %q, want %q", p.message.Text, want)
	}
	if srv.Count() != 0 {
		t.Fatal("the check sent answers")
	}

	tapAndWait(t, p, true)
	if want := "Sent " + strconv.Itoa(c.Complete) + " answers to the server."; p.message.Text != want || srv.Count() != c.Complete {
		t.Fatalf("after sending: %q (want %q), server holds %d", p.message.Text, want, srv.Count())
	}
	if want := "Sent to this server: " + strconv.Itoa(c.Complete) + "."; !strings.HasSuffix(p.counts.Text, want) {
		t.Fatalf("counts %q, want to end %q", p.counts.Text, want)
	}
	if p.send.Disabled() || !p.stop.Hidden {
		t.Fatal("the buttons are not back as they were")
	}
	fi, err := os.Stat(filepath.Join(filepath.Dir(db.Path()), openrosa.SettingsFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("settings: %v %v", fi, err)
	}

	// Next time the panel opens with the settings, and nothing is new.
	again := newSendPanel(db, "walk")
	test.NewTempWindow(t, again.view())
	if again.server.Text != srv.URL || again.project.Text != "7" || again.token.Text != srv.Token || !again.token.Password {
		t.Fatalf("panel opened with %q %q, token hidden: %v", again.server.Text, again.project.Text, again.token.Password)
	}
	tapAndWait(t, again, true)
	if !strings.HasPrefix(again.message.Text, "Nothing new to send.") || srv.Count() != c.Complete {
		t.Fatalf("second send: %q", again.message.Text)
	}
}

func TestSendPanel_PlainWordsForMistakes(t *testing.T) {
	test.NewTempApp(t)
	useLanguage("en")
	db := exportTestDB(t)
	srv := sendTestServer(t)
	tests := []struct{ server, project, token, words string }{
		{srv.URL, "seven", srv.Token, "The project number must be a whole number, like 3."},
		{srv.URL, "7", "not-the-token", "The server did not accept the token. Check the token, and that it may use this project and survey."},
		{"http://odk.example.org", "7", srv.Token, "The server address is not right. It starts with https://, like https://central.example.org."},
	}
	for _, tt := range tests {
		p := newSendPanel(db, "walk")
		test.NewTempWindow(t, p.view())
		test.Type(p.server, tt.server)
		test.Type(p.project, tt.project)
		test.Type(p.token, tt.token)
		if tt.project == "seven" {
			test.Tap(p.send)
		} else {
			tapAndWait(t, p, true)
		}
		if !strings.Contains(p.message.Text, tt.words) || strings.Contains(p.message.Text, srv.Token) {
			t.Errorf("%s %s: message %q, want it to say %q", tt.server, tt.project, p.message.Text, tt.words)
		}
	}
	if srv.Count() != 0 {
		t.Fatalf("server holds %d", srv.Count())
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(db.Path()), openrosa.SettingsFile)); !os.IsNotExist(err) {
		t.Fatalf("settings that did not work were saved: %v", err)
	}
}

func TestSendPanel_StopThenCarryOn(t *testing.T) {
	test.NewTempApp(t)
	useLanguage("en")
	db := exportTestDB(t)
	c, _ := db.CountResponses("walk", time.Time{})
	srv := sendTestServer(t)
	// Each submission takes a second, so Stop is tapped while the first
	// is on its way. (In the test driver fyne.Do runs at once on the
	// sending goroutine: a progress line drawn while the tap walks the
	// window would be a data race of the driver's, not the app's.)
	srv.SetFailures(0, 0, time.Second)
	p := newSendPanel(db, "walk")
	test.NewTempWindow(t, p.view())
	test.Type(p.server, srv.URL)
	test.Type(p.project, "7")
	test.Type(p.token, srv.Token)
	done := make(chan struct{}, 1)
	p.done = func() { done <- struct{}{} }
	test.Tap(p.send)
	time.Sleep(250 * time.Millisecond)
	test.Tap(p.stop)
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the send did not stop")
	}
	if !strings.HasPrefix(p.message.Text, "Stopped. Speakeasy sent ") || srv.Count() >= c.Complete {
		t.Fatalf("after Stop: %q, server holds %d of %d", p.message.Text, srv.Count(), c.Complete)
	}
	srv.SetFailures(0, 0, 0)
	tapAndWait(t, p, true)
	if srv.Count() != c.Complete {
		t.Fatalf("after carrying on the server holds %d of %d (%q)", srv.Count(), c.Complete, p.message.Text)
	}
}
