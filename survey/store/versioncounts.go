package store

// CountByVersion counts a survey's responses for each of its versions, so
// that staff see that answers given before a new version stay with theirs.
// Versions nobody answered are left out.
func (db *DB) CountByVersion(surveyID string) (map[int]Counts, error) {
	rows, err := db.sql.Query(`SELECT version, SUM(status = 'complete'), SUM(status = 'incomplete')
		FROM responses WHERE survey_id = ? GROUP BY version`, surveyID)
	if err != nil {
		return nil, explainOpen(err)
	}
	defer rows.Close()
	counts := map[int]Counts{}
	for rows.Next() {
		var v int
		var c Counts
		if err := rows.Scan(&v, &c.Complete, &c.Incomplete); err != nil {
			return nil, err
		}
		counts[v] = c
	}
	return counts, rows.Err()
}
