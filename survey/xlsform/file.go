package xlsform

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"speakeasy/survey"
)

// SaveFile saves s to path as XLSForm (a name ending .xlsx) or as
// Speakeasy's own JSON (any other name), whole or not at all: it writes a
// temporary file beside path and renames it, so a failure leaves no
// half-written file and does not spoil one that was there.
func SaveFile(s *survey.Survey, path string) error {
	err := func() error {
		tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
		if err != nil {
			return err
		}
		defer os.Remove(tmp.Name()) // after the rename there is nothing to remove
		if strings.EqualFold(filepath.Ext(path), ".xlsx") {
			err = Write(s, tmp)
		} else {
			var body []byte
			if body, err = s.Marshal(); err == nil {
				_, err = tmp.Write(append(body, '\n'))
			}
		}
		if err == nil {
			err = tmp.Chmod(0o644)
		}
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp.Name(), path)
		}
		return err
	}()
	if err != nil {
		return fmt.Errorf("cannot save %s: %w", path, err)
	}
	return nil
}

var (
	notIDChars   = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)
	manyUnders   = regexp.MustCompile(`_{2,}`)
	idFirstChars = regexp.MustCompile(`^[A-Za-z_]`)
)

// IDFromName makes a valid survey ID from any name, such as a file's
// ("2024 Parent survey" gives "form_2024_Parent_survey"): letters other
// than A to Z, spaces and signs become _, and an ID must start with a
// letter.
func IDFromName(name string) string {
	id := strings.Trim(manyUnders.ReplaceAllString(notIDChars.ReplaceAllString(name, "_"), "_"), "_.-")
	if id == "" {
		return "form"
	}
	if !idFirstChars.MatchString(id) {
		id = "form_" + id
	}
	return id
}
