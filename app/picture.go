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
	px       int
}

// newPicture is the named built-in picture, size points square. An empty
// or unknown name gives an empty image of the same size.
func newPicture(name string, size float32) *canvas.Image {
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
	key := drawnKey{name, contrast, int(size*scale + 0.5)}
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
	return fyne.NewStaticResource(key+".svg", data)
}
