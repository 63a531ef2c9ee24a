package app

import (
	"strconv"
	"time"

	"speakeasy/survey/store"
)

// scanner is single-switch scanning: the answers, then Next, light up one
// after another every few seconds, and one key (Space, or a switch that
// sends it) taps the one that is lit.
type scanner struct {
	every   time.Duration  // 0 when scanning is off
	source  func() []*tile // what can be lit, asked again at each step
	targets []*tile
	at      int
	timer   Timer
	gen     int
}

// scanDefault is how long each answer stays lit unless staff change it.
const scanDefault = 3 * time.Second

func (s *scanner) load(db *store.DB) error {
	v, err := db.Setting(store.SettingScanSeconds)
	if err != nil {
		return err
	}
	secs, _ := strconv.ParseFloat(v, 64)
	s.every = time.Duration(secs * float64(time.Second))
	return nil
}

// start lights the first target and moves on every s.every.
func (s *scanner) start(u *UI, source func() []*tile) {
	s.stop()
	if s.every <= 0 {
		return
	}
	s.source, s.targets, s.at = source, source(), 0
	if len(s.targets) == 0 {
		return
	}
	s.light(u)
}

// jumpTo lights target i now, for example Next after an answer is chosen.
func (s *scanner) jumpTo(u *UI, t *tile) {
	for i, x := range s.targets {
		if x == t {
			s.at = i
			s.light(u)
			return
		}
	}
}

func (s *scanner) light(u *UI) {
	if s.timer != nil {
		s.timer.Stop()
	}
	u.win.Canvas().Focus(s.targets[s.at])
	s.gen++
	gen := s.gen
	s.timer = u.cfg.Clock.AfterFunc(s.every, func() {
		if gen != s.gen || len(s.targets) == 0 {
			return
		}
		// A page of answers or a step of a date may have changed what is
		// on screen: light the next of what is there now.
		was := s.targets[s.at]
		s.targets = s.source()
		if len(s.targets) == 0 {
			return
		}
		s.at = 0
		for i, t := range s.targets {
			if t == was {
				s.at = (i + 1) % len(s.targets)
			}
		}
		s.light(u)
	})
}

func (s *scanner) stop() {
	s.gen++
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	s.targets = nil
}

// On reports whether scanning is on.
func (s *scanner) On() bool { return s.every > 0 }

// setScanning turns scanning on (every > 0) or off, for this laptop.
func (u *UI) setScanning(every time.Duration) error {
	if err := u.db.SetSetting(store.SettingScanSeconds, strconv.FormatFloat(every.Seconds(), 'f', -1, 64)); err != nil {
		return err
	}
	u.scan.every = every
	return nil
}
