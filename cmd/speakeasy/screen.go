package main

import (
	"os"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/go-gl/glfw/v3.3/glfw"

	"speakeasy/app"
)

// findScreenSize tells the app how big the screen is, so that a window
// (not the kiosk, which is full screen) opens no bigger than the screen:
// a window that opens taller than the screen has its buttons below the
// edge. Fyne 2.7 has no call for the screen's size, so this asks GLFW,
// which Fyne has started by the time a window exists. It must run on the
// main goroutine before the app runs. Under another driver (the test
// driver) it does nothing.
func findScreenSize(a fyne.App) {
	if _, ok := a.Driver().(desktop.Driver); !ok {
		return
	}
	defer func() { _ = recover() }() // GLFW not started: keep Fyne's own size
	mon := glfw.GetPrimaryMonitor()
	if mon == nil {
		return
	}
	mode := mon.GetVideoMode()
	if mode == nil || mode.Width <= 0 || mode.Height <= 0 {
		return
	}
	scale := float32(1)
	if s, err := strconv.ParseFloat(os.Getenv("FYNE_SCALE"), 32); err == nil && s > 0 {
		scale = float32(s)
	}
	app.SetScreenSize(fyne.NewSize(float32(mode.Width)/scale, float32(mode.Height)/scale))
}
