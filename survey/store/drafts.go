package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"speakeasy/survey"
)

// A draft is a survey an admin is editing and has not published. It is
// kept on every change, so that closing the app loses nothing, and it may
// have problems a published survey may not. Its Version is the version it
// was started from (0 for a survey never published).

// SaveDraft keeps s as the draft of its survey, replacing any earlier one.
func (db *DB) SaveDraft(s *survey.Survey) error {
	if s.ID == "" {
		return errors.New("cannot keep a draft of a survey with no ID")
	}
	body, err := s.Marshal()
	if err != nil {
		return err
	}
	_, err = db.sql.Exec(`INSERT INTO drafts (survey_id, definition, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (survey_id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`,
		s.ID, string(body), formatTime(time.Now()))
	if err != nil {
		return fmt.Errorf("cannot keep the draft of survey %q: %w", s.ID, explainOpen(err))
	}
	return nil
}

// Draft reads the draft of survey id. It is not checked, since a draft may
// be half written; the error is ErrNotFound when there is none.
func (db *DB) Draft(id string) (*survey.Survey, error) {
	var body string
	err := db.sql.QueryRow(`SELECT definition FROM drafts WHERE survey_id = ?`, id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("there is no draft of survey %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, explainOpen(err)
	}
	return decodeDraft(id, body)
}

func decodeDraft(id, body string) (*survey.Survey, error) {
	var s survey.Survey
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		return nil, fmt.Errorf("the draft of survey %q is stored damaged: %w", id, err)
	}
	return &s, nil
}

// DeleteDraft throws away the draft of survey id, if there is one.
func (db *DB) DeleteDraft(id string) error {
	_, err := db.sql.Exec(`DELETE FROM drafts WHERE survey_id = ?`, id)
	return explainOpen(err)
}

// DraftInfo is one draft in the list of drafts.
type DraftInfo struct {
	ID      string
	Title   string // in the draft's first language
	Base    int    // the version it was started from; 0 for a new survey
	Updated time.Time
}

// Drafts lists every draft, by survey ID. A damaged draft is listed with
// no title rather than hiding the others.
func (db *DB) Drafts() ([]DraftInfo, error) {
	rows, err := db.sql.Query(`SELECT survey_id, definition, updated_at FROM drafts ORDER BY survey_id`)
	if err != nil {
		return nil, explainOpen(err)
	}
	defer rows.Close()
	var out []DraftInfo
	for rows.Next() {
		var d DraftInfo
		var body, updated string
		if err := rows.Scan(&d.ID, &body, &updated); err != nil {
			return nil, err
		}
		d.Updated = parseTime(updated)
		if s, err := decodeDraft(d.ID, body); err == nil {
			d.Title = s.Title.In(s.Lang(), "")
			d.Base = s.Version
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Archive hides survey id from the list of surveys a kiosk can run. Its
// versions and responses stay.
func (db *DB) Archive(id string) error {
	return db.setArchived(id, formatTime(time.Now()))
}

// Unarchive undoes Archive.
func (db *DB) Unarchive(id string) error { return db.setArchived(id, nil) }

func (db *DB) setArchived(id string, at any) error {
	res, err := db.sql.Exec(`UPDATE surveys SET archived_at = ? WHERE id = ?`, at, id)
	if err != nil {
		return explainOpen(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("there is no survey %q: %w", id, ErrNotFound)
	}
	return nil
}

// ErrExists is returned when a new survey is given an ID already in use.
var ErrExists = errors.New("already in use")

// Duplicate publishes a copy of the newest version of survey id as version
// 1 of a new survey, newID. The copy has no responses and no draft.
func (db *DB) Duplicate(id, newID string) (*survey.Survey, error) {
	if used, err := db.SurveyIDInUse(newID); err != nil {
		return nil, err
	} else if used {
		return nil, fmt.Errorf("the survey ID %q is %w", newID, ErrExists)
	}
	s, err := db.Survey(id, 0)
	if err != nil {
		return nil, err
	}
	s.ID, s.Version = newID, 0
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if _, err := db.Publish(s); err != nil {
		return nil, err
	}
	return s, nil
}

// SurveyIDInUse reports whether a published survey or a draft has the ID,
// so that a new survey can be refused it.
func (db *DB) SurveyIDInUse(id string) (bool, error) {
	var n int
	err := db.sql.QueryRow(`SELECT (SELECT COUNT(*) FROM surveys WHERE id = ?) + (SELECT COUNT(*) FROM drafts WHERE survey_id = ?)`,
		id, id).Scan(&n)
	return n > 0, explainOpen(err)
}
