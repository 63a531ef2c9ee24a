package store

import (
	"fmt"
	"maps"
	"slices"

	"speakeasy/survey"
)

// Batch gathers the changes of many responses in memory and writes them
// in one transaction with Commit. It is for making practice data fast:
// a real participant's answers go through DB.Save, one durable
// transaction per screen. A Batch implements survey.Saver, so sessions
// can be driven against it; only each response's final state is written.
type Batch struct {
	db      *DB
	order   []string // response IDs in the order first seen
	pending map[string]*pendingResponse
}

type pendingResponse struct {
	resp    survey.Response
	answers map[string]string // question ID to encoded value
}

// NewBatch starts an empty batch.
func (db *DB) NewBatch() *Batch {
	return &Batch{db: db, pending: map[string]*pendingResponse{}}
}

// Save keeps the change in memory until Commit. It implements survey.Saver.
func (b *Batch) Save(ch survey.Change) error {
	p := b.pending[ch.Response.ID]
	if p == nil {
		p = &pendingResponse{answers: map[string]string{}}
		b.pending[ch.Response.ID] = p
		b.order = append(b.order, ch.Response.ID)
	}
	p.resp = ch.Response
	for id, a := range ch.Set {
		p.answers[id] = a.Encode(ch.Kinds[id])
	}
	for _, id := range ch.Cleared {
		delete(p.answers, id)
	}
	return nil
}

// Len is how many responses wait to be written.
func (b *Batch) Len() int { return len(b.order) }

// Commit writes every waiting response with its answers in one
// transaction and empties the batch. On failure nothing is written and the
// batch keeps its contents.
func (b *Batch) Commit() error {
	if len(b.order) == 0 {
		return nil
	}
	tx, err := b.db.sql.Begin()
	if err != nil {
		return explainOpen(err)
	}
	defer tx.Rollback()
	// In key order, each page of the answers table is visited once.
	slices.Sort(b.order)
	saveAnswer := tx.Stmt(b.db.saveAnswer)
	for _, id := range b.order {
		p := b.pending[id]
		r := p.resp
		updated, err := b.db.saveResponse(tx, r)
		if err != nil {
			return err
		}
		for _, qid := range slices.Sorted(maps.Keys(p.answers)) {
			if _, err := saveAnswer.Exec(r.ID, qid, p.answers[qid], updated); err != nil {
				return fmt.Errorf("cannot save the answer to %q: %w", qid, explainOpen(err))
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("cannot save: %w", explainOpen(err))
	}
	b.order, b.pending = b.order[:0], map[string]*pendingResponse{}
	return nil
}
