package store

import (
	"errors"
	"path/filepath"
	"testing"

	"speakeasy/survey"
)

func TestDraft_SaveReadDelete(t *testing.T) {
	db := MustOpenDB(t)
	if _, err := db.Draft("walk"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("no draft yet: err %v, want ErrNotFound", err)
	}
	s := mustWalkSurvey(t, db)
	s.Title["en"] = "A changed title"
	// A draft may be half written: here the first question has no words.
	s.Questions[0].Text = survey.Text{}
	if err := db.SaveDraft(s); err != nil {
		t.Fatal(err)
	}
	got, err := db.Draft("walk")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title["en"] != "A changed title" || got.Version != s.Version || len(got.Questions) != len(s.Questions) {
		t.Errorf("draft read back as %+v", got)
	}
	if got.Questions[0].Text["en"] != "" {
		t.Errorf("a draft with no words came back with %q", got.Questions[0].Text["en"])
	}
	// Saving again replaces it; the published survey is untouched.
	s.Title["en"] = "Changed again"
	if err := db.SaveDraft(s); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Draft("walk"); got.Title["en"] != "Changed again" {
		t.Errorf("second save: %q", got.Title["en"])
	}
	if pub, _ := db.Survey("walk", 0); pub.Title["en"] == "Changed again" {
		t.Error("saving a draft changed the published survey")
	}
	if err := db.DeleteDraft("walk"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Draft("walk"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after delete: err %v", err)
	}
	if err := db.DeleteDraft("walk"); err != nil {
		t.Errorf("deleting no draft: %v", err)
	}
}

func TestDrafts_ListSurvivesReopening(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := mustWalkSurvey(t, db)
	fresh := &survey.Survey{ID: "new-one", Languages: []string{"en"}, Title: survey.Text{"en": "A new one"}}
	for _, d := range []*survey.Survey{fresh, s} {
		if err := db.SaveDraft(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SaveDraft(&survey.Survey{}); err == nil {
		t.Error("a draft with no ID was kept")
	}
	db.Close()

	db, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	list, err := db.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != "new-one" || list[1].ID != "walk" {
		t.Fatalf("drafts %+v", list)
	}
	if list[0].Title != "A new one" || list[0].Base != 0 || list[1].Base != s.Version || list[0].Updated.IsZero() {
		t.Errorf("draft details %+v", list)
	}
}

func TestArchive_HidesAndComesBack(t *testing.T) {
	db := MustOpenDB(t)
	mustWalkSurvey(t, db)
	archived := func() bool {
		infos, err := db.Surveys()
		if err != nil || len(infos) != 1 {
			t.Fatalf("surveys %+v %v", infos, err)
		}
		return infos[0].Archived
	}
	if archived() {
		t.Fatal("archived from the start")
	}
	if err := db.Archive("walk"); err != nil {
		t.Fatal(err)
	}
	if !archived() {
		t.Fatal("not archived")
	}
	if err := db.Unarchive("walk"); err != nil {
		t.Fatal(err)
	}
	if archived() {
		t.Fatal("still archived")
	}
	if err := db.Archive("nobody"); !errors.Is(err, ErrNotFound) {
		t.Errorf("archiving no survey: %v", err)
	}
}

func TestDuplicate(t *testing.T) {
	db := MustOpenDB(t)
	s := mustWalkSurvey(t, db)
	c, err := db.Duplicate("walk", "walk-copy")
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "walk-copy" || c.Version != 1 {
		t.Errorf("copy is %s version %d", c.ID, c.Version)
	}
	got, err := db.Survey("walk-copy", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || len(got.Questions) != len(s.Questions) || got.Title["en"] != s.Title["en"] {
		t.Errorf("stored copy %+v", got)
	}
	if orig, _ := db.Survey("walk", 0); orig.ID != "walk" || orig.Version != s.Version {
		t.Errorf("the original changed: %s %d", orig.ID, orig.Version)
	}
	tests := []struct {
		name, from, to string
		want           error
	}{
		{"to a survey's ID", "walk", "walk-copy", ErrExists},
		{"to a draft's ID", "walk", "drafted", ErrExists},
		{"from no survey", "nobody", "fresh", ErrNotFound},
	}
	if err := db.SaveDraft(&survey.Survey{ID: "drafted"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if _, err := db.Duplicate(tt.from, tt.to); !errors.Is(err, tt.want) {
			t.Errorf("%s: err %v, want %v", tt.name, err, tt.want)
		}
	}
	var ps survey.Problems
	if _, err := db.Duplicate("walk", "not an id"); !errors.As(err, &ps) {
		t.Errorf("a bad ID: err %v, want Problems", err)
	}
}
