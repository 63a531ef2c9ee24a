package report

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// Filter picks the responses a report is about.
type Filter struct {
	SurveyID string
	// Events are the event names to count; empty means every event.
	Events []string
	// Since and Until bound the day a response was started (Until is not
	// included); zero means no bound.
	Since, Until time.Time
}

// matches reports whether a response falls inside the filter.
func (f Filter) matches(r survey.Response) bool {
	if len(f.Events) > 0 && !slices.Contains(f.Events, r.Event) {
		return false
	}
	if !f.Since.IsZero() && r.Started.Before(f.Since) {
		return false
	}
	if !f.Until.IsZero() && !r.Started.Before(f.Until) {
		return false
	}
	return true
}

// Results are the counts behind a report: who answered, and what they said
// to each question. They hold every typed answer too, so staff can pick
// quotes; the report prints none of them unless picked.
type Results struct {
	Survey    *survey.Survey // the newest version, for titles and pictures
	People    int            // responses with at least one answer
	Events    []string       // the event names of those responses, sorted
	First     time.Time      // when the first of them started
	Last      time.Time      // when the last of them started
	Questions []*QuestionResult
	// asked holds the IDs of the questions in the survey versions these
	// people answered, so "then and now" can tell a question an event
	// never asked from one nobody answered.
	asked map[string]bool
	hard  map[hardKey]int // people who marked each word hard (hardwords.go)
}

// Asked reports whether the question was in the survey these people answered.
func (r *Results) Asked(id string) bool { return r.asked[id] }

// QuestionResult is what people said to one question, across every
// version of the survey that asked it (matched by the question's ID).
type QuestionResult struct {
	Question *survey.Question // as the newest version that asks it has it
	Answered int              // people who gave any answer
	Counts   map[string]int   // people per answer value; per "2024-06" month for a date
	Numbers  []float64        // every number answer
	Texts    []string         // every typed answer, for staff to pick quotes from
}

// Question returns the result for a question ID, or nil.
func (r *Results) Question(id string) *QuestionResult {
	for _, q := range r.Questions {
		if q.Question.ID == id {
			return q
		}
	}
	return nil
}

// Tally reads every response to f.SurveyID that the filter lets through
// and counts the answers. Notes are left out: they ask nothing.
func Tally(ctx context.Context, db *store.DB, f Filter) (*Results, error) {
	versions, err := db.SurveyVersions(f.SurveyID)
	if err != nil {
		return nil, err
	}
	res := &Results{Survey: versions[len(versions)-1], asked: map[string]bool{}}
	// Each version's kinds, to decode its answers; the newest wording of
	// each question, in the newest order, then questions only older
	// versions asked, oldest first.
	kinds := map[int]map[string]survey.Kind{}
	byID := map[string]*QuestionResult{}
	for i := len(versions) - 1; i >= 0; i-- {
		v := versions[i]
		kinds[v.Version] = map[string]survey.Kind{}
		for j := range v.Questions {
			q := &v.Questions[j]
			kinds[v.Version][q.ID] = q.Kind
			if _, seen := byID[q.ID]; !seen && q.Kind != survey.KindNote {
				byID[q.ID] = &QuestionResult{Question: q, Counts: map[string]int{}}
			}
		}
	}
	seen := map[string]bool{}
	order := func(v *survey.Survey) {
		for j := range v.Questions {
			id := v.Questions[j].ID
			if qr := byID[id]; qr != nil && !seen[id] {
				seen[id] = true
				res.Questions = append(res.Questions, qr)
			}
		}
	}
	order(versions[len(versions)-1])
	for _, v := range versions[:len(versions)-1] {
		order(v)
	}

	marks, err := db.HardWords(ctx, f.SurveyID)
	if err != nil {
		return nil, err
	}
	events := map[string]bool{}
	seenVersion := map[int]bool{}
	err = db.EachResponse(ctx, f.SurveyID, func(r survey.Response, answers []store.StoredAnswer) error {
		if !f.matches(r) {
			return nil
		}
		res.addHard(marks[r.ID])
		kind := kinds[r.Version]
		any := false
		for _, sa := range answers {
			k, ok := kind[sa.Question]
			qr := byID[sa.Question]
			if !ok || qr == nil || k != qr.Question.Kind {
				// A question whose kind changed between versions cannot
				// be counted with the newer one; it is left out.
				continue
			}
			a, err := survey.DecodeAnswer(sa.Value, k)
			if err != nil {
				return fmt.Errorf("response %s, question %q: %w", r.ID, sa.Question, err)
			}
			if qr.add(a) {
				any = true
			}
		}
		if !any {
			return nil
		}
		res.People++
		events[r.Event] = true
		if !seenVersion[r.Version] {
			seenVersion[r.Version] = true
			for id := range kind {
				res.asked[id] = true
			}
		}
		if res.First.IsZero() || r.Started.Before(res.First) {
			res.First = r.Started
		}
		if r.Started.After(res.Last) {
			res.Last = r.Started
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for e := range events {
		if strings.TrimSpace(e) != "" {
			res.Events = append(res.Events, e)
		}
	}
	slices.Sort(res.Events)
	return res, nil
}

// add counts one person's answer; false if there was nothing to count.
func (qr *QuestionResult) add(a survey.Answer) bool {
	if a.Empty() {
		return false
	}
	switch qr.Question.Kind {
	case survey.KindNumber:
		n, err := strconv.ParseFloat(strings.TrimSpace(a[0]), 64)
		if err != nil {
			return false
		}
		qr.Numbers = append(qr.Numbers, n)
	case survey.KindDate:
		t, err := time.Parse(survey.DateLayout, strings.TrimSpace(a[0]))
		if err != nil {
			return false
		}
		qr.Counts[t.Format("2006-01")]++
	case survey.KindText:
		if strings.TrimSpace(a[0]) == "" {
			return false
		}
		qr.Texts = append(qr.Texts, a[0])
	default:
		for _, v := range a {
			qr.Counts[v]++
		}
	}
	qr.Answered++
	return true
}
