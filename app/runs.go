package app

import (
	"sync"

	"speakeasy/survey/store"
)

// The survey this laptop runs has one source of truth: the kiosk_survey
// setting in the results file. Every staff screen that shows it (Today,
// Export, Start) reads it from there, and RunOnThisLaptop is the one way
// to change it, so that the screens open on the same results follow at
// once instead of showing the survey they were made for.

var (
	followersMu sync.Mutex
	// followers are the UIs on each results file, with what each does
	// when the survey changes.
	followers = map[*store.DB]map[*UI]func(id string){}
)

// RunOnThisLaptop makes survey id the one this laptop runs, and tells every
// staff screen open on db: Today, Export and Start then show that survey.
func RunOnThisLaptop(db *store.DB, id string) error {
	if err := db.SetSetting(store.SettingKioskSurvey, id); err != nil {
		return err
	}
	followersMu.Lock()
	var tell []func(string)
	for _, f := range followers[db] {
		tell = append(tell, f)
	}
	followersMu.Unlock()
	for _, f := range tell {
		f(id)
	}
	return nil
}

// follow makes u run f whenever RunOnThisLaptop changes the survey on
// u's results; a later call replaces f.
func (u *UI) follow(f func(id string)) {
	followersMu.Lock()
	defer followersMu.Unlock()
	if followers[u.db] == nil {
		followers[u.db] = map[*UI]func(string){}
	}
	followers[u.db][u] = f
}
