package cli

import (
	"path/filepath"
	"testing"
)

func TestOpenData_KeepsAnAdminsEditOfABuiltin(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	db, err := OpenData(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.Survey("ehc-plan", 0)
	if err != nil {
		t.Fatal(err)
	}
	s.Title["en"] = "Our own title"
	if v, err := db.Publish(s); err != nil || v != 2 {
		t.Fatalf("admin's edit made version %d (%v)", v, err)
	}
	db.Close()
	db, err = OpenData(dir) // the next start
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	latest, err := db.Survey("ehc-plan", 0)
	if err != nil || latest.Version != 2 || latest.Title["en"] != "Our own title" {
		t.Fatalf("after a restart the kiosk runs version %d %q (%v)", latest.Version, latest.Title["en"], err)
	}
}
