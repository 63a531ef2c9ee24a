// Package openrosa sends Speakeasy's responses to a survey server that
// speaks OpenRosa, such as ODK Central or KoboToolbox, the way ODK Collect
// does: it reads the form the server holds, checks that it matches the
// survey, and posts each response as one submission. It remembers what each
// server accepted, so sending again sends only what is new or changed.
//
// This is the only part of Speakeasy that uses the network, and only when
// someone asks it to send. Tokens and passwords never appear in its
// messages: every error is written here, in plain words, without the
// server's address path (an ODK Central app user's token is part of it).
package openrosa

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// Server is where to send and how to sign in.
type Server struct {
	// URL is the server's address: https://central.example.org for ODK
	// Central (with Project), an app user's whole address as ODK Central
	// shows it (…/v1/key/TOKEN/projects/N), or the OpenRosa address of
	// another server, such as https://kc.kobotoolbox.org/USERNAME.
	URL string
	// Project is the ODK Central project number; 0 for other servers.
	Project int
	// Token is an ODK Central app user's token or a KoboToolbox API token.
	Token string
	// User and Password sign in with HTTP Basic authentication instead.
	User, Password string
}

// Errors a send can stop with; each comes wrapped in a plain message.
var (
	ErrAddress   = errors.New("the server address is not right")
	ErrAuth      = errors.New("the server did not accept the sign-in")
	ErrNoForm    = errors.New("the server does not have the form")
	ErrVersion   = errors.New("the server does not have this version of the form")
	ErrMismatch  = errors.New("the server's form does not match the survey")
	ErrServer    = errors.New("the server is not answering properly")
	ErrClosed    = errors.New("the form on the server is closed")
	ErrNotSent   = errors.New("some responses were not sent")
	ErrNoSurvey  = errors.New("this laptop has no such survey")
	ErrRedirects = errors.New("the server sent Speakeasy somewhere else")
)

// endpoint is a Server worked out: where its OpenRosa resources are, how
// to sign in, and a name for it with no secret in it.
type endpoint struct {
	base   string // formList and submission are under this; may hold a token
	host   string // scheme://host[:port], for checking the form's download address
	name   string // base with any token left out: names the server in the sent table
	token  string // an app user's token in base, or "" (kept to scrub messages)
	header string // the Authorization header, or ""
	user   string
	pass   string
}

// keyPath is the part of an ODK Central app user's address after the host.
var keyPath = regexp.MustCompile(`^(.*?)/v1/key/([^/]+)/projects/([0-9]+)/?$`)

// endpoint checks s and works out where its OpenRosa resources are.
func (s Server) endpoint() (*endpoint, error) {
	raw := strings.TrimSpace(s.URL)
	if raw == "" {
		return nil, fmt.Errorf("%w: type the server's address, starting with https://", ErrAddress)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, fmt.Errorf("%w: %q is not a web address; it should look like https://central.example.org", ErrAddress, redactAddress(raw))
	}
	if u.Scheme == "http" && !isThisComputer(u.Hostname()) {
		return nil, fmt.Errorf("%w: the address must start with https:// so the answers travel safely (http:// is only for a test server on this computer)", ErrAddress)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, fmt.Errorf("%w: leave out anything after ? or # and any name@ in the address", ErrAddress)
	}
	ep := &endpoint{host: u.Scheme + "://" + u.Host}
	path := strings.TrimRight(u.EscapedPath(), "/")
	token, project := s.Token, s.Project
	if m := keyPath.FindStringSubmatch(path); m != nil {
		// The whole app user address, as ODK Central shows it.
		key, err := url.PathUnescape(m[2])
		if err != nil {
			return nil, fmt.Errorf("%w: the token in the address is damaged", ErrAddress)
		}
		n, _ := strconv.Atoi(m[3])
		if (token != "" && token != key) || (project != 0 && project != n) {
			return nil, fmt.Errorf("%w: the address already holds a token and project, and they differ from the ones given", ErrAddress)
		}
		path, token, project = m[1], key, n
	}
	if project < 0 {
		return nil, fmt.Errorf("%w: the project number must be 1 or more", ErrAddress)
	}
	switch {
	case token != "" && s.User != "":
		return nil, fmt.Errorf("%w: give a token or a user name, not both", ErrAddress)
	case project > 0:
		path = strings.TrimSuffix(path, "/v1")
		ep.name = ep.host + path + "/v1/projects/" + strconv.Itoa(project)
		if token != "" {
			ep.token = token
			ep.base = ep.host + path + "/v1/key/" + url.PathEscape(token) + "/projects/" + strconv.Itoa(project)
		} else {
			ep.base = ep.name
		}
	default:
		ep.name, ep.base = ep.host+path, ep.host+path
		if token != "" {
			// KoboToolbox takes its API token in a header.
			ep.header = "Token " + token
		}
	}
	ep.user, ep.pass = s.User, s.Password
	if ep.user != "" && u.Scheme != "https" && !isThisComputer(u.Hostname()) {
		return nil, fmt.Errorf("%w: a password is only sent over https://", ErrAddress)
	}
	return ep, nil
}

// sameServer turns the address of a resource the server named (its form's
// download address) into one on the server as the endpoint reaches it:
// the same host, always with the endpoint's scheme and port, so that a
// server that names itself with http:// or no port behind a proxy is
// still reached safely, and a token or password never goes elsewhere.
func (ep *endpoint) sameServer(addr string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(addr))
	own, _ := url.Parse(ep.host)
	if err != nil || !strings.EqualFold(u.Hostname(), own.Hostname()) {
		return "", fmt.Errorf("%w: it gives the form's address on another server, so Speakeasy did not follow it", ErrServer)
	}
	out := ep.host + u.EscapedPath()
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	return out, nil
}

// isThisComputer reports whether host is this computer, the only place
// Speakeasy sends to without encryption (a test server).
func isThisComputer(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// scrub removes the endpoint's secrets from a message.
func (ep *endpoint) scrub(msg string) string {
	for _, secret := range []string{ep.token, url.PathEscape(ep.token), ep.pass} {
		if len(secret) >= 4 {
			msg = strings.ReplaceAll(msg, secret, "…")
		}
	}
	return msg
}

// redactAddress keeps an address that could not be read out of messages
// beyond its first few letters, in case a token was pasted into it.
func redactAddress(s string) string {
	if len(s) > 24 {
		return s[:24] + "…"
	}
	return s
}
