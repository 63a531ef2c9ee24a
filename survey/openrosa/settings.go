package openrosa

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// SettingsFile is where the server's details are kept in the data folder.
// It is a file of its own, readable by this user alone, and not in the
// database: bundles, backups and exports copy the database, and the token
// must go in none of them.
const SettingsFile = "send-to-server.json"

// Settings are the server details staff last sent with.
type Settings struct {
	URL     string `json:"url"`
	Project int    `json:"project,omitempty"`
	Form    string `json:"form,omitempty"`
	User    string `json:"user,omitempty"`
	Token   string `json:"token,omitempty"`
}

// Server is the settings as a Server (with no password: that is never kept).
func (s Settings) Server() Server {
	return Server{URL: s.URL, Project: s.Project, Token: s.Token, User: s.User}
}

// LoadSettings reads the settings in the data folder dir; none is no error.
func LoadSettings(dir string) (Settings, error) {
	var s Settings
	data, err := os.ReadFile(filepath.Join(dir, SettingsFile))
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("cannot read the server settings: %w", err)
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return Settings{}, fmt.Errorf("the server settings in %s are damaged; type them again", SettingsFile)
	}
	return s, nil
}

// SaveSettings writes the settings to the data folder dir, readable by
// this user alone, replacing the old file whole.
func SaveSettings(dir string, s Settings) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err == nil {
		err = writePrivate(dir, SettingsFile, append(data, '\n'))
	}
	if err != nil {
		return fmt.Errorf("cannot save the server settings: %w", err)
	}
	return nil
}

// writePrivate writes a file in dir through a temporary file, so a crash
// leaves the old file or the new one, never half of one. CreateTemp makes
// the file readable by this user alone.
func writePrivate(dir, name string, data []byte) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".send-settings-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, name))
}

// WorthKeeping reports whether settings a send used worked well enough to
// keep for next time: the server was reached and took the sign-in, or
// nothing needed sending. Settings that failed are not saved.
func WorthKeeping(sendErr error) bool {
	for _, bad := range []error{ErrAddress, ErrAuth, ErrServer, ErrRedirects, ErrNoSurvey} {
		if errors.Is(sendErr, bad) {
			return false
		}
	}
	return true
}

// ForgetSettings removes the saved settings, token and all.
func ForgetSettings(dir string) error {
	err := os.Remove(filepath.Join(dir, SettingsFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
