package export

import (
	"context"
	"fmt"
	"time"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// Rows travel from the reading goroutine to the writing one in chunks, and
// the chunks go round and round, so the rows in memory are a fixed few.
// The chunks are big enough that each side works for a good while before
// it waits for the other: on a busy laptop a goroutine that waits may
// wait long for a processor again.
const (
	chunkRows      = 1024
	chunksInFlight = 8
	progressEvery  = 100 * time.Millisecond
)

type chunk struct {
	rows [][]any
	n    int
}

// countResponses is how many responses the export will hold, for progress,
// and numbers them in the order they finished (_id); none at all is an
// error in plain words.
func (p *plan) countResponses(ctx context.Context, db *store.DB) (int, error) {
	var err error
	if p.order, err = db.FinishOrder(ctx, p.surveyID); err != nil {
		return 0, err
	}
	if len(p.order) == 0 {
		return 0, fmt.Errorf("%w: nobody has answered the survey %q yet", ErrNoResponses, p.surveyID)
	}
	return len(p.order), nil
}

// stream reads the responses in a goroutine of its own, makes their rows
// and hands each to emit, in order, on the calling goroutine, so reading
// SQLite and writing the file happen at the same time. The rows given to
// emit are reused afterwards: emit must not keep them. total is the count
// from countResponses, for progress.
func (p *plan) stream(ctx context.Context, db *store.DB, total int, emit func([]any) error, progress func(done, total int)) (Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	free := make(chan *chunk, chunksInFlight)
	full := make(chan *chunk, chunksInFlight)
	for range chunksInFlight {
		c := &chunk{rows: make([][]any, chunkRows)}
		for i := range c.rows {
			c.rows[i] = make([]any, len(p.cols))
		}
		free <- c
	}

	var sum Summary // written by the reader, read after readErr
	readErr := make(chan error, 1)
	go func() {
		defer close(full)
		c := <-free
		send := func() error {
			select {
			case full <- c:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case c = <-free:
				c.n = 0
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		err := db.EachResponse(ctx, p.surveyID, func(r survey.Response, answers []store.StoredAnswer) error {
			p.row(r, answers, c.rows[c.n])
			c.n++
			sum.Responses++
			if r.Status == survey.Complete {
				sum.Complete++
			} else {
				sum.Incomplete++
			}
			if c.n == chunkRows {
				return send()
			}
			return nil
		})
		if err == nil && c.n > 0 {
			err = send()
		}
		readErr <- err
	}()

	done := 0
	last := time.Now()
	var writeErr error
	for c := range full {
		for _, row := range c.rows[:c.n] {
			if writeErr != nil {
				break
			}
			if writeErr = emit(row); writeErr != nil {
				cancel() // the reader stops; keep draining until it has
			}
		}
		done += c.n
		if progress != nil && writeErr == nil && time.Since(last) >= progressEvery {
			progress(done, max(total, done))
			last = time.Now()
		}
		free <- c
	}
	err := <-readErr
	if writeErr != nil {
		return Summary{}, writeErr
	}
	if err != nil {
		return Summary{}, err
	}
	if sum.Responses == 0 {
		return Summary{}, fmt.Errorf("%w: nobody has answered the survey %q yet", ErrNoResponses, p.surveyID)
	}
	if progress != nil {
		progress(sum.Responses, sum.Responses)
	}
	return sum, nil
}
