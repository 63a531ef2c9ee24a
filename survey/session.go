package survey

import (
	"errors"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Status says whether a participant reached the end of a survey.
type Status string

// The two states of a response.
const (
	Incomplete Status = "incomplete"
	Complete   Status = "complete"
)

// Response is the record of one participant's go at a survey, without its answers.
type Response struct {
	ID         string // a random UUID
	SurveyID   string
	Version    int
	DeviceID   string
	Event      string
	Language   string
	AnsweredBy string
	Started    time.Time
	Updated    time.Time
	Finished   time.Time // zero until the end is reached
	Status     Status
}

// Change is what a Session asks its Saver to make durable, all at once:
// the response's details, answers given or changed, and answers taken away
// because their question is no longer shown.
type Change struct {
	Response Response
	Set      map[string]Answer
	Cleared  []string
	Kinds    map[string]Kind // the kind of each question in Set, for encoding
	// Hard are words the participant marked hard, added to any saved before.
	Hard []HardWord
}

// Saver makes a Change durable before Save returns.
type Saver interface {
	Save(Change) error
}

// SessionOptions are the details of a response that the survey does not hold.
type SessionOptions struct {
	Language string
	DeviceID string
	Event    string
	Saver    Saver            // nil saves nothing, as in a preview
	Now      func() time.Time // nil means time.Now
}

// Session is one participant's walk through a survey: which question is on
// screen, the answers so far, and saving them as the participant moves on.
// Screens draw a Session and pass taps to it; all survey logic lives here.
type Session struct {
	survey  *Survey
	resp    Response
	answers map[string]Answer
	unsaved map[string]bool
	cur     int // index of the question on screen; len(Questions) when finished
	saved   bool
	saver   Saver
	now     func() time.Time
}

// ErrFinished is returned by moves on a session that has reached its end.
var ErrFinished = errors.New("the survey is finished")

// NewSession starts a participant on s at its first shown question.
func NewSession(s *Survey, o SessionOptions) *Session {
	if o.Now == nil {
		o.Now = time.Now
	}
	lang := o.Language
	if lang == "" || !contains(s.Languages, lang) {
		lang = s.Lang()
	}
	now := o.Now()
	ss := &Session{
		survey: s,
		resp: Response{
			ID: uuid.NewString(), SurveyID: s.ID, Version: s.Version,
			DeviceID: o.DeviceID, Event: o.Event, Language: lang,
			Started: now, Updated: now, Status: Incomplete,
		},
		answers: map[string]Answer{},
		unsaved: map[string]bool{},
		saver:   o.Saver,
		now:     o.Now,
	}
	ss.cur = ss.nextShown(-1)
	return ss
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Survey is the survey being answered.
func (s *Session) Survey() *Survey { return s.survey }

// Response is the response's details as they stand.
func (s *Session) Response() Response { return s.resp }

// Language is the language the participant is answering in.
func (s *Session) Language() string { return s.resp.Language }

// Done reports whether the participant has reached the end.
func (s *Session) Done() bool { return s.cur >= len(s.survey.Questions) }

// Current is the question on screen, or nil when done.
func (s *Session) Current() *Question {
	if s.Done() {
		return nil
	}
	return &s.survey.Questions[s.cur]
}

// Answer is the answer given so far to question id.
func (s *Session) Answer(id string) Answer { return s.answers[id] }

// Options are the current question's answers in the participant's language.
func (s *Session) Options() []Option {
	q := s.Current()
	if q == nil {
		return nil
	}
	return q.Options(s.resp.Language, s.survey.Lang())
}

// Text gives t in the participant's language.
func (s *Session) Text(t Text) string { return t.In(s.resp.Language, s.survey.Lang()) }

// CanGoBack reports whether there is a shown question before this one.
func (s *Session) CanGoBack() bool { return !s.Done() && s.prevShown(s.cur) >= 0 }

// Progress says how far the participant is: the current question is
// number n of the m questions in the survey, counting from 1. Notes are
// not questions and are not counted (on a note, n is the last question
// before it). m counts every question, including ones a skip rule may
// pass by, so the total never grows as answers open new questions ("of 6"
// becoming "of 11" tells an easy-read reader they were misled); when a
// skip rule passes questions by, n jumps ahead, which reads as good news,
// and the thank-you screen can come before n reaches m.
func (s *Session) Progress() (n, m int) {
	for i, q := range s.survey.Questions {
		if q.Kind == KindNote {
			continue
		}
		m++
		if i <= s.cur {
			n = m
		}
	}
	return n, m
}

// Preview puts question id on screen whatever the answers so far, for an
// admin looking at every screen. It reports whether the question exists.
func (s *Session) Preview(id string) bool {
	for i := range s.survey.Questions {
		if s.survey.Questions[i].ID == id {
			s.cur = i
			return true
		}
	}
	return false
}

// Set replaces the current question's answer. It is saved when the
// participant moves on.
func (s *Session) Set(a Answer) {
	q := s.Current()
	if q == nil {
		return
	}
	if a.Empty() {
		a = nil
	}
	if !a.Equal(s.answers[q.ID]) {
		if a == nil {
			delete(s.answers, q.ID)
		} else {
			s.answers[q.ID] = a
		}
		s.unsaved[q.ID] = true
	}
}

// SetText sets the answer of a text, number or date question; spaces at
// either end are dropped.
func (s *Session) SetText(v string) { s.Set(Single(strings.TrimSpace(v))) }

// Tap is a tap on an option of the current question. On a many-choice
// question it turns the option on or off ("I don't know" turns off the
// others, and the others turn it off); elsewhere it chooses the option.
// It reports whether the screen should move on by itself (a quick question).
func (s *Session) Tap(value string) (moveOn bool) {
	q := s.Current()
	if q == nil {
		return false
	}
	opt, ok := q.Option(value, s.resp.Language, s.survey.Lang())
	if !ok {
		return false
	}
	if q.Kind != KindMany {
		s.Set(Single(value))
		return q.Quick
	}
	old := s.answers[q.ID]
	var next Answer
	switch {
	case old.Has(value):
		for _, v := range old {
			if v != value {
				next = append(next, v)
			}
		}
	case opt.Exclusive:
		next = Answer{value}
	default:
		for _, v := range old {
			if o, _ := q.Option(v, s.resp.Language, s.survey.Lang()); !o.Exclusive {
				next = append(next, v)
			}
		}
		next = append(next, value)
	}
	s.Set(next)
	return false
}

// Next checks the current answer, saves it and moves to the next shown
// question, or finishes the survey after the last one. A *Refusal says why
// the answer cannot be accepted; any other error is a failure to save, and
// the session stays where it was.
func (s *Session) Next() error {
	q := s.Current()
	if q == nil {
		return ErrFinished
	}
	if r := q.check(s.answers[q.ID], s.env(s.answers[q.ID]), s.resp.Language, s.survey.Lang()); r != nil {
		return r
	}
	s.clearHidden() // before looking ahead: a hidden answer must not show a later question
	next := s.nextShown(s.cur)
	finished := next >= len(s.survey.Questions)
	if err := s.save(finished); err != nil {
		return err
	}
	s.cur = next
	return nil
}

// Back saves the current answer as it is and goes to the previous shown question.
func (s *Session) Back() error {
	if s.Done() {
		return ErrFinished
	}
	prev := s.prevShown(s.cur)
	if prev < 0 {
		return nil
	}
	if err := s.save(false); err != nil {
		return err
	}
	s.cur = prev
	return nil
}

// Stop saves the answers so far and ends the session as incomplete, as when
// a participant walks away. It does nothing if nothing was ever saved and
// nothing is waiting to be.
func (s *Session) Stop() error {
	if s.Done() {
		return nil
	}
	if !s.saved && len(s.answers) == 0 {
		s.cur = len(s.survey.Questions)
		return nil
	}
	if err := s.save(false); err != nil {
		return err
	}
	s.cur = len(s.survey.Questions)
	return nil
}

// Discarder is a Saver that can also throw a response away.
type Discarder interface {
	Discard(responseID string) error
}

// Discard ends the session and throws away everything it saved, for a
// participant who stops and whose survey says their answers go.
func (s *Session) Discard() error {
	if s.saved {
		if d, ok := s.saver.(Discarder); ok {
			if err := d.Discard(s.resp.ID); err != nil {
				return err
			}
		}
	}
	s.answers = map[string]Answer{}
	s.unsaved = map[string]bool{}
	s.cur = len(s.survey.Questions)
	return nil
}

// save writes unsaved answers, clearing those whose question is now hidden.
func (s *Session) save(finish bool) error {
	s.clearHidden()
	ch := Change{Set: map[string]Answer{}, Kinds: map[string]Kind{}}
	for id := range s.unsaved {
		if a, ok := s.answers[id]; ok {
			ch.Set[id] = a
			ch.Kinds[id] = s.survey.Question(id).Kind
		} else {
			ch.Cleared = append(ch.Cleared, id)
		}
	}
	resp := s.resp
	resp.Updated = s.now()
	if s.survey.AnsweredBy != "" {
		resp.AnsweredBy = s.answers[s.survey.AnsweredBy].String()
	}
	if finish {
		resp.Status = Complete
		resp.Finished = resp.Updated
	}
	ch.Response = resp
	if s.saver != nil {
		if err := s.saver.Save(ch); err != nil {
			return err
		}
	}
	s.resp = resp
	s.saved = true
	s.unsaved = map[string]bool{}
	return nil
}

// clearHidden drops answers to questions that the answers now hide, in
// order, so that a hidden question's answer cannot keep a later one shown.
func (s *Session) clearHidden() {
	for i := range s.survey.Questions {
		id := s.survey.Questions[i].ID
		if _, ok := s.answers[id]; ok && !s.shown(i) {
			delete(s.answers, id)
			s.unsaved[id] = true
		}
	}
}

func (s *Session) shown(i int) bool {
	q := &s.survey.Questions[i]
	return q.relevant == nil || q.relevant.Eval(s.env(nil))
}

func (s *Session) nextShown(from int) int {
	i := from + 1
	for i < len(s.survey.Questions) && !s.shown(i) {
		i++
	}
	return i
}

func (s *Session) prevShown(from int) int {
	i := from - 1
	for i >= 0 && !s.shown(i) {
		i--
	}
	return i
}

type sessionEnv struct {
	s    *Session
	self Answer
}

func (e sessionEnv) Lookup(id string) Answer { return e.s.answers[id] }
func (e sessionEnv) Self() Answer            { return e.self }

func (s *Session) env(self Answer) Env { return sessionEnv{s, self} }
