package store

// The keys of the settings table (Setting, SetSetting), spelled once for
// every package that reads or writes a setting.
const (
	// SettingDeviceID is this laptop's ID, made the first time the data
	// folder opens and copied into every response.
	SettingDeviceID = "device_id"
	// SettingKioskSurvey is the ID of the survey this laptop runs.
	SettingKioskSurvey = "kiosk_survey"
	// SettingEvent is the event name saved with each response.
	SettingEvent = "event"
	// SettingScanSeconds is how long switch scanning lights each answer;
	// empty or 0 is off.
	SettingScanSeconds = "scan_seconds"
	// SettingPINHash, SettingPINFailures and SettingPINLastFailure keep
	// the staff PIN and the wrong tries that make the next one wait.
	SettingPINHash        = "pin_hash"
	SettingPINFailures    = "pin_failures"
	SettingPINLastFailure = "pin_last_failure"
)
