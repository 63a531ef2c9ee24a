package app

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"speakeasy/survey/store"
)

// Staff read what went wrong in sentences, in the app's language; Go's
// and SQLite's words ("open /home/…: permission denied") go to the log.
// StaffProblem is the one way a screen turns an error into staff words.

// StaffProblem logs err and gives what staff read: said (what failed, in
// the app's words, like "Speakeasy could not save the event name."),
// then why and what to do next, when Speakeasy can tell, or else to try
// again. said may be "" when a heading already says it.
func StaffProblem(said string, err error) string {
	reason := said
	if reason == "" {
		reason = "a problem shown to staff"
	}
	fyne.LogError(reason, err)
	cause := StaffCause(err)
	if cause == "" {
		cause = lang.L("Please try again. If it still does not work, ask the person who looks after this laptop.")
	}
	return strings.TrimSpace(said + " " + cause)
}

// SQLite's primary result codes, read through the error's Code method so
// that the screens need not import the SQLite driver.
const (
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteReadOnly = 8
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

// StaffCause says in staff's words why err happened and what to do, for
// the causes Speakeasy knows: a folder in use by another Speakeasy, a
// damaged file, a full disk, a folder Speakeasy may not write to, a
// missing file or folder. It is "" for any other error.
func StaffCause(err error) string {
	code := -1
	var coded interface{ Code() int }
	if errors.As(err, &coded) {
		code = coded.Code() & 0xff
	}
	var inUse *store.InUseError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &inUse):
		return inUseWords(inUse.Holder)
	case errors.Is(err, store.ErrInUse):
		return inUseWords("")
	case code == sqliteBusy, code == sqliteLocked:
		// A command writing at the same moment; it will be done soon.
		return lang.L("Another Speakeasy is using these results just now. Wait a moment, then try again.")
	case errors.Is(err, store.ErrNewerFile):
		return lang.L("A newer Speakeasy made this file. Update Speakeasy on this laptop first.")
	case errors.Is(err, store.ErrDamaged), errors.Is(err, store.ErrNotResults), code == sqliteCorrupt, code == sqliteNotADB:
		return lang.L("Something damaged the file, or it is not a Speakeasy file. Choose another file, or ask the person who looks after this laptop.")
	case errors.Is(err, store.ErrDiskFull), errors.Is(err, syscall.ENOSPC), code == sqliteFull:
		return lang.L("The disk is full. Make some room on it, then try again.")
	case errors.Is(err, store.ErrReadOnly), code == sqliteReadOnly:
		return lang.L("Speakeasy cannot write to its data folder. Ask the person who looks after this laptop for help.")
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return lang.L("Speakeasy is not allowed to use that folder. Choose another folder, or ask the person who looks after this laptop.")
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR), code == sqliteCantOpen:
		return lang.L("Speakeasy cannot find that folder or file. If it is on a USB stick, put the stick back in. Then try again.")
	}
	return ""
}

// inUseWords names who holds the data folder, as its lock file says:
// another window, or a command ("speakeasy merge") that will finish.
func inUseWords(holder string) string {
	if cmd, ok := strings.CutPrefix(holder, "speakeasy "); ok {
		return lang.L("The command speakeasy {{.Command}} is using these results. Wait for it to finish, then try again.",
			map[string]string{"Command": cmd})
	}
	return lang.L("Another Speakeasy is using these results. Please use the Speakeasy window that is open.")
}
