package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/go-pdf/fpdf"
)

// The app's own font (Fyne draws with Noto Sans), embedded so the words
// are real, selectable text that looks the same on every computer.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	fontRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	fontBold []byte
)

// The page: A4 portrait, in millimetres. Words go right of a column of
// pictures, as on the app's screens.
const (
	pageW, pageH = 210.0, 297.0
	margin       = 16.0
	footer       = 14.0 // room kept at the bottom for the page number
	headPicture  = 32.0 // a question's picture
	linePicture  = 16.0 // an answer's picture
	iconSize     = 8.0  // one small picture in a row of them
	gap          = 5.0  // space after each line
	wordsX       = margin + headPicture + 6
	wordsW       = pageW - margin - wordsX
	ptToMM       = 25.4 / 72
)

// The app's colours (app/theme.go): dark words, its blue for headings.
var (
	colourWords   = [3]int{0x1A, 0x1A, 0x1A}
	colourPrimary = [3]int{0x1F, 0x5F, 0xBF}
	colourQuiet   = [3]int{0x5E, 0x5E, 0x5E}
	colourBand    = [3]int{0xEC, 0xF1, 0xFA}
)

// looks is each style's font size in points and whether it is bold.
var looks = map[style]struct {
	size float64
	bold bool
}{
	styleTitle:   {36, true},
	styleHeading: {24, true},
	styleStrong:  {18, true},
	styleBody:    {18, false},
	styleSmall:   {14, false},
	styleQuote:   {18, false},
}

// render draws the document as a PDF.
func render(w io.Writer, d *document) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, margin)
	pdf.SetCellMargin(0)
	pdf.AddUTF8FontFromBytes("noto", "", fontRegular)
	pdf.AddUTF8FontFromBytes("noto", "B", fontBold)
	pdf.SetTitle(d.title, true)
	pdf.SetCreator("Speakeasy", true)
	pdf.SetLang(d.lang + "-GB")
	words := words{lang: d.lang}
	pdf.SetFooterFunc(func() {
		pdf.SetFont("noto", "", 12)
		pdf.SetTextColor(colourQuiet[0], colourQuiet[1], colourQuiet[2])
		pdf.SetXY(margin, pageH-margin)
		pdf.CellFormat(pageW-2*margin, 6, words.say("page", map[string]any{"x": pdf.PageNo()}), "", 0, "R", false, 0, "")
	})

	var names []string
	for _, s := range d.sections {
		for _, l := range s {
			names = append(names, l.picture, l.icon)
		}
	}
	pictures := drawPictures(names)
	for name, png := range pictures {
		pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png))
	}
	p := &pager{pdf: pdf, pictures: pictures}
	for _, s := range d.sections {
		p.newPage()
		for i, l := range s {
			if l.together > 0 {
				p.keepTogether(s[i:min(len(s), i+1+l.together)])
			}
			p.draw(l)
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("the report could not be laid out: %w", err)
	}
	return pdf.Output(w)
}

// pager draws lines down the page, starting a new page when one is full.
type pager struct {
	pdf      *fpdf.Fpdf
	pictures map[string][]byte
	y        float64
}

func (p *pager) newPage() {
	p.pdf.AddPage()
	// A band of the app's pale blue along the top, as on its screens.
	p.pdf.SetFillColor(colourBand[0], colourBand[1], colourBand[2])
	p.pdf.Rect(0, 0, pageW, 8, "F")
	p.y = margin
}

// box is where a line's parts go, worked out before it is drawn.
type box struct {
	x, width, pic, lineH float64
	lines                []string
	textH, iconsH, h     float64
}

// measure sets the line's font and works out its box: its picture's size,
// its words wrapped at spaces, and its height on the page.
func (p *pager) measure(l line) box {
	look := looks[l.style]
	font := ""
	if look.bold {
		font = "B"
	}
	p.pdf.SetFont("noto", font, look.size)
	b := box{x: wordsX, width: wordsW, pic: linePicture}
	switch {
	case l.style == styleTitle:
		b.x, b.width, b.pic = margin, pageW-2*margin, 0
	case l.style == styleHeading:
		b.pic = headPicture
	case l.picture == "":
		b.pic = 0
	}
	b.lineH = look.size * ptToMM * 1.35
	b.lines = p.pdf.SplitText(printable(l.text), b.width)
	b.textH = float64(len(b.lines)) * b.lineH
	if l.icons > 0 {
		b.iconsH = iconSize + 2
	}
	b.h = max(b.pic, b.textH+b.iconsH)
	return b
}

// keepTogether starts a new page unless the lines fit on this one, so a
// "then", its "now" and the word between them are read together.
func (p *pager) keepTogether(ls []line) {
	h := 0.0
	for _, l := range ls {
		h += p.measure(l).h + gap
	}
	if p.y+h > pageH-margin-footer && p.y > margin+headPicture {
		p.newPage()
	}
}

// draw lays out one line: its picture on the left, its words on the right
// (wrapped at spaces), and its row of small pictures under the words.
func (p *pager) draw(l line) {
	b := p.measure(l)
	if p.y+b.h > pageH-margin-footer && p.y > margin {
		p.newPage()
	}
	x, width, pic, lineH, lines, textH, iconsH, h := b.x, b.width, b.pic, b.lineH, b.lines, b.textH, b.iconsH, b.h
	top := p.y
	if pic > 0 {
		if _, ok := p.pictures[l.picture]; ok {
			p.pdf.ImageOptions(l.picture, margin+(headPicture-pic)/2, top, pic, pic, false, fpdf.ImageOptions{}, 0, "")
		}
	}
	// Words sit in the middle of a picture taller than them.
	wordsTop := top
	if pic > textH+iconsH {
		wordsTop += (pic - textH - iconsH) / 2
	}
	c := colourWords
	switch l.style {
	case styleTitle, styleHeading:
		c = colourPrimary
	case styleSmall:
		c = colourQuiet
	}
	p.pdf.SetTextColor(c[0], c[1], c[2])
	for i, s := range lines {
		p.pdf.SetXY(x, wordsTop+float64(i)*lineH)
		p.pdf.CellFormat(width, lineH, s, "", 0, "L", false, 0, "")
	}
	if l.icons > 0 {
		icon := l.icon
		if icon == "" {
			icon = l.picture
		}
		if _, ok := p.pictures[icon]; ok {
			for i := range l.icons {
				p.pdf.ImageOptions(icon, x+float64(i)*(iconSize+1.5), wordsTop+textH+1, iconSize, iconSize, false, fpdf.ImageOptions{}, 0, "")
			}
		} else {
			// An answer with no picture gets plain blocks in the app's blue.
			p.pdf.SetFillColor(colourPrimary[0], colourPrimary[1], colourPrimary[2])
			for i := range l.icons {
				p.pdf.Rect(x+float64(i)*(iconSize+1.5), wordsTop+textH+1, iconSize, iconSize, "F")
			}
		}
	}
	p.y = top + h + gap
	if l.style == styleTitle || l.style == styleHeading {
		p.y += gap
	}
}

// printable keeps the letters the PDF font can hold: it drops control
// characters and letters beyond the font's range (such as emoji), which
// the PDF library cannot measure, and turns line breaks into spaces.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case r > 0xFFFF || unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// WriteFile makes the report and saves it at path, readable only by the
// user (it is about people), replacing the file only once it is whole.
func WriteFile(path string, res *Results, o Options) error {
	d, err := plan(res, o)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".report-*.pdf")
	if err != nil {
		return fmt.Errorf("cannot save the report there: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := render(tmp, d); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot save the report: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot save the report as %s: %w", path, err)
	}
	return nil
}

// Write makes the report and writes the PDF to w.
func Write(w io.Writer, res *Results, o Options) error {
	d, err := plan(res, o)
	if err != nil {
		return err
	}
	return render(w, d)
}
