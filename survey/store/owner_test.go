package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestFileDevice_NamesTheLaptop: a bundle names the laptop that saved it;
// a file that is not results says so, and neither file is changed.
func TestFileDevice_NamesTheLaptop(t *testing.T) {
	ctx := context.Background()
	mine, err := Open(filepath.Join(t.TempDir(), "mine"))
	if err != nil {
		t.Fatal(err)
	}
	defer mine.Close()
	other, err := Open(filepath.Join(t.TempDir(), "other"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	bundle := filepath.Join(t.TempDir(), "other.db")
	if err := other.Bundle(ctx, bundle); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(bundle)
	got, err := mine.FileDevice(ctx, bundle)
	if err != nil || got != other.DeviceID() || got == mine.DeviceID() {
		t.Errorf("FileDevice = %q, %v; the other laptop is %q, this one %q", got, err, other.DeviceID(), mine.DeviceID())
	}
	if after, _ := os.ReadFile(bundle); string(after) != string(before) {
		t.Error("reading the bundle changed it")
	}
	notes := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(notes, []byte("shopping list"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := mine.FileDevice(ctx, notes); !errors.Is(err, ErrNotResults) {
		t.Errorf("a file of notes: %v", err)
	}
}
