package openrosa

import (
	"strings"
	"testing"
	"time"

	"speakeasy/survey"
)

func TestInstanceXML_OrderEscapesAndGroups(t *testing.T) {
	r := survey.Response{ID: "r1", DeviceID: "laptop-1", Event: `Fun & "games"`, Status: survey.Complete,
		Started: time.Date(2024, 6, 3, 10, 0, 0, 0, time.FixedZone("BST", 3600))}
	v := values(r, map[string]survey.Answer{"help": {"school", "doctor"}, "meeting": {"2024-05-01"}, "end": {"a question named end"}})
	v[pathInstanceID] = "uuid:r1"
	v[pathDeprecatedID] = "uuid:r0"
	fields := []string{"start", "end", "help", "meeting", "speakeasy_event", "empty", "meta/instanceID"}
	got := string(instanceXML("data", "walk", "2", fields, v))
	want := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<data id="walk" version="2"><start>2024-06-03T09:00:00.000+00:00</start><end>a question named end</end>` +
		`<help>school doctor</help><meeting>2024-05-01</meeting><speakeasy_event>Fun &amp; &#34;games&#34;</speakeasy_event>` +
		`<empty/><meta><instanceID>uuid:r1</instanceID><deprecatedID>uuid:r0</deprecatedID></meta></data>` + "\n"
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	if again := string(instanceXML("data", "walk", "2", fields, v)); again != got || strings.Count(got, "<meta>") != 1 {
		t.Fatal("the same response gave different submissions")
	}
}

func TestLocalFields_QuestionNamedLikeADetail(t *testing.T) {
	s := &survey.Survey{ID: "walk", Questions: []survey.Question{{ID: "end", Kind: survey.KindText}, {ID: "more", Kind: survey.KindText}}}
	server := &Form{Fields: []string{"start", "end", "deviceid", "more", "speakeasy_status", "meta/instanceID"}}
	if got, want := strings.Join(localFields(s, server), " "), "start deviceid end more speakeasy_status meta/instanceID"; got != want {
		t.Fatalf("fields %q, want %q", got, want)
	}
}
