package report

import (
	"bytes"
	"image"
	"image/draw"
	_ "image/gif"  // an admin's own pictures may be GIF,
	_ "image/jpeg" // JPEG
	"image/png"    // or PNG
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"
	xdraw "golang.org/x/image/draw"

	"speakeasy/assets"
)

// picturePixels is how wide a picture is drawn before it goes in the PDF:
// a 32 mm heading picture prints at about 190 dots an inch, sharp for flat
// pictures; drawing time grows with the square of it.
const picturePixels = 240

// drawnPNG keeps each picture once drawn, as PNG bytes, for the next report.
var (
	drawnMu  sync.Mutex
	drawnPNG = map[string][]byte{}
)

// drawPictures draws every named built-in picture not drawn before, on as
// many cores as there are (drawing an SVG takes tens of milliseconds), and
// returns them by name. Unknown names are left out.
func drawPictures(names []string) map[string][]byte {
	out := map[string][]byte{}
	var todo []string
	drawnMu.Lock()
	for _, n := range names {
		if b, ok := drawnPNG[n]; ok {
			out[n] = b
		} else if _, dup := out[n]; !dup && (assets.HasPicture(n) || isFile(n)) {
			out[n] = nil
			todo = append(todo, n)
		}
	}
	drawnMu.Unlock()
	work := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for n := range work {
				b := drawPicture(n)
				mu.Lock()
				out[n] = b
				mu.Unlock()
			}
		})
	}
	for _, n := range todo {
		work <- n
	}
	close(work)
	wg.Wait()
	drawnMu.Lock()
	for n, b := range out {
		switch {
		case b == nil:
			delete(out, n)
		case !isFile(n): // an admin may change a file; a built-in never changes
			drawnPNG[n] = b
		}
	}
	drawnMu.Unlock()
	return out
}

// drawPicture draws one picture, 240 pixels square on white, as PNG
// bytes: a built-in one by name, or an admin's own from its file (SVG,
// PNG, JPEG or GIF, as the app shows them); nil if it cannot be drawn.
func drawPicture(name string) []byte {
	img := image.NewRGBA(image.Rect(0, 0, picturePixels, picturePixels))
	// Drawn on white, as the page is: an opaque picture goes into the PDF
	// as it is, where one with see-through parts would be unpacked and
	// packed again by the PDF library.
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	data, builtIn := assets.Picture(name)
	switch {
	case builtIn:
		if !drawSVG(img, data) {
			return nil
		}
	case isFile(name):
		data, err := os.ReadFile(name)
		if err != nil {
			return nil
		}
		var drawn bool
		if strings.EqualFold(filepath.Ext(name), ".svg") {
			drawn = drawSVG(img, data)
		} else {
			drawn = drawPhoto(img, data)
		}
		if !drawn {
			return nil
		}
	default:
		return nil
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil
	}
	return buf.Bytes()
}

// isFile reports whether a picture name is a file's path (an admin's own
// picture) rather than a built-in picture's name, as the app tells them apart.
func isFile(name string) bool {
	return strings.ContainsAny(name, `/\`) || filepath.Ext(name) != ""
}

// drawSVG draws an SVG picture over the whole of img.
func drawSVG(img *image.RGBA, data []byte) bool {
	icon, err := oksvg.ReadIconStream(bytes.NewReader(data), oksvg.IgnoreErrorMode)
	if err != nil {
		return false
	}
	icon.SetTarget(0, 0, picturePixels, picturePixels)
	scanner := rasterx.NewScannerGV(picturePixels, picturePixels, img, img.Bounds())
	icon.Draw(rasterx.NewDasher(picturePixels, picturePixels, scanner), 1)
	return true
}

// drawPhoto scales a PNG, JPEG or GIF picture to fit img, in the middle.
func drawPhoto(img *image.RGBA, data []byte) bool {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return false
	}
	b := src.Bounds()
	if b.Dx() <= 0 || b.Dy() <= 0 {
		return false
	}
	scale := float64(picturePixels) / float64(max(b.Dx(), b.Dy()))
	w, h := int(float64(b.Dx())*scale), int(float64(b.Dy())*scale)
	at := image.Rect((picturePixels-w)/2, (picturePixels-h)/2, (picturePixels-w)/2+w, (picturePixels-h)/2+h)
	xdraw.CatmullRom.Scale(img, at, src, b, xdraw.Over, nil)
	return true
}
