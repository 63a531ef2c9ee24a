package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"speakeasy/survey"
	"speakeasy/survey/fake"
	"speakeasy/survey/store"
)

// TestCountByVersion_EachVersionItsOwn: answers given before a new version
// are counted with the version they answered.
func TestCountByVersion_EachVersionItsOwn(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := survey.Load("../testdata/walk.json")
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range []int{5, 3} {
		if i == 1 {
			s.Title["en"] = "A longer walk"
		}
		if s.Version, err = db.Publish(s); err != nil {
			t.Fatal(err)
		}
		if _, err := fake.Responses(context.Background(), db, s, fake.Options{Count: n, Seed: uint64(i + 1)}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.CountByVersion("walk")
	if err != nil || len(got) != 2 || got[1].Total() != 5 || got[2].Total() != 3 {
		t.Errorf("CountByVersion = %v, %v; want 5 for version 1 and 3 for version 2", got, err)
	}
}
