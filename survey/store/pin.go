package store

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/crypto/argon2"
)

// ErrWrongPIN means the PIN typed was not the staff PIN.
var ErrWrongPIN = errors.New("that PIN is not right")

// WaitError means too many wrong PINs were typed and staff must wait.
// Tried tells the two cases apart: false means the PIN came during a wait
// and was not even tried (it may well be the right one); true means it was
// tried, was wrong, and the wait starts now.
type WaitError struct {
	Wait  time.Duration
	Tried bool
}

func (e *WaitError) Error() string {
	if !e.Tried {
		return fmt.Sprintf("please wait %d seconds; the PIN was not tried", e.Seconds())
	}
	return fmt.Sprintf("that PIN is not right; wait %d seconds", e.Seconds())
}

// Seconds is the wait in whole seconds, rounded up, for staff to read.
func (e *WaitError) Seconds() int { return int((e.Wait + time.Second - 1) / time.Second) }

// Argon2id settings for a short PIN: slow enough to hurt guessing from a
// stolen file, quick enough (tens of milliseconds) for staff at the laptop.
const (
	argonTime    = 3
	argonMemory  = 32 * 1024
	argonThreads = 2
	argonKeyLen  = 32
)

// HasPIN reports whether staff have set a PIN on this laptop.
func (db *DB) HasPIN() (bool, error) {
	h, err := db.Setting("pin_hash")
	return h != "", err
}

// ValidPIN reports whether pin is 4 to 8 digits.
func ValidPIN(pin string) bool {
	if len(pin) < 4 || len(pin) > 8 {
		return false
	}
	for _, r := range pin {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// SetPIN stores a new staff PIN as a salted Argon2id hash.
func (db *DB) SetPIN(pin string) error {
	if !ValidPIN(pin) {
		return errors.New("the PIN must be 4 to 8 numbers")
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return err
	}
	key := argon2.IDKey([]byte(pin), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	enc := base64.RawStdEncoding
	if err := db.SetSetting("pin_hash", "argon2id$"+enc.EncodeToString(salt)+"$"+enc.EncodeToString(key)); err != nil {
		return err
	}
	return db.SetSetting("pin_failures", "0")
}

// pinWait is how long staff must wait after n wrong PINs in a row: nothing
// for the first two slips, then 5 s doubling up to 5 minutes.
func pinWait(n int) time.Duration {
	if n < 3 {
		return 0
	}
	d := 5 * time.Second << min(n-3, 6)
	return min(d, 5*time.Minute)
}

// CheckPIN checks pin against the stored hash. Wrong PINs are counted in the
// database, so restarting the app does not reset the wait. It returns nil,
// ErrWrongPIN, or a *WaitError when it is too soon to try again.
func (db *DB) CheckPIN(pin string, now time.Time) error {
	stored, err := db.Setting("pin_hash")
	if err != nil {
		return err
	}
	if stored == "" {
		return errors.New("no staff PIN has been set")
	}
	failures, _ := db.intSetting("pin_failures")
	if wait, _ := db.PINWait(now); wait > 0 {
		return &WaitError{Wait: wait}
	}
	parts := strings.Split(stored, "$")
	enc := base64.RawStdEncoding
	var salt, want []byte
	if len(parts) == 3 && parts[0] == "argon2id" {
		salt, _ = enc.DecodeString(parts[1])
		want, _ = enc.DecodeString(parts[2])
	}
	if len(salt) == 0 || len(want) == 0 {
		return errors.New("the stored PIN is damaged; set a new one from the command line")
	}
	got := argon2.IDKey([]byte(pin), salt, argonTime, argonMemory, argonThreads, uint32(len(want)))
	if subtle.ConstantTimeCompare(got, want) == 1 {
		return db.SetSetting("pin_failures", "0")
	}
	failures++
	if err := db.SetSetting("pin_failures", strconv.Itoa(failures)); err != nil {
		return err
	}
	if err := db.SetSetting("pin_last_failure", strconv.FormatInt(now.UnixMilli(), 10)); err != nil {
		return err
	}
	if w := pinWait(failures); w > 0 {
		return &WaitError{Wait: w, Tried: true}
	}
	return ErrWrongPIN
}

// PINWait is how long staff must still wait before a PIN is tried, 0 if
// they need not: the first two wrong PINs in a row are free, then the
// waits start at 5 seconds and double, up to 5 minutes.
func (db *DB) PINWait(now time.Time) (time.Duration, error) {
	failures, err := db.intSetting("pin_failures")
	if err != nil {
		return 0, err
	}
	lastFail, err := db.intSetting("pin_last_failure")
	if err != nil {
		return 0, err
	}
	return max(0, time.UnixMilli(int64(lastFail)).Add(pinWait(failures)).Sub(now)), nil
}

func (db *DB) intSetting(key string) (int, error) {
	v, err := db.Setting(key)
	if err != nil || v == "" {
		return 0, err
	}
	return strconv.Atoi(v)
}
