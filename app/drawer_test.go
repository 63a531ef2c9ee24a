package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestPicture_DrawnInTheBackground runs the background drawer, which the
// other tests skip (TestMain sets drawNow): a new picture shows at once,
// empty, and its image arrives from the drawer, which also keeps it for the
// next time.
func TestPicture_DrawnInTheBackground(t *testing.T) {
	test.NewTempApp(t)
	drawNow = false
	defer func() { drawNow = true }()
	const size = 77 // a size no other test draws, so it is not kept yet
	img := newPicture("red-heart", size)
	// The drawer runs one job at a time, in order: when this one runs, the
	// picture's job (drawing and fyne.Do) is done.
	done := make(chan struct{})
	drawQueue <- func() { close(done) }
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the background drawer did not draw the picture")
	}
	if img.Image == nil || img.Image.Bounds().Dx() != size {
		t.Fatalf("the drawn picture is %v", img.Image)
	}
	again := newPicture("red-heart", size)
	if again.Image != img.Image {
		t.Error("the drawer did not keep the picture for the next time")
	}
}
