package editor

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/app"
	"speakeasy/assets"
)

// picturePicker chooses a picture: one of the built-in pictures, found by
// a word, or a file. It shows the one chosen as it will look.
type picturePicker struct {
	search  *widget.Entry
	found   []string
	list    *widget.List
	preview *canvas.Image
	name    *widget.Label
	pick    func(name string) // the picture's name or file path; "" for none
	files   filePicker
}

// pictureExts are the picture files Speakeasy can show.
var pictureExts = []string{".svg", ".png", ".jpg", ".jpeg"}

func newPicturePicker(current string, files filePicker, pick func(string)) *picturePicker {
	pp := &picturePicker{pick: pick, files: files, name: widget.NewLabel("")}
	pp.name.Wrapping = fyne.TextWrapWord
	pp.preview = canvas.NewImageFromResource(nil)
	pp.preview.FillMode = canvas.ImageFillContain
	pp.preview.SetMinSize(fyne.NewSquareSize(128))
	pp.search = widget.NewEntry()
	pp.search.SetPlaceHolder(lang.L("Find a picture: type a word, like happy or school"))
	pp.list = widget.NewList(func() int { return len(pp.found) },
		func() fyne.CanvasObject {
			img := canvas.NewImageFromResource(nil)
			img.FillMode = canvas.ImageFillContain
			img.SetMinSize(fyne.NewSquareSize(40))
			return container.NewBorder(nil, nil, img, nil, widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(pp.found[i])
			img := c.Objects[1].(*canvas.Image)
			img.Resource = app.PictureResource(pp.found[i])
			img.Refresh()
		})
	pp.list.OnSelected = func(i widget.ListItemID) { pp.choose(pp.found[i]) }
	pp.search.OnChanged = pp.find
	pp.find("")
	pp.show(current)
	return pp
}

// find lists the built-in pictures that match word, or all of them.
func (pp *picturePicker) find(word string) {
	if strings.TrimSpace(word) == "" {
		pp.found = assets.PictureNames()
	} else {
		pp.found = assets.SearchPictures(word)
	}
	pp.list.UnselectAll()
	pp.list.Refresh()
	pp.list.ScrollToTop()
}

// choose makes name the picture and shows it.
func (pp *picturePicker) choose(name string) {
	pp.show(name)
	pp.pick(name)
}

func (pp *picturePicker) show(name string) {
	if name == "" {
		pp.name.SetText(lang.L("No picture"))
	} else {
		pp.name.SetText(name)
	}
	pp.preview.Resource = previewPicture(name)
	pp.preview.Refresh()
}

// view lays the picker out: the search and what it found on the left, the
// chosen picture and the other ways to choose on the right.
func (pp *picturePicker) view() fyne.CanvasObject {
	none := widget.NewButton(lang.L("No picture"), func() {
		pp.list.UnselectAll()
		pp.choose("")
	})
	file := widget.NewButton(lang.L("Use a picture file"), func() {
		pp.files.open(pictureExts, func(path string) {
			pp.list.UnselectAll()
			pp.choose(path)
		})
	})
	tall := canvas.NewRectangle(color.Transparent)
	tall.SetMinSize(fyne.NewSize(240, 200))
	wide := canvas.NewRectangle(color.Transparent)
	wide.SetMinSize(fyne.NewSize(200, 0))
	right := container.NewVBox(wide, pp.preview, pp.name, none, file)
	return container.NewBorder(pp.search, nil, nil, right, container.NewStack(tall, pp.list))
}

// previewPicture is a built-in picture by name, or a picture file by its
// path, or nil.
func previewPicture(name string) fyne.Resource {
	if r := app.PictureResource(name); r != nil || name == "" {
		return r
	}
	r, err := fyne.LoadResourceFromPath(name)
	if err != nil {
		return nil
	}
	return r
}

// picturePart is a picker for a question's or the survey's picture, on the
// form itself.
func (e *editor) picturePart(pic *string, k noteKey) fyne.CanvasObject {
	e.fileNote(*pic, k)
	pp := newPicturePicker(*pic, e.p.files, func(name string) {
		*pic = name
		e.fileNote(name, k)
		e.change()
	})
	e.inputs[k] = pp
	return pp.view()
}

// pictureButton shows an answer's picture small, with a button that opens
// a picker in a dialog.
func (e *editor) pictureButton(pic *string, k noteKey) fyne.CanvasObject {
	thumb := canvas.NewImageFromResource(previewPicture(*pic))
	thumb.FillMode = canvas.ImageFillContain
	thumb.SetMinSize(fyne.NewSquareSize(40))
	name := widget.NewLabel(*pic)
	if *pic == "" {
		name.SetText(lang.L("No picture"))
	}
	pp := newPicturePicker(*pic, e.p.files, func(n string) {
		*pic = n
		thumb.Resource = previewPicture(n)
		thumb.Refresh()
		name.SetText(n)
		if n == "" {
			name.SetText(lang.L("No picture"))
		}
		e.fileNote(n, k)
		e.change()
	})
	kp := k
	kp.field = "picture"
	e.inputs[kp] = pp
	choose := widget.NewButton(lang.L("Choose a picture"), func() {
		d := dialog.NewCustom(lang.L("Choose a picture"), lang.L("Done"), atDesk(pp.view()), e.p.win)
		d.Resize(fyne.NewSize(720, 520))
		d.Show()
	})
	return container.NewBorder(nil, nil, thumb, choose, name)
}
