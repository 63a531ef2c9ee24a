package openrosa

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// Options say what to send where.
type Options struct {
	Server Server
	// FormID is the survey's ID, which is the form's form_id on the server.
	FormID string
	// Unfinished sends responses that were not finished too, marked so.
	Unfinished bool
	// DryRun reads and checks the server's form and counts what would be
	// sent, but sends nothing.
	DryRun bool
	// Progress, if set, hears how far the sending is after each response.
	Progress func(done, total int)
	// HTTPClient is used for every request; nil means one with the
	// system's certificates and DefaultTimeout. Tests give their own.
	HTTPClient *http.Client
	// Retries and Backoff shape the tries after a failure; 0 means the defaults.
	Retries int
	Backoff time.Duration
}

// Result is what a send did.
type Result struct {
	ServerVersion string // the version of the form the server has
	Pending       int    // responses new or changed since they were last sent
	Sent          int    // responses the server accepted this time
	Edits         int    // of those, changed ones sent as edits of the server's copy
	Already       int    // responses the server already has, unchanged
	Problems      []Problem
	// Unsent counts responses not sent because the server lacks their
	// survey version, by version.
	Unsent map[int]int
}

// Problem is one response the server refused, while the others went on.
type Problem struct {
	ResponseID string
	Reason     string
}

// pending is a response to send.
type pending struct {
	id, digest string
	version    int
	previous   string // the instanceID the server has for it, if any
}

// Send sends a survey's responses to a server: each finished one (and each
// unfinished one if asked) that the server does not have yet or has an
// older copy of. When there is nothing new it returns without using the
// network. The error is nil only when everything pending was sent; the
// Result says how far it got either way, and a stopped send (ctx
// cancelled) can be run again to carry on.
func Send(ctx context.Context, db *store.DB, opt Options) (Result, error) {
	res := Result{Unsent: map[int]int{}}
	ep, err := opt.Server.endpoint()
	if err != nil {
		return res, err
	}
	versions, err := db.SurveyVersions(opt.FormID)
	if errors.Is(err, store.ErrNotFound) {
		return res, fmt.Errorf("%w: there is no survey %q on this laptop", ErrNoSurvey, opt.FormID)
	}
	if err != nil {
		return res, err
	}
	tgt := target(ep, opt.FormID)
	sent, err := loadSent(ctx, db.SQL(), tgt)
	if err != nil {
		return res, err
	}
	todo, err := findPending(ctx, db, opt, sent, &res)
	if err != nil || len(todo) == 0 {
		return res, err
	}
	c := newClient(opt.HTTPClient, ep, opt.Retries, opt.Backoff)
	form, err := c.serverForm(ctx, opt.FormID)
	if err != nil {
		return res, err
	}
	res.ServerVersion = form.Version
	byVersion := map[int]*survey.Survey{}
	for _, s := range versions {
		byVersion[s.Version] = s
	}
	if err := checkForm(form, byVersion); err != nil {
		return res, err
	}
	if opt.DryRun {
		return res, nil
	}
	missing := map[int]bool{}
	for i, p := range todo {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		err := ErrVersion
		if !missing[p.version] {
			err = c.sendOne(ctx, db, form, byVersion[p.version], p, tgt, &res)
		}
		switch {
		case errors.Is(err, ErrVersion):
			missing[p.version] = true
			res.Unsent[p.version]++
		case err != nil:
			return res, err
		}
		if opt.Progress != nil {
			opt.Progress(i+1, len(todo))
		}
	}
	return res, finalError(res, opt.FormID)
}

// findPending lists the responses to send, oldest first.
func findPending(ctx context.Context, db *store.DB, opt Options, sent map[string]sentRecord, res *Result) ([]pending, error) {
	var todo []pending
	err := db.EachResponse(ctx, opt.FormID, func(r survey.Response, answers []store.StoredAnswer) error {
		if r.Status != survey.Complete && !opt.Unfinished {
			return nil
		}
		d := digest(r, answers)
		prev, was := sent[r.ID]
		if was && prev.digest == d {
			res.Already++
			return nil
		}
		todo = append(todo, pending{id: r.ID, digest: d, version: r.Version, previous: prev.instanceID})
		return nil
	})
	res.Pending = len(todo)
	return todo, err
}

// serverForm reads the form list and the form's definition.
func (c *client) serverForm(ctx context.Context, formID string) (*Form, error) {
	r, err := c.do(ctx, http.MethodGet, c.ep.base+"/formList", nil)
	if err != nil {
		return nil, err
	}
	if err := c.refusal(r, "list its forms"); err != nil {
		return nil, err
	}
	list, err := parseFormList(r.body)
	if err != nil {
		return nil, err
	}
	var found *listedForm
	for i := range list {
		if list[i].ID == formID {
			found = &list[i]
		}
	}
	if found == nil {
		return nil, fmt.Errorf("%w %q (or this sign-in may not use it). Upload the form that \"speakeasy export-form --survey %s\" makes, then send again", ErrNoForm, formID, formID)
	}
	download, err := c.ep.sameServer(found.DownloadURL)
	if err != nil {
		return nil, err
	}
	r, err = c.do(ctx, http.MethodGet, download, nil)
	if err != nil {
		return nil, err
	}
	if err := c.refusal(r, "give the form"); err != nil {
		return nil, err
	}
	form, err := ParseForm(r.body)
	if err != nil {
		return nil, fmt.Errorf("%w: the form %q from the server cannot be read: %v", ErrServer, formID, err)
	}
	if form.ID != formID {
		return nil, fmt.Errorf("%w: the server gave form %q when asked for %q", ErrMismatch, form.ID, formID)
	}
	return form, nil
}

// refusal turns a reply other than 200 into a plain error.
func (c *client) refusal(r reply, doing string) error {
	switch r.status {
	case http.StatusOK:
		return nil
	case http.StatusUnauthorized, http.StatusForbidden:
		return fmt.Errorf("%w: check the token (or user name and password), and that it is allowed to use this project and form", ErrAuth)
	case http.StatusNotFound:
		return fmt.Errorf("%w: the server has no such project or address; check the address and project number", ErrNoForm)
	}
	return fmt.Errorf("%w: asked to %s, it answered %d %s %s", ErrServer, doing, r.status, http.StatusText(r.status), c.message(r))
}

// checkForm makes sure the server's form can take the responses of its
// version: every question of that version must be a field of the form.
func checkForm(form *Form, byVersion map[int]*survey.Survey) error {
	if !form.Has(pathInstanceID) {
		return fmt.Errorf("%w: the form %q on the server has no meta/instanceID, so a response sent twice could be stored twice", ErrMismatch, form.ID)
	}
	if form.Version == "" {
		return fmt.Errorf("%w: the form %q on the server has no version; upload the form that export-form makes, which has one", ErrMismatch, form.ID)
	}
	v, err := strconv.Atoi(form.Version)
	if err != nil || byVersion[v] == nil {
		// A version this laptop never had: its own versions may still be
		// on the server from before, which the submissions will show.
		return nil
	}
	s := byVersion[v]
	for _, q := range s.Questions {
		if !form.Has(q.ID) {
			return fmt.Errorf("%w: the server's form %q version %d has no question %q, though this laptop's version %d has. Upload the form that \"speakeasy export-form --survey %s --version %d\" makes, as a new version", ErrMismatch, form.ID, v, q.ID, v, form.ID, v)
		}
	}
	return nil
}

// maxProblemsTold is how many refused responses a message names.
const maxProblemsTold = 5

// finalError sums up what was not sent, or is nil when everything was.
func finalError(res Result, formID string) error {
	var parts []string
	if len(res.Unsent) > 0 {
		vs := make([]int, 0, len(res.Unsent))
		for v := range res.Unsent {
			vs = append(vs, v)
		}
		sort.Ints(vs)
		for _, v := range vs {
			parts = append(parts, fmt.Sprintf("the server has version %s of %s; this laptop has %d answers for version %d too — publish version %d on the server (export-form --version %d), then send again",
				res.ServerVersion, formID, res.Unsent[v], v, v, v))
		}
		return fmt.Errorf("%w: %s", ErrVersion, strings.Join(parts, "; "))
	}
	if len(res.Problems) > 0 {
		// The first few say what the trouble is; a thousand would bury it.
		for i, p := range res.Problems {
			if i == maxProblemsTold {
				parts = append(parts, fmt.Sprintf("and %d more", len(res.Problems)-i))
				break
			}
			parts = append(parts, p.ResponseID+": "+p.Reason)
		}
		return fmt.Errorf("%w: %d were refused by the server. %s", ErrNotSent, len(res.Problems), strings.Join(parts, "; "))
	}
	return nil
}

// sendOne sends one response and notes it sent when the server says 201
// or 202. A refusal of this response alone goes into res.Problems; an
// error stops the whole send.
func (c *client) sendOne(ctx context.Context, db *store.DB, form *Form, s *survey.Survey, p pending, tgt string, res *Result) error {
	r, answers, err := db.Response(p.id)
	if err != nil {
		return err
	}
	v := values(r, answers)
	instanceID := "uuid:" + r.ID
	if p.previous != "" {
		// An edit gets an instanceID of its own, the same each time the
		// same change is sent, so a re-send after a lost answer is identical.
		instanceID = "uuid:" + uuid.NewSHA1(uuid.NameSpaceURL, []byte(p.previous+"#"+p.digest)).String()
		v[pathDeprecatedID] = p.previous
	}
	v[pathInstanceID] = instanceID
	fields := form.Fields
	if strconv.Itoa(r.Version) != form.Version {
		fields = localFields(s, form)
	}
	doc := instanceXML(form.Root, form.ID, versionString(r.Version), fields, v)
	reply, err := c.do(ctx, http.MethodPost, c.ep.base+"/submission", func() (io.Reader, string) { return multipartBody(doc) })
	if err != nil {
		return err
	}
	switch reply.status {
	case http.StatusCreated, http.StatusAccepted:
		res.Sent++
		if p.previous != "" {
			res.Edits++
		}
		return markSent(db.SQL(), tgt, r.ID, sentRecord{instanceID: instanceID, digest: p.digest}, time.Now())
	case http.StatusUnauthorized, http.StatusForbidden:
		return fmt.Errorf("%w: check the token (or user name and password), and that it may send to the form %q", ErrAuth, form.ID)
	case http.StatusNotFound:
		if strconv.Itoa(r.Version) != form.Version {
			return ErrVersion
		}
		return fmt.Errorf("%w %q any more; it may have been deleted. %s", ErrNoForm, form.ID, c.message(reply))
	case http.StatusRequestEntityTooLarge:
		res.Problems = append(res.Problems, Problem{r.ID, "the server says it is too big to take"})
	case http.StatusConflict:
		msg := c.message(reply)
		if strings.Contains(msg, "not currently accepting") {
			return fmt.Errorf("%w: the form %q is not taking new answers; ask the server's admin to open it", ErrClosed, form.ID)
		}
		why := "the server already has a different copy of it, so it was left as it is there"
		if p.previous != "" {
			why = "the server's copy was changed there since it was sent, so this laptop's change was not sent"
		}
		res.Problems = append(res.Problems, Problem{r.ID, why + " (" + msg + ")"})
	default:
		res.Problems = append(res.Problems, Problem{r.ID, fmt.Sprintf("the server answered %d %s %s", reply.status, http.StatusText(reply.status), c.message(reply))})
	}
	return nil
}

// multipartBody is an OpenRosa submission: one part, xml_submission_file.
func multipartBody(doc []byte) (io.Reader, string) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="xml_submission_file"; filename="submission.xml"`)
	h.Set("Content-Type", "text/xml")
	part, _ := w.CreatePart(h) // writing to a bytes.Buffer cannot fail
	part.Write(doc)
	w.Close()
	return &b, w.FormDataContentType()
}
