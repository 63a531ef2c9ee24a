package xlsform

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"

	"speakeasy/assets"
	"speakeasy/survey"
)

// ODK Collect and KoboToolbox show a form's pictures from files sent with
// the form ("form media"), named in its media::image columns. Speakeasy's
// built-in pictures are SVGs inside the program, so a form names each as a
// PNG file ("waving-hand.png") and WriteMedia draws it.

// mediaPixels is how wide and tall a written picture is: big enough for a
// tablet screen, small enough to send.
const mediaPixels = 480

// FormFileName is the file name a picture or sound has in a written form:
// a built-in picture's name with .png, or a file's own name.
func FormFileName(name string, picture bool) string {
	if picture && assets.HasPicture(name) {
		return name + ".png"
	}
	return filepath.Base(strings.ReplaceAll(name, "\\", "/"))
}

// drawn keeps each built-in picture drawn as a PNG, since reading a form
// back compares files with it.
var drawn sync.Map // name -> []byte

// PicturePNG draws a built-in picture as the PNG that WriteMedia writes.
func PicturePNG(name string) ([]byte, error) {
	if b, ok := drawn.Load(name); ok {
		return b.([]byte), nil
	}
	svg, ok := assets.Picture(name)
	if !ok {
		return nil, fmt.Errorf("there is no built-in picture called %q", name)
	}
	icon, err := oksvg.ReadIconStream(bytes.NewReader(svg), oksvg.IgnoreErrorMode)
	if err != nil {
		return nil, fmt.Errorf("cannot draw the picture %q: %w", name, err)
	}
	canvas := image.NewRGBA(image.Rect(0, 0, mediaPixels, mediaPixels))
	icon.SetTarget(0, 0, mediaPixels, mediaPixels)
	icon.Draw(rasterx.NewDasher(mediaPixels, mediaPixels, rasterx.NewScannerGV(mediaPixels, mediaPixels, canvas, canvas.Bounds())), 1)
	var out bytes.Buffer
	if err := png.Encode(&out, canvas); err != nil {
		return nil, err
	}
	drawn.Store(name, out.Bytes())
	return out.Bytes(), nil
}

// Media is what WriteMedia wrote and what it could not find.
type Media struct {
	Written []string // file names, in dir
	Missing []string // pictures and sounds that are neither built in nor a file here
}

// WriteMedia writes into dir every picture and sound a form written by
// Write names, by the names it gives them: built-in pictures drawn as PNG,
// and the survey's own files copied. A dir ending in .zip is made a zip
// file of them instead, as some servers take form media. A file that
// cannot be found is listed in Missing; the others are still written.
func WriteMedia(s *survey.Survey, dir string) (Media, error) {
	if strings.EqualFold(filepath.Ext(dir), ".zip") {
		return writeMediaZip(s, dir)
	}
	var m Media
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return m, fmt.Errorf("cannot make the folder %s: %w", dir, err)
	}
	var err error
	m.Missing, err = eachMediaFile(s, func(name string, body []byte) error {
		m.Written = append(m.Written, name)
		return os.WriteFile(filepath.Join(dir, name), body, 0o644)
	})
	return m, err
}

// writeMediaZip writes the media files into a zip file, whole or not at
// all: into a temporary file beside it, renamed when complete.
func writeMediaZip(s *survey.Survey, path string) (m Media, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return m, err
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing to remove
	z := zip.NewWriter(tmp)
	m.Missing, err = eachMediaFile(s, func(name string, body []byte) error {
		m.Written = append(m.Written, name)
		w, err := z.Create(name)
		if err == nil {
			_, err = w.Write(body)
		}
		return err
	})
	if cerr := z.Close(); err == nil {
		err = cerr
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return m, fmt.Errorf("cannot save %s: %w", path, err)
	}
	return m, nil
}

// eachMediaFile gives write each picture and sound the survey names, once,
// by its name in the form, and returns those it cannot find.
func eachMediaFile(s *survey.Survey, write func(name string, body []byte) error) (missing []string, err error) {
	files := map[string]bool{} // name as the survey has it -> is a picture
	add := func(name string, picture bool) {
		if name != "" {
			files[name] = files[name] || picture
		}
	}
	for _, q := range s.Questions {
		add(q.Picture, true)
		add(q.Sound, false)
		for _, c := range q.Choices {
			add(c.Picture, true)
			add(c.Sound, false)
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		out := FormFileName(name, files[name])
		var body []byte
		if files[name] && assets.HasPicture(name) {
			body, err = PicturePNG(name)
		} else if body, err = os.ReadFile(name); os.IsNotExist(err) {
			missing = append(missing, name)
			continue
		}
		if err == nil {
			err = write(out, body)
		}
		if err != nil {
			return missing, fmt.Errorf("cannot write %s: %w", out, err)
		}
	}
	return missing, nil
}
