package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
)

// A damaged results file is put aside, never deleted, and a backup put
// back; but the answers given since that backup are only in the damaged
// file. Rescue reads what can still be read from it, row by row, stepping
// over damaged pages, into a new, whole results file, and merges that into
// this database like another laptop's file: in one transaction, responses
// the backup already has are not added twice.

// Rescued says what Rescue found and added.
type Rescued struct {
	Read       int // responses read from the damaged file
	Unreadable int // response rows that could not be read (perhaps deleted ones among them)
	Partial    int // responses added with some of their answers unreadable
	NoSurvey   int // responses read but left out: their survey version could not be read anywhere
	Merge      MergeSummary
}

// Newer is how many responses the backup lacked (or held older) and the
// rescue added.
func (r Rescued) Newer() int { t := r.Merge.Total(); return t.Added + t.Updated }

// String is the counts in staff's words: "92 of 100 newer responses were
// rescued". Unreadable rows count as newer, so the figure is a floor.
func (r Rescued) String() string {
	lost := r.Unreadable + r.NoSurvey
	msg := fmt.Sprintf("%d of %d newer responses were rescued", r.Newer(), r.Newer()+lost)
	if r.Partial > 0 {
		msg += fmt.Sprintf("; %d of them lost some answers", r.Partial)
	}
	return msg + "."
}

// maxMisses is how many unreadable rows in a row Rescue steps over before it
// takes the rest of a table to be lost.
const maxMisses = 20000

// Rescue reads what it can from the damaged results file at damaged (a
// file put aside by CheckHealth; it is copied, never changed) and adds the
// responses this database lacks or holds older. Call it with the folder
// locked, after the backup is back in place.
func (db *DB) Rescue(ctx context.Context, damaged string) (Rescued, error) {
	var res Rescued
	work, err := newWorkDir(filepath.Dir(db.path))
	if err != nil {
		return res, err
	}
	defer work.remove()
	src := work.file("damaged.db")
	if err := copyDatabase(damaged, src, false); err != nil {
		return res, fmt.Errorf("cannot read %s: %w", damaged, explainFS(err))
	}
	out := work.file("rescued.db")
	if err := db.buildRescue(ctx, src, out, &res); err != nil {
		return res, fmt.Errorf("cannot rescue the results in %s: %w", damaged, explainOpen(err))
	}
	if res.Read == 0 {
		return res, nil
	}
	if res.Merge, err = db.Merge(ctx, out, nil); err != nil {
		return res, err
	}
	return res, nil
}

// buildRescue makes a new results file at out holding this database's
// surveys and every response (with its answers) readable from src.
func (db *DB) buildRescue(ctx context.Context, src, out string, res *Rescued) error {
	// cell_size_check makes junk cells errors, not rows. Two connections:
	// the answers are read while the responses are being walked.
	bad, err := openAddress(src, paramsScratch+"&_pragma=cell_size_check(1)")
	if err != nil {
		return err
	}
	defer bad.Close()
	var tables int
	if err := bad.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'responses'`).Scan(&tables); err != nil || tables == 0 {
		return fmt.Errorf("nothing in it can be read: %w", ErrNotResults)
	}

	c, err := db.newCopy(ctx, out, "here")
	if err != nil {
		return err
	}
	defer c.Close()
	tx, err := c.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, q := range []string{
		`INSERT INTO surveys SELECT * FROM here.surveys`,
		`INSERT INTO survey_versions SELECT * FROM here.survey_versions`,
		`INSERT INTO settings (key, value) SELECT key, value FROM here.settings WHERE key = 'device_id'`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	// Survey versions the backup does not have, where they can be read.
	scanRows(ctx, bad, "survey_versions", "", versionCols, func(scan func(...any) error) error {
		var id, def, sum, at string
		var v int
		if scan(&id, &v, &def, &sum, &at) != nil {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO surveys (id, created_at) VALUES (?, ?)`, id, at); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO survey_versions (`+versionCols+`) VALUES (?, ?, ?, ?, ?)`, id, v, def, sum, at)
		return err
	})
	skipped, err := scanRows(ctx, bad, "responses", "responses_by_survey", responseCols, func(scan func(...any) error) error {
		var r [11]sql.NullString
		var version sql.NullInt64
		if scan(&r[0], &r[1], &version, &r[3], &r[4], &r[5], &r[6], &r[7], &r[8], &r[9], &r[10]) != nil ||
			!r[0].Valid || !version.Valid {
			res.Unreadable++
			return nil
		}
		res.Read++
		// A copy here that is as new wins: the damaged one may have lost answers.
		var asNew int
		tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM here.responses WHERE id = ? AND updated_at >= ?`, r[0].String, r[8].String).Scan(&asNew)
		if asNew > 0 {
			return nil
		}
		var known int
		tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM survey_versions WHERE survey_id = ? AND version = ?`, r[1].String, version.Int64).Scan(&known)
		if known == 0 {
			res.NoSurvey++
			return nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO responses (`+responseCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r[0].String, r[1].String, version.Int64, r[3].String, r[4].String, r[5].String, r[6].String, r[7].String, r[8].String,
			r[9], r[10].String); err != nil {
			res.Read--
			res.Unreadable++
			return nil // a row of junk that the schema's checks refuse
		}
		lost, err := rescueAnswers(ctx, bad, tx, db, r[0].String, r[1].String, int(version.Int64))
		rescueHard(ctx, bad, tx, r[0].String)
		if lost {
			res.Partial++
			// Answers lost from the damaged copy are kept from an older one here.
			_, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO answers SELECT * FROM here.answers WHERE response_id = ?`, r[0].String)
		}
		return err
	})
	res.Unreadable += skipped
	if err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = c.ExecContext(ctx, `DETACH DATABASE here`)
	return err
}

// rescueAnswers copies one response's answers. When they cannot be read
// all at once, each of the survey's questions is looked up by itself, so
// only the answers on damaged pages are lost; lost reports whether any were.
func rescueAnswers(ctx context.Context, bad *sql.DB, tx *sql.Tx, db *DB, id, surveyID string, version int) (lost bool, err error) {
	add := func(qid, value, at string) error {
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO answers (`+answerCols+`) VALUES (?, ?, ?, ?)`, id, qid, value, at)
		return err
	}
	rows, err := bad.QueryContext(ctx, `SELECT question_id, value, answered_at FROM answers WHERE response_id = ?`, id)
	if err == nil {
		for rows.Next() {
			var qid, value, at string
			if err := rows.Scan(&qid, &value, &at); err == nil {
				if err := add(qid, value, at); err != nil {
					rows.Close()
					return false, err
				}
			}
		}
		err = rows.Err()
		rows.Close()
	}
	if err == nil {
		return false, nil
	}
	s, serr := db.Survey(surveyID, version)
	if serr != nil {
		return true, nil
	}
	for _, q := range s.Questions {
		var value, at string
		err := bad.QueryRowContext(ctx, `SELECT value, answered_at FROM answers WHERE response_id = ? AND question_id = ?`, id, q.ID).Scan(&value, &at)
		switch {
		case err == nil:
			if err := add(q.ID, value, at); err != nil {
				return true, err
			}
		case !errors.Is(err, sql.ErrNoRows):
			lost = true
		}
	}
	return lost, nil
}

// scanRows calls fn for every row of a rowid table it can read, in rowid
// order, stepping over rows on damaged pages one rowid at a time; fn's
// scan reads the columns cols. It returns how many rowids up to the
// table's last it stepped over: the last rowid is read from the table, or
// else from index (a separate tree, which may be whole); where neither can
// be read, the steps after the last row read are not counted. An error
// from fn stops it.
func scanRows(ctx context.Context, c *sql.DB, table, index, cols string, fn func(scan func(dest ...any) error) error) (skipped int, err error) {
	end, known := int64(1<<63-1), false
	for _, from := range []string{table, table + " INDEXED BY " + index} {
		var max sql.NullInt64
		if from == table+" INDEXED BY " && index == "" {
			continue
		}
		if c.QueryRowContext(ctx, `SELECT max(rowid) FROM `+from).Scan(&max) == nil && max.Valid {
			end, known = max.Int64, true
			break
		}
	}
	last, misses := int64(-1<<63), 0
	for misses <= maxMisses && last < end {
		if err := ctx.Err(); err != nil {
			return skipped, err
		}
		rows, qerr := c.QueryContext(ctx, `SELECT rowid, `+cols+` FROM `+table+` WHERE rowid > ? ORDER BY rowid`, last)
		if qerr == nil {
			for rows.Next() {
				var rowid int64
				scan := func(dest ...any) error { return rows.Scan(append([]any{&rowid}, dest...)...) }
				if err := fn(scan); err != nil {
					rows.Close()
					return skipped, err
				}
				if rowid > last {
					last = rowid
				}
				misses = 0
			}
			qerr = rows.Err()
			rows.Close()
		}
		if qerr == nil {
			return skipped, nil
		}
		if last == -1<<63 {
			last = 0 // rowids Speakeasy makes start at 1
		}
		last++
		skipped++
		misses++
	}
	if !known {
		skipped -= misses // past the last row read, nothing says there were rows
	}
	return skipped, nil
}
