package app

import (
	"bytes"
	"image"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"

	"speakeasy/assets"
)

// Pictures are SVGs, and drawing one takes tens of milliseconds. So each
// is drawn once per size, off Fyne's goroutine, and kept: a screen shows at
// once and its pictures appear as soon as they are drawn (usually before
// the first frame); a picture seen before appears at once.
var (
	drawnMu sync.Mutex
	drawn   = map[drawnKey]image.Image{}
	// drawNow makes pictures draw before they are shown, for print-survey.
	drawNow bool
)

type drawnKey struct {
	name     string
	contrast bool
	onLight  bool // in strong colours, drawn in black for a light background
	px       int
}

// newPicture is the named built-in picture, size points square. An empty
// or unknown name gives an empty image of the same size.
func newPicture(name string, size float32) *canvas.Image { return newPictureOn(name, size, false) }

// newPictureOn is newPicture for a background that may be light in strong
// colours (a yellow button): the high-contrast pictures are line drawings,
// drawn in white on the black screen and in black on a light button.
func newPictureOn(name string, size float32, onLight bool) *canvas.Image {
	img := &canvas.Image{FillMode: canvas.ImageFillContain}
	img.SetMinSize(fyne.NewSquareSize(size))
	if name == "" {
		return img
	}
	if isFile(name) {
		// An admin's own picture, chosen from a file.
		img.File = name
		return img
	}
	pictureMu.Lock()
	contrast := highContrast
	pictureMu.Unlock()
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().AllWindows(); len(c) > 0 {
		scale = c[0].Canvas().Scale()
	}
	key := drawnKey{name, contrast, onLight && contrast, int(size*scale + 0.5)}
	drawnMu.Lock()
	done, ok := drawn[key]
	drawnMu.Unlock()
	switch {
	case ok:
		img.Image = done
	case drawNow:
		img.Image = drawPicture(key)
	default:
		drawQueue <- func() {
			pic := drawPicture(key)
			fyne.Do(func() {
				img.Image = pic
				img.Refresh()
			})
		}
	}
	return img
}

// drawQueue feeds one background drawer, so that drawing pictures never
// takes more than one core from the screen (these laptops may have two).
var drawQueue = func() chan func() {
	q := make(chan func(), 256)
	go func() {
		for draw := range q {
			draw()
		}
	}()
	return q
}()

// isFile reports whether a picture name is a file's path rather than the
// name of a built-in picture.
func isFile(name string) bool {
	return strings.ContainsAny(name, `/\`) || filepath.Ext(name) != ""
}

// drawPicture rasterises a picture at its size in pixels and keeps it.
func drawPicture(k drawnKey) image.Image {
	get := assets.Picture
	if k.contrast {
		get = assets.HighContrastPicture
	}
	data, ok := get(k.name)
	if !ok || k.px <= 0 {
		return nil
	}
	if k.contrast && !k.onLight {
		data = inWhite(data)
	}
	icon, err := oksvg.ReadIconStream(bytes.NewReader(data), oksvg.IgnoreErrorMode)
	if err != nil {
		fyne.LogError("drawing the picture "+k.name, err)
		return nil
	}
	icon.SetTarget(0, 0, float64(k.px), float64(k.px))
	out := image.NewNRGBA(image.Rect(0, 0, k.px, k.px))
	scanner := rasterx.NewScannerGV(k.px, k.px, out, out.Bounds())
	icon.Draw(rasterx.NewDasher(k.px, k.px, scanner), 1)
	drawnMu.Lock()
	drawn[k] = out
	drawnMu.Unlock()
	return out
}

// pictureResource gives the named built-in picture as a Fyne resource, or
// nil when the name is empty or unknown, for places that want the SVG itself.
func pictureResource(name string) fyne.Resource {
	if name == "" {
		return nil
	}
	pictureMu.Lock()
	contrast := highContrast
	pictureMu.Unlock()
	get, key := assets.Picture, name
	if contrast {
		get, key = assets.HighContrastPicture, "hc/"+name
	}
	data, ok := get(name)
	if !ok {
		return nil
	}
	if contrast {
		data = inWhite(data)
	}
	return fyne.NewStaticResource(key+".svg", data)
}

// inWhite turns a black high-contrast line drawing white, for the black
// background of strong colours. (Black on black was no picture at all.)
// The few white details inside them turn black, so they still show.
func inWhite(svg []byte) []byte {
	const swap = `"#0A0B0C"`
	for _, white := range []string{`"#fff"`, `"#FFF"`, `"#ffffff"`, `"#FFFFFF"`, `"white"`} {
		svg = bytes.ReplaceAll(svg, []byte(white), []byte(swap))
	}
	for _, black := range []string{`"#000000"`, `"#000"`, `"black"`} {
		svg = bytes.ReplaceAll(svg, []byte(black), []byte(`"#FFFFFF"`))
	}
	return bytes.ReplaceAll(svg, []byte(swap), []byte(`"#000000"`))
}
