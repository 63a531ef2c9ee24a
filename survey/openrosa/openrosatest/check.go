package openrosatest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"speakeasy/survey/openrosa"
)

// xmlPart finds the xml_submission_file part of a multipart body.
func xmlPart(ctype string, body []byte) ([]byte, string, error) {
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return nil, "", errors.New("Expected a multipart/form-data body.")
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return nil, "", errors.New("Required field xml_submission_file was missing.")
		}
		if err != nil {
			return nil, "", errors.New("Multipart: Unexpected end of form")
		}
		if p.FormName() != "xml_submission_file" {
			continue
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, "", errors.New("Multipart: Unexpected end of form")
		}
		pt := p.Header.Get("Content-Type")
		if pt != "text/xml" && pt != "application/xml" {
			return data, pt, errors.New("The xml_submission_file must be text/xml or application/xml.")
		}
		return data, pt, nil
	}
}

// instance is what the server reads of a submission.
type instance struct {
	root, id, version, instanceID, deprecatedID string
	leaves                                      map[string]string // path below root -> text
	order                                       []string
}

func readInstance(doc []byte) (*instance, error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	in := &instance{leaves: map[string]string{}}
	var path []string
	var text strings.Builder
	children := map[int]bool{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("The submission is not valid XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(path) == 0 {
				in.root = t.Name.Local
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "id":
						in.id = a.Value
					case "version":
						in.version = a.Value
					}
				}
			}
			children[len(path)-1] = true
			path = append(path, t.Name.Local)
			children[len(path)-1] = false
			text.Reset()
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			if len(path) > 1 && !children[len(path)-1] {
				p := strings.Join(path[1:], "/")
				in.leaves[p] = text.String()
				in.order = append(in.order, p)
			}
			path = path[:len(path)-1]
			text.Reset()
		}
	}
	in.instanceID, in.deprecatedID = in.leaves["meta/instanceID"], in.leaves["meta/deprecatedID"]
	if in.id == "" {
		return nil, errors.New("The form ID could not be found in the submission.")
	}
	return in, nil
}

// accept files a submission as ODK Central does and says what it answers.
// s.mu is held.
func (s *Server) accept(doc []byte) (int, string) {
	in, err := readInstance(doc)
	if err != nil {
		return http.StatusBadRequest, err.Error()
	}
	if s.forms[in.id] == nil {
		return http.StatusNotFound, "Could not find the resource you were looking for."
	}
	xform := s.forms[in.id][in.version]
	if xform == nil {
		return http.StatusNotFound, fmt.Sprintf("The form version specified in this submission '%s' does not exist.", in.version)
	}
	if s.Closed {
		return http.StatusConflict, "This form is not currently accepting submissions. Please talk to your program staff if this is unexpected."
	}
	if !strings.HasPrefix(in.instanceID, "uuid:") {
		s.invalid = append(s.invalid, "instanceID without uuid: "+in.instanceID)
	}
	s.validate(in, xform)
	if in.deprecatedID != "" {
		return s.edit(in, doc)
	}
	if old := s.subs[in.instanceID]; old != nil {
		if !bytes.Equal(old.xml, doc) {
			return http.StatusConflict, "A submission already exists with this ID, but with different XML. Resubmissions to attach additional multimedia must resubmit an identical xml_submission_file."
		}
		return http.StatusCreated, "duplicate"
	}
	s.subs[in.instanceID] = &submission{xml: doc, current: true, logicalID: in.instanceID}
	return http.StatusCreated, "new"
}

// edit takes a submission that replaces another (meta/deprecatedID).
func (s *Server) edit(in *instance, doc []byte) (int, string) {
	old := s.subs[in.deprecatedID]
	if old == nil {
		return http.StatusNotFound, fmt.Sprintf("You tried to update an existing submission, but we can't find that submission to update (%s)", in.deprecatedID)
	}
	if !old.current {
		if now := s.subs[in.instanceID]; now != nil && now.current && old.superseded == in.instanceID {
			if bytes.Equal(now.xml, doc) {
				return http.StatusCreated, "duplicate"
			}
			return http.StatusConflict, "A submission already exists with this ID, but with different XML."
		}
		return http.StatusConflict, fmt.Sprintf("You tried to update a submission, but the copy you were editing (%s) is now out of date.", in.deprecatedID)
	}
	if s.subs[in.instanceID] != nil {
		return http.StatusConflict, "You tried to update a submission, but the instanceID you provided already exists on this server."
	}
	old.current, old.superseded = false, in.instanceID
	s.subs[in.instanceID] = &submission{xml: doc, current: true, logicalID: old.logicalID}
	return http.StatusCreated, "edit"
}

var (
	datePattern = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	tokenList   = regexp.MustCompile(`^[^\s,]+( [^\s,]+)*$`)
)

// validate notes in s.invalid each way the submission does not fit the
// version of the form it names: elements the form lacks or misses, and
// values that are not of their field's type. ODK Central itself stores
// such submissions; a test asserts there are none.
func (s *Server) validate(in *instance, xform []byte) {
	f, err := openrosa.ParseForm(xform)
	if err != nil {
		s.invalid = append(s.invalid, err.Error())
		return
	}
	bad := func(format string, a ...any) { s.invalid = append(s.invalid, fmt.Sprintf(format, a...)) }
	if in.root != f.Root {
		bad("root element %q, the form has %q", in.root, f.Root)
	}
	for _, p := range in.order {
		if !f.Has(p) && p != "meta/deprecatedID" {
			bad("element %q is not in the form", p)
		}
	}
	for _, p := range f.Fields {
		v, ok := in.leaves[p]
		if !ok {
			bad("field %q is missing", p)
			continue
		}
		if v == "" {
			continue
		}
		switch f.Types[p] {
		case "date":
			if !datePattern.MatchString(v) {
				bad("field %q: %q is not a date as YYYY-MM-DD", p, v)
			}
		case "dateTime":
			if _, err := time.Parse("2006-01-02T15:04:05.000-07:00", v); err != nil {
				bad("field %q: %q is not an ODK dateTime", p, v)
			}
		case "int":
			if _, err := strconv.Atoi(v); err != nil {
				bad("field %q: %q is not a whole number", p, v)
			}
		case "decimal":
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				bad("field %q: %q is not a number", p, v)
			}
		}
		if isSelect(xform, f.Root, p) && !tokenList.MatchString(v) {
			bad("field %q: choices %q must be separated by spaces", p, v)
		}
	}
}

// isSelect reports whether the field is a select or select1 in the form's body.
func isSelect(xform []byte, root, path string) bool {
	ref := ` ref="/` + root + "/" + path + `"`
	return bytes.Contains(xform, []byte("<select"+ref)) || bytes.Contains(xform, []byte("<select1"+ref))
}
