package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"speakeasy/survey/openrosa"
	"speakeasy/survey/store"
)

// stdin is where send reads a token or password typed or piped in.
var stdin io.Reader = os.Stdin

const sendAbout = `Sends the answers on this laptop to the organisation's ODK Central or KoboToolbox
server, one submission per finished response. Responses the server already has are
not sent again. The form must be on the server first: an admin uploads the file
that "speakeasy export-form" makes, once for each version.

ODK Central: --server https://central.example.org --project N --token TOKEN
  (the app user's token; or paste the app user's whole address as --server)
KoboToolbox: --server https://kc.kobotoolbox.org/USERNAME --token API_TOKEN

The address, project, form and token are saved in the data folder (readable by you
alone) for next time. --token - and --user read the token or password from the input;
a password is never saved (SPEAKEASY_PASSWORD can hold it for scripts).`

func runSend(env *Env, args []string) error {
	fs := newFlags(env, "send", "--server URL [--project N] [--form ID] [--token TOKEN | --user NAME] [--unfinished] [--dry-run] [--forget] [--data DIR]", sendAbout)
	server := fs.String("server", "", "the server's address, starting with https://")
	project := fs.Int("project", 0, "the ODK Central project number")
	form := fs.String("form", "", "the survey's ID, which is the form_id on the server (default: the survey the kiosk runs)")
	token := fs.String("token", "", "an ODK Central app user's token or a KoboToolbox API token; - reads it from the input")
	user := fs.String("user", "", "sign in as this user instead; the password is read from the input")
	unfinished := fs.Bool("unfinished", false, "send unfinished responses too, marked as unfinished")
	dryRun := fs.Bool("dry-run", false, "check the server's form and count what would be sent, but send nothing")
	forget := fs.Bool("forget", false, "remove the saved server details and token, and send nothing")
	data := dataFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "speakeasy send: unexpected %q; every setting is a --flag\n", fs.Arg(0))
		return errUsage
	}
	dir := *data
	if dir == "" {
		dir = DefaultDataDir()
	}
	if *forget {
		if err := openrosa.ForgetSettings(dir); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, "The saved server details and token are removed.")
		return nil
	}
	set, err := sendSettings(dir, *server, *project, *form, *token, *user)
	if err != nil {
		return err
	}
	if set.URL == "" {
		fmt.Fprintln(env.Stderr, "speakeasy send: say where to send with --server URL (see speakeasy send --help)")
		return errUsage
	}
	srv := set.Server()
	if set.User != "" {
		if srv.Password, err = password(); err != nil {
			return err
		}
	}
	unlock, err := store.LockAs(dir, "speakeasy send")
	if errors.Is(err, store.ErrInUse) {
		return fmt.Errorf("%w. Close it first, or send from its staff screen", err)
	}
	if err != nil {
		return err
	}
	defer unlock()
	db, err := store.OpenExisting(dir)
	if err != nil {
		return err
	}
	defer db.Close()
	if set.Form == "" {
		if set.Form, err = db.KioskSurveyID(); err != nil {
			return err
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opt := openrosa.Options{Server: srv, FormID: set.Form, Unfinished: *unfinished, DryRun: *dryRun}
	if f, ok := env.Stdout.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			opt.Progress = func(done, total int) { fmt.Fprintf(env.Stdout, "\rSent %d of %d…", done, total) }
		}
	}
	res, err := openrosa.Send(ctx, db, opt)
	if opt.Progress != nil && res.Pending > 0 && !*dryRun {
		fmt.Fprintln(env.Stdout)
	}
	if openrosa.WorthKeeping(err) {
		if serr := openrosa.SaveSettings(dir, set); serr != nil {
			fmt.Fprintf(env.Stderr, "speakeasy send: %v\n", serr)
		}
	}
	if err == nil || res.Sent > 0 {
		sayWhatWasSent(env.Stdout, set.Form, *dryRun, res)
	}
	if ctx.Err() != nil {
		return fmt.Errorf("stopped. %s sent before stopping are remembered; run speakeasy send again to send the rest", plural(res.Sent, "response"))
	}
	return err
}

// sendSettings is the saved settings with the flags given put over them.
// A new server forgets the old one's project, token and user.
func sendSettings(dir, server string, project int, form, token, user string) (openrosa.Settings, error) {
	set, err := openrosa.LoadSettings(dir)
	if err != nil {
		return set, err
	}
	if server != "" && server != set.URL {
		set = openrosa.Settings{URL: server, Form: set.Form}
	}
	if project != 0 {
		set.Project = project
	}
	if form != "" {
		set.Form = form
	}
	if token == "-" {
		if token, err = readLine("the token"); err != nil {
			return set, err
		}
	}
	if token != "" {
		set.Token, set.User = token, ""
	}
	if user != "" {
		set.User, set.Token = user, ""
	}
	return set, nil
}

// password comes from SPEAKEASY_PASSWORD or the first line of the input.
func password() (string, error) {
	if p := os.Getenv("SPEAKEASY_PASSWORD"); p != "" {
		return p, nil
	}
	return readLine("the password")
}

func readLine(what string) (string, error) {
	line, err := bufio.NewReader(stdin).ReadString('\n')
	line = strings.TrimSpace(line)
	if line == "" {
		return "", fmt.Errorf("type %s on the first line of the input (it is not saved)", what)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return line, nil
}

// sayWhatWasSent says what the send did, in one or two lines.
func sayWhatWasSent(w io.Writer, form string, dryRun bool, res openrosa.Result) {
	switch {
	case res.Pending == 0:
		fmt.Fprintf(w, "Nothing new to send: the server has all %s to %s that this laptop has sent.\n", plural(res.Already, "response"), form)
	case dryRun && res.ServerVersion != "":
		fmt.Fprintf(w, "The server has form %s version %s, and it fits. %s would be sent; nothing was sent.\n",
			form, res.ServerVersion, plural(res.Pending, "response"))
	case res.Sent > 0:
		line := fmt.Sprintf("Sent %s to %s (version %s on the server)", plural(res.Sent, "response"), form, res.ServerVersion)
		if res.Edits > 0 {
			line += fmt.Sprintf(", %d of them changed since they were first sent", res.Edits)
		}
		if res.Already > 0 {
			line += fmt.Sprintf("; %d were there already", res.Already)
		}
		fmt.Fprintln(w, line+".")
	}
}
