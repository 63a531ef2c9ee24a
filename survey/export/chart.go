package export

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The chart's colours. Every bar has the one colour, since the colour
// means nothing; words and numbers are near-black on white (contrast
// about 17:1, well above the 4.5:1 that WCAG asks of text).
const (
	barColour  = "2F5597"
	textColour = "1A1A1A"
)

// chart is a block's bar chart: one bar per row of its table from row
// first, the value axis from zero, the count at the end of each bar and
// the question as the title.
func (p *plan) chart(sheet string, b block, first int) *excelize.Chart {
	last := first + len(b.cats) - 1
	ref := quoteSheet(sheet)
	most := 0
	for _, c := range b.cats {
		most = max(most, c.count)
	}
	zero := 0.0
	text := excelize.Font{Color: textColour, Size: 10}
	noVary := false
	gap := uint(60)
	return &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:              fmt.Sprintf("%s!$B$%d", ref, first-1),
			Categories:        fmt.Sprintf("%s!$A$%d:$A$%d", ref, first, last),
			Values:            fmt.Sprintf("%s!$B$%d:$B$%d", ref, first, last),
			Fill:              excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{barColour}},
			DataLabel:         excelize.ChartDataLabel{Font: text},
			DataLabelPosition: excelize.ChartDataLabelsPositionOutsideEnd,
		}},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.title,
			Font: &excelize.Font{Bold: true, Color: textColour, Size: 12}}}},
		VaryColors: &noVary,
		GapWidth:   &gap,
		Legend:     excelize.ChartLegend{Position: "none"},
		Dimension:  excelize.ChartDimension{Width: chartWidth, Height: uint(chartRows(b) * rowPixels)},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: text},
		YAxis: excelize.ChartAxis{Minimum: &zero, MajorGridLines: true, Font: text,
			MajorUnit: roundStep(float64(max(most, 1))/5, true)},
	}
}

// quoteSheet is a sheet's name as a formula refers to it.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
