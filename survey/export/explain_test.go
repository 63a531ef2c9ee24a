package export

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// TestExplainWrite covers the failures a test cannot cause when it runs
// as root: a folder it may not write to, or a read-only disk.
func TestExplainWrite(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "/x/.a.partial", Err: syscall.EACCES}, "Speakeasy cannot write to the folder /x: choose another place"},
		{&fs.PathError{Op: "open", Path: "/x/.a.partial", Err: syscall.EROFS}, "Speakeasy cannot write to the folder /x: choose another place"},
		{fmt.Errorf("write: %w", syscall.ENOSPC), "the disk is full: free some space or save to another place"},
		{errors.New("something else"), "cannot save the file in the folder /x: something else"},
	}
	for _, tt := range tests {
		if got := explainWrite("/x", tt.err); !strings.HasPrefix(got.Error(), tt.want) || !errors.Is(got, tt.err) {
			t.Errorf("%v: got %q, want %q", tt.err, got, tt.want)
		}
	}
	if explainWrite("/x", context.Canceled) != context.Canceled {
		t.Error("a cancelled export should say so plainly")
	}
}
