package openrosa_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/fake"
	"speakeasy/survey/openrosa"
	"speakeasy/survey/openrosa/openrosatest"
	"speakeasy/survey/store"
)

// testDB holds n practice responses to the walk survey (some unfinished).
func testDB(t testing.TB, n int) (*store.DB, store.Counts) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := survey.Load("../testdata/walk.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		t.Fatal(err)
	}
	c, err := fake.Responses(context.Background(), db, s, fake.Options{Count: n, Seed: 7, End: time.Date(2024, 6, 3, 16, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return db, c
}

// testServer is a pretend ODK Central holding the walk form with
// Speakeasy's metadata fields, as pyxform built it.
func testServer(t testing.TB, form string) *openrosatest.Server {
	t.Helper()
	srv := openrosatest.New()
	t.Cleanup(srv.Close)
	if form != "" {
		xform, err := os.ReadFile(filepath.Join("testdata", form))
		if err != nil {
			t.Fatal(err)
		}
		if err := srv.AddForm(xform); err != nil {
			t.Fatal(err)
		}
	}
	return srv
}

func options(srv *openrosatest.Server) openrosa.Options {
	return openrosa.Options{Server: openrosa.Server{URL: srv.URL, Project: srv.Project, Token: srv.Token},
		FormID: "walk", Backoff: time.Millisecond, Retries: 2}
}

func TestSend_SendsEachFinishedResponseOnce(t *testing.T) {
	db, counts := testDB(t, 12)
	srv := testServer(t, "walk-meta.xml")
	res, err := openrosa.Send(context.Background(), db, options(srv))
	if err != nil {
		t.Fatal(err)
	}
	if res.Sent != counts.Complete || srv.Count() != counts.Complete {
		t.Fatalf("sent %d, server holds %d, want the %d finished ones", res.Sent, srv.Count(), counts.Complete)
	}
	if bad := srv.Invalid(); len(bad) > 0 {
		t.Fatalf("submissions do not fit the form: %v", bad)
	}
	reqs, _ := srv.Seen()
	if reqs[0].Path != "/v1/key/TOKEN/projects/7/formList" || reqs[1].Path != "/v1/key/TOKEN/projects/7/forms/walk.xml" {
		t.Fatalf("first requests %q, %q; want the form list, then the form", reqs[0].Path, reqs[1].Path)
	}
	for _, r := range reqs {
		if r.OpenRosaVersion != "1.0" {
			t.Errorf("%s %s without X-OpenRosa-Version 1.0", r.Method, r.Path)
		}
		if _, err := http.ParseTime(r.Date); err != nil {
			t.Errorf("%s %s without an HTTP Date (OpenRosa asks for one): %q", r.Method, r.Path, r.Date)
		}
		if r.Method == http.MethodPost && (r.Path != "/v1/key/TOKEN/projects/7/submission" ||
			!strings.HasPrefix(r.ContentType, "multipart/form-data; boundary=") || r.PartType != "text/xml") {
			t.Errorf("submission %s with %q, part %q", r.Path, r.ContentType, r.PartType)
		}
	}

	// Sending again sends nothing, and does not even use the network.
	again, err := openrosa.Send(context.Background(), db, options(srv))
	if err != nil {
		t.Fatal(err)
	}
	after, _ := srv.Seen()
	if again.Sent != 0 || again.Already != counts.Complete || len(after) != len(reqs) {
		t.Fatalf("second send: sent %d, already %d, %d requests (were %d)", again.Sent, again.Already, len(after), len(reqs))
	}
	n, _, err := openrosa.SentCount(context.Background(), db, options(srv).Server, "walk")
	if err != nil || n != counts.Complete {
		t.Fatalf("SentCount = %d, %v; want %d", n, err, counts.Complete)
	}
}

func TestSend_SubmissionHoldsAnswersAndDetails(t *testing.T) {
	db, _ := testDB(t, 30)
	srv := testServer(t, "walk-meta.xml")
	if _, err := openrosa.Send(context.Background(), db, options(srv)); err != nil {
		t.Fatal(err)
	}
	ids, _ := db.ResponseIDs("walk")
	checked := map[string]bool{}
	for _, id := range ids {
		r, answers, err := db.Response(id)
		if err != nil {
			t.Fatal(err)
		}
		doc := srv.Stored(id)
		if r.Status != survey.Complete {
			if doc != nil {
				t.Fatalf("unfinished response %s was sent", id)
			}
			continue
		}
		want := []string{`<data id="walk" version="1">`, "<instanceID>uuid:" + id + "</instanceID>",
			"<deviceid>" + r.DeviceID + "</deviceid>", "<speakeasy_event>" + r.Event + "</speakeasy_event>",
			"<speakeasy_status>complete</speakeasy_status>", "<start>" + r.Started.UTC().Format("2006-01-02T15:04:05.000") + "+00:00</start>"}
		for q, a := range answers {
			switch {
			case len(a) > 1:
				want = append(want, "<"+q+">"+strings.Join(a, " ")+"</"+q+">")
				checked["many"] = true
			case q == "meeting":
				want = append(want, "<meeting>"+a[0]+"</meeting>")
				checked["date"] = true
			case q == "more" && strings.ContainsAny(a[0], "<&\n"):
				checked["escaped"] = true
			}
		}
		for _, w := range want {
			if !bytes.Contains(doc, []byte(w)) {
				t.Fatalf("submission of %s lacks %s:\n%s", id, w, doc)
			}
		}
	}
	if !checked["many"] || !checked["date"] {
		t.Fatalf("the practice answers never had several choices and a date: %v", checked)
	}
	if bad := srv.Invalid(); len(bad) > 0 {
		t.Fatalf("submissions do not fit the form: %v", bad)
	}
}

func TestSend_UnfinishedOnlyWhenAsked(t *testing.T) {
	db, counts := testDB(t, 40)
	if counts.Incomplete == 0 {
		t.Fatal("the practice responses have none unfinished")
	}
	srv := testServer(t, "walk-meta.xml")
	opt := options(srv)
	opt.Unfinished = true
	res, err := openrosa.Send(context.Background(), db, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Sent != counts.Total() || srv.Count() != counts.Total() {
		t.Fatalf("sent %d, server holds %d; want all %d", res.Sent, srv.Count(), counts.Total())
	}
	ids, _ := db.ResponseIDs("walk")
	unfinished := 0
	for _, id := range ids {
		if bytes.Contains(srv.Stored(id), []byte("<speakeasy_status>incomplete</speakeasy_status>")) {
			unfinished++
		}
	}
	if unfinished != counts.Incomplete {
		t.Fatalf("%d submissions marked incomplete, want %d", unfinished, counts.Incomplete)
	}
}

func TestSend_FormWithoutMetadataFields(t *testing.T) {
	db, counts := testDB(t, 6)
	srv := testServer(t, "walk.xml") // the form as export-form writes it today
	res, err := openrosa.Send(context.Background(), db, options(srv))
	if err != nil || res.Sent != counts.Complete {
		t.Fatalf("sent %d, %v; want %d", res.Sent, err, counts.Complete)
	}
	if bad := srv.Invalid(); len(bad) > 0 {
		t.Fatalf("submissions do not fit the form: %v", bad)
	}
}

func TestSend_DryRunSendsNothing(t *testing.T) {
	db, counts := testDB(t, 8)
	srv := testServer(t, "walk-meta.xml")
	opt := options(srv)
	opt.DryRun = true
	res, err := openrosa.Send(context.Background(), db, opt)
	if err != nil {
		t.Fatal(err)
	}
	if _, subs := srv.Seen(); res.Pending != counts.Complete || res.Sent != 0 || subs != 0 || res.ServerVersion != "1" {
		t.Fatalf("dry run: pending %d sent %d, %d submissions, server version %q", res.Pending, res.Sent, subs, res.ServerVersion)
	}
}
