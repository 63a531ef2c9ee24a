package export

import (
	"bufio"
	"compress/flate"
	"hash/crc32"
	"io"
	"os"
)

// packedRows are a big sheet's rows (Responses, Comments), made into XML
// and deflated as they come, so that the compressing happens while the
// responses are still being read from the database, on the other
// processor, and not all at the end. The compressed rows wait in a
// private temporary file (mode 0600; out of its folder at once where the
// system allows, else removed when the export ends, as excelize's own
// stream files are) until the workbook is saved; then dimensionZip puts
// them into their sheet between excelize's header row and the end of the
// sheet.
type packedRows struct {
	enc  *rowEncoder
	row  int    // the number of the last row written; the header is 1
	xml  []byte // rows not yet compressed
	zw   *flate.Writer
	file *os.File
	disk *bufio.Writer // flate writes a few hundred bytes at a time
	out  countWriter
	crc  uint32 // of the uncompressed rows
	size int64  // uncompressed bytes
	err  error
}

// packLevel is the compression level archive/zip itself uses, so the
// file is the size excelize would make.
const packLevel = 5

// packBatch is how much XML is gathered before it is compressed.
const packBatch = 256 << 10

func newPackedRows(enc *rowEncoder) (*packedRows, error) {
	file, err := os.CreateTemp("", "speakeasy-export-*")
	if err != nil {
		return nil, err
	}
	// Gone from the folder at once where the system allows it (not
	// Windows), so no answers are left behind if the export is killed;
	// the open file stays readable.
	os.Remove(file.Name())
	p := &packedRows{enc: enc, row: 1, file: file, disk: bufio.NewWriterSize(file, 256<<10)}
	p.out.w = p.disk
	p.zw, _ = flate.NewWriter(&p.out, packLevel) // the level is valid
	return p, nil
}

// add writes the next row.
func (p *packedRows) add(cells []any) error {
	p.row++
	p.xml = p.enc.appendRow(p.xml, p.row, cells)
	if len(p.xml) >= packBatch {
		p.compress()
	}
	return p.err
}

func (p *packedRows) compress() {
	if p.err == nil && len(p.xml) > 0 {
		p.crc = crc32.Update(p.crc, crc32.IEEETable, p.xml)
		p.size += int64(len(p.xml))
		_, p.err = p.zw.Write(p.xml)
	}
	p.xml = p.xml[:0]
}

// finish compresses the last rows and ends the compressed data on a byte,
// without marking it the last (the end of the sheet follows it).
func (p *packedRows) finish() error {
	p.compress()
	if p.err == nil {
		p.err = p.zw.Flush()
	}
	if p.err == nil {
		p.err = p.disk.Flush()
	}
	p.xml = nil
	return p.err
}

// reader reads the compressed rows back.
func (p *packedRows) reader() io.Reader { return io.NewSectionReader(p.file, 0, p.out.n) }

// close removes the temporary file, if it is still there.
func (p *packedRows) close() {
	p.file.Close()
	os.Remove(p.file.Name())
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// crc32Combine is the CRC-32 of a then b, from a's CRC and b's CRC and
// length. A CRC is linear, so a's part is a's CRC run on over as many
// zero bytes as b has; running 0 on over them takes out what the zeros
// themselves add. It costs a pass over len(b) zeros: milliseconds.
func crc32Combine(crcA, crcB uint32, lenB int64) uint32 {
	var zeros [32 << 10]byte
	a, z := crcA, uint32(0)
	for n := lenB; n > 0; n -= int64(len(zeros)) {
		chunk := zeros[:min(n, int64(len(zeros)))]
		a = crc32.Update(a, crc32.IEEETable, chunk)
		z = crc32.Update(z, crc32.IEEETable, chunk)
	}
	return a ^ z ^ crcB
}

// deflated is b compressed on its own: ended on a byte boundary, or, when
// last, marked as the end of the compressed data.
func deflated(b []byte, last bool) ([]byte, error) {
	var out bytesWriter
	zw, _ := flate.NewWriter(&out, packLevel)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if last {
		return out, zw.Close()
	}
	return out, zw.Flush()
}

type bytesWriter []byte

func (b *bytesWriter) Write(p []byte) (int, error) {
	*b = append(*b, p...)
	return len(p), nil
}
