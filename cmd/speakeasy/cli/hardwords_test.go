package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

func TestCheck_DataWarnsAboutWordsPeopleFoundHard(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := survey.Load(walkJSON)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Publish(s); err != nil {
		t.Fatal(err)
	}
	for _, words := range [][]string{{"answering", survey.AllWords}, {"Answering?"}} {
		ss := survey.NewSession(s, survey.SessionOptions{Language: "en", DeviceID: db.DeviceID(), Saver: db})
		for _, w := range words {
			if err := ss.MarkHard(w); err != nil {
				t.Fatal(err)
			}
		}
	}
	db.Close()

	code, out, errOut := run(t, "check", walkJSON, "--data", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		walkJSON + `: question "who", field text, language en: 2 people found "answering" hard. Try a plainer word, or give easier words for this question.`,
		walkJSON + `: question "who", field text, language en: 1 person found this whole question hard. Say it more simply, or give easier words for it.`,
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("missing:\n%s\nin:\n%s", want, out)
		}
	}
	// Without --data, nothing is said about people.
	if _, out, _ := run(t, "check", walkJSON); strings.Contains(out, "found") {
		t.Errorf("people's words without --data:\n%s", out)
	}
}
