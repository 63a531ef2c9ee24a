package report

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"runtime"
	"sync"

	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"

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
		} else if _, dup := out[n]; !dup && assets.HasPicture(n) {
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
		if b == nil {
			delete(out, n)
		} else {
			drawnPNG[n] = b
		}
	}
	drawnMu.Unlock()
	return out
}

// drawPicture rasterises one built-in SVG picture to PNG bytes; nil if it
// cannot be drawn.
func drawPicture(name string) []byte {
	data, ok := assets.Picture(name)
	if !ok {
		return nil
	}
	icon, err := oksvg.ReadIconStream(bytes.NewReader(data), oksvg.IgnoreErrorMode)
	if err != nil {
		return nil
	}
	icon.SetTarget(0, 0, picturePixels, picturePixels)
	// Drawn on white, as the page is: an opaque picture goes into the PDF
	// as it is, where one with see-through parts would be unpacked and
	// packed again by the PDF library.
	img := image.NewRGBA(image.Rect(0, 0, picturePixels, picturePixels))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	scanner := rasterx.NewScannerGV(picturePixels, picturePixels, img, img.Bounds())
	icon.Draw(rasterx.NewDasher(picturePixels, picturePixels, scanner), 1)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil
	}
	return buf.Bytes()
}
