package openrosa

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
	"time"

	"speakeasy/survey"
)

// Fields a form can carry for Speakeasy's own details of a response. The
// first three are XLSForm's metadata types of the same names (start, end,
// deviceid); the others are "hidden" fields. Speakeasy fills each one the
// server's form has and leaves out the others.
const (
	FieldStart      = "start"
	FieldEnd        = "end"
	FieldDevice     = "deviceid"
	FieldEvent      = "speakeasy_event"
	FieldLanguage   = "speakeasy_language"
	FieldAnsweredBy = "speakeasy_answered_by"
	FieldStatus     = "speakeasy_status"
)

// MetaFields lists the fields above in the order export-form should write them.
var MetaFields = []string{FieldStart, FieldEnd, FieldDevice, FieldEvent, FieldLanguage, FieldAnsweredBy, FieldStatus}

// Paths of the OpenRosa meta block.
const (
	pathInstanceID   = "meta/instanceID"
	pathDeprecatedID = "meta/deprecatedID"
)

// timeLayout is ODK's dateTime, always in UTC so the same response gives
// the same submission whatever the laptop's time zone: ODK Central takes
// an identical re-send calmly and refuses a different one.
const timeLayout = "2006-01-02T15:04:05.000+00:00"

func odkTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

// values are a response's answers and details by field path, as the
// submission writes them: several choices joined by spaces, dates as
// year-month-day (as stored). A question named like a detail field
// ("start", "end" …) keeps its answer: the answers are put in last.
func values(r survey.Response, answers map[string]survey.Answer) map[string]string {
	end := r.Finished
	if end.IsZero() {
		end = r.Updated
	}
	v := map[string]string{
		FieldStart: odkTime(r.Started), FieldEnd: odkTime(end), FieldDevice: r.DeviceID,
		FieldEvent: r.Event, FieldLanguage: r.Language, FieldAnsweredBy: r.AnsweredBy, FieldStatus: string(r.Status),
	}
	for id, a := range answers {
		v[id] = a.String()
	}
	return v
}

// localFields is the field list for a survey version the server's form
// is not: the metadata fields the server's form carries, the questions,
// and the meta block, the order export-form writes them in.
func localFields(s *survey.Survey, server *Form) []string {
	var out []string
	meta := func(names []string) {
		for _, m := range names {
			if server.Has(m) && s.Question(m) == nil {
				out = append(out, m)
			}
		}
	}
	meta(MetaFields[:3])
	for _, q := range s.Questions {
		out = append(out, q.ID)
	}
	meta(MetaFields[3:])
	return append(out, pathInstanceID)
}

// instanceXML writes a submission: an element for each field in order,
// empty when there is no value, as ODK Collect does. The same inputs give
// the same bytes, so a re-send is recognised as identical.
func instanceXML(root, formID, version string, fields []string, v map[string]string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<" + root + ` id="`)
	xml.EscapeText(&b, []byte(formID))
	b.WriteString(`"`)
	if version != "" {
		b.WriteString(` version="`)
		xml.EscapeText(&b, []byte(version))
		b.WriteString(`"`)
	}
	b.WriteString(">")
	if v[pathDeprecatedID] != "" && !slices.Contains(fields, pathDeprecatedID) {
		fields = withDeprecated(fields)
	}
	var open []string // groups open now
	for _, f := range fields {
		parts := strings.Split(f, "/")
		groups := parts[:len(parts)-1]
		same := 0
		for same < len(open) && same < len(groups) && open[same] == groups[same] {
			same++
		}
		for i := len(open) - 1; i >= same; i-- {
			b.WriteString("</" + open[i] + ">")
		}
		open = open[:same]
		for _, g := range groups[same:] {
			b.WriteString("<" + g + ">")
			open = append(open, g)
		}
		leaf := parts[len(parts)-1]
		if val := v[f]; val != "" {
			b.WriteString("<" + leaf + ">")
			xml.EscapeText(&b, []byte(val))
			b.WriteString("</" + leaf + ">")
		} else {
			b.WriteString("<" + leaf + "/>")
		}
	}
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</" + open[i] + ">")
	}
	b.WriteString("</" + root + ">\n")
	return b.Bytes()
}

// withDeprecated puts meta/deprecatedID after meta/instanceID, for an edit.
func withDeprecated(fields []string) []string {
	out := make([]string, 0, len(fields)+1)
	for _, f := range fields {
		out = append(out, f)
		if f == pathInstanceID {
			out = append(out, pathDeprecatedID)
		}
	}
	return out
}

// versionString is how a survey's version is written in forms.
func versionString(v int) string { return strconv.Itoa(v) }
