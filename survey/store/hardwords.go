package store

import (
	"context"
	"database/sql"
	"fmt"

	"speakeasy/survey"
)

// Hard words are kept in their own table (migration 0003), with the
// response they belong to: saved in the same transaction as the Change that
// carries them, deleted with the response, merged as the union of both
// laptops' marks (a mark is never taken back).

// hardWordCols are the columns Save and Merge write.
const hardWordCols = "response_id, question_id, language, word, marked_at"

// saveHard adds a Change's hard-word marks in tx. A mark already there
// (the same word of the same question, marked again) is kept once.
func saveHard(tx *sql.Tx, ch survey.Change) error {
	for _, h := range ch.Hard {
		if _, err := tx.Exec(`INSERT INTO hard_words (`+hardWordCols+`) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT DO NOTHING`, ch.Response.ID, h.Question, h.Language, h.Word, formatTime(h.At)); err != nil {
			return fmt.Errorf("cannot save the word marked hard in %q: %w", h.Question, explainOpen(err))
		}
	}
	return nil
}

// HardWords reads every hard-word mark of a survey's responses, by
// response ID, oldest first within each response.
func (db *DB) HardWords(ctx context.Context, surveyID string) (map[string][]survey.HardWord, error) {
	// CROSS JOIN keeps hard_words the outer loop: it holds a few marks,
	// while starting from the survey's responses visits every one of them
	// (half a second for 100,000, when nobody marked a word).
	rows, err := db.sql.QueryContext(ctx, `SELECT h.response_id, h.question_id, h.language, h.word, h.marked_at
		FROM hard_words h CROSS JOIN responses r ON r.id = h.response_id
		WHERE r.survey_id = ? ORDER BY h.response_id, h.marked_at, h.question_id, h.word`, surveyID)
	if err != nil {
		return nil, explainOpen(err)
	}
	defer rows.Close()
	out := map[string][]survey.HardWord{}
	for rows.Next() {
		var id, at string
		var h survey.HardWord
		if err := rows.Scan(&id, &h.Question, &h.Language, &h.Word, &at); err != nil {
			return nil, err
		}
		h.At = parseTime(at)
		out[id] = append(out[id], h)
	}
	return out, explainOpen(rows.Err())
}

// HardWordCount is how many people marked one word of one question hard,
// in one language.
type HardWordCount struct {
	Question, Language, Word string
	People                   int
}

// CountHardWords counts, for every word marked hard in a survey's
// responses (any version), how many people marked it: most first, then by
// question, language and word.
func (db *DB) CountHardWords(ctx context.Context, surveyID string) ([]HardWordCount, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT h.question_id, h.language, h.word, COUNT(DISTINCT h.response_id) AS n
		FROM hard_words h JOIN responses r ON r.id = h.response_id
		WHERE r.survey_id = ? GROUP BY h.question_id, h.language, h.word
		ORDER BY n DESC, h.question_id, h.language, h.word`, surveyID)
	if err != nil {
		return nil, explainOpen(err)
	}
	defer rows.Close()
	var out []HardWordCount
	for rows.Next() {
		var c HardWordCount
		if err := rows.Scan(&c.Question, &c.Language, &c.Word, &c.People); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, explainOpen(rows.Err())
}

// HardQuestion is how many people marked any word of one question hard,
// and how many reached it: answered it or marked a word of it. (People
// shown a question who neither answered nor marked it are not known
// without the survey's skip rules; the export counts them.)
type HardQuestion struct {
	Marked, Reached int
}

// HardQuestions gives, for each question of a survey with a mark, how
// many people marked it and how many reached it.
func (db *DB) HardQuestions(ctx context.Context, surveyID string) (map[string]HardQuestion, error) {
	rows, err := db.sql.QueryContext(ctx, `WITH marked AS (
			SELECT DISTINCT h.response_id, h.question_id FROM hard_words h
			JOIN responses r ON r.id = h.response_id WHERE r.survey_id = ?1)
		SELECT q.question_id, (SELECT COUNT(*) FROM marked m WHERE m.question_id = q.question_id),
			(SELECT COUNT(*) FROM responses r WHERE r.survey_id = ?1 AND (
				EXISTS (SELECT 1 FROM answers a WHERE a.response_id = r.id AND a.question_id = q.question_id)
				OR EXISTS (SELECT 1 FROM marked m WHERE m.response_id = r.id AND m.question_id = q.question_id)))
		FROM (SELECT DISTINCT question_id FROM marked) q`, surveyID)
	if err != nil {
		return nil, explainOpen(err)
	}
	defer rows.Close()
	out := map[string]HardQuestion{}
	for rows.Next() {
		var id string
		var h HardQuestion
		if err := rows.Scan(&id, &h.Marked, &h.Reached); err != nil {
			return nil, err
		}
		out[id] = h
	}
	return out, explainOpen(rows.Err())
}

// rescueHard copies one response's hard-word marks from a damaged file,
// those that can be read: a mark lost with a damaged page is a small loss
// beside the answers, so nothing here stops the rescue.
func rescueHard(ctx context.Context, bad *sql.DB, tx *sql.Tx, id string) {
	rows, err := bad.QueryContext(ctx, `SELECT `+hardWordCols+` FROM hard_words WHERE response_id = ?`, id)
	if err != nil {
		return // a file from before hard words, or too damaged
	}
	defer rows.Close()
	for rows.Next() {
		var v [5]string
		if rows.Scan(&v[0], &v[1], &v[2], &v[3], &v[4]) == nil {
			tx.ExecContext(ctx, `INSERT OR IGNORE INTO hard_words (`+hardWordCols+`) VALUES (?, ?, ?, ?, ?)`, v[0], v[1], v[2], v[3], v[4])
		}
	}
}
