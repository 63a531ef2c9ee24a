package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"speakeasy/survey/report"
	"speakeasy/survey/store"
)

func runReport(env *Env, args []string) error {
	fs := newFlags(env, "report", "[--data DIR] [--survey ID] [--event NAME]... [--since DATE] [--until DATE] [--lang cy]\n"+
		"       [--we-will FILE] [--min-people N] [--compare EVENT1 EVENT2] --out report.pdf",
		"Makes the easy-read \"You said\" report: a PDF to print and give back to the people who\n"+
			"answered, with what they said in short sentences and pictures, and what you will do.\n"+
			"Small numbers stay private: a question fewer than --min-people people answered is not\n"+
			"shown, and no smaller number is printed. Typed answers are never printed.\n"+
			"--compare puts two events (or two date ranges, like 2024-03-01..2024-05-31) side by side.")
	data := dataFlag(fs)
	surveyID := fs.String("survey", "", "the survey (default: the one the kiosk runs)")
	var events []string
	fs.Func("event", "count only answers from this event; give it again for more events", func(s string) error {
		events = append(events, s)
		return nil
	})
	since := fs.String("since", "", "count only answers from this day on, like 2024-03-01")
	until := fs.String("until", "", "count only answers up to and including this day")
	lang := fs.String("lang", "en", "the report's language: en or cy")
	weWill := fs.String("we-will", "", `a text file with your words for the "What we will do" page, one idea a line`)
	minPeople := fs.Int("min-people", report.DefaultMinPeople, "the fewest people a number may stand for")
	out := fs.String("out", "", "the PDF file to write, for example report.pdf")
	replace := fs.Bool("replace", false, "write over the file if it is already there")
	compare, args, err := takeCompare(args)
	if err != nil {
		fmt.Fprintln(env.Stderr, "speakeasy report:", err)
		return errUsage
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 0 {
		fmt.Fprintln(env.Stderr, "speakeasy report: say where to save the PDF with --out FILE")
		fs.Usage()
		return errUsage
	}
	if err := checkOut(*out, *replace); err != nil {
		return err
	}
	f := report.Filter{SurveyID: *surveyID, Events: events}
	if f.Since, err = day(*since, "--since"); err != nil {
		return err
	}
	if f.Until, err = day(*until, "--until"); err != nil {
		return err
	}
	if !f.Until.IsZero() {
		f.Until = f.Until.AddDate(0, 0, 1) // up to and including that day
	}
	o := report.Options{Lang: *lang, MinPeople: *minPeople}
	if *weWill != "" {
		b, err := os.ReadFile(*weWill)
		if err != nil {
			return fmt.Errorf("cannot read the words for \"What we will do\": %w", err)
		}
		o.WeWill = string(b)
		if ws := report.CheckWeWill(o.WeWill, o.Lang); len(ws) > 0 {
			fmt.Fprintln(env.Stderr, "The words for \"What we will do\" may be hard to read. They are in the report as you wrote them:")
			for _, w := range ws {
				fmt.Fprintln(env.Stderr, "  -", w)
			}
		}
	}
	db, done, err := openData(env, "report", *data, readResults)
	if err != nil {
		return err
	}
	defer done()
	if f.SurveyID == "" {
		if f.SurveyID, err = db.KioskSurveyID(); err != nil {
			return err
		}
	}
	ctx, stop := interruptible()
	defer stop()
	if compare != nil {
		return runCompare(env, ctx, db, f, compare, o, *out)
	}
	res, err := report.Tally(ctx, db, f)
	if err != nil {
		return err
	}
	if err := report.WriteFile(*out, res, o); err != nil {
		if errors.Is(err, report.ErrTooFew) {
			return fmt.Errorf("%w. Choose more events or days, or a smaller --min-people", err)
		}
		return err
	}
	fmt.Fprintf(env.Stdout, "Saved the report of %d people's answers to %s\n", res.People, *out)
	return nil
}

// runCompare writes the "then and now" report of two events or spans of days.
func runCompare(env *Env, ctx context.Context, db *store.DB, base report.Filter, compare []string, o report.Options, out string) error {
	var sides [2]report.Side
	var results [2]*report.Results
	for i, c := range compare {
		side, err := report.ParseSide(c)
		if err != nil {
			return err
		}
		if sides[i] = side; side.Event != "" && len(base.Events) > 0 {
			return errors.New("give the events to compare after --compare, not with --event as well")
		}
		if results[i], err = report.Tally(ctx, db, side.Filter(base)); err != nil {
			return err
		}
	}
	f, err := os.CreateTemp(filepath.Dir(out), ".report-*.pdf")
	if err != nil {
		return fmt.Errorf("cannot save the report there: %w", err)
	}
	defer os.Remove(f.Name())
	err = report.WriteCompare(f, results[0], results[1], sides, o)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o600)
	}
	if err == nil {
		err = os.Rename(f.Name(), out)
	}
	if errors.Is(err, report.ErrTooFew) {
		return fmt.Errorf("%w. Choose other events or days, or a smaller --min-people", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Saved the report of %d and %d people's answers to %s\n", results[0].People, results[1].People, out)
	return nil
}

// takeCompare takes "--compare A B" out of the arguments: the flag
// package cannot give one flag two values.
func takeCompare(args []string) (compare []string, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return compare, append(rest, args[i:]...), nil
		}
		if a != "--compare" && a != "-compare" {
			rest = append(rest, a)
			continue
		}
		if i+2 >= len(args) {
			return nil, nil, errors.New("--compare needs two events or date ranges after it")
		}
		compare = args[i+1 : i+3]
		i += 2
	}
	return compare, rest, nil
}

// day reads a year-month-day date in local time; empty is no date.
func day(s, flag string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(s), time.Local)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: write the day as year-month-day, like 2024-03-01 (not %q)", flag, s)
	}
	return t, nil
}
