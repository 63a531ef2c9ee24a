package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"regexp"
)

// A streamed sheet's <dimension ref="…"/> (the range its cells fill) is
// written when the stream starts, before anyone knows how many rows it
// will hold, so excelize writes "A1". Readers that trust it, like
// openpyxl in read-only mode, then see only the first cell. The
// workbook's zip passes through dimensionZip, which puts the true range
// into each streamed sheet as it goes by, and the packed rows (packed.go)
// into the sheets excelize wrote with their header row only.

// sheetPart is what dimensionZip changes in one part: its dimension, and the
// rows to put in (nil when excelize wrote them all).
type sheetPart struct {
	ref  string
	rows *packedRows
}

// dimensionZip is a zip writer that fixes the dimension of the parts
// named in parts (part name to its range, like "A1:W101") and puts the
// packed rows into those that have them.
type dimensionZip struct {
	*zip.Writer
	parts map[string]sheetPart
	open  *dimensionWriter // the part being written, if it is one of parts
	whole *wholePart       // the part being gathered to take packed rows
}

// wholePart is a sheet excelize writes with its header row only, kept
// until its end to put the packed rows in.
type wholePart struct {
	name string
	part sheetPart
	xml  bytesWriter
}

func newDimensionZip(w io.Writer, parts map[string]sheetPart) *dimensionZip {
	return &dimensionZip{Writer: zip.NewWriter(w), parts: parts}
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
	part, ok := z.parts[name]
	if ok && part.rows != nil {
		z.whole = &wholePart{name: name, part: part}
		return &z.whole.xml, nil
	}
	w, err := z.Writer.Create(name)
	if ok && err == nil {
		z.open = &dimensionWriter{w: w, ref: part.ref}
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
// reach a dimension element, or the whole of a part taking packed rows.
func (z *dimensionZip) flush() error {
	if w := z.whole; w != nil {
		z.whole = nil
		return z.writeWhole(w)
	}
	d := z.open
	z.open = nil
	if d == nil || d.done {
		return nil
	}
	d.done = true
	_, err := d.w.Write(d.head)
	return err
}

// writeWhole writes a sheet with its packed rows after excelize's, just
// before </sheetData>. The rows are compressed already: the start and the
// end of the sheet are compressed on their own and the three put one after
// the other, which the deflate format allows, so the part goes into the
// zip as it is, with the CRC of the whole worked out from its pieces'.
func (z *dimensionZip) writeWhole(w *wholePart) error {
	rows := w.part.rows
	if err := rows.finish(); err != nil {
		return err
	}
	end := bytes.LastIndex(w.xml, []byte("</sheetData>"))
	if end < 0 {
		return fmt.Errorf("the sheet %s has no end to its rows", w.name)
	}
	head, tail := withDimension(w.xml[:end], w.part.ref), w.xml[end:]
	crc := crc32.ChecksumIEEE(head)
	crc = crc32Combine(crc, rows.crc, rows.size)
	crc = crc32.Update(crc, crc32.IEEETable, tail)
	packedHead, err := deflated(head, false)
	if err != nil {
		return err
	}
	packedTail, err := deflated(tail, true)
	if err != nil {
		return err
	}
	out, err := z.Writer.CreateRaw(&zip.FileHeader{
		Name: w.name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64:   uint64(len(packedHead)) + uint64(rows.out.n) + uint64(len(packedTail)),
		UncompressedSize64: uint64(len(head)) + uint64(rows.size) + uint64(len(tail)),
	})
	if err != nil {
		return err
	}
	if _, err := out.Write(packedHead); err != nil {
		return err
	}
	if _, err := io.Copy(out, rows.reader()); err != nil {
		return err
	}
	_, err = out.Write(packedTail)
	return err
}

// withDimension is the start of a sheet with its dimension set to ref.
func withDimension(head []byte, ref string) []byte {
	loc := dimensionElement.FindIndex(head)
	if loc == nil {
		return head
	}
	return bytes.Join([][]byte{head[:loc[0]], []byte(`<dimension ref="` + ref + `"/>`), head[loc[1]:]}, nil)
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
	out := withDimension(d.head, d.ref)
	d.head = nil
	if _, err := d.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}
