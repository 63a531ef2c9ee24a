package cli

import (
	"errors"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"speakeasy/app"
	"speakeasy/survey"
)

func runPrintSurvey(env *Env, args []string) error {
	fs := newFlags(env, "print-survey", "--out DIR [--survey ID|FILE.json] [--lang L] [--size WxH] [--comfort LIST] [--check] [--data DIR]",
		"Saves every screen of a survey as a numbered PNG picture, for paper copies and review.\n"+
			"With --check it also says, for each screen, whether everything fits the window:\n"+
			"every answer and button inside it, no scroll bar, no word split across lines.")
	out := fs.String("out", "", "the folder for the pictures (made if needed)")
	which := fs.String("survey", "", "a survey ID in the data folder, or a survey .json file (default: the survey the kiosk runs)")
	lang := fs.String("lang", "", "the language to draw (default: the survey's first)")
	size := fs.String("size", "1280x800", "the window's size, WIDTHxHEIGHT")
	comfortList := fs.String("comfort", "", "comfort settings, comma-separated: bigger, biggest, strong, nofaces")
	check := fs.Bool("check", false, "say whether each screen fits, and fail if one does not")
	width := fs.Int("width", 0, "picture width in pixels (old spelling of --size)")
	height := fs.Int("height", 0, "picture height in pixels (old spelling of --size)")
	data := dataFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		fs.Usage()
		return errUsage
	}
	w, h, err := parseSize(*size)
	if err != nil {
		return err
	}
	if *width > 0 {
		w = *width
	}
	if *height > 0 {
		h = *height
	}
	comfort, err := parseComfort(*comfortList)
	if err != nil {
		return err
	}
	s, err := surveyToPrint(*data, *which)
	if err != nil {
		return err
	}
	if *lang == "" {
		*lang = s.Lang()
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("cannot make the folder %s: %w", *out, err)
	}
	n, bad := 0, 0
	opts := app.RenderOptions{Lang: *lang, Size: fyne.NewSize(float32(w), float32(h)), Comfort: comfort}
	err = app.RenderScreens(s, opts, func(sc app.Screen) error {
		path := filepath.Join(*out, sc.Name+".png")
		f, err := os.Create(path)
		if err != nil {
			return fmt.Errorf("cannot save %s: %w", path, err)
		}
		if err := png.Encode(f, sc.Image); err != nil {
			f.Close()
			return fmt.Errorf("cannot save %s: %w", path, err)
		}
		n++
		if *check {
			if len(sc.Problems) == 0 {
				fmt.Fprintf(env.Stdout, "%s: fits\n", sc.Name)
			} else {
				bad++
				fmt.Fprintf(env.Stdout, "%s: DOES NOT FIT\n", sc.Name)
				for _, p := range sc.Problems {
					fmt.Fprintf(env.Stdout, "    %s\n", p)
				}
			}
		}
		return f.Close()
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Saved %d screens of %q to %s\n", n, s.ID, *out)
	if bad > 0 {
		return fmt.Errorf("%d of %d screens do not fit a %dx%d window", bad, n, w, h)
	}
	return nil
}

// surveyToPrint reads a survey file, which needs no data folder, or the
// named (or kiosk's) survey from the data folder.
func surveyToPrint(data, which string) (*survey.Survey, error) {
	if strings.HasSuffix(strings.ToLower(which), ".json") {
		return survey.Load(which)
	}
	db, done, err := openData(&Env{}, "print-survey", data, readSurveys)
	if err != nil {
		return nil, err
	}
	defer done()
	return loadSurvey(db, which)
}

// parseSize reads "1366x768".
func parseSize(s string) (w, h int, err error) {
	a, b, ok := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(a)
	h, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || w < 200 || h < 150 || w > 10000 || h > 10000 {
		return 0, 0, fmt.Errorf("--size should be a width and a height such as 1366x768, not %q", s)
	}
	return w, h, nil
}

// parseComfort reads "bigger,strong".
func parseComfort(s string) (app.Comfort, error) {
	var c app.Comfort
	for _, f := range strings.Split(s, ",") {
		switch strings.TrimSpace(strings.ToLower(f)) {
		case "":
		case "bigger":
			c.Bigger = max(c.Bigger, 1)
		case "biggest":
			c.Bigger = 2
		case "strong":
			c.Strong = true
		case "nofaces":
			c.NoFaces = true
		default:
			return c, errors.New("--comfort takes bigger, biggest, strong and nofaces, not " + strconv.Quote(f))
		}
	}
	return c, nil
}
