// Package fake makes practice responses to a survey, so staff can try an
// export before an event and benchmarks have realistic data. Each response
// is a survey.Session driven by random taps and typing, so skip logic,
// required answers and rules are respected exactly as on screen.
package fake

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync/atomic"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// Options shape the practice responses.
type Options struct {
	Count int
	// Seed makes the same answers and times each time (the random IDs
	// still differ); 0 picks a seed at random.
	Seed uint64
	// Events are the community days the responses come from; nil means a few made up.
	Events []string
	// End is when the last event ends; zero means now.
	End time.Time
	// BatchSize is how many responses are written per transaction; 0 means 1000.
	BatchSize int
	// Progress, if set, is told how many responses are saved so far. It is
	// called from a goroutine of its own.
	Progress func(done, total int)
}

// DefaultEvents are the made-up community days practice responses come
// from, named so they are easy to find and filter out in an export.
var DefaultEvents = []string{"Practice: family fun day", "Practice: school open evening", "Practice: youth club"}

// texts are typed answers. Some start with = + - or @ on purpose: an
// export must keep them as words, never turn them into formulas.
var texts = []string{
	"More help at school please.",
	"My teacher is kind.",
	"The bus is late a lot.",
	"I like the quiet room.",
	"Meetings are too long.",
	"I want to choose my own college.",
	"Need more time to talk.",
	"=1+1",
	"@SUM(A1)",
	"+44 7700 900123",
	"-nothing else-",
	"=HYPERLINK(\"http://example.com\",\"click me\")",
	"Diolch, mae'n dda.",
	"First line\nsecond line",
}

// Responses saves opts.Count practice responses to s (which must be
// published in db) and returns how many are complete and not. About one
// in ten stops part way, as when a participant walks off.
func Responses(ctx context.Context, db *store.DB, s *survey.Survey, opts Options) (store.Counts, error) {
	var counts store.Counts
	if opts.Count < 0 {
		return counts, errors.New("the number of practice responses cannot be below 0")
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 1000
	}
	if len(opts.Events) == 0 {
		opts.Events = DefaultEvents
	}
	if opts.End.IsZero() {
		opts.End = time.Now()
	}
	seed := opts.Seed
	if seed == 0 {
		seed = rand.Uint64()
	}
	g := &generator{rnd: rand.New(rand.NewPCG(seed, seed^0x5eed)), s: s, opts: opts, choices: map[string]choices{}}

	// Sessions are driven here while the batch before is written by a
	// goroutine of its own: the two take about as long as each other.
	full, free := make(chan *store.Batch, 1), make(chan *store.Batch, 2)
	free <- db.NewBatch()
	free <- db.NewBatch()
	var failed atomic.Bool
	commitErr := make(chan error, 1)
	go func() {
		var err error
		saved := 0
		for b := range full {
			n := b.Len()
			if err == nil {
				if err = b.Commit(); err != nil {
					failed.Store(true)
				}
			}
			saved += n
			if err == nil && opts.Progress != nil {
				opts.Progress(saved, opts.Count)
			}
			free <- b
		}
		commitErr <- err
	}()

	batch := <-free
	var err error
	for range opts.Count {
		if err = ctx.Err(); err != nil || failed.Load() {
			break
		}
		var status survey.Status
		if status, err = g.respond(batch, db.DeviceID()); err != nil {
			break
		}
		if status == survey.Complete {
			counts.Complete++
		} else {
			counts.Incomplete++
		}
		if batch.Len() >= opts.BatchSize {
			full <- batch
			batch = <-free
		}
	}
	if err == nil && batch.Len() > 0 {
		full <- batch
	}
	close(full)
	if cerr := <-commitErr; err == nil {
		err = cerr
	}
	if err != nil {
		return store.Counts{}, err
	}
	return counts, nil
}

type generator struct {
	rnd     *rand.Rand
	s       *survey.Survey
	opts    Options
	now     time.Time // the made-up clock a session reads
	choices map[string]choices
}

// choices are the values a question's options tap: the plain ones, and
// the extra ones like "I don't know" that clear the others.
type choices struct{ plain, extra []string }

// choicesOf works out a question's choices once.
func (g *generator) choicesOf(q *survey.Question) choices {
	c, ok := g.choices[q.ID]
	if !ok {
		for _, o := range q.Options(g.s.Lang(), g.s.Lang()) {
			if o.Exclusive {
				c.extra = append(c.extra, o.Value)
			} else {
				c.plain = append(c.plain, o.Value)
			}
		}
		g.choices[q.ID] = c
	}
	return c
}

// start picks when a response began: one of the events, each held on two
// days a week apart, between half past nine and half past three.
func (g *generator) start() (event string, at time.Time) {
	e := g.rnd.IntN(len(g.opts.Events))
	daysBack := (len(g.opts.Events)-1-e)*14 + 7*g.rnd.IntN(2)
	end := g.opts.End.Local()
	day := time.Date(end.Year(), end.Month(), end.Day(), 9, 30, 0, 0, time.Local).AddDate(0, 0, -daysBack)
	at = day.Add(time.Duration(g.rnd.Int64N(int64(6 * time.Hour))))
	if at.After(g.opts.End) {
		at = g.opts.End.Add(-time.Duration(g.rnd.Int64N(int64(time.Hour))))
	}
	return g.opts.Events[e], at
}

// respond walks one participant through the survey and reports how it ended.
func (g *generator) respond(saver survey.Saver, device string) (survey.Status, error) {
	event, at := g.start()
	g.now = at
	lang := g.s.Languages[g.rnd.IntN(len(g.s.Languages))]
	ss := survey.NewSession(g.s, survey.SessionOptions{
		Language: lang, DeviceID: device, Event: event, Saver: saver,
		Now: func() time.Time { return g.now },
	})
	stopAfter := -1 // screens to answer before walking off
	if g.rnd.IntN(10) == 0 {
		stopAfter = 1 + g.rnd.IntN(max(1, len(g.s.Questions)-1))
	}
	for screens := 0; !ss.Done(); screens++ {
		if screens == stopAfter {
			if err := ss.Stop(); err != nil {
				return "", err
			}
			return survey.Incomplete, nil
		}
		g.now = g.now.Add(time.Duration(3+g.rnd.IntN(40)) * time.Second)
		if err := g.next(ss); err != nil {
			return "", err
		}
	}
	return ss.Response().Status, nil
}

// next answers the question on screen and moves on. An answer a rule
// refuses is tried again a few times, then left as a participant would:
// empty if allowed, or by walking away.
func (g *generator) next(ss *survey.Session) error {
	for try := 0; try < 5; try++ {
		g.answer(ss, try)
		err := ss.Next()
		var refused *survey.Refusal
		if !errors.As(err, &refused) {
			return err
		}
	}
	ss.Set(nil)
	if err := ss.Next(); err != nil {
		var refused *survey.Refusal
		if errors.As(err, &refused) {
			return ss.Stop()
		}
		return err
	}
	return nil
}

// answer gives the current question a random answer; try > 0 means the
// last one was refused, so it never leaves a question empty then.
func (g *generator) answer(ss *survey.Session, try int) {
	q := ss.Current()
	if q.Kind == survey.KindNote {
		return
	}
	if !q.Required && try == 0 && g.rnd.IntN(100) < 8 {
		ss.Set(nil) // skipped by choice
		return
	}
	switch q.Kind {
	case survey.KindOne, survey.KindFaces, survey.KindYesNo:
		ss.Set(nil)
		ss.Tap(g.option(q))
	case survey.KindMany:
		ss.Set(nil)
		c := g.choicesOf(q)
		if v := g.option(q); slices.Contains(c.extra, v) {
			ss.Tap(v)
			return
		}
		for n := 1 + g.rnd.IntN(3); n > 0; n-- {
			if v := c.plain[g.rnd.IntN(len(c.plain))]; !ss.Answer(q.ID).Has(v) {
				ss.Tap(v)
			}
		}
	case survey.KindText:
		if !q.Required && try == 0 && g.rnd.IntN(100) < 40 {
			ss.Set(nil)
			return
		}
		ss.SetText(texts[g.rnd.IntN(len(texts))])
	case survey.KindNumber:
		lo, hi := 0.0, 99.0
		if q.Min != nil {
			lo = *q.Min
		}
		if q.Max != nil {
			hi = *q.Max
		}
		ss.SetText(strconv.Itoa(int(lo) + g.rnd.IntN(int(hi-lo)+1)))
	case survey.KindDate:
		d := g.now.AddDate(0, 0, -g.rnd.IntN(3*365))
		ss.SetText(d.Format(survey.DateLayout))
	}
}

// option picks an option's value, the extra ones ("I don't know") less often.
func (g *generator) option(q *survey.Question) string {
	c := g.choicesOf(q)
	if len(c.extra) > 0 && (len(c.plain) == 0 || g.rnd.IntN(100) < 10) {
		return c.extra[g.rnd.IntN(len(c.extra))]
	}
	return c.plain[g.rnd.IntN(len(c.plain))]
}
