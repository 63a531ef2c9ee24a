package openrosa

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Defaults for talking to a server. A submission is small, so a minute
// with no answer means the server or the network is in trouble.
const (
	DefaultTimeout = 60 * time.Second
	DefaultRetries = 4
	DefaultBackoff = 2 * time.Second
	// maxReply is how much of a server's answer is read.
	maxReply = 4 << 20
)

// client sends OpenRosa requests to one endpoint, trying again with a
// growing wait when the server is busy, failing or out of reach.
type client struct {
	http    *http.Client
	ep      *endpoint
	retries int
	backoff time.Duration
}

// newClient uses hc's transport and timeout (the system's certificates
// when hc is nil), but never follows a redirect: OpenRosa servers should
// not send one, and following it could carry a password to another place
// or turn a submission into an empty GET.
func newClient(hc *http.Client, ep *endpoint, retries int, backoff time.Duration) *client {
	c := &http.Client{Timeout: DefaultTimeout}
	if hc != nil {
		cp := *hc
		c = &cp
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	if retries <= 0 {
		retries = DefaultRetries
	}
	if backoff <= 0 {
		backoff = DefaultBackoff
	}
	return &client{http: c, ep: ep, retries: retries, backoff: backoff}
}

// reply is a server's answer.
type reply struct {
	status int
	body   []byte
}

// message is the server's own words in an OpenRosa or JSON error, if any,
// cut short and without secrets.
func (c *client) message(r reply) string {
	var or struct {
		Message string `xml:"message"`
	}
	msg := ""
	if xml.Unmarshal(r.body, &or) == nil {
		msg = or.Message
	} else if i := bytes.Index(r.body, []byte(`"message":"`)); i >= 0 {
		rest := r.body[i+len(`"message":"`):]
		if j := bytes.IndexByte(rest, '"'); j >= 0 {
			msg = string(rest[:j])
		}
	}
	msg = strings.Join(strings.Fields(msg), " ")
	if len(msg) > 300 {
		msg = msg[:300] + "…"
	}
	return c.ep.scrub(msg)
}

// do sends one request, again and again while the server fails with a
// 5xx or 429 or the connection fails, waiting longer each time. body makes
// a fresh request body for each try. A reply of any other status is
// returned for the caller to read.
func (c *client) do(ctx context.Context, method, target string, body func() (io.Reader, string)) (reply, error) {
	wait := c.backoff
	var last error
	for try := 0; try <= c.retries; try++ {
		if try > 0 {
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return reply{}, ctx.Err()
			case <-t.C:
			}
			wait *= 2
		}
		r, err, again := c.once(ctx, method, target, body)
		if !again {
			return r, err
		}
		last = err
	}
	return reply{}, fmt.Errorf("%w: %v, %d times; nothing more was sent, and what was sent is remembered", ErrServer, last, c.retries+1)
}

// once makes one try; again says whether trying again could help.
func (c *client) once(ctx context.Context, method, target string, body func() (io.Reader, string)) (r reply, err error, again bool) {
	var rd io.Reader
	var ctype string
	if body != nil {
		rd, ctype = body()
	}
	req, err := http.NewRequestWithContext(ctx, method, target, rd)
	if err != nil {
		return reply{}, fmt.Errorf("%w: the address cannot be used", ErrAddress), false
	}
	req.Header.Set("X-OpenRosa-Version", "1.0")
	req.Header.Set("Date", time.Now().UTC().Format(http.TimeFormat))
	req.Header.Set("User-Agent", "Speakeasy")
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if c.ep.header != "" {
		req.Header.Set("Authorization", c.ep.header)
	} else if c.ep.user != "" {
		req.SetBasicAuth(c.ep.user, c.ep.pass)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return reply{}, ctx.Err(), false
		}
		plain, again := c.explain(err)
		return reply{}, plain, again
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxReply))
	if err != nil {
		if ctx.Err() != nil {
			return reply{}, ctx.Err(), false
		}
		plain, again := c.explain(err)
		return reply{}, plain, again
	}
	r = reply{status: resp.StatusCode, body: data}
	switch {
	case resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests:
		return r, fmt.Errorf("the server answered %d %s", resp.StatusCode, http.StatusText(resp.StatusCode)), true
	case resp.StatusCode >= 300 && resp.StatusCode < 400:
		where := "another address"
		if u, err := url.Parse(resp.Header.Get("Location")); err == nil && u.Host != "" {
			where = u.Scheme + "://" + u.Host
		}
		return r, fmt.Errorf("%w (%s); check the server address", ErrRedirects, where), false
	}
	return r, nil, false
}

// explain puts a failed connection into plain words that hold no part of
// the address's path (where an app user's token is), and says whether
// trying again could help.
func (c *client) explain(err error) (error, bool) {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	var netErr net.Error
	switch {
	case errors.As(err, &dns):
		return fmt.Errorf("%w: cannot find the server %s; check the address and that this laptop is online", ErrServer, dns.Name), !dns.IsNotFound
	case errors.As(err, &unknownCA), errors.As(err, &hostname), errors.As(err, &invalid):
		return fmt.Errorf("%w: the server's certificate is not trusted by this computer, so nothing was sent", ErrServer), false
	case errors.Is(err, syscall.ECONNREFUSED):
		return errors.New("the server refused the connection"), true
	case errors.As(err, &netErr) && netErr.Timeout():
		return errors.New("the server took too long to answer"), true
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return errors.New("the connection was closed half-way"), true
	}
	return fmt.Errorf("the connection failed: %s", c.ep.scrub(err.Error())), true
}
