// Package store keeps surveys, responses and answers in one SQLite file
// (modernc.org/sqlite, pure Go). Every Save is one durable transaction: WAL
// journal with synchronous=FULL, so an answer reported saved survives a
// crash or a flat battery.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"speakeasy/survey"
)

// FileName is the database's name inside the data folder.
const FileName = "speakeasy.db"

//go:embed migrations/*.sql
var migrations embed.FS

// DB is an open Speakeasy database.
type DB struct {
	sql      *sql.DB
	path     string
	deviceID string
	cleanup  func() // after closing, if not nil: removes a private copy
	readAddr string // how to read this database from another connection, if not the usual way

	saveResp, saveAnswer, clearAnswer *sql.Stmt
}

// timeLayout keeps times sortable as text, in UTC, to the millisecond.
const timeLayout = "2006-01-02T15:04:05.000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeLayout, s)
	return t
}

// Open opens the database in dir, making the folder and file if needed
// (readable by this user only), bringing the schema up to date, and giving
// the data folder a device ID the first time.
func Open(dir string) (*DB, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot make the data folder %s: %w", dir, err)
	}
	path := filepath.Join(dir, FileName)
	// Make the file first so that SQLite's own files copy its private mode.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if errors.Is(err, fs.ErrPermission) {
		err = fmt.Errorf("%w: %w", ErrReadOnly, err)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open the data file %s: %w", path, err)
	}
	f.Close()
	db, err := OpenFile(path)
	if err != nil {
		return nil, err
	}
	if err := db.ensureDeviceID(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// OpenFile opens a database file as it is, for reading another laptop's
// results or a backup. It brings an older schema up to date.
func OpenFile(path string) (*DB, error) {
	sqldb, err := openAddress(path, paramsWrite)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	db := &DB{sql: sqldb, path: path}
	if err := db.migrate(); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := db.prepare(); err != nil {
		sqldb.Close()
		return nil, err
	}
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error {
	err := db.sql.Close()
	if db.cleanup != nil {
		db.cleanup()
	}
	return err
}

// Path is the database file's path.
func (db *DB) Path() string { return db.path }

// DeviceID is this data folder's own random ID, made once.
func (db *DB) DeviceID() string { return db.deviceID }

// SQL gives the underlying database to other parts of the store layer
// (export, merge) that read in bulk.
func (db *DB) SQL() *sql.DB { return db.sql }

// migrate applies, in order and each in its own transaction, the numbered
// migrations the file has not had yet. The schema version is user_version.
func (db *DB) migrate() error {
	var have int
	if err := db.sql.QueryRow("PRAGMA user_version").Scan(&have); err != nil {
		return explainOpen(err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	if have > len(names) {
		return fmt.Errorf("this data was saved by a newer Speakeasy (data version %d, this one knows %d); please update Speakeasy", have, len(names))
	}
	for i := have; i < len(names); i++ {
		body, err := migrations.ReadFile(names[i])
		if err != nil {
			return err
		}
		tx, err := db.sql.Begin()
		if err != nil {
			return explainOpen(err)
		}
		if _, err := tx.Exec(string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("cannot update the data to version %d: %w", i+1, explainOpen(err))
		}
		if _, err := tx.Exec("PRAGMA user_version = " + strconv.Itoa(i+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return explainOpen(err)
		}
	}
	return nil
}

// SchemaVersion is the number of migrations this Speakeasy knows.
func SchemaVersion() int {
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	return len(names)
}

// explainOpen puts SQLite's words for a bad file into plain ones.
func explainOpen(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "file is not a database"), strings.Contains(msg, "malformed"):
		return fmt.Errorf("the file is damaged or is not Speakeasy data: %w", err)
	case strings.Contains(msg, "readonly"), strings.Contains(msg, "read-only"):
		return fmt.Errorf("%w: %w", ErrReadOnly, err)
	case strings.Contains(msg, "disk is full"), strings.Contains(msg, "SQLITE_FULL"):
		return fmt.Errorf("%w: %w", ErrDiskFull, err)
	}
	return err
}

func (db *DB) prepare() error {
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = db.sql.Prepare(q)
		return st
	}
	db.saveResp = prep(`INSERT INTO responses (id, survey_id, version, device_id, event, language, answered_by, started_at, updated_at, finished_at, status)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET language = excluded.language, answered_by = excluded.answered_by,
			updated_at = excluded.updated_at, finished_at = excluded.finished_at, status = excluded.status`)
	db.saveAnswer = prep(`INSERT INTO answers (response_id, question_id, value, answered_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (response_id, question_id) DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at`)
	db.clearAnswer = prep(`DELETE FROM answers WHERE response_id = ? AND question_id = ?`)
	return err
}

func (db *DB) ensureDeviceID() error {
	id, err := db.Setting("device_id")
	if err != nil {
		return err
	}
	if id == "" {
		id = uuid.NewString()
		if err := db.SetSetting("device_id", id); err != nil {
			return err
		}
	}
	db.deviceID = id
	return nil
}

// Save makes one Change durable in a single transaction: the response row,
// the answers given and the answers cleared, and words marked hard. It
// implements survey.Saver.
func (db *DB) Save(ch survey.Change) error {
	tx, err := db.sql.Begin()
	if err != nil {
		return explainOpen(err)
	}
	defer tx.Rollback()
	updated, err := db.saveResponse(tx, ch.Response)
	if err != nil {
		return err
	}
	for id, a := range ch.Set {
		if _, err := tx.Stmt(db.saveAnswer).Exec(ch.Response.ID, id, a.Encode(ch.Kinds[id]), updated); err != nil {
			return fmt.Errorf("cannot save the answer to %q: %w", id, explainOpen(err))
		}
	}
	for _, id := range ch.Cleared {
		if _, err := tx.Stmt(db.clearAnswer).Exec(ch.Response.ID, id); err != nil {
			return fmt.Errorf("cannot clear the answer to %q: %w", id, explainOpen(err))
		}
	}
	if err := saveHard(tx, ch); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("cannot save: %w", explainOpen(err))
	}
	return nil
}

// saveResponse inserts or updates a response's row in tx and returns its
// last-change time as stored, for its answers.
func (db *DB) saveResponse(tx *sql.Tx, r survey.Response) (updated string, err error) {
	var finished any
	if !r.Finished.IsZero() {
		finished = formatTime(r.Finished)
	}
	updated = formatTime(r.Updated)
	if _, err := tx.Stmt(db.saveResp).Exec(r.ID, r.SurveyID, r.Version, r.DeviceID, r.Event, r.Language, r.AnsweredBy,
		formatTime(r.Started), updated, finished, string(r.Status)); err != nil {
		return "", fmt.Errorf("cannot save the response: %w", explainOpen(err))
	}
	return updated, nil
}

// Discard deletes a response and its answers, for a participant who
// stopped and whose survey throws stopped answers away.
func (db *DB) Discard(responseID string) error {
	_, err := db.sql.Exec(`DELETE FROM responses WHERE id = ?`, responseID)
	return explainOpen(err)
}

// ErrNotFound is returned when a survey or response does not exist.
var ErrNotFound = errors.New("not found")

// Response reads one response and its answers.
func (db *DB) Response(id string) (survey.Response, map[string]survey.Answer, error) {
	var r survey.Response
	var started, updated, status string
	var finished sql.NullString
	err := db.sql.QueryRow(`SELECT id, survey_id, version, device_id, event, language, answered_by, started_at, updated_at, finished_at, status
		FROM responses WHERE id = ?`, id).Scan(&r.ID, &r.SurveyID, &r.Version, &r.DeviceID, &r.Event, &r.Language,
		&r.AnsweredBy, &started, &updated, &finished, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return r, nil, fmt.Errorf("response %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return r, nil, err
	}
	r.Started, r.Updated, r.Status = parseTime(started), parseTime(updated), survey.Status(status)
	if finished.Valid {
		r.Finished = parseTime(finished.String)
	}
	s, err := db.Survey(r.SurveyID, r.Version)
	if err != nil {
		return r, nil, err
	}
	rows, err := db.sql.Query(`SELECT question_id, value FROM answers WHERE response_id = ?`, id)
	if err != nil {
		return r, nil, err
	}
	defer rows.Close()
	answers := map[string]survey.Answer{}
	for rows.Next() {
		var qid, value string
		if err := rows.Scan(&qid, &value); err != nil {
			return r, nil, err
		}
		kind := survey.KindText
		if q := s.Question(qid); q != nil {
			kind = q.Kind
		}
		a, err := survey.DecodeAnswer(value, kind)
		if err != nil {
			return r, nil, fmt.Errorf("response %s: %w", id, err)
		}
		answers[qid] = a
	}
	return r, answers, rows.Err()
}

// ResponseIDs lists the responses to a survey, oldest first.
func (db *DB) ResponseIDs(surveyID string) ([]string, error) {
	rows, err := db.sql.Query(`SELECT id FROM responses WHERE survey_id = ? ORDER BY started_at, id`, surveyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Counts is how many responses a survey has.
type Counts struct{ Complete, Incomplete int }

// Total is all responses, complete or not.
func (c Counts) Total() int { return c.Complete + c.Incomplete }

// CountResponses counts a survey's responses started at or after since
// (zero means all); an empty surveyID counts every survey.
func (db *DB) CountResponses(surveyID string, since time.Time) (Counts, error) {
	var c Counts
	err := db.sql.QueryRow(`SELECT
			COALESCE(SUM(status = 'complete'), 0), COALESCE(SUM(status = 'incomplete'), 0)
		FROM responses WHERE (? = '' OR survey_id = ?) AND started_at >= ?`,
		surveyID, surveyID, formatTime(since)).Scan(&c.Complete, &c.Incomplete)
	return c, err
}

// Setting reads a setting; a missing one is "".
func (db *DB) Setting(key string) (string, error) {
	var v string
	err := db.sql.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", explainOpen(err)
	}
	return v, nil
}

// SetSetting writes a setting durably.
func (db *DB) SetSetting(key, value string) error {
	_, err := db.sql.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return explainOpen(err)
}

// KioskSurveyID is the survey the kiosk runs: the staff's choice, or the
// built-in EHC plan survey.
func (db *DB) KioskSurveyID() (string, error) {
	id, err := db.Setting("kiosk_survey")
	if id == "" && err == nil {
		id = "ehc-plan"
	}
	return id, err
}

// IntegrityCheck runs SQLite's full check and returns its findings, "ok" if none.
func (db *DB) IntegrityCheck(ctx context.Context) (string, error) {
	lines, err := pragmaLines(ctx, db.sql, "integrity_check")
	return strings.Join(lines, "\n"), err
}
