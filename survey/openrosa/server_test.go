package openrosa

import (
	"errors"
	"strings"
	"testing"
)

func TestServer_Endpoint(t *testing.T) {
	tests := []struct {
		name             string
		s                Server
		base, id, header string
		wantErr          bool
	}{
		{"central app user", Server{URL: "https://odk.example.org/", Project: 3, Token: "a$b!c"},
			"https://odk.example.org/v1/key/a$b%21c/projects/3", "https://odk.example.org/v1/projects/3", "", false},
		{"central app user address pasted whole", Server{URL: "https://odk.example.org/v1/key/a$b!c/projects/3"},
			"https://odk.example.org/v1/key/a$b%21c/projects/3", "https://odk.example.org/v1/projects/3", "", false},
		{"central web user", Server{URL: "https://odk.example.org/v1", Project: 3, User: "me@example.org", Password: "pw"},
			"https://odk.example.org/v1/projects/3", "https://odk.example.org/v1/projects/3", "", false},
		{"kobo token", Server{URL: "https://kc.kobotoolbox.org/someone", Token: "abc123"},
			"https://kc.kobotoolbox.org/someone", "https://kc.kobotoolbox.org/someone", "Token abc123", false},
		{"test server here", Server{URL: "http://127.0.0.1:8080", Project: 1, Token: "t"},
			"http://127.0.0.1:8080/v1/key/t/projects/1", "http://127.0.0.1:8080/v1/projects/1", "", false},
		{"localhost", Server{URL: "http://localhost:8080/kobo", Token: "t"}, "http://localhost:8080/kobo", "http://localhost:8080/kobo", "Token t", false},
		{"plain http elsewhere", Server{URL: "http://odk.example.org", Project: 3, Token: "secret-token"}, "", "", "", true},
		{"not an address", Server{URL: "odk.example.org", Project: 3}, "", "", "", true},
		{"empty", Server{}, "", "", "", true},
		{"token and user", Server{URL: "https://odk.example.org", Project: 3, Token: "secret-token", User: "u"}, "", "", "", true},
		{"pasted address disagrees", Server{URL: "https://odk.example.org/v1/key/abc/projects/3", Project: 4}, "", "", "", true},
		{"query", Server{URL: "https://odk.example.org/?token=abc", Project: 3}, "", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ep, err := tt.s.endpoint()
			if tt.wantErr {
				if !errors.Is(err, ErrAddress) {
					t.Fatalf("error %v, want ErrAddress", err)
				}
				if tt.s.Token != "" && strings.Contains(err.Error(), tt.s.Token) {
					t.Fatalf("the message shows the token: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ep.base != tt.base || ep.name != tt.id || ep.header != tt.header {
				t.Fatalf("base %q name %q header %q; want %q %q %q", ep.base, ep.name, ep.header, tt.base, tt.id, tt.header)
			}
		})
	}
}

func TestParseForm_PrimaryInstance(t *testing.T) {
	f, err := ParseForm([]byte(`<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"><h:head><model>
		<instance><data id="walk" version="4"><start/><who/><grp><inner/></grp><meta><instanceID/></meta></data></instance>
		<instance id="who"><root><item><name>self</name></item></root></instance>
		<bind nodeset="/data/start" type="dateTime"/><bind nodeset="/data/grp/inner" type="date"/></model></h:head><h:body/></h:html>`))
	if err != nil {
		t.Fatal(err)
	}
	want := "start who grp/inner meta/instanceID"
	if f.ID != "walk" || f.Version != "4" || f.Root != "data" || strings.Join(f.Fields, " ") != want {
		t.Fatalf("got %q %q %q %q; want walk 4 data %q", f.ID, f.Version, f.Root, f.Fields, want)
	}
	if f.Types["start"] != "dateTime" || f.Types["grp/inner"] != "date" {
		t.Fatalf("types %v", f.Types)
	}
	if _, err := ParseForm([]byte(`<html><body>Sign in</body></html>`)); err == nil {
		t.Fatal("a web page was read as a form")
	}
}

func TestEndpoint_SameServer(t *testing.T) {
	ep, err := Server{URL: "https://odk.example.org:8443", Project: 3, Token: "secret-token"}.endpoint()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ addr, want string }{
		{"https://odk.example.org:8443/v1/key/secret-token/projects/3/forms/walk.xml", "https://odk.example.org:8443/v1/key/secret-token/projects/3/forms/walk.xml"},
		{"http://ODK.example.org/v1/projects/3/forms/walk.xml", "https://odk.example.org:8443/v1/projects/3/forms/walk.xml"},
		{"https://elsewhere.example.com/v1/projects/3/forms/walk.xml", ""},
		{"::not an address", ""},
	}
	for _, tt := range tests {
		got, err := ep.sameServer(tt.addr)
		if got != tt.want || (tt.want == "") != (err != nil) {
			t.Errorf("sameServer(%q) = %q, %v; want %q", tt.addr, got, err, tt.want)
		}
	}
}
