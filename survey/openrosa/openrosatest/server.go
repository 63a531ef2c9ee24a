// Package openrosatest is a pretend ODK Central for tests, written from
// the OpenRosa specification and ODK Central's documented behaviour: an
// app user's token in the address (/v1/key/TOKEN/projects/N/…) or Basic
// sign-in, a form list, form downloads, and submissions that must carry
// the X-OpenRosa-Version header, a multipart xml_submission_file and a
// uuid: meta/instanceID. An identical re-send is answered 201, a different
// one with the same instanceID 409, an edit is taken through deprecatedID,
// an unknown form version is 404. It can also fail on purpose: 500s, a
// dropped connection, a slow answer, a size limit.
package openrosatest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"speakeasy/survey/openrosa"
)

// Server is the pretend server. Set its fields before a test sends to it;
// read what it saw through its methods.
type Server struct {
	*httptest.Server
	Project  int
	Token    string // the app user's token
	User     string // a web user for Basic sign-in
	Password string

	// Kobo makes it answer like KoboToolbox: OpenRosa under /kobo, a
	// "Token" header to sign in, and 202 for an identical re-send.
	Kobo bool

	mu    sync.Mutex
	forms map[string]map[string][]byte // form ID -> version -> XForm
	// Latest is the version each form lists; the last one added.
	latest map[string]string
	subs   map[string]*submission // by instanceID

	// Failing on purpose, per submission request: each counts down.
	Fail500  int
	Drop     int
	Delay    time.Duration
	MaxBytes int64
	Closed   bool // the form takes no submissions (409)

	// What it saw.
	submissions int       // POSTs to /submission that reached the checks
	requests    []Request // every request, secrets left out
	invalid     []string  // ways a submission did not fit its form
}

// Seen returns every request so far, the token in addresses replaced by
// TOKEN, and how many submissions reached the checks.
func (s *Server) Seen() ([]Request, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...), s.submissions
}

// Invalid lists each way a submission did not fit its form.
func (s *Server) Invalid() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.invalid...)
}

// SetFailures changes how the next submissions fail, while tests run.
func (s *Server) SetFailures(fail500, drop int, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Fail500, s.Drop, s.Delay = fail500, drop, delay
}

// Request is one request the server had.
type Request struct {
	Method, Path, OpenRosaVersion, ContentType, Date string
	Part                                             []byte // the xml_submission_file, if any
	PartType                                         string
}

type submission struct {
	xml        []byte
	current    bool
	logicalID  string // the first instanceID of the submission
	superseded string // the instanceID that replaced it
}

// New starts a server on plain http with project 7 and an app user token.
func New() *Server {
	s := newServer()
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// NewTLS starts one on https, with a certificate only s.Client() trusts.
func NewTLS() *Server {
	s := newServer()
	s.Server = httptest.NewTLSServer(http.HandlerFunc(s.serve))
	return s
}

func newServer() *Server {
	// ODK Central's tokens have letters, digits, ! and $.
	return &Server{Project: 7, Token: "Ab$3!xyzTOKENabc123", forms: map[string]map[string][]byte{},
		latest: map[string]string{}, subs: map[string]*submission{}}
}

// AddForm publishes an XForm (as pyxform makes it) as a new version.
func (s *Server) AddForm(xform []byte) error {
	f, err := openrosa.ParseForm(xform)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.forms[f.ID] == nil {
		s.forms[f.ID] = map[string][]byte{}
	}
	s.forms[f.ID][f.Version] = xform
	s.latest[f.ID] = f.Version
	return nil
}

// Stored returns the submission XML the server has now for a response
// (following edits), or nil.
func (s *Server) Stored(responseID string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, sub := range s.subs {
		if sub.logicalID == "uuid:"+responseID && sub.current {
			return sub.xml
		}
	}
	return nil
}

// Count is how many submissions the server holds (edits count once).
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, sub := range s.subs {
		if sub.current {
			n++
		}
	}
	return n
}

// AppUserURL is the app user's address as ODK Central shows it.
func (s *Server) AppUserURL() string {
	return s.URL + "/v1/key/" + s.Token + "/projects/" + strconv.Itoa(s.Project)
}

var (
	keyRoute   = regexp.MustCompile(`^/v1/key/([^/]+)/projects/([0-9]+)(/.*)$`)
	basicRoute = regexp.MustCompile(`^/v1/projects/([0-9]+)(/.*)$`)
	formRoute  = regexp.MustCompile(`^/forms/([^/]+)\.xml$`)
)

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	rest, prefix, ok := s.route(r)
	s.mu.Lock()
	s.requests = append(s.requests, Request{Method: r.Method, Path: strings.ReplaceAll(r.URL.Path, s.Token, "TOKEN"),
		OpenRosaVersion: r.Header.Get("X-OpenRosa-Version"), ContentType: r.Header.Get("Content-Type"),
		Date: r.Header.Get("Date")})
	s.mu.Unlock()
	if !ok {
		problem(w, http.StatusUnauthorized, "Could not authenticate with the provided credentials.")
		return
	}
	if r.Header.Get("X-OpenRosa-Version") != "1.0" {
		problem(w, http.StatusBadRequest, "Expected X-OpenRosa-Version 1.0.")
		return
	}
	switch {
	case r.Method == http.MethodGet && rest == "/formList":
		s.formList(w, prefix)
	case r.Method == http.MethodGet && formRoute.MatchString(rest):
		s.mu.Lock()
		id := formRoute.FindStringSubmatch(rest)[1]
		x := s.forms[id][s.latest[id]]
		s.mu.Unlock()
		if x == nil {
			problem(w, http.StatusNotFound, "Could not find the resource you were looking for.")
			return
		}
		w.Header().Set("Content-Type", "text/xml")
		w.Write(x)
	case r.Method == http.MethodPost && rest == "/submission":
		s.submit(w, r)
	default:
		problem(w, http.StatusNotFound, "Could not find the resource you were looking for.")
	}
}

// route checks the sign-in and returns the path after the project's
// OpenRosa address, and that address.
func (s *Server) route(r *http.Request) (rest, prefix string, ok bool) {
	p := r.URL.Path
	if s.Kobo {
		rest, ok = strings.CutPrefix(p, "/kobo")
		return rest, s.URL + "/kobo", ok && r.Header.Get("Authorization") == "Token "+s.Token
	}
	if m := keyRoute.FindStringSubmatch(p); m != nil {
		return m[3], s.URL + "/v1/key/" + m[1] + "/projects/" + m[2], m[1] == s.Token && m[2] == strconv.Itoa(s.Project)
	}
	if m := basicRoute.FindStringSubmatch(p); m != nil {
		u, pw, basic := r.BasicAuth()
		return m[2], s.URL + "/v1/projects/" + m[1], basic && s.User != "" && u == s.User && pw == s.Password && m[1] == strconv.Itoa(s.Project)
	}
	return "", "", false
}

func (s *Server) formList(w http.ResponseWriter, prefix string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<xforms xmlns="http://openrosa.org/xforms/xformsList">`)
	for id, v := range s.latest {
		fmt.Fprintf(&b, "<xform><formID>%s</formID><name>%s</name><version>%s</version><hash>md5:0</hash><downloadUrl>%s/forms/%s.xml</downloadUrl></xform>",
			id, id, v, prefix, id)
	}
	b.WriteString("</xforms>")
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.Header().Set("X-OpenRosa-Version", "1.0")
	w.Write(b.Bytes())
}

func problem(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.Header().Set("X-OpenRosa-Version", "1.0")
	w.WriteHeader(status)
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(msg))
	fmt.Fprintf(w, `<OpenRosaResponse xmlns="http://openrosa.org/http/response" items="0"><message nature="error">%s</message></OpenRosaResponse>`, b.String())
}

// submit takes one submission as ODK Central does.
func (s *Server) submit(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	delay := s.Delay
	drop := s.Drop > 0
	fail := !drop && s.Fail500 > 0
	if drop {
		s.Drop--
	} else if fail {
		s.Fail500--
	}
	s.mu.Unlock()
	if delay > 0 {
		time.Sleep(delay)
	}
	if drop {
		// Close the connection with no answer, as a proxy that gives up does.
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
	}
	if fail {
		problem(w, http.StatusInternalServerError, "Internal Server Error")
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		problem(w, http.StatusBadRequest, "Could not read the request.")
		return
	}
	if s.MaxBytes > 0 && int64(len(body)) > s.MaxBytes {
		problem(w, http.StatusRequestEntityTooLarge, "Request Entity Too Large")
		return
	}
	part, ptype, err := xmlPart(r.Header.Get("Content-Type"), body)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.submissions++
	s.requests[len(s.requests)-1].Part, s.requests[len(s.requests)-1].PartType = part, ptype
	if err != nil {
		problem(w, http.StatusBadRequest, err.Error())
		return
	}
	status, msg := s.accept(part)
	if status == http.StatusCreated && s.Kobo && strings.HasPrefix(msg, "duplicate") {
		status = http.StatusAccepted
	}
	if status >= 300 {
		problem(w, status, msg)
		return
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.Header().Set("X-OpenRosa-Version", "1.0")
	w.Header().Set("X-OpenRosa-Accept-Content-Length", "104857600")
	w.WriteHeader(status)
	fmt.Fprint(w, `<OpenRosaResponse xmlns="http://openrosa.org/http/response" items="0"><message nature="">full submission upload was successful!</message></OpenRosaResponse>`)
}
