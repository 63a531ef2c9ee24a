package export

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"regexp"
)

// A streamed sheet's <dimension ref="…"/> (the range its cells fill) is
// written when the stream starts, before anyone knows how many rows it
// will hold, so excelize writes "A1". Readers that trust it, like
// openpyxl in read-only mode, then see only the first cell. The
// workbook's zip passes through dimensionZip, which puts the true range
// into each streamed sheet as it goes by.

// dimensionZip is a zip writer that fixes the dimension of the parts
// named in refs (part name to range, like "A1:W101").
type dimensionZip struct {
	*zip.Writer
	refs map[string]string
	open *dimensionWriter // the part being written, if it is one of refs
}

func newDimensionZip(w io.Writer, refs map[string]string) *dimensionZip {
	return &dimensionZip{Writer: zip.NewWriter(w), refs: refs}
}

func (z *dimensionZip) AddFS(fsys fs.FS) error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.Writer.AddFS(fsys)
}

func (z *dimensionZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	w, err := z.Writer.Create(name)
	if ref, ok := z.refs[name]; ok && err == nil {
		z.open = &dimensionWriter{w: w, ref: ref}
		return z.open, nil
	}
	return w, err
}

func (z *dimensionZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.Writer.Close()
}

// flush writes out what the last part held back, if it was too short to
// reach a dimension element.
func (z *dimensionZip) flush() error {
	d := z.open
	z.open = nil
	if d == nil || d.done {
		return nil
	}
	d.done = true
	_, err := d.w.Write(d.head)
	return err
}

// dimensionWriter holds back the start of a sheet until its dimension
// element has gone by, and rewrites it.
type dimensionWriter struct {
	w    io.Writer
	ref  string
	head []byte
	done bool
}

var dimensionElement = regexp.MustCompile(`<dimension ref="[^"]*"\s*(/>|></dimension>)`)

// maxHead is how far into a sheet the dimension is looked for: it comes
// straight after the root element and the sheet's properties.
const maxHead = 4096

func (d *dimensionWriter) Write(b []byte) (int, error) {
	if d.done {
		return d.w.Write(b)
	}
	d.head = append(d.head, b...)
	loc := dimensionElement.FindIndex(d.head)
	if loc == nil && len(d.head) < maxHead {
		return len(b), nil
	}
	d.done = true
	out := d.head
	if loc != nil {
		out = bytes.Join([][]byte{d.head[:loc[0]], []byte(`<dimension ref="` + d.ref + `"/>`), d.head[loc[1]:]}, nil)
	}
	d.head = nil
	if _, err := d.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}
