package xlsform

import (
	"fmt"
	"slices"
	"strings"

	"speakeasy/survey"
)

// The jargon sheet holds the survey's own hard words (survey.Survey.Jargon),
// each with a plainer word, for the easy-read checker. Like the label
// column on the survey sheet, there is a "word" and a "plainer" column for
// each language ("word::English (en)", "plainer::English (en)"); without a
// language they are in the form's default language. pyxform, ODK and
// KoboToolbox read only their own sheets, so the form builds as before.

const jargonSheet = "jargon"

// readJargon reads the jargon sheet into s.Jargon. A word with no plainer
// word, or the other way round, and a word twice in one language, are
// errors naming the cell.
func (rd *reader) readJargon(t *table, s *survey.Survey) {
	plainer := map[string]int{} // the plainer column of each language
	for _, i := range t.cols("plainer") {
		if l := rd.lang(t.headers[i]); plainer[l] == 0 {
			plainer[l] = i + 1 // 0 is none
		}
	}
	words := t.cols("word")
	if len(t.rows) > 0 && len(words) == 0 {
		rd.fail(Place{Sheet: jargonSheet, Row: 1}, "the sheet needs a word column and a plainer column, like word::English (en) and plainer::English (en).")
		return
	}
	type pair struct {
		lang          string
		word, plainer int
	}
	var pairs []pair
	for _, i := range words {
		lang := rd.lang(t.headers[i])
		if plainer[lang] == 0 {
			rd.fail(Place{Sheet: jargonSheet, Row: 1, Column: t.headers[i].text},
				fmt.Sprintf("the words in this column need a column beside them with plainer words, like plainer::%s.", langHeader(lang)))
			continue
		}
		pairs = append(pairs, pair{lang, i, plainer[lang] - 1})
	}
	seen := map[string]int{}   // language and word: its row
	for _, r := range t.rows { // row by row, so the list keeps its order
		for _, p := range pairs {
			w, pw := strings.Join(strings.Fields(t.cell(r, p.word)), " "), t.cell(r, p.plainer)
			key := p.lang + "\x00" + strings.ToLower(w)
			switch {
			case w == "" && pw == "":
			case w == "":
				rd.fail(t.place(r, p.word), fmt.Sprintf("the plainer words %q have no hard word beside them.", pw))
			case pw == "":
				rd.fail(t.place(r, p.plainer), fmt.Sprintf("write plainer words to use instead of %q.", w))
			case seen[key] > 0:
				rd.fail(t.place(r, p.word), fmt.Sprintf("%q is on row %d already.", w, seen[key]))
			default:
				seen[key] = r.num
				s.Jargon = append(s.Jargon, survey.JargonWord{Lang: p.lang, Words: w, Plainer: pw})
			}
		}
	}
}

// jargonSheetOf is the jargon sheet for s, one row a word, or nil when
// the survey has no hard words of its own.
func jargonSheetOf(s *survey.Survey, langs []string) *sheet {
	if len(s.Jargon) == 0 {
		return nil
	}
	langs = append([]string(nil), langs...)
	for _, j := range s.Jargon {
		if !slices.Contains(langs, j.Lang) {
			langs = append(langs, j.Lang)
		}
	}
	sh := newSheet(jargonSheet)
	for _, j := range s.Jargon {
		h := langHeader(j.Lang)
		sh.rows = append(sh.rows, map[string]string{"word::" + h: j.Words, "plainer::" + h: j.Plainer})
	}
	for _, l := range langs {
		if h := langHeader(l); sh.used("word::" + h) {
			sh.columns = append(sh.columns, "word::"+h, "plainer::"+h)
		}
	}
	return sh
}
