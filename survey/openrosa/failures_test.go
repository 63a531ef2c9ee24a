package openrosa_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/openrosa"
	"speakeasy/survey/openrosa/openrosatest"
)

func TestSend_ServerTroubles(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(*openrosatest.Server, *openrosa.Options)
		wantErr error // nil: everything is sent in the end
		// sentAll says whether every finished response reaches the server.
		sentAll bool
	}{
		{"500 twice, then fine", func(s *openrosatest.Server, _ *openrosa.Options) { s.SetFailures(2, 0, 0) }, nil, true},
		{"connection dropped once", func(s *openrosatest.Server, _ *openrosa.Options) { s.SetFailures(0, 1, 0) }, nil, true},
		{"500 always", func(s *openrosatest.Server, _ *openrosa.Options) { s.SetFailures(1000, 0, 0) }, openrosa.ErrServer, false},
		{"dropped always", func(s *openrosatest.Server, _ *openrosa.Options) { s.SetFailures(0, 1000, 0) }, openrosa.ErrServer, false},
		{"too slow", func(s *openrosatest.Server, o *openrosa.Options) {
			s.SetFailures(0, 0, 300*time.Millisecond)
			o.HTTPClient = &http.Client{Timeout: 50 * time.Millisecond}
		}, openrosa.ErrServer, false},
		{"wrong token", func(_ *openrosatest.Server, o *openrosa.Options) { o.Server.Token = "not-the-token" }, openrosa.ErrAuth, false},
		{"wrong project", func(_ *openrosatest.Server, o *openrosa.Options) { o.Server.Project = 8 }, openrosa.ErrAuth, false},
		{"too big", func(s *openrosatest.Server, _ *openrosa.Options) { s.MaxBytes = 100 }, openrosa.ErrNotSent, false},
		{"form closed", func(s *openrosatest.Server, _ *openrosa.Options) { s.Closed = true }, openrosa.ErrClosed, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, counts := testDB(t, 12)
			srv := testServer(t, "walk-meta.xml")
			opt := options(srv)
			tt.setup(srv, &opt)
			res, err := openrosa.Send(context.Background(), db, opt)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), srv.Token) {
				t.Fatalf("the message shows the token: %v", err)
			}
			if err != nil && strings.Count(err.Error(), "uuid") > 0 {
				t.Fatalf("the message shows submission IDs: %v", err)
			}
			if tt.sentAll != (srv.Count() == counts.Complete) || res.Sent != srv.Count() {
				t.Fatalf("server holds %d, Send says %d sent, of %d finished", srv.Count(), res.Sent, counts.Complete)
			}
			if n := len(res.Problems); n > 5 && !strings.Contains(err.Error(), fmt.Sprintf("and %d more", n-5)) {
				t.Fatalf("%d problems, message %q does not stop at five", n, err)
			}
			// Nothing the server did not take is noted as sent: a second
			// try, with the trouble gone, sends exactly the rest.
			srv.SetFailures(0, 0, 0)
			srv.MaxBytes, srv.Closed = 0, false
			again, err := openrosa.Send(context.Background(), db, options(srv))
			if err != nil || srv.Count() != counts.Complete || again.Sent != counts.Complete-res.Sent {
				t.Fatalf("second try: %v; server holds %d, sent %d then %d, of %d", err, srv.Count(), res.Sent, again.Sent, counts.Complete)
			}
		})
	}
}

func TestSend_ChangedResponseGoesAsAnEdit(t *testing.T) {
	db, counts := testDB(t, 6)
	srv := testServer(t, "walk-meta.xml")
	if _, err := openrosa.Send(context.Background(), db, options(srv)); err != nil {
		t.Fatal(err)
	}
	id := changeOne(t, db, "Changed after sending & more")
	res, err := openrosa.Send(context.Background(), db, options(srv))
	if err != nil || res.Sent != 1 || res.Edits != 1 {
		t.Fatalf("sent %d (%d edits), %v; want the one changed response, as an edit", res.Sent, res.Edits, err)
	}
	if got := string(srv.Stored(id)); !strings.Contains(got, "<more>Changed after sending &amp; more</more>") ||
		!strings.Contains(got, "<deprecatedID>uuid:"+id+"</deprecatedID>") {
		t.Fatalf("the server's copy is not the change:\n%s", got)
	}
	if srv.Count() != counts.Complete {
		t.Fatalf("server holds %d, want still %d", srv.Count(), counts.Complete)
	}
}

// changeOne changes the typed answer of the first finished response.
func changeOne(t *testing.T, db interface {
	ResponseIDs(string) ([]string, error)
	Response(string) (survey.Response, map[string]survey.Answer, error)
	Save(survey.Change) error
}, words string) string {
	t.Helper()
	ids, _ := db.ResponseIDs("walk")
	for _, id := range ids {
		r, _, err := db.Response(id)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status == survey.Complete {
			r.Updated = r.Updated.Add(time.Minute)
			ch := survey.Change{Response: r, Set: map[string]survey.Answer{"more": {words}}, Kinds: map[string]survey.Kind{"more": survey.KindText}}
			if err := db.Save(ch); err != nil {
				t.Fatal(err)
			}
			return id
		}
	}
	t.Fatal("no finished response")
	return ""
}

func TestSend_LostNoteIsHarmless(t *testing.T) {
	db, counts := testDB(t, 6)
	srv := testServer(t, "walk-meta.xml")
	if _, err := openrosa.Send(context.Background(), db, options(srv)); err != nil {
		t.Fatal(err)
	}
	// As if the laptop died after the server took them but before it
	// noted so: the identical re-sends are taken calmly (201), once.
	if _, err := db.SQL().Exec(`DELETE FROM openrosa_sent`); err != nil {
		t.Fatal(err)
	}
	res, err := openrosa.Send(context.Background(), db, options(srv))
	if err != nil || res.Sent != counts.Complete || srv.Count() != counts.Complete {
		t.Fatalf("re-send: %v, sent %d; server holds %d, want %d", err, res.Sent, srv.Count(), counts.Complete)
	}
	// A response changed meanwhile is different from the server's copy:
	// ODK Central answers 409, and it is reported, not hidden.
	db.SQL().Exec(`DELETE FROM openrosa_sent`)
	changeOne(t, db, "different")
	res, err = openrosa.Send(context.Background(), db, options(srv))
	if !errors.Is(err, openrosa.ErrNotSent) || len(res.Problems) != 1 || res.Sent != counts.Complete-1 {
		t.Fatalf("after a change: %v, %d problems, sent %d", err, len(res.Problems), res.Sent)
	}
	if !strings.Contains(err.Error(), "different copy") {
		t.Fatalf("message %q does not say the server has a different copy", err)
	}
}

func TestSend_StopAndCarryOn(t *testing.T) {
	db, counts := testDB(t, 16)
	srv := testServer(t, "walk-meta.xml")
	ctx, stop := context.WithCancel(context.Background())
	opt := options(srv)
	var seen []int
	opt.Progress = func(done, total int) {
		seen = append(seen, done)
		if done == 3 {
			stop()
		}
	}
	res, err := openrosa.Send(ctx, db, opt)
	if !errors.Is(err, context.Canceled) || res.Sent != 3 || srv.Count() != 3 {
		t.Fatalf("stopped: %v, sent %d, server holds %d", err, res.Sent, srv.Count())
	}
	if len(seen) != 3 || seen[2] != 3 {
		t.Fatalf("progress %v", seen)
	}
	res, err = openrosa.Send(context.Background(), db, options(srv))
	if err != nil || res.Sent != counts.Complete-3 || srv.Count() != counts.Complete {
		t.Fatalf("carried on: %v, sent %d, server holds %d of %d", err, res.Sent, srv.Count(), counts.Complete)
	}
}

func TestSend_FormProblems(t *testing.T) {
	walk, err := os.ReadFile(filepath.Join("testdata", "walk-meta.xml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		form    []byte
		wantErr error
		words   string
	}{
		{"no form", nil, openrosa.ErrNoForm, `export-form --survey walk`},
		{"a question missing", []byte(strings.Replace(string(walk), "<more/>", "", 1)), openrosa.ErrMismatch, `no question "more"`},
		{"no instanceID", []byte(strings.Replace(string(walk), "<meta><instanceID/></meta>", "", 1)), openrosa.ErrMismatch, "instanceID"},
		{"no version", []byte(strings.Replace(string(walk), ` version="1"`, "", 1)), openrosa.ErrMismatch, "no version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := testDB(t, 4)
			srv := testServer(t, "")
			if tt.form != nil {
				if err := srv.AddForm(tt.form); err != nil {
					t.Fatal(err)
				}
			}
			_, err := openrosa.Send(context.Background(), db, options(srv))
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.words) {
				t.Fatalf("error %v, want %v saying %q", err, tt.wantErr, tt.words)
			}
			if _, subs := srv.Seen(); subs != 0 || srv.Count() != 0 {
				t.Fatalf("%d submissions were made", subs)
			}
		})
	}
}

func TestSend_OlderVersionMissingOnServer(t *testing.T) {
	db, counts := testDB(t, 6)
	// The survey changes: version 2 gets answers too, and only version 2
	// is on the server.
	s, err := db.Survey("walk", 1)
	if err != nil {
		t.Fatal(err)
	}
	s.Title["en"] = "A longer walk"
	if _, err := db.Publish(s); err != nil || s.Version != 2 {
		t.Fatalf("publish: version %d, %v", s.Version, err)
	}
	walk, _ := os.ReadFile(filepath.Join("testdata", "walk-meta.xml"))
	srv := testServer(t, "")
	if err := srv.AddForm([]byte(strings.Replace(string(walk), `version="1"`, `version="2"`, 1))); err != nil {
		t.Fatal(err)
	}
	res, err := openrosa.Send(context.Background(), db, options(srv))
	if !errors.Is(err, openrosa.ErrVersion) || res.Unsent[1] != counts.Complete || srv.Count() != 0 {
		t.Fatalf("%v; unsent %v; server holds %d", err, res.Unsent, srv.Count())
	}
	if want := "the server has version 2 of walk; this laptop has"; !strings.Contains(err.Error(), want) {
		t.Fatalf("message %q lacks %q", err, want)
	}
	// Publishing version 1 on the server too lets them go.
	if err := srv.AddForm(walk); err != nil {
		t.Fatal(err)
	}
	res, err = openrosa.Send(context.Background(), db, options(srv))
	if err != nil || srv.Count() != counts.Complete {
		t.Fatalf("%v; server holds %d of %d", err, srv.Count(), counts.Complete)
	}
	if bad := srv.Invalid(); len(bad) > 0 {
		t.Fatalf("submissions do not fit the form: %v", bad)
	}
}
