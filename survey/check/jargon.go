package check

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"speakeasy/survey"
)

//go:embed jargon.txt
var starterText string

// StarterText is the built-in jargon list as an editable text file, for an
// admin to copy and change.
func StarterText() string { return starterText }

// Entry is one hard word or phrase and what to say instead.
type Entry struct {
	Lang  string // language code, "en" unless the file says otherwise
	Words string // the hard words as the list has them ("EHC plan")
	Plain string // the plainer words, or the explanation when Explain is set
	// Explain marks a term that is fine once explained the first time it is used.
	Explain bool
	// Own marks a word from the survey's own list (survey.Survey.Jargon):
	// the people who answer this survey found it hard.
	Own bool
}

// Jargon is a list of hard words, by language.
type Jargon struct {
	entries []Entry
}

// Entries returns every entry, in the list's order.
func (j *Jargon) Entries() []Entry { return append([]Entry(nil), j.entries...) }

// starter is the built-in list, parsed once.
var starter = sync.OnceValue(func() *Jargon {
	j, err := ParseJargon(strings.NewReader(starterText))
	if err != nil {
		panic("check: the built-in jargon.txt is broken: " + err.Error())
	}
	return j
})

// Starter returns the built-in list.
func Starter() *Jargon { return starter() }

// LoadJargon reads a jargon list from a file.
func LoadJargon(path string) (*Jargon, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the word list: %w", err)
	}
	defer f.Close()
	j, err := ParseJargon(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return j, nil
}

// ParseJargon reads a jargon list in the format of jargon.txt:
// "hard words -> plainer words" or "term -> explain: what it means", one a
// line, with "# notes" and "[lang]" lines.
func ParseJargon(r io.Reader) (*Jargon, error) {
	j := &Jargon{}
	lang := "en"
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			lang = strings.TrimSpace(line[1 : len(line)-1])
			if lang == "" {
				return nil, fmt.Errorf("line %d: write a language code between [ and ], like [cy]", n)
			}
			continue
		}
		hard, plain, ok := strings.Cut(line, "->")
		hard, plain = strings.TrimSpace(hard), strings.TrimSpace(plain)
		if !ok || hard == "" || plain == "" {
			return nil, fmt.Errorf("line %d: write each entry as \"hard words -> plainer words\"", n)
		}
		e := Entry{Lang: lang, Words: hard, Plain: plain}
		if rest, ok := strings.CutPrefix(plain, "explain:"); ok {
			e.Explain, e.Plain = true, strings.TrimSpace(rest)
			if e.Plain == "" {
				return nil, fmt.Errorf("line %d: say what %q means after \"explain:\"", n, hard)
			}
		}
		if len(words(e.Words)) == 0 {
			return nil, fmt.Errorf("line %d: %q has no words to look for", n, hard)
		}
		j.entries = append(j.entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cannot read the word list: %w", err)
	}
	return j, nil
}

// WithSurvey is list (nil: the starter list) with s's own hard words on
// top: an entry of s replaces the list's entry for the same words in the
// same language, and comes first among entries of as many words.
func WithSurvey(list *Jargon, s *survey.Survey) *Jargon {
	if list == nil {
		list = Starter()
	}
	if s == nil || len(s.Jargon) == 0 {
		return list
	}
	out := &Jargon{}
	own := map[string]bool{}
	for _, j := range s.Jargon {
		e := Entry{Lang: j.Lang, Words: strings.TrimSpace(j.Words), Plain: strings.TrimSpace(j.Plainer), Own: true}
		if e.Lang == "" || len(words(e.Words)) == 0 || e.Plain == "" {
			continue // survey.Validate says what is wrong; the check goes on without it
		}
		out.entries = append(out.entries, e)
		own[entryKey(e)] = true
	}
	for _, e := range list.entries {
		if !own[entryKey(e)] {
			out.entries = append(out.entries, e)
		}
	}
	return out
}

// entryKey is an entry's language and words, as entries are compared.
func entryKey(e Entry) string {
	var ws []string
	for _, w := range words(e.Words) {
		ws = append(ws, w.lower)
	}
	return baseLang(e.Lang) + "\x00" + strings.Join(ws, " ")
}
