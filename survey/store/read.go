package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"speakeasy/survey"
)

// StoredAnswer is one answer as it is kept: the question's ID and the
// value as survey.Answer.Encode wrote it. Decoding needs the question's kind
// in the response's own survey version, which the reader knows best.
type StoredAnswer struct {
	Question string
	Value    string
}

// SurveyVersions reads every stored version of a survey, oldest first.
func (db *DB) SurveyVersions(id string) ([]*survey.Survey, error) {
	rows, err := db.sql.Query(`SELECT version, definition FROM survey_versions WHERE survey_id = ? ORDER BY version`, id)
	if err != nil {
		return nil, explainOpen(err)
	}
	defer rows.Close()
	var out []*survey.Survey
	for rows.Next() {
		var version int
		var body string
		if err := rows.Scan(&version, &body); err != nil {
			return nil, err
		}
		s, err := survey.Parse([]byte(body))
		if err != nil {
			return nil, fmt.Errorf("survey %q version %d is stored damaged: %w", id, version, err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, explainOpen(err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("there is no survey %q: %w", id, ErrNotFound)
	}
	return out, nil
}

// readMmapSize is how much of the database file EachResponse maps into memory.
const readMmapSize = 1 << 30

// EachResponse calls fn for every response to a survey, oldest first (by
// start time, then ID), with its answers. It reads the database as it
// goes, so memory does not grow with the number of responses, and inside
// one read transaction, so a response saved while it runs is either wholly
// in or wholly out. The answers slice is reused: fn must not keep it. An
// error from fn stops the walk and is returned.
func (db *DB) EachResponse(ctx context.Context, surveyID string, fn func(survey.Response, []StoredAnswer) error) error {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return explainOpen(err)
	}
	defer conn.Close()
	// Reading the file through memory mapping instead of a read() call
	// per page halves the work of a long read. The mapped pages are the
	// operating system's file cache, not this program's memory. The
	// connection goes back to the pool as it was.
	if _, err := conn.ExecContext(ctx, "PRAGMA mmap_size = "+strconv.Itoa(readMmapSize)); err != nil {
		return explainOpen(err)
	}
	defer conn.ExecContext(context.Background(), "PRAGMA mmap_size = 0")
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return explainOpen(err)
	}
	defer tx.Rollback()
	// One row per response, its answers gathered by SQLite into one JSON
	// object: far fewer rows to step through than one per answer, which
	// is most of the cost of reading.
	rows, err := tx.QueryContext(ctx, `SELECT r.id, r.version, r.device_id, r.event, r.language, r.answered_by,
			r.started_at, r.updated_at, r.finished_at, r.status,
			(SELECT json_group_object(a.question_id, a.value) FROM answers a WHERE a.response_id = r.id)
		FROM responses r WHERE r.survey_id = ? ORDER BY r.started_at, r.id`, surveyID)
	if err != nil {
		return explainOpen(err)
	}
	defer rows.Close()
	var answers []StoredAnswer
	for rows.Next() {
		var r survey.Response
		var started, updated, status, list string
		var finished sql.NullString
		if err := rows.Scan(&r.ID, &r.Version, &r.DeviceID, &r.Event, &r.Language, &r.AnsweredBy,
			&started, &updated, &finished, &status, &list); err != nil {
			return err
		}
		r.SurveyID = surveyID
		r.Started, r.Updated, r.Status = parseTime(started), parseTime(updated), survey.Status(status)
		if finished.Valid {
			r.Finished = parseTime(finished.String)
		}
		if answers, err = parsePairs(list, answers[:0]); err != nil {
			return fmt.Errorf("response %s: the stored answers cannot be read: %w", r.ID, err)
		}
		if err := fn(r, answers); err != nil {
			return err
		}
	}
	return explainOpen(rows.Err())
}

// parsePairs reads the {"question":"value",...} that json_group_object
// makes, appending to out. Strings without escapes are cut from s, not copied.
func parsePairs(s string, out []StoredAnswer) ([]StoredAnswer, error) {
	p := jsonReader{s: s}
	if !p.eat('{') {
		return out, p.fail()
	}
	if p.eat('}') {
		return out, p.end()
	}
	for {
		var a StoredAnswer
		if !p.str(&a.Question) || !p.eat(':') || !p.str(&a.Value) {
			return out, p.fail()
		}
		out = append(out, a)
		if p.eat('}') {
			return out, p.end()
		}
		if !p.eat(',') {
			return out, p.fail()
		}
	}
}

// jsonReader reads just enough JSON for parsePairs.
type jsonReader struct {
	s string
	i int
}

func (p *jsonReader) eat(c byte) bool {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\n' || p.s[p.i] == '\t' || p.s[p.i] == '\r') {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *jsonReader) fail() error { return fmt.Errorf("unexpected JSON at byte %d", p.i) }

func (p *jsonReader) end() error {
	if p.i != len(p.s) {
		return p.fail()
	}
	return nil
}

// str reads a JSON string into *v.
func (p *jsonReader) str(v *string) bool {
	if !p.eat('"') {
		return false
	}
	start := p.i
	for ; p.i < len(p.s); p.i++ {
		switch p.s[p.i] {
		case '"':
			*v = p.s[start:p.i]
			p.i++
			return true
		case '\\':
			p.i = start
			return p.unescape(v)
		}
	}
	return false
}

// escapes are JSON's one-letter escapes and what they stand for.
var escapes = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// unescape reads the rest of a string that has escapes in it (as a
// many-choice answer's list does), from p.i just after the opening quote.
func (p *jsonReader) unescape(v *string) bool {
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			*v = b.String()
			p.i++
			return true
		case c != '\\':
			b.WriteByte(c)
			p.i++
		case p.i+1 < len(p.s) && escapes[p.s[p.i+1]] != 0:
			b.WriteByte(escapes[p.s[p.i+1]])
			p.i += 2
		case p.i+5 < len(p.s) && p.s[p.i+1] == 'u':
			r, err := strconv.ParseUint(p.s[p.i+2:p.i+6], 16, 16)
			if err != nil {
				return false
			}
			p.i += 6
			if utf16.IsSurrogate(rune(r)) && p.i+5 < len(p.s) && p.s[p.i] == '\\' && p.s[p.i+1] == 'u' {
				if r2, err := strconv.ParseUint(p.s[p.i+2:p.i+6], 16, 16); err == nil {
					if pair := utf16.DecodeRune(rune(r), rune(r2)); pair != utf8.RuneError {
						b.WriteRune(pair)
						p.i += 6
						continue
					}
				}
			}
			b.WriteRune(rune(r)) // a lone surrogate becomes U+FFFD, as encoding/json does
		default:
			return false
		}
	}
	return false
}

// DayCounts is how many responses one event had on one day.
type DayCounts struct {
	Event string
	Day   string // the local date the responses were started, year-month-day
	Counts
}

// CountByEventDay counts a survey's responses, complete and not, for each
// event and day (local time), in order of day and then event.
func (db *DB) CountByEventDay(surveyID string) ([]DayCounts, error) {
	rows, err := db.sql.Query(`SELECT event, date(started_at, 'localtime') AS day,
			SUM(status = 'complete'), SUM(status = 'incomplete')
		FROM responses WHERE survey_id = ? GROUP BY day, event ORDER BY day, event`, surveyID)
	if err != nil {
		return nil, explainOpen(err)
	}
	defer rows.Close()
	var out []DayCounts
	for rows.Next() {
		var d DayCounts
		if err := rows.Scan(&d.Event, &d.Day, &d.Complete, &d.Incomplete); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, explainOpen(rows.Err())
}
