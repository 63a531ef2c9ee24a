package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"speakeasy/app/translations"
	"speakeasy/survey/export"
	"speakeasy/survey/fake"
)

func runExport(env *Env, args []string) error {
	flags := newFlags(env, "export", "[--data DIR] [--survey ID] [--format xlsx|csv] [--lang L] [--codes] [--password P] --out FILE",
		"Saves the answers to a survey as an Excel workbook (.xlsx) or a CSV file: one row per person,\n"+
			"one column per question. The workbook also lists the questions, counts the answers with a\n"+
			"chart for each question, and gathers the words people typed. A CSV file gets its codebook\n"+
			"beside it: NAME.sps, SPSS syntax that SPSS or GNU PSPP run to make NAME.sav with labels.")
	data := dataFlag(flags)
	surveyID := flags.String("survey", "", "the survey to export (default: the one the kiosk runs)")
	format := flags.String("format", "", "xlsx or csv (default: from the end of the file name)")
	lang := flags.String("lang", "", "the language of the questions and answers, like en or cy (default: the survey's first)")
	codes := flags.Bool("codes", false, "write question IDs and answer codes instead of words")
	password := flags.String("password", "", "lock the workbook with this password (xlsx only)")
	out := flags.String("out", "", "the file to write, for example answers.xlsx")
	replace := flags.Bool("replace", false, "write over the file if it is already there")
	if err := parse(flags, args); err != nil {
		return err
	}
	if flags.NArg() != 0 {
		fmt.Fprintf(env.Stderr, "speakeasy export: %q is not a flag export knows, and export takes no file names\n", flags.Arg(0))
		flags.Usage()
		return errUsage
	}
	if *out == "" {
		fmt.Fprintln(env.Stderr, "speakeasy export: say where to save the file with --out FILE")
		flags.Usage()
		return errUsage
	}
	f := export.Format(strings.ToLower(*format))
	if f == "" {
		f = export.FormatOf(*out)
	}
	if f != export.XLSX && f != export.CSV {
		fmt.Fprintln(env.Stderr, "speakeasy export: the format is xlsx or csv; give --format, or end the file name in .xlsx or .csv")
		return errUsage
	}
	if err := checkOut(*out, *replace); err != nil {
		return err
	}
	db, done, err := openData(env, "export", *data, readResults)
	if err != nil {
		return err
	}
	defer done()
	if *surveyID == "" {
		if *surveyID, err = db.KioskSurveyID(); err != nil {
			return err
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	progress := progressLine(env.Stderr, "Exported")
	sum, err := export.Export(ctx, db, *out, export.Options{
		SurveyID: *surveyID, Lang: *lang, Codes: *codes, Password: *password, Format: f, Progress: progress.show,
		Words: translations.Words,
	})
	progress.end()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Saved %s (%d complete, %d not finished) to %s\n",
		plural(sum.Responses, "response"), sum.Complete, sum.Incomplete, sum.Path)
	if sum.Codebook != "" {
		fmt.Fprintf(env.Stdout, "Saved the codebook for SPSS and PSPP to %s\n", sum.Codebook)
	}
	return nil
}

func runFakeResponses(env *Env, args []string) error {
	flags := newFlags(env, "fake-responses", "--survey ID --count N [--data DIR] [--seed N]",
		"Makes practice answers, as if people had answered the survey, to try an export before an event.\n"+
			"Their event names start with \"Practice\". Use a separate --data folder to keep them\n"+
			"apart from real answers.")
	data := dataFlag(flags)
	surveyID := flags.String("survey", "", "the survey to answer (default: the one the kiosk runs)")
	count := flags.Int("count", 0, "how many practice responses to make")
	seed := flags.Uint64("seed", 0, "make the same responses each time with the same number (default: different each time)")
	if err := parse(flags, args); err != nil {
		return err
	}
	if *count <= 0 || flags.NArg() != 0 {
		fmt.Fprintln(env.Stderr, "speakeasy fake-responses: say how many responses to make with --count N")
		flags.Usage()
		return errUsage
	}
	db, done, err := openData(env, "fake-responses", *data, mayStart)
	if err != nil {
		return err
	}
	defer done()
	s, err := loadSurvey(db, *surveyID)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	progress := progressLine(env.Stderr, "Made")
	counts, err := fake.Responses(ctx, db, s, fake.Options{
		Count: *count, Seed: *seed, Progress: progress.show,
	})
	progress.end()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Made %s to %q (%d complete, %d not finished).\n",
		plural(counts.Total(), "practice response"), s.ID, counts.Complete, counts.Incomplete)
	return nil
}

// progress keeps one line on a terminal up to date: "Exported 5000 of 100000".
type progress struct {
	w     io.Writer
	verb  string
	shown bool
}

func progressLine(w io.Writer, verb string) *progress { return &progress{w: w, verb: verb} }

func (p *progress) show(done, total int) {
	if !isTerminal(p.w) {
		return // a log file gets only the closing words
	}
	fmt.Fprintf(p.w, "\r%s %d of %d", p.verb, done, total)
	p.shown = true
}

// end finishes the line, if one was started.
func (p *progress) end() {
	if p.shown {
		fmt.Fprintln(p.w)
	}
}
