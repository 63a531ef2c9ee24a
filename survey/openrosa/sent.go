package openrosa

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// sentTable remembers, per server and form, which responses the server
// accepted, as which submission, and what they held then. It is this
// package's own table, made when first needed, rather than one of the
// store's migrations: bundles and merges copy only the store's tables, so
// what one laptop sent never makes another laptop skip its own sending.
const sentTable = `CREATE TABLE IF NOT EXISTS openrosa_sent (
    target      TEXT NOT NULL, -- the server's OpenRosa address with no token, then '#' and the form ID
    response_id TEXT NOT NULL,
    instance_id TEXT NOT NULL, -- the submission's meta/instanceID the server has now
    digest      TEXT NOT NULL, -- the response as it was sent (see digest)
    sent_at     TEXT NOT NULL,
    PRIMARY KEY (target, response_id)
) WITHOUT ROWID`

// sentRecord is what a server holds of one response.
type sentRecord struct{ instanceID, digest string }

// loadSent reads what was sent to target.
func loadSent(ctx context.Context, db *sql.DB, target string) (map[string]sentRecord, error) {
	if _, err := db.ExecContext(ctx, sentTable); err != nil {
		return nil, fmt.Errorf("cannot keep a note of what was sent: %w", err)
	}
	rows, err := db.QueryContext(ctx, `SELECT response_id, instance_id, digest FROM openrosa_sent WHERE target = ?`, target)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]sentRecord{}
	for rows.Next() {
		var id string
		var r sentRecord
		if err := rows.Scan(&id, &r.instanceID, &r.digest); err != nil {
			return nil, err
		}
		out[id] = r
	}
	return out, rows.Err()
}

// markSent notes durably that target accepted a response.
func markSent(db *sql.DB, target, responseID string, r sentRecord, at time.Time) error {
	_, err := db.Exec(`INSERT INTO openrosa_sent (target, response_id, instance_id, digest, sent_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (target, response_id) DO UPDATE SET instance_id = excluded.instance_id,
			digest = excluded.digest, sent_at = excluded.sent_at`,
		target, responseID, r.instanceID, r.digest, at.UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("the server has the response %s, but this laptop could not note it: %w", responseID, err)
	}
	return nil
}

// SentCount is how many of a form's responses a server has, by this
// laptop's notes, and when the last was sent.
func SentCount(ctx context.Context, db *store.DB, s Server, formID string) (int, time.Time, error) {
	ep, err := s.endpoint()
	if err != nil {
		return 0, time.Time{}, err
	}
	if _, err := db.SQL().ExecContext(ctx, sentTable); err != nil {
		return 0, time.Time{}, err
	}
	var n int
	var last sql.NullString
	err = db.SQL().QueryRowContext(ctx, `SELECT COUNT(*), MAX(sent_at) FROM openrosa_sent WHERE target = ?`,
		target(ep, formID)).Scan(&n, &last)
	t, _ := time.Parse(time.RFC3339, last.String)
	return n, t, err
}

func target(ep *endpoint, formID string) string { return ep.name + "#" + formID }

// digest is a fingerprint of what a response holds: its details and its
// answers as stored. A response whose digest changed since it was sent
// is sent again, as an edit of the server's copy.
func digest(r survey.Response, answers []store.StoredAnswer) string {
	h := sha256.New()
	put := func(s string) { h.Write([]byte(strconv.Itoa(len(s)) + ":" + s)) }
	for _, s := range []string{r.ID, strconv.Itoa(r.Version), r.DeviceID, r.Event, r.Language, r.AnsweredBy,
		odkTime(r.Started), odkTime(r.Updated), odkTime(r.Finished), string(r.Status)} {
		put(s)
	}
	sorted := append([]store.StoredAnswer(nil), answers...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Question < sorted[j].Question })
	for _, a := range sorted {
		put(a.Question)
		put(a.Value)
	}
	return hex.EncodeToString(h.Sum(nil))
}
