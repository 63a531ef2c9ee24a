package report

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"speakeasy/assets"
	"speakeasy/survey"
)

func TestDrawPicture_BuiltInsAndFiles(t *testing.T) {
	dir := t.TempDir()
	photo := filepath.Join(dir, "our-hall.png")
	img := image.NewNRGBA(image.Rect(0, 0, 60, 30)) // wide, so it is fitted in the middle
	for x := range 60 {
		for y := range 30 {
			img.Set(x, y, color.NRGBA{R: 200, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	svg, _ := assets.Picture("bus")
	files := map[string][]byte{photo: buf.Bytes(), filepath.Join(dir, "bus.svg"): svg, filepath.Join(dir, "broken.png"): []byte("not a picture")}
	for name, data := range files {
		if err := os.WriteFile(name, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		ok   bool
	}{
		{"bus", true},
		{photo, true},
		{filepath.Join(dir, "bus.svg"), true},
		{filepath.Join(dir, "broken.png"), false},
		{filepath.Join(dir, "missing.png"), false},
		{"no-such-picture", false},
		{"../assets/pictures/bus", false}, // not a way out of the built-ins
	}
	for _, tt := range tests {
		b := drawPicture(tt.name)
		if (b != nil) != tt.ok {
			t.Errorf("drawPicture(%q) drew %v, want %v", tt.name, b != nil, tt.ok)
			continue
		}
		if b == nil {
			continue
		}
		got, err := png.Decode(bytes.NewReader(b))
		if err != nil || got.Bounds().Dx() != picturePixels || got.Bounds().Dy() != picturePixels {
			t.Errorf("%q: %v, %v", tt.name, got.Bounds(), err)
			continue
		}
		// Drawn on white; the wide photo leaves white above it and red in the middle.
		if r, g, bl, _ := got.At(0, 0).RGBA(); r>>8 != 255 || g>>8 != 255 || bl>>8 != 255 {
			t.Errorf("%q: the corner is %v, want white", tt.name, got.At(0, 0))
		}
		if tt.name == photo {
			if r, g, _, _ := got.At(picturePixels/2, picturePixels/2).RGBA(); r>>8 < 190 || g>>8 > 20 {
				t.Errorf("the photo's middle is %v, want its red", got.At(picturePixels/2, picturePixels/2))
			}
		}
	}
}

// A survey with words the font cannot hold, no pictures, and pictures that
// are not there still makes a report, with every word it can print.
func TestReport_OddWordsAndPictures(t *testing.T) {
	db, _ := mustOpenDB(t)
	s := &survey.Survey{ID: "odd", Version: 1, Languages: []string{"cy"}, Title: survey.Text{"cy": "Hwyl 🎉 yn y dŵr"},
		Questions: []survey.Question{
			{ID: "q", Kind: survey.KindOne, Picture: "/no/such/file.png", Text: survey.Text{"cy": "Ble mae'r ŵyn?\nYn y cae 🐑"},
				Choices: []survey.Choice{{Value: "a", Text: survey.Text{"cy": "Tŷ"}}, {Value: "b", Text: survey.Text{"cy": "Cae"}, Picture: "no-such-picture"}}}}}
	if _, err := db.Publish(s); err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		mustSave(t, db, s, "Diwrnod", time.Date(2024, 7, 1, 10, i, 0, 0, time.Local), map[string]survey.Answer{"q": {[]string{"a", "b"}[i%2]}})
	}
	text := mustReport(t, db, Filter{SurveyID: "odd"}, Options{Lang: "cy"})
	assertContains(t, text, "Hwyl yn y dŵr", "Ble mae'r ŵyn? Yn y cae", "Dywedodd 6 o bobl “Tŷ”.", "Dywedodd 6 o bobl “Cae”.")
	if strings.Contains(text, "🎉") {
		t.Error("an emoji the font cannot hold reached the PDF")
	}
	if _, err := Tally(context.Background(), db, Filter{SurveyID: "odd"}); err != nil {
		t.Fatal(err)
	}
}
