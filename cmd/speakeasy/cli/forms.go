package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"speakeasy/survey"
	"speakeasy/survey/check"
	"speakeasy/survey/store"
	"speakeasy/survey/xlsform"
)

func runCheck(env *Env, args []string) error {
	fs := newFlags(env, "check", "FILE [--jargon LIST] [--data DIR] [--strict]",
		"Checks a survey file (Speakeasy's .json or an XLSForm .xlsx): first that Speakeasy can use it,\n"+
			"then that its words are easy to read. Each warning says where it is. It fails only when\n"+
			"the survey cannot be used; warnings are advice.")
	jargon := fs.String("jargon", "", "a list of hard words to use instead of the built-in one,\none \"hard words -> plainer words\" a line (see --print-jargon);\nthe survey's own hard words (\"jargon\" in .json, the jargon sheet in .xlsx) are checked too")
	printJargon := fs.Bool("print-jargon", false, "print the built-in list of hard words, to copy and change")
	data := fs.String("data", "", "a data folder: also warn about words people said were hard in this survey's answers there")
	strict := strictFlag(fs)
	files, err := parseWithFiles(fs, args)
	if err != nil {
		return err
	}
	if *printJargon {
		fmt.Fprint(env.Stdout, check.StarterText())
		return nil
	}
	if len(files) != 1 {
		fs.Usage()
		return errUsage
	}
	var list *check.Jargon
	if *jargon != "" {
		if list, err = check.LoadJargon(*jargon); err != nil {
			return err
		}
	}
	f, err := openSurveyFile(env, files[0], *strict)
	if err != nil {
		return err
	}
	f.printNotices(env.Stdout)
	// Each question that uses a list of choices has its own copy of it, so
	// a problem in the list comes once per question; it is said once.
	said := map[string]bool{}
	warnings := check.Survey(f.survey, list)
	if *data != "" {
		people, err := peopleWarnings(env, *data, f.survey)
		if err != nil {
			return err
		}
		warnings = append(warnings, people...)
	}
	for _, w := range warnings {
		line := f.where(w)
		if !said[line] {
			said[line] = true
			fmt.Fprintln(env.Stdout, line)
		}
	}
	switch n := len(said); n {
	case 0:
		fmt.Fprintf(env.Stdout, "%s: no warnings; the words look easy to read.\n", f.path)
	default:
		fmt.Fprintf(env.Stdout, "%s: %s to look at.\n", f.path, plural(n, "warning"))
	}
	return nil
}

func runImportForm(env *Env, args []string) error {
	fs := newFlags(env, "import-form", "FILE [--data DIR] [--strict]",
		"Adds a survey from an XLSForm spreadsheet (.xlsx, as ODK and KoboToolbox make) or a\n"+
			"Speakeasy .json file. Pictures and sounds the form names are looked for beside it.\n"+
			"Questions Speakeasy cannot ask (calculate, geopoint, photos, repeats, ...) are left out,\n"+
			"and each is named with its row and why. A survey that is already here with other\n"+
			"content becomes a new version.")
	data := dataFlag(fs)
	strict := strictFlag(fs)
	files, err := parseWithFiles(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return errUsage
	}
	f, err := openSurveyFile(env, files[0], *strict)
	if err != nil {
		return err
	}
	f.printNotices(env.Stdout)
	db, done, err := openData(env, "import-form", *data, mayStart)
	if err != nil {
		return err
	}
	defer done()
	latest := 0
	switch old, err := db.Survey(f.survey.ID, 0); {
	case err == nil:
		latest = old.Version
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	v, err := db.Publish(f.survey)
	if err != nil {
		return err
	}
	if v <= latest {
		fmt.Fprintf(env.Stdout, "Survey %s is here already as version %d; nothing changed.\n", f.survey.ID, v)
		return nil
	}
	fmt.Fprintf(env.Stdout, "Added survey %s version %d.\n", f.survey.ID, v)
	return nil
}

func runExportForm(env *Env, args []string) error {
	fs := newFlags(env, "export-form", "--survey ID --out FILE.xlsx|FILE.json [--media DIR|FILE.zip] [--version N] [--data DIR]",
		"Saves a survey as an XLSForm spreadsheet, to edit in Excel or use with ODK or KoboToolbox,\n"+
			"or as Speakeasy's own .json file. Either can be added back with import-form.\n"+
			"With --media, the pictures and sounds the form names are saved in that folder, as\n"+
			"ODK Collect and KoboToolbox want them (\"form media\"): upload them with the form.")
	media := fs.String("media", "", "a folder to save the form's pictures and sounds in, or a .zip file to put them in")
	which := fs.String("survey", "", "a survey ID, or a survey .json file (default: the survey the kiosk runs)")
	version := fs.Int("version", 0, "which version of the survey (default: the newest)")
	out := fs.String("out", "", "the file to write, ending in .xlsx or .json")
	data := dataFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if fs.NArg() != 0 || (ext != ".xlsx" && ext != ".json") {
		fs.Usage()
		fmt.Fprintln(env.Stderr, "\nThe --out file must end in .xlsx or .json.")
		return errUsage
	}
	db, done, err := openData(env, "export-form", *data, readSurveys)
	if err != nil {
		return err
	}
	defer done()
	s, err := loadSurvey(db, *which)
	if err == nil && *version != 0 {
		s, err = db.Survey(s.ID, *version)
	}
	if err != nil {
		return err
	}
	if err := xlsform.SaveFile(s, *out); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Saved survey %s version %d to %s.\n", s.ID, s.Version, *out)
	if *media == "" {
		return nil
	}
	m, err := xlsform.WriteMedia(s, *media)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Saved %s in %s.\n", plural(len(m.Written), "file")+" (pictures and sounds)", *media)
	for _, name := range m.Missing {
		fmt.Fprintf(env.Stdout, "%s: Speakeasy cannot find this file, so it is not saved; put it in %s yourself.\n", name, *media)
	}
	return nil
}

// strictFlag is --strict, which refuses a form with a question Speakeasy
// cannot ask instead of leaving the question out.
func strictFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("strict", false, "refuse an XLSForm that has a question Speakeasy cannot ask,\ninstead of leaving the question out")
}

// parseWithFiles parses flags that may come before or after the file
// names ("check FORM.xlsx --jargon LIST") and returns the file names.
func parseWithFiles(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return files, nil
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// surveyFile is a survey read from a .json or an XLSForm file, with what
// it takes to say where in the file a warning is.
type surveyFile struct {
	path   string
	survey *survey.Survey
	form   *xlsform.Form // nil for a .json file
}

// openSurveyFile reads and checks a survey file. When the survey cannot be
// used, it prints every problem, one a line with the file and where in it,
// and returns an error that counts them.
func openSurveyFile(env *Env, path string, strict bool) (*surveyFile, error) {
	f := &surveyFile{path: path}
	var err error
	var lines []string
	xlsx := strings.EqualFold(filepath.Ext(path), ".xlsx")
	if xlsx {
		f.form, err = xlsform.ReadFormFile(path, xlsform.Options{Strict: strict})
		var es xlsform.Errors
		if errors.As(err, &es) {
			for _, e := range es {
				lines = append(lines, e.Error())
			}
		}
	} else {
		f.survey, err = survey.Load(path)
		var ps survey.Problems
		if errors.As(err, &ps) {
			for _, p := range ps {
				lines = append(lines, p.Error())
			}
		}
	}
	switch {
	case len(lines) > 0:
		for _, l := range lines {
			fmt.Fprintf(env.Stderr, "%s: %s\n", path, l)
		}
		return nil, fmt.Errorf("%s cannot be used: %s", path, plural(len(lines), "problem"))
	case err != nil && xlsx:
		return nil, fmt.Errorf("%s: %w", path, err)
	case err != nil:
		return nil, err
	}
	if f.form != nil {
		f.survey = f.form.Survey
	}
	return f, nil
}

// printNotices prints what reading an XLSForm left out, one a line.
func (f *surveyFile) printNotices(w io.Writer) {
	if f.form == nil {
		return
	}
	for _, n := range f.form.Notices {
		fmt.Fprintf(w, "%s: %s\n", f.path, n)
	}
}

// where is a warning's line: the file, where in it, and the words.
func (f *surveyFile) where(w check.Warning) string {
	if f.form == nil {
		return f.path + ": " + w.String()
	}
	place := f.form.Place(w.Question, w.Field, w.Choice, w.Lang)
	at := place.String()
	// A row of the choices sheet can belong to many questions; naming one
	// would make the same problem look like several.
	if w.Question != "" && place.Sheet != "choices" {
		at += fmt.Sprintf(" (question %q)", w.Question)
	}
	return fmt.Sprintf("%s: %s: %s %s", f.path, at, w.Message, w.Suggestion)
}
