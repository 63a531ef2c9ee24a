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
	chunkRows      = 2048
	chunksInFlight = 4
	progressEvery  = 100 * time.Millisecond
)

type chunk struct {
	rows [][]any
	n    int
}

// orderAhead numbers the responses in the order they finished (_id), in
// a goroutine of its own, while the reading of the rows starts. The
// function it returns waits for the numbers (once; then it gives the same
// answer) and says how many responses there are, or why not; more than
// limit (if not 0) is an error.
func (p *plan) orderAhead(ctx context.Context, db *store.DB, limit int) func() (int, error) {
	ordered := make(chan error, 1)
	go func() {
		order, err := db.FinishOrder(ctx, p.surveyID)
		p.order = order // read only after ordered says it is there
		ordered <- err
	}()
	var err error
	return func() (int, error) {
		if ordered != nil {
			err = <-ordered
			ordered = nil
			if err == nil && limit > 0 && len(p.order) > limit {
				err = fmt.Errorf("there are %d responses, more than one Excel sheet holds (%d); export to .csv instead", len(p.order), limit)
			}
		}
		return len(p.order), err
	}
}

// numbered puts the response's _id into its row.
func (p *plan) numbered(row []any) {
	if uuid, ok := row[p.meta+metaUUID].(string); ok {
		if id, ok := p.order[uuid]; ok {
			row[p.meta+metaID] = id
		}
	}
}

// stream reads the responses in a goroutine of its own, makes their rows
// and hands each to emit, in order, on the calling goroutine, so reading
// SQLite and writing the file happen at the same time. The rows given to
// emit are reused afterwards: emit must not keep them. More than limit
// responses (if not 0) is an error, before any row reaches emit.
func (p *plan) stream(ctx context.Context, db *store.DB, limit int, emit func([]any) error, progress func(done, total int)) (Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	order := p.orderAhead(ctx, db, limit)
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
	total := 0
	for c := range full {
		if writeErr == nil {
			// The _id numbers are needed from the first row on.
			if total, writeErr = order(); writeErr != nil {
				cancel()
			}
		}
		for _, row := range c.rows[:c.n] {
			if writeErr != nil {
				break
			}
			p.numbered(row)
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
	// Wait for the numbering even when no row came, so that nothing is
	// left reading the database.
	if _, orderErr := order(); err == nil {
		err = orderErr
	}
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
