package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"time"

	"speakeasy/survey/store"
)

func runBundle(env *Env, args []string) error {
	flags := newFlags(env, "bundle", "[--data DIR] --out FILE [--replace]",
		"Saves all of this laptop's surveys and answers in one file, to take to another laptop\n"+
			"on a USB stick. Add it there with: speakeasy merge FILE")
	data := dataFlag(flags)
	out := flags.String("out", "", "the file to write, for example laptop-1.db")
	replace := flags.Bool("replace", false, "write over the file if it is already there")
	if err := parse(flags, args); err != nil {
		return err
	}
	if *out == "" || flags.NArg() != 0 {
		fmt.Fprintln(env.Stderr, "speakeasy bundle: say where to save the file with --out FILE")
		flags.Usage()
		return errUsage
	}
	db, err := OpenData(*data)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.BundleTo(context.Background(), *out, *replace); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s is already there; choose another name, or add --replace to write over it", *out)
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
	flags := newFlags(env, "merge", "[--data DIR] FILE...",
		"Adds the results in other laptops' files (made with speakeasy bundle, or their speakeasy.db)\n"+
			"to this laptop. Answers already here are not added twice. A backup is made first.")
	data := dataFlag(flags)
	if err := parse(flags, args); err != nil {
		return err
	}
	if flags.NArg() == 0 {
		fmt.Fprintln(env.Stderr, "speakeasy merge: name at least one file to add")
		flags.Usage()
		return errUsage
	}
	db, err := OpenData(*data)
	if err != nil {
		return err
	}
	defer db.Close()
	backup, err := db.Backup("")
	if err != nil {
		return fmt.Errorf("nothing was added, because a backup could not be made first: %w", err)
	}
	fmt.Fprintf(env.Stdout, "Kept a copy of the results before adding, in %s.\n", backup)
	failed := 0
	for _, path := range flags.Args() {
		sum, err := db.Merge(context.Background(), path, nil)
		if err != nil {
			fmt.Fprintf(env.Stderr, "speakeasy merge: %v\n", err)
			failed++
			continue
		}
		printSummary(env.Stdout, path, sum)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be added", failed, flags.NArg())
	}
	return nil
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
	flags := newFlags(env, "backup", "[--data DIR]",
		"Keeps a copy of all the results in the backups folder inside the data folder.\n"+
			fmt.Sprintf("The newest %d copies are kept.", store.KeepBackups))
	data := dataFlag(flags)
	if err := parse(flags, args); err != nil {
		return err
	}
	if flags.NArg() != 0 {
		flags.Usage()
		return errUsage
	}
	db, err := OpenData(*data)
	if err != nil {
		return err
	}
	defer db.Close()
	path, err := db.Backup("")
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Saved a backup in %s.\n", path)
	return nil
}

func runRestore(env *Env, args []string) error {
	flags := newFlags(env, "restore", "[--data DIR] [BACKUP]",
		"Puts a backup back in place of the results. With no BACKUP, lists the backups.\n"+
			"The results it replaces are kept beside it, never deleted. Close Speakeasy first.")
	data := dataFlag(flags)
	if err := parse(flags, args); err != nil {
		return err
	}
	if flags.NArg() > 1 {
		flags.Usage()
		return errUsage
	}
	dir := *data
	if dir == "" {
		dir = DefaultDataDir()
	}
	if flags.NArg() == 0 {
		backups, err := store.Backups(dir)
		if err != nil {
			return err
		}
		if len(backups) == 0 {
			fmt.Fprintf(env.Stdout, "There are no backups in %s yet.\n", filepath.Join(dir, store.BackupFolder))
			return nil
		}
		fmt.Fprintln(env.Stdout, "The backups, newest last:")
		for _, b := range backups {
			fmt.Fprintf(env.Stdout, "  %s  %s\n", b.Made.Format("Mon 2 Jan 2006 15:04:05"), b.Path)
		}
		fmt.Fprintln(env.Stdout, "To put one back: speakeasy restore FILE")
		return nil
	}
	unlock, err := store.Lock(dir)
	if errors.Is(err, store.ErrInUse) {
		return fmt.Errorf("%w; close it first", err)
	}
	if err != nil {
		return err
	}
	defer unlock()
	if err := store.RestoreBackup(dir, flags.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Put back the backup %s. The results it replaced are kept in %s, named %s.replaced-...\n",
		flags.Arg(0), dir, store.FileName)
	return nil
}
