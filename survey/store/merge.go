package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"speakeasy/survey"
)

// ErrNotResults means a file given to Merge or RestoreBackup is not a
// Speakeasy database, or is too damaged to read.
var ErrNotResults = errors.New("this is not a Speakeasy results file")

// ErrNewerFile means the file was saved by a Speakeasy with a newer schema.
var ErrNewerFile = errors.New("this file was made by a newer Speakeasy; please update Speakeasy on this laptop first")

// ErrOwnFile means Merge was given this laptop's own results file.
var ErrOwnFile = errors.New("this is this laptop's own results file; choose a file from another laptop")

// SurveyVersion names one version of one survey.
type SurveyVersion struct {
	SurveyID string
	Version  int
}

// ConflictError means the same survey version number holds different
// questions on the two laptops, so Merge added nothing.
type ConflictError struct {
	Versions []SurveyVersion
}

func (e *ConflictError) Error() string {
	names := make([]string, len(e.Versions))
	for i, v := range e.Versions {
		names[i] = fmt.Sprintf("survey %q version %d", v.SurveyID, v.Version)
	}
	return strings.Join(names, ", ") + " is different on the two laptops, so nothing was added." +
		" Publish the changed survey again on one laptop, so it gets a new version number, then try again"
}

// MergeSummary says what Merge did with one file.
type MergeSummary struct {
	DeviceID string         // the device ID of the laptop the file came from
	Versions int            // survey versions that were new to this laptop
	Devices  []DeviceCounts // responses by the device they were started on, by device ID
}

// DeviceCounts counts the responses of one device in a merged file.
type DeviceCounts struct {
	DeviceID string
	Added    int // new to this laptop
	Updated  int // newer in the file than here, so replaced
	Already  int // the same here, or newer here
}

// Total adds up the counts of every device.
func (s MergeSummary) Total() DeviceCounts {
	var t DeviceCounts
	for _, d := range s.Devices {
		t.Added += d.Added
		t.Updated += d.Updated
		t.Already += d.Already
	}
	return t
}

// The columns Merge reads from the other file and writes here.
const (
	surveyCols   = "id, created_at, archived_at"
	versionCols  = "survey_id, version, definition, sha256, published_at"
	responseCols = "id, survey_id, version, device_id, event, language, answered_by, started_at, updated_at, finished_at, status"
	answerCols   = "response_id, question_id, value, answered_at"
)

// badRows counts rows whose values are not of the types Speakeasy writes,
// which a damaged or hand-made file may hold and SQLite's loose typing
// would let through.
const badRows = `SELECT
	(SELECT COUNT(*) FROM surveys WHERE typeof(id) <> 'text')
	+ (SELECT COUNT(*) FROM survey_versions WHERE typeof(survey_id) <> 'text' OR typeof(version) <> 'integer'
		OR typeof(definition) <> 'text' OR typeof(sha256) <> 'text')
	+ (SELECT COUNT(*) FROM responses WHERE typeof(id) <> 'text' OR typeof(survey_id) <> 'text'
		OR typeof(version) <> 'integer' OR typeof(device_id) <> 'text' OR typeof(event) <> 'text'
		OR typeof(language) <> 'text' OR typeof(answered_by) <> 'text' OR typeof(started_at) <> 'text'
		OR typeof(updated_at) <> 'text' OR typeof(finished_at) NOT IN ('text', 'null') OR typeof(status) <> 'text')
	+ (SELECT COUNT(*) FROM answers WHERE typeof(response_id) <> 'text' OR typeof(question_id) <> 'text'
		OR typeof(value) <> 'text' OR typeof(answered_at) <> 'text')`

// Merge adds the results in another laptop's file (a bundle, a backup or a
// raw speakeasy.db) to this database, in one transaction: on any error
// nothing is added. The file itself is never changed: Merge works on a
// private copy of it.
//
// Survey versions are matched by survey ID and version number; the same
// number with different content is a *ConflictError. Responses are matched
// by their UUID: a new one is added with its answers; one that is here
// already is replaced, answers and all, when the file's copy was changed
// later (or, changed at the same moment, differs and sorts after ours, so
// every order of merging ends the same). Merging a file twice adds nothing.
//
// progress, if not nil, is called on Merge's goroutine as the file's
// responses are worked through.
func (db *DB) Merge(ctx context.Context, path string, progress func(done, total int)) (MergeSummary, error) {
	sum, err := db.merge(ctx, path, progress)
	if err != nil {
		return MergeSummary{}, fmt.Errorf("%s: %w", path, err)
	}
	return sum, nil
}

func (db *DB) merge(ctx context.Context, path string, progress func(done, total int)) (MergeSummary, error) {
	var sum MergeSummary
	if same, err := sameFile(path, db.path); errors.Is(err, fs.ErrNotExist) {
		return sum, errors.New("there is no such file")
	} else if err != nil {
		return sum, fmt.Errorf("cannot read the file: %w", explainFS(err))
	} else if same {
		return sum, ErrOwnFile
	}
	work, err := newWorkDir(filepath.Dir(db.path))
	if err != nil {
		return sum, err
	}
	defer work.remove()
	src := work.file("other.db")
	if err := copyDatabase(path, src, false); err != nil {
		return sum, fmt.Errorf("cannot read the file: %w", explainFS(err))
	}
	if sum.DeviceID, err = inspectResults(ctx, src, true); err != nil {
		return sum, err
	}

	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return sum, explainOpen(err)
	}
	// This connection gets the file attached and a temporary table: throw it
	// away afterwards rather than hand it back to the pool.
	defer func() {
		conn.Raw(func(any) error { return driver.ErrBadConn })
		conn.Close()
	}()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS other`, src); err != nil {
		return sum, notResults(err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return sum, explainOpen(err)
	}
	defer tx.Rollback()
	if sum.Versions, err = mergeVersions(ctx, tx); err != nil {
		return sum, err
	}
	if sum.Devices, err = mergeResponses(ctx, tx, progress); err != nil {
		return sum, err
	}
	if err := tx.Commit(); err != nil {
		return sum, fmt.Errorf("nothing was added: %w", explainOpen(err))
	}
	return sum, nil
}

// inspectResults checks that the database at path (a private copy) is
// Speakeasy's, whole and not newer than this Speakeasy, and returns its
// device ID. With update, an older schema is brought up to date in the copy.
func inspectResults(ctx context.Context, path string, update bool) (string, error) {
	c, err := openAddress(path, paramsScratch)
	if err != nil {
		return "", err
	}
	defer c.Close()
	c.SetMaxOpenConns(1)
	var version int
	if err := c.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return "", notResults(err)
	}
	switch {
	case version > SchemaVersion():
		return "", ErrNewerFile
	case version < 1:
		return "", ErrNotResults
	}
	if problem, err := quickCheck(ctx, c); err != nil {
		return "", notResults(err)
	} else if problem != "" {
		return "", notResults(fmt.Errorf("damaged: %s", firstLine(problem)))
	}
	if version < SchemaVersion() {
		if !update {
			return deviceID(ctx, c) // Open brings it up to date
		}
		if err := (&DB{sql: c}).migrate(); err != nil {
			return "", notResults(err)
		}
	}
	for table, cols := range map[string]string{"surveys": surveyCols, "survey_versions": versionCols,
		"responses": responseCols, "answers": answerCols, "settings": "key, value"} {
		if _, err := c.ExecContext(ctx, `SELECT `+cols+` FROM `+table+` LIMIT 0`); err != nil {
			return "", notResults(err)
		}
	}
	var bad int
	if err := c.QueryRowContext(ctx, badRows).Scan(&bad); err != nil {
		return "", notResults(err)
	} else if bad > 0 {
		return "", notResults(fmt.Errorf("%d rows hold values of the wrong kind", bad))
	}
	return deviceID(ctx, c)
}

// deviceID reads the device ID from a database's settings, "" if it has none.
func deviceID(ctx context.Context, c *sql.DB) (string, error) {
	var device string
	err := c.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'device_id'`).Scan(&device)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", notResults(err)
	}
	return device, nil
}

// notResultsError is ErrNotResults with what SQLite or the checks found,
// kept for errors.Is and errors.As but not shown: it means nothing to staff.
type notResultsError struct{ cause error }

func (e *notResultsError) Error() string   { return ErrNotResults.Error() + ", or it is damaged" }
func (e *notResultsError) Unwrap() []error { return []error{ErrNotResults, e.cause} }

func notResults(cause error) error { return &notResultsError{cause} }

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// mergeVersions adds the surveys and survey versions that are new here and
// returns how many versions were added. A version number whose content
// differs on the two sides is a *ConflictError.
func mergeVersions(ctx context.Context, tx *sql.Tx) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT o.survey_id, o.version, o.definition, o.sha256, o.published_at, m.sha256
		FROM other.survey_versions o LEFT JOIN main.survey_versions m ON m.survey_id = o.survey_id AND m.version = o.version
		ORDER BY o.survey_id, o.version`)
	if err != nil {
		return 0, notResults(err)
	}
	type version struct {
		surveyID                     string
		number                       int
		definition, sum, publishedAt string
	}
	var added []version
	var conflict ConflictError
	for rows.Next() {
		var v version
		var ours sql.NullString
		var published sql.NullString
		if err := rows.Scan(&v.surveyID, &v.number, &v.definition, &v.sum, &published, &ours); err != nil {
			rows.Close()
			return 0, notResults(err)
		}
		v.publishedAt = published.String
		switch {
		case !ours.Valid:
			added = append(added, v)
		case ours.String != v.sum:
			conflict.Versions = append(conflict.Versions, SurveyVersion{v.surveyID, v.number})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, notResults(err)
	}
	if len(conflict.Versions) > 0 {
		return 0, &conflict
	}
	for _, v := range added {
		// A definition this Speakeasy cannot read would break every screen
		// that shows the survey; better to stop here.
		if s, err := survey.Parse([]byte(v.definition)); err != nil {
			return 0, fmt.Errorf("survey %q version %d in this file cannot be read by this Speakeasy, so nothing was added: %w", v.surveyID, v.number, err)
		} else if s.ID != v.surveyID {
			return 0, notResults(fmt.Errorf("survey %q version %d holds survey %q", v.surveyID, v.number, s.ID))
		}
	}
	if len(added) > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO main.surveys (`+surveyCols+`)
			SELECT `+surveyCols+` FROM other.surveys WHERE true ON CONFLICT (id) DO NOTHING`); err != nil {
			return 0, nothingAdded(err)
		}
	}
	for _, v := range added {
		if _, err := tx.ExecContext(ctx, `INSERT INTO main.survey_versions (`+versionCols+`) VALUES (?, ?, ?, ?, ?)`,
			v.surveyID, v.number, v.definition, v.sum, v.publishedAt); err != nil {
			return 0, nothingAdded(err)
		}
	}
	return len(added), nil
}

// The plan for each of the file's responses.
const (
	planAlready = 0
	planAdd     = 1
	planReplace = 2
)

// mergeChunk is how many responses are worked through between progress calls.
const mergeChunk = 500

// mergeResponses decides, for each response in the file, whether to add it,
// replace ours with it or keep ours; then does so a chunk at a time.
func mergeResponses(ctx context.Context, tx *sql.Tx, progress func(done, total int)) ([]DeviceCounts, error) {
	// The order of the file's copy and ours: last change first, then the
	// whole content, so that ties never depend on which file came first.
	plan := `CREATE TEMP TABLE merge_plan (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
			device_id TEXT NOT NULL, action INTEGER NOT NULL);
		INSERT INTO temp.merge_plan (id, device_id, action)
		SELECT o.id, o.device_id, CASE
			WHEN m.id IS NULL THEN ` + fmt.Sprint(planAdd) + `
			WHEN o.updated_at > m.updated_at THEN ` + fmt.Sprint(planReplace) + `
			WHEN o.updated_at < m.updated_at THEN ` + fmt.Sprint(planAlready) + `
			WHEN ` + contentKey("other", "o") + ` > ` + contentKey("main", "m") + ` THEN ` + fmt.Sprint(planReplace) + `
			ELSE ` + fmt.Sprint(planAlready) + ` END
		FROM other.responses o LEFT JOIN main.responses m ON m.id = o.id ORDER BY o.id`
	if _, err := tx.ExecContext(ctx, plan); err != nil {
		return nil, nothingAdded(err)
	}
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM temp.merge_plan`).Scan(&total); err != nil {
		return nil, nothingAdded(err)
	}
	inChunk := `SELECT id FROM temp.merge_plan WHERE seq >= ? AND seq < ? AND action = ` + fmt.Sprint(planReplace)
	steps := []string{
		`DELETE FROM main.answers WHERE response_id IN (` + inChunk + `)`,
		`DELETE FROM main.responses WHERE id IN (` + inChunk + `)`,
		`INSERT INTO main.responses (` + responseCols + `) SELECT ` + prefixCols("o", responseCols) + `
			FROM temp.merge_plan p JOIN other.responses o ON o.id = p.id WHERE p.seq >= ? AND p.seq < ? AND p.action > 0`,
		`INSERT INTO main.answers (` + answerCols + `) SELECT ` + prefixCols("a", answerCols) + `
			FROM temp.merge_plan p JOIN other.answers a ON a.response_id = p.id WHERE p.seq >= ? AND p.seq < ? AND p.action > 0`,
		// Hard-word marks are only ever added: take the file's, whatever the plan.
		`INSERT INTO main.hard_words (` + hardWordCols + `) SELECT ` + prefixCols("h", hardWordCols) + `
			FROM temp.merge_plan p JOIN other.hard_words h ON h.response_id = p.id WHERE p.seq >= ? AND p.seq < ?
			ON CONFLICT DO NOTHING`,
	}
	for lo := 1; lo <= total; lo += mergeChunk {
		for _, step := range steps {
			if _, err := tx.ExecContext(ctx, step, lo, lo+mergeChunk); err != nil {
				return nil, nothingAdded(err)
			}
		}
		if progress != nil {
			progress(min(lo+mergeChunk-1, total), total)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT device_id, SUM(action = ?), SUM(action = ?), SUM(action = ?)
		FROM temp.merge_plan GROUP BY device_id ORDER BY device_id`, planAdd, planReplace, planAlready)
	if err != nil {
		return nil, nothingAdded(err)
	}
	defer rows.Close()
	var counts []DeviceCounts
	for rows.Next() {
		var d DeviceCounts
		if err := rows.Scan(&d.DeviceID, &d.Added, &d.Updated, &d.Already); err != nil {
			return nil, nothingAdded(err)
		}
		counts = append(counts, d)
	}
	return counts, rows.Err()
}

// contentKey is an SQL expression for everything a response holds: its row
// and its answers, in a fixed order, as one string.
func contentKey(schema, r string) string {
	var b strings.Builder
	for _, col := range strings.Split(responseCols, ", ") {
		fmt.Fprintf(&b, "COALESCE(%s.%s, '') || char(31) || ", r, col)
	}
	fmt.Fprintf(&b, `COALESCE((SELECT group_concat(a.question_id || char(30) || a.value || char(30) || a.answered_at, char(29)
		ORDER BY a.question_id) FROM %s.answers a WHERE a.response_id = %s.id), '')`, schema, r)
	return b.String()
}

// prefixCols turns "a, b" into "p.a, p.b".
func prefixCols(p, cols string) string {
	return p + "." + strings.ReplaceAll(cols, ", ", ", "+p+".")
}

// nothingAdded wraps a failure inside the merge transaction.
func nothingAdded(err error) error {
	return fmt.Errorf("nothing was added: %w", explainOpen(err))
}
