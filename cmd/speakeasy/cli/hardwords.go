package cli

import (
	"context"

	"speakeasy/survey"
	"speakeasy/survey/check"
)

// peopleWarnings are the checker's warnings about words that participants
// marked hard ("I don't understand") in s's answers in the data folder:
// the check learns from the people who answered earlier versions.
func peopleWarnings(env *Env, data string, s *survey.Survey) ([]check.Warning, error) {
	db, done, err := openData(env, "check", data, readResults)
	if err != nil {
		return nil, err
	}
	defer done()
	counts, err := db.CountHardWords(context.Background(), s.ID)
	if err != nil {
		return nil, err
	}
	marked := make([]check.Marked, len(counts))
	for i, c := range counts {
		marked[i] = check.Marked{Question: c.Question, Lang: c.Language, Word: c.Word, People: c.People}
	}
	return check.People(s, marked), nil
}
