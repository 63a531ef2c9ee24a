package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"time"

	"speakeasy/survey/store"
)

func runBundle(env *Env, args []string) error {
	r := newSub(env, "bundle", "[--data DIR] --out FILE [--replace]",
		"Saves all of this laptop's surveys and answers in one file, to take to another laptop\n"+
			"on a USB stick. Add it there with: speakeasy merge FILE")
	out := r.flags.String("out", "", "the file to write, for example laptop-1.db")
	replace := r.flags.Bool("replace", false, "write over the file if it is already there")
	if err := r.parse(args, 0, 0, ""); err != nil {
		return err
	}
	if *out == "" {
		return r.usage("say where to save the file with --out FILE")
	}
	if err := checkOut(*out, *replace); err != nil {
		return err
	}
	db, err := r.open(readResults)
	if err != nil {
		return err
	}
	defer r.close()
	ctx, stop := interruptible()
	defer stop()
	if err := db.BundleTo(ctx, *out, *replace); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return checkOut(*out, false)
		}
		return err
	}
	c, err := db.CountResponses("", time.Time{})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Saved this laptop's results in %s: %s (laptop %s).\n", *out, plural(c.Total(), "response"), db.DeviceID())
	return nil
}

func runMerge(env *Env, args []string) error {
	r := newSub(env, "merge", "[--data DIR] FILE...",
		"Adds the results in other laptops' files (made with speakeasy bundle, or their speakeasy.db)\n"+
			"to this laptop. Answers already here are not added twice. A backup is made first.")
	if err := r.parse(args, 1, -1, "name at least one file to add"); err != nil {
		return err
	}
	db, err := r.openAndBackUp(mayStart)
	if err != nil {
		return err
	}
	defer r.close()
	ctx, stop := interruptible()
	defer stop()
	failed := 0
	for i, path := range r.files {
		sum, err := db.Merge(ctx, path, nil)
		if ctx.Err() != nil {
			return &stopped{fmt.Sprintf("Stopped. Nothing was added from %s; %s before it were added.", path, plural(i, "file"))}
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "speakeasy merge: %v\n", err)
			failed++
			continue
		}
		printSummary(env.Stdout, path, sum)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be added", failed, len(r.files))
	}
	return nil
}

// openAndBackUp opens the results to add to them, and first keeps a backup.
func (r *sub) openAndBackUp(a access) (*store.DB, error) {
	db, err := r.open(a)
	if err != nil {
		return nil, err
	}
	backup, err := db.Backup("")
	if err != nil {
		r.close()
		return nil, fmt.Errorf("nothing was added, because a backup could not be made first: %w", err)
	}
	fmt.Fprintf(r.env.Stdout, "Kept a copy of the results before adding, in %s.\n", backup)
	return db, nil
}

// printSummary tells staff what a merge did, per laptop that started the responses.
func printSummary(w io.Writer, path string, sum store.MergeSummary) {
	from := ""
	if sum.DeviceID != "" {
		from = " (from laptop " + sum.DeviceID + ")"
	}
	t := sum.Total()
	if t.Added+t.Updated+t.Already == 0 {
		fmt.Fprintf(w, "%s%s: there are no responses in it.\n", path, from)
	} else {
		fmt.Fprintf(w, "%s%s: %s, %d updated, %d already here.\n", path, from, plural(t.Added, "new response"), t.Updated, t.Already)
		for _, d := range sum.Devices {
			fmt.Fprintf(w, "  started on laptop %s: %d new, %d updated, %d already here\n", d.DeviceID, d.Added, d.Updated, d.Already)
		}
	}
	if sum.Versions > 0 {
		fmt.Fprintf(w, "  %s of surveys.\n", plural(sum.Versions, "new version"))
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func runBackup(env *Env, args []string) error {
	r := newSub(env, "backup", "[--data DIR]",
		"Keeps a copy of all the results in the backups folder inside the data folder.\n"+
			fmt.Sprintf("The newest %d copies are kept, and the last one of each of the last %d days.", store.KeepBackups, store.KeepDays))
	if err := r.parse(args, 0, 0, ""); err != nil {
		return err
	}
	db, err := r.open(changeResults)
	if err != nil {
		return err
	}
	defer r.close()
	path, err := db.Backup("")
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Saved a backup in %s.\n", path)
	return nil
}

func runRestore(env *Env, args []string) error {
	r := newSub(env, "restore", "[--data DIR] [--bundle] [BACKUP]",
		"Puts a backup of this laptop back in place of the results. With no BACKUP, lists the backups.\n"+
			"The results it replaces are kept beside them, never deleted. Close Speakeasy first.")
	bundle := r.flags.Bool("bundle", false, "put back a bundle of this laptop (its results, without the staff PIN or settings)")
	if err := r.parse(args, 0, 1, ""); err != nil {
		return err
	}
	dir := r.dir()
	backups, err := store.Backups(dir)
	if err != nil {
		return err
	}
	if !store.HasResults(dir) && len(backups) == 0 {
		return &store.NoResultsError{Dir: dir}
	}
	if len(r.files) == 0 {
		return listBackups(env.Stdout, dir, backups)
	}
	if err := r.lock(); err != nil {
		return err
	}
	defer r.close()
	// A damaged file is put aside like at any start; putting a backup
	// back is the cure, so the restore goes on.
	var damaged *store.DamagedError
	if err := store.CheckHealth(dir); errors.As(err, &damaged) {
		fmt.Fprintln(env.Stdout, damaged.Error())
		defer fmt.Fprintf(env.Stdout, "To add the answers the damaged file still holds that the backup lacks: speakeasy rescue --data %q %q\n", dir, damaged.MovedTo)
	} else if err != nil {
		return err
	}
	from := r.files[0]
	done, err := store.Restore(dir, from, store.RestoreOptions{AllowBundle: *bundle})
	switch {
	case errors.Is(err, store.ErrIsBundle):
		return fmt.Errorf("%s is a bundle made for another laptop, not a backup: it has no staff PIN or settings. To put its results back anyway, add --bundle", from)
	case err != nil:
		return err
	}
	fmt.Fprintf(env.Stdout, "Put back %s.\n", from)
	if done.Replaced == "" {
		return nil
	}
	fmt.Fprintf(env.Stdout, "The results it replaced are kept in %s.\n", done.Replaced)
	if done.Lacking > 0 {
		fmt.Fprintf(env.Stdout, "They hold %s that the backup does not have, or has an older copy of.\n"+
			"To add them back: speakeasy merge --data %q %q\n", plural(done.Lacking, "response"), dir, done.Replaced)
	}
	return nil
}

// listBackups says which backups there are, for restore with no file.
func listBackups(w io.Writer, dir string, backups []store.BackupFile) error {
	if len(backups) == 0 {
		fmt.Fprintf(w, "There are no backups in %s yet.\n", filepath.Join(dir, store.BackupFolder))
		return nil
	}
	fmt.Fprintln(w, "The backups, newest last:")
	for _, b := range backups {
		fmt.Fprintf(w, "  %s  %s\n", b.Made.Format("Mon 2 Jan 2006 15:04:05"), b.Path)
	}
	fmt.Fprintln(w, "To put one back: speakeasy restore FILE")
	return nil
}

func runRescue(env *Env, args []string) error {
	r := newSub(env, "rescue", "[--data DIR] DAMAGED-FILE",
		"Reads what can still be read from a damaged results file that Speakeasy put aside\n"+
			"(speakeasy.db.damaged-...), and adds the responses that the results lack, after a backup\n"+
			"was put back. Responses already here are not added twice. A backup is made first.")
	if err := r.parse(args, 1, 1, "name the damaged file, for example speakeasy.db.damaged-20260314-093000"); err != nil {
		return err
	}
	db, err := r.openAndBackUp(changeResults)
	if err != nil {
		return err
	}
	defer r.close()
	ctx, stop := interruptible()
	defer stop()
	got, err := db.Rescue(ctx, r.files[0])
	if ctx.Err() != nil {
		return &stopped{"Stopped. Nothing was added."}
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, got.String())
	return nil
}
