package cli

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

	"speakeasy/app"
)

func runPrintSurvey(env *Env, args []string) error {
	fs := newFlags(env, "print-survey", "--out DIR [--survey ID|FILE.json] [--lang L] [--data DIR]",
		"Saves every screen of a survey as a numbered PNG picture, for paper copies and review.")
	out := fs.String("out", "", "the folder for the pictures (made if needed)")
	which := fs.String("survey", "", "a survey ID in the data folder, or a survey .json file (default: the survey the kiosk runs)")
	lang := fs.String("lang", "", "the language to draw (default: the survey's first)")
	width := fs.Int("width", 1280, "picture width in pixels")
	height := fs.Int("height", 800, "picture height in pixels")
	data := dataFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		fs.Usage()
		return errUsage
	}
	db, err := OpenData(*data)
	if err != nil {
		return err
	}
	defer db.Close()
	s, err := loadSurvey(db, *which)
	if err != nil {
		return err
	}
	if *lang == "" {
		*lang = s.Lang()
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("cannot make the folder %s: %w", *out, err)
	}
	n := 0
	err = app.RenderScreens(s, *lang, fyne.NewSize(float32(*width), float32(*height)), func(name string, img image.Image) error {
		path := filepath.Join(*out, name+".png")
		f, err := os.Create(path)
		if err != nil {
			return fmt.Errorf("cannot save %s: %w", path, err)
		}
		if err := png.Encode(f, img); err != nil {
			f.Close()
			return fmt.Errorf("cannot save %s: %w", path, err)
		}
		n++
		return f.Close()
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Saved %d screens of %q to %s\n", n, s.ID, *out)
	return nil
}
