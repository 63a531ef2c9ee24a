package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"speakeasy/survey"
)

// SPSS syntax for a CSV export: the codebook as SPSS and GNU PSPP read it.
// It reads the CSV file beside it with each column's type, gives every
// column its question's words and every code its answer's words, marks
// the missing-value codes, and saves an .sav file. PSPP cannot read a
// line break inside a quoted CSV field, which is why the CSV file has
// none (see csvText).

// spssMaxLabel is how long a label may be, in bytes, in an .sav file.
const spssMaxLabel = 250

// writeSPSS writes the syntax for the CSV file named csvName (in the same
// folder) to w; savName is the .sav file it makes.
func (p *plan) writeSPSS(w io.Writer, csvName, savName string) error {
	bw := bufio.NewWriter(w)
	names := p.spssNames()
	fmt.Fprintf(bw, "* Encoding: UTF-8.\n")
	fmt.Fprintf(bw, "* Speakeasy's codebook for %s, survey %s: SPSS syntax that reads the file\n", csvName, p.surveyID)
	fmt.Fprintf(bw, "* with its labels and saves it as %s. Run it in the folder that holds\n", savName)
	fmt.Fprintf(bw, "* %s, for example with GNU PSPP: pspp %s.sps\n", csvName, strings.TrimSuffix(savName, ".sav"))
	fmt.Fprintf(bw, "* In a column of numbers, %d stands for \"I don't know\" and %d for\n", codeDontKnow, codePreferNot)
	fmt.Fprintf(bw, "* \"I don't want to say\": both are declared missing values.\n\n")

	fmt.Fprintf(bw, "GET DATA\n  /TYPE=TXT\n  /FILE=%s\n  /ENCODING='UTF-8'\n", spssString(csvName))
	fmt.Fprintf(bw, "  /ARRANGEMENT=DELIMITED\n  /DELCASE=LINE\n  /FIRSTCASE=2\n  /DELIMITERS=','\n  /QUALIFIER='\"'\n  /VARIABLES=\n")
	for i, c := range p.cols {
		fmt.Fprintf(bw, "    %s %s\n", names[i], spssFormat(c))
	}
	fmt.Fprintf(bw, ".\n\nVARIABLE LABELS\n")
	for i := range p.cols {
		sep := "  /"
		if i == 0 {
			sep = "  "
		}
		fmt.Fprintf(bw, "%s%s %s\n", sep, names[i], spssString(p.columnLabel(i)))
	}
	fmt.Fprintf(bw, ".\n")
	p.writeValueLabels(bw, names)
	var missing []string
	for i, c := range p.cols {
		if c.missing {
			missing = append(missing, names[i])
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(bw, "\nMISSING VALUES %s (%d, %d).\n", strings.Join(missing, " "), codeDontKnow, codePreferNot)
	}
	fmt.Fprintf(bw, "\nSAVE OUTFILE=%s.\n", spssString(savName))
	return bw.Flush()
}

// writeValueLabels gives codes their words: each choice of a question
// written as codes, and _complete.
func (p *plan) writeValueLabels(w io.Writer, names []string) {
	var sets []string
	for i, c := range p.cols {
		var pairs []string
		switch {
		case i == p.meta+metaComplete:
			pairs = []string{"1 " + spssString(p.w("Complete")), "0 " + spssString(p.w("Not finished"))}
		case c.q != nil && c.option < 0 && p.codes && c.q.def.Kind.HasOptions() && c.q.def.Kind != survey.KindMany:
			for _, o := range c.q.opts {
				code := spssString(o.value)
				if c.q.numeric {
					code = number(codeNumber(o.value).(float64))
				}
				pairs = append(pairs, code+" "+spssString(o.label))
			}
		}
		if len(pairs) > 0 {
			sets = append(sets, names[i]+"\n    "+strings.Join(pairs, "\n    "))
		}
	}
	if len(sets) > 0 {
		fmt.Fprintf(w, "\nVALUE LABELS\n  %s\n.\n", strings.Join(sets, "\n  /"))
	}
}

// columnLabel is what a column holds, in words.
func (p *plan) columnLabel(i int) string {
	c := p.cols[i]
	switch {
	case c.q == nil:
		return p.w(metaColumns[i-p.meta].about)
	case c.option >= 0:
		return p.text(c.q) + ": " + c.q.opts[c.option].label
	}
	return p.text(c.q)
}

// spssFormat is a column's type and width as GET DATA reads it.
func spssFormat(c column) string {
	switch c.format {
	case formatNumber:
		return fmt.Sprintf("F%d.%d", min(max(c.longest, c.decimals+2, 8), 40), min(c.decimals, 16))
	case formatDate:
		return "SDATE10"
	}
	width := c.longest
	if c.q != nil && c.option < 0 {
		for _, o := range c.q.opts { // a code no one chose still gets its label
			width = max(width, len(o.value))
		}
	}
	return fmt.Sprintf("A%d", min(max(width, 1), 32767))
}

// spssNames are the columns' variable names: the question IDs (and
// ID_choice for a choice's 1/0 column), the details without their
// leading "_", each made a name SPSS accepts and unique.
func (p *plan) spssNames() []string {
	names := make([]string, len(p.cols))
	used := map[string]bool{}
	for i, c := range p.cols {
		name := ""
		switch {
		case c.q == nil:
			name = strings.TrimLeft(c.header, "_")
		case c.option >= 0:
			name = c.q.id + "_" + c.q.opts[c.option].value
		default:
			name = c.q.id
		}
		name = spssName(name)
		base := name
		for n := 2; used[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s_%d", base, n)
		}
		used[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// spssReserved are the words SPSS keeps for itself.
var spssReserved = map[string]bool{"ALL": true, "AND": true, "BY": true, "EQ": true, "GE": true, "GT": true,
	"LE": true, "LT": true, "NE": true, "NOT": true, "OR": true, "TO": true, "WITH": true}

// spssName makes s a variable name SPSS accepts: a letter first, then
// letters, digits and _ . only, not ending in ".", 64 bytes at most.
func spssName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	name := strings.TrimRight(b.String(), ".")
	if name == "" || spssReserved[strings.ToUpper(name)] || !unicode.IsLetter(firstRune(name)) {
		name = "v" + name
	}
	for len(name) > 60 { // room for a _2 to keep it unique
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	return name
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// spssString quotes s for SPSS syntax, on one line, cut to a label's
// length, in pieces joined by + so that no line grows long.
func spssString(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for len(s) > spssMaxLabel {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	var parts []string
	for len(s) > 60 {
		cut := 60
		for !utf8.RuneStart(s[cut]) {
			cut--
		}
		parts = append(parts, s[:cut])
		s = s[cut:]
	}
	parts = append(parts, s)
	for i, part := range parts {
		parts[i] = "'" + strings.ReplaceAll(part, "'", "''") + "'"
	}
	return strings.Join(parts, " +\n      ")
}
