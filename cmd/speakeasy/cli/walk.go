package cli

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"speakeasy/survey"
)

// runWalk answers the kiosk's survey over and over with random answers,
// through the same Session and store as the window, printing one line per
// answer after it is durably saved. The kill test (cmd/speakeasy) runs it
// in the real binary and kills it at random moments. It is not listed in
// --help: it is a test entry point, not a tool for staff.
func runWalk(env *Env, args []string) error {
	r := newSub(env, "walk", "[--data DIR] [--seed N] [--count N]", "Answers the survey with random answers, for tests.")
	seed := r.flags.Uint64("seed", 1, "random seed")
	count := r.flags.Int("count", 0, "stop after this many responses (0: never)")
	if err := r.parse(args, 0, 0, ""); err != nil {
		return err
	}
	db, err := r.open(mayStart)
	if err != nil {
		return err
	}
	defer r.close()
	s, err := loadSurvey(db, "")
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(*seed, 7))
	for n := 0; *count == 0 || n < *count; n++ {
		ss := survey.NewSession(s, survey.SessionOptions{DeviceID: db.DeviceID(), Event: "walk", Saver: db})
		for !ss.Done() {
			q := ss.Current()
			randomAnswer(ss, q, rng)
			if err := ss.Next(); err != nil {
				return fmt.Errorf("question %s: %w", q.ID, err)
			}
			if a := ss.Answer(q.ID); !a.Empty() {
				fmt.Fprintf(env.Stdout, "saved %s %s %s\n", ss.Response().ID, q.ID, strconv.Quote(a.Encode(q.Kind)))
			}
		}
	}
	return nil
}

// randomAnswer gives the current question an answer a person might give.
func randomAnswer(ss *survey.Session, q *survey.Question, rng *rand.Rand) {
	opts := ss.Options()
	switch {
	case len(opts) > 0:
		ss.Tap(opts[rng.IntN(len(opts))].Value)
		if q.Kind == survey.KindMany && rng.IntN(2) == 0 {
			ss.Tap(opts[rng.IntN(len(opts))].Value)
		}
	case q.Kind == survey.KindNumber:
		ss.SetText(strconv.Itoa(5 + rng.IntN(20)))
	case q.Kind == survey.KindDate:
		ss.SetText(fmt.Sprintf("2026-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28)))
	case q.Kind == survey.KindText:
		ss.SetText(fmt.Sprintf("words %d", rng.IntN(1000)))
	}
	if q.Required && ss.Answer(q.ID).Empty() && len(opts) > 0 {
		ss.Tap(opts[0].Value) // a many-choice tap that turned an answer off
	}
}
