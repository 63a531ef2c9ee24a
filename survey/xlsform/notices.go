package xlsform

import (
	"fmt"
	"sort"
	"strings"
)

// A big form can leave out the same kind of thing on many rows; an admin
// needs to read that once, with the rows, not once a row. Notices are
// collected as pending ones keyed by their kind and put together at the end.

// pending is one kind of notice on one sheet, with every row it is about.
type pending struct {
	at      Place    // the first place
	format  string   // the words; "%s" in them is where the details go
	details []string // one per row, such as the names left out
	rows    []int
}

// notice notes msg at p; the same words on the same sheet are said once.
func (rd *reader) notice(p Place, msg string) { rd.note(msg, p, msg, "") }

// note notes a notice of a kind (key). format's "%s", if any, becomes the
// details of every row of that kind, such as "age, height and 3 more".
func (rd *reader) note(key string, p Place, format, detail string) {
	key = p.Sheet + "\x00" + key
	n := rd.noteAt[key]
	if n == nil {
		n = &pending{at: p, format: format}
		rd.noteAt[key] = n
		rd.notes = append(rd.notes, n)
	}
	if detail != "" {
		n.details = append(n.details, detail)
	}
	if p.Row > 0 {
		n.rows = append(n.rows, p.Row)
	}
}

// notices gives the notices in the order an admin reads the workbook:
// survey, choices, settings, then other sheets, each by its first row.
func (rd *reader) notices() []Notice {
	rank := func(sheet string) int {
		switch sheet {
		case "survey":
			return 0
		case "choices":
			return 1
		case "settings":
			return 2
		}
		return 3
	}
	out := make([]Notice, 0, len(rd.notes))
	for _, n := range rd.notes {
		rows := uniqueSorted(n.rows)
		at := n.at
		if len(rows) > 0 {
			at.Row = rows[0]
		}
		msg := n.format
		if strings.Contains(msg, "%s") {
			msg = strings.Replace(msg, "%s", someOf(uniqueInOrder(n.details), 6), 1)
		}
		nt := Notice{Place: at, Message: msg}
		if len(rows) > 1 {
			nt.Rows = rows
		}
		out = append(out, nt)
	}
	sort.SliceStable(out, func(a, b int) bool {
		ra, rb := rank(out[a].Sheet), rank(out[b].Sheet)
		if ra != rb {
			return ra < rb
		}
		return out[a].Row < out[b].Row
	})
	return out
}

func uniqueSorted(rows []int) []int {
	sort.Ints(rows)
	var out []int
	for i, r := range rows {
		if i == 0 || r != rows[i-1] {
			out = append(out, r)
		}
	}
	return out
}

func uniqueInOrder(words []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range words {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// someOf lists up to max words, then says how many more there are.
func someOf(words []string, max int) string {
	if len(words) <= max {
		return andList(words)
	}
	return fmt.Sprintf("%s and %d more", strings.Join(words[:max], ", "), len(words)-max)
}
