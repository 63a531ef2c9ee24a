package openrosa

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// listedForm is one <xform> of an OpenRosa form list.
type listedForm struct {
	ID          string `xml:"formID"`
	Name        string `xml:"name"`
	Version     string `xml:"version"`
	Hash        string `xml:"hash"`
	DownloadURL string `xml:"downloadUrl"`
}

// parseFormList reads an OpenRosa form list (<xforms><xform>…).
func parseFormList(body []byte) ([]listedForm, error) {
	var list struct {
		XMLName xml.Name     `xml:"xforms"`
		Forms   []listedForm `xml:"xform"`
	}
	if err := xml.Unmarshal(body, &list); err != nil {
		return nil, fmt.Errorf("%w: its list of forms cannot be read (is this an OpenRosa server?)", ErrServer)
	}
	return list.Forms, nil
}

// Form is what Speakeasy needs of an XForm: the form's ID and version, the
// name of its data's root element, and the data's fields in order.
type Form struct {
	ID, Version, Root string
	// Fields are the paths of the data's leaf elements below the root,
	// such as "has_plan" or "meta/instanceID", in the form's order.
	Fields []string
	// Types are the fields' types from the form's binds ("date", "int" …).
	Types map[string]string
}

// Has reports whether the form has a field at path.
func (f *Form) Has(path string) bool {
	return slices.Contains(f.Fields, path)
}

// ParseForm reads an XForm definition: its primary instance (the first
// <instance> in the model, the one without an id) and its binds.
func ParseForm(body []byte) (*Form, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	f := &Form{Types: map[string]string{}}
	var path []string // elements open inside the primary instance, root first
	inModel, inPrimary, done := false, false, false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("the form is not valid XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case inPrimary:
				if len(path) == 0 {
					f.Root = t.Name.Local
					f.ID, f.Version = attr(t, "id"), attr(t, "version")
				}
				path = append(path, t.Name.Local)
			case t.Name.Local == "model":
				inModel = true
			case inModel && !done && t.Name.Local == "instance" && attr(t, "id") == "":
				inPrimary = true
			case inModel && t.Name.Local == "bind":
				if p, ok := strings.CutPrefix(attr(t, "nodeset"), "/"+f.Root+"/"); ok && f.Root != "" {
					f.Types[p] = attr(t, "type")
				}
			}
		case xml.EndElement:
			switch {
			case inPrimary && len(path) == 0:
				inPrimary, done = false, true
			case inPrimary:
				if leaf := len(path) > 1 && !hasChildren(f.Fields, path); leaf {
					f.Fields = append(f.Fields, strings.Join(path[1:], "/"))
				}
				path = path[:len(path)-1]
			case t.Name.Local == "model":
				inModel = false
			}
		}
	}
	if f.Root == "" || f.ID == "" {
		return nil, errors.New("the form has no data section with a form ID")
	}
	return f, nil
}

// hasChildren reports whether a field below path was already found, which
// makes path a group rather than a leaf.
func hasChildren(fields, path []string) bool {
	prefix := strings.Join(path[1:], "/") + "/"
	return len(fields) > 0 && strings.HasPrefix(fields[len(fields)-1], prefix)
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
