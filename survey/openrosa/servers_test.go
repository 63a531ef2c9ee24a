package openrosa_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"speakeasy/survey/openrosa"
	"speakeasy/survey/openrosa/openrosatest"
)

func addWalk(t *testing.T, srv *openrosatest.Server) {
	t.Helper()
	xform, err := os.ReadFile(filepath.Join("testdata", "walk-meta.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.AddForm(xform); err != nil {
		t.Fatal(err)
	}
}

func TestSend_HTTPSWithTrustedCertificatesOnly(t *testing.T) {
	db, counts := testDB(t, 4)
	srv := openrosatest.NewTLS()
	defer srv.Close()
	addWalk(t, srv)
	opt := options(srv)
	// The system's certificates do not include the test server's.
	_, err := openrosa.Send(context.Background(), db, opt)
	if !errors.Is(err, openrosa.ErrServer) || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("untrusted certificate: %v", err)
	}
	opt.HTTPClient = srv.Client()
	res, err := openrosa.Send(context.Background(), db, opt)
	if err != nil || res.Sent != counts.Complete || srv.Count() != counts.Complete {
		t.Fatalf("trusted: %v, sent %d, server holds %d of %d", err, res.Sent, srv.Count(), counts.Complete)
	}
}

func TestSend_KoboToolboxStyle(t *testing.T) {
	db, counts := testDB(t, 5)
	srv := testServer(t, "walk-meta.xml")
	srv.Kobo = true
	opt := options(srv)
	opt.Server = openrosa.Server{URL: srv.URL + "/kobo", Token: srv.Token}
	res, err := openrosa.Send(context.Background(), db, opt)
	if err != nil || res.Sent != counts.Complete {
		t.Fatalf("%v, sent %d of %d", err, res.Sent, counts.Complete)
	}
	// KoboToolbox answers 202 to an identical re-send; that counts as sent.
	db.SQL().Exec(`DELETE FROM openrosa_sent`)
	res, err = openrosa.Send(context.Background(), db, opt)
	if err != nil || res.Sent != counts.Complete || srv.Count() != counts.Complete {
		t.Fatalf("re-send: %v, sent %d, server holds %d", err, res.Sent, srv.Count())
	}
}

func TestSend_WebUserSignsIn(t *testing.T) {
	db, counts := testDB(t, 5)
	srv := openrosatest.NewTLS()
	defer srv.Close()
	addWalk(t, srv)
	srv.User, srv.Password = "staff@example.org", "correct horse"
	opt := options(srv)
	opt.HTTPClient = srv.Client()
	opt.Server = openrosa.Server{URL: srv.URL, Project: srv.Project, User: srv.User, Password: "wrong"}
	if _, err := openrosa.Send(context.Background(), db, opt); !errors.Is(err, openrosa.ErrAuth) || strings.Contains(err.Error(), "wrong") {
		t.Fatalf("wrong password: %v", err)
	}
	opt.Server.Password = srv.Password
	res, err := openrosa.Send(context.Background(), db, opt)
	if err != nil || res.Sent != counts.Complete {
		t.Fatalf("%v, sent %d of %d", err, res.Sent, counts.Complete)
	}
	reqs, _ := srv.Seen()
	if last := reqs[len(reqs)-1].Path; last != "/v1/projects/7/submission" {
		t.Fatalf("submitted to %q", last)
	}
}

func TestSend_ServerGoneSaysSoWithoutTheToken(t *testing.T) {
	db, _ := testDB(t, 3)
	srv := testServer(t, "walk-meta.xml")
	opt := options(srv)
	srv.Close()
	_, err := openrosa.Send(context.Background(), db, opt)
	if !errors.Is(err, openrosa.ErrServer) || strings.Contains(err.Error(), srv.Token) || strings.Contains(err.Error(), "/v1/key/") {
		t.Fatalf("error %v", err)
	}
}

func TestSend_TokenStaysOutOfResultsAndBundles(t *testing.T) {
	db, _ := testDB(t, 5)
	srv := testServer(t, "walk-meta.xml")
	if _, err := openrosa.Send(context.Background(), db, options(srv)); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(db.Path())
	if err := openrosa.SaveSettings(dir, openrosa.Settings{URL: srv.URL, Project: srv.Project, Token: srv.Token}); err != nil {
		t.Fatal(err)
	}
	bundle := filepath.Join(t.TempDir(), "laptop.db")
	if err := db.BundleTo(context.Background(), bundle, false); err != nil {
		t.Fatal(err)
	}
	backup, err := db.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{db.Path(), db.Path() + "-wal", bundle, backup} {
		data, err := os.ReadFile(path)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if strings.Contains(string(data), srv.Token) {
			t.Errorf("%s holds the token", filepath.Base(path))
		}
	}
	// What this laptop sent is its own note: another laptop that adds
	// this bundle still sends these responses itself (the server takes
	// the identical copies calmly).
	data, _ := os.ReadFile(bundle)
	if strings.Contains(string(data), "openrosa_sent") {
		t.Error("the bundle carries this laptop's notes of what was sent")
	}
}
