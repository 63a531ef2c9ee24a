package report

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// benchSurvey has 50 questions of every kind that a report counts.
func benchSurvey() *survey.Survey {
	en := func(s string) survey.Text { return survey.Text{"en": s} }
	s := &survey.Survey{ID: "bench", Version: 1, Languages: []string{"en"}, Title: en("Benchmark survey"), Picture: "memo"}
	kinds := []survey.Kind{survey.KindFaces, survey.KindOne, survey.KindMany, survey.KindYesNo, survey.KindNumber, survey.KindDate, survey.KindText}
	pictures := []string{"grinning-face", "bus", "school", "memo", "birthday-cake", "calendar", "speech-balloon"}
	for i := range 50 {
		q := survey.Question{ID: "q" + strconv.Itoa(i), Kind: kinds[i%len(kinds)], Text: en("Question number " + strconv.Itoa(i) + "?"), Picture: pictures[i%len(pictures)]}
		switch q.Kind {
		case survey.KindFaces:
			q.Faces = 5
		case survey.KindOne, survey.KindMany:
			for j, p := range []string{"bus", "automobile", "taxi", "bicycle", "person-walking", "house"} {
				q.Choices = append(q.Choices, survey.Choice{Value: "c" + strconv.Itoa(j), Text: en("Answer " + strconv.Itoa(j)), Picture: p})
			}
		}
		s.Questions = append(s.Questions, q)
	}
	return s
}

// benchDB saves n responses to the benchmark survey, every question answered.
func benchDB(b *testing.B, n int) *store.DB {
	db, err := store.Open(filepath.Join(b.TempDir(), "data"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	s := benchSurvey()
	if _, err := db.Publish(s); err != nil {
		b.Fatal(err)
	}
	batch := db.NewBatch()
	start := time.Date(2024, 6, 1, 10, 0, 0, 0, time.UTC)
	for i := range n {
		set := map[string]survey.Answer{}
		kinds := map[string]survey.Kind{}
		for j, q := range s.Questions {
			v := (i*7 + j*3) % 6
			var a survey.Answer
			switch q.Kind {
			case survey.KindFaces:
				a = survey.Single(strconv.Itoa(v%5 + 1))
			case survey.KindOne:
				a = survey.Single("c" + strconv.Itoa(v))
			case survey.KindMany:
				a = survey.Answer{"c" + strconv.Itoa(v), "c" + strconv.Itoa((v+2)%6)}
			case survey.KindYesNo:
				a = survey.Single([]string{"yes", "no", "not_sure"}[v%3])
			case survey.KindNumber:
				a = survey.Single(strconv.Itoa(5 + (i*13+j)%14))
			case survey.KindDate:
				a = survey.Single(start.AddDate(0, -(i % 9), 0).Format(survey.DateLayout))
			case survey.KindText:
				a = survey.Single("Words number " + strconv.Itoa(i))
			}
			set[q.ID], kinds[q.ID] = a, q.Kind
		}
		r := survey.Response{ID: fmt.Sprintf("r%06d", i), SurveyID: "bench", Version: 1, DeviceID: "d", Event: "Bench day",
			Language: "en", Started: start.Add(time.Duration(i) * time.Second), Updated: start, Finished: start, Status: survey.Complete}
		if err := batch.Save(survey.Change{Response: r, Set: set, Kinds: kinds}); err != nil {
			b.Fatal(err)
		}
	}
	if err := batch.Commit(); err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkReport makes the report of 10,000 responses to 50 questions,
// the speed target being under 3 seconds, and prints how long each part
// took. Every run draws its pictures afresh, as one command does.
func BenchmarkReport(b *testing.B) {
	db := benchDB(b, 10000)
	ctx := context.Background()
	var tally, write time.Duration
	b.ResetTimer()
	for range b.N {
		// Each report starts as the command line does, with no picture drawn.
		drawnMu.Lock()
		drawnPNG = map[string][]byte{}
		drawnMu.Unlock()
		t0 := time.Now()
		res, err := Tally(ctx, db, Filter{SurveyID: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := Write(io.Discard, res, Options{WeWill: "We will read every answer."}); err != nil {
			b.Fatal(err)
		}
		tally += t1.Sub(t0)
		write += time.Since(t1)
	}
	per := func(d time.Duration) time.Duration { return (d / time.Duration(b.N)).Round(time.Millisecond) }
	fmt.Printf("BenchmarkReport: 10,000 responses x 50 questions: %v (reading and counting %v, PDF %v; target under 3 s)\n",
		per(tally+write), per(tally), per(write))
}
