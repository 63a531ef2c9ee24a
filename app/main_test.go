package app

import (
	"os"
	"testing"
)

// TestMain draws pictures before screens show: Fyne's test driver runs
// fyne.Do on the calling goroutine, so pictures drawn in the background
// would touch widgets at the same time as the test does.
func TestMain(m *testing.M) {
	drawNow = true
	os.Exit(m.Run())
}
