package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"speakeasy/survey"
)

// fingerprint is the SHA-256 of a survey's definition with its version
// number left out, so the same content is recognised whatever it is numbered.
func fingerprint(s *survey.Survey) (string, []byte, error) {
	c := *s
	c.Version = 0
	body, err := c.Marshal()
	if err != nil {
		return "", nil, err
	}
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:]), body, nil
}

// Publish stores s as a version of its survey and returns the version
// number. Content the same as the newest version keeps its number; other
// content becomes the next version (or s.Version for a survey's first), so
// old responses keep pointing at the definition they answered. s.Version
// is set to the result.
func (db *DB) Publish(s *survey.Survey) (int, error) {
	sum, _, err := fingerprint(s)
	if err != nil {
		return 0, err
	}
	tx, err := db.sql.Begin()
	if err != nil {
		return 0, explainOpen(err)
	}
	defer tx.Rollback()
	// Only the newest version is reused: content that matches an older one
	// (a change undone) becomes a new version, so the kiosk runs it.
	var latest int
	var latestSum string
	err = tx.QueryRow(`SELECT version, sha256 FROM survey_versions WHERE survey_id = ? ORDER BY version DESC LIMIT 1`,
		s.ID).Scan(&latest, &latestSum)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, explainOpen(err)
	}
	if latestSum == sum {
		s.Version = latest
		return latest, nil
	}
	version := latest + 1
	if latest == 0 && s.Version > 0 {
		version = s.Version
	}
	now := formatTime(time.Now())
	if _, err := tx.Exec(`INSERT INTO surveys (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`, s.ID, now); err != nil {
		return 0, explainOpen(err)
	}
	c := *s
	c.Version = version
	body, err := c.Marshal()
	if err != nil {
		return 0, err
	}
	if _, err := tx.Exec(`INSERT INTO survey_versions (survey_id, version, definition, sha256, published_at) VALUES (?, ?, ?, ?, ?)`,
		s.ID, version, string(body), sum, now); err != nil {
		return 0, explainOpen(err)
	}
	if err := tx.Commit(); err != nil {
		return 0, explainOpen(err)
	}
	s.Version = version
	return version, nil
}

// Survey reads one version of a survey; version 0 means the newest.
func (db *DB) Survey(id string, version int) (*survey.Survey, error) {
	var body string
	var err error
	if version == 0 {
		err = db.sql.QueryRow(`SELECT definition FROM survey_versions WHERE survey_id = ? ORDER BY version DESC LIMIT 1`, id).Scan(&body)
	} else {
		err = db.sql.QueryRow(`SELECT definition FROM survey_versions WHERE survey_id = ? AND version = ?`, id, version).Scan(&body)
	}
	if errors.Is(err, sql.ErrNoRows) {
		if version == 0 {
			return nil, fmt.Errorf("there is no survey %q: %w", id, ErrNotFound)
		}
		return nil, fmt.Errorf("there is no version %d of survey %q: %w", version, id, ErrNotFound)
	}
	if err != nil {
		return nil, explainOpen(err)
	}
	s, err := survey.Parse([]byte(body))
	if err != nil {
		return nil, fmt.Errorf("survey %q version %d is stored damaged: %w", id, version, err)
	}
	return s, nil
}

// SurveyInfo is one line of the list of surveys staff see.
type SurveyInfo struct {
	ID       string
	Title    string // in the survey's first language, from its newest version
	Latest   int
	Versions int
	Archived bool
	Counts   Counts
}

// Surveys lists every survey with its newest title and response counts.
func (db *DB) Surveys() ([]SurveyInfo, error) {
	rows, err := db.sql.Query(`SELECT s.id, s.archived_at IS NOT NULL, MAX(v.version), COUNT(v.version),
			(SELECT COUNT(*) FROM responses r WHERE r.survey_id = s.id AND r.status = 'complete'),
			(SELECT COUNT(*) FROM responses r WHERE r.survey_id = s.id AND r.status = 'incomplete')
		FROM surveys s JOIN survey_versions v ON v.survey_id = s.id
		GROUP BY s.id ORDER BY s.id`)
	if err != nil {
		return nil, explainOpen(err)
	}
	var out []SurveyInfo
	for rows.Next() {
		var si SurveyInfo
		if err := rows.Scan(&si.ID, &si.Archived, &si.Latest, &si.Versions, &si.Counts.Complete, &si.Counts.Incomplete); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, si)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if s, err := db.Survey(out[i].ID, out[i].Latest); err == nil {
			out[i].Title = s.Title.In(s.Lang(), "")
		}
	}
	return out, nil
}

// Known reports whether any version of s's survey has exactly s's content.
func (db *DB) Known(s *survey.Survey) (bool, error) {
	sum, _, err := fingerprint(s)
	if err != nil {
		return false, err
	}
	var n int
	err = db.sql.QueryRow(`SELECT COUNT(*) FROM survey_versions WHERE survey_id = ? AND sha256 = ?`, s.ID, sum).Scan(&n)
	return n > 0, explainOpen(err)
}
