package export

import (
	"fmt"

	"speakeasy/survey"
)

// Speakeasy's own words in an export (sheet names, headings, notes) are
// looked up through Options.Words in the export's language. Their keys
// are the English words, as in the app's translation files
// (app/translations/*.json): this package cannot read the app's files,
// so the caller passes the lookup in. A test checks every key used here
// has English and Welsh words there.

// w is one of Speakeasy's own words in the export's language, or the
// English key when there are none.
func (p *plan) w(key string) string {
	if p.words != nil {
		if s := p.words(p.lang, key); s != "" {
			return s
		}
	}
	return key
}

// kindWord names a kind of question for the data dictionary.
func (p *plan) kindWord(q *survey.Question) string {
	switch q.Kind {
	case survey.KindNote:
		return p.w("information screen (no answer)")
	case survey.KindOne:
		return p.w("one choice")
	case survey.KindMany:
		return p.w("many choices")
	case survey.KindFaces:
		return fmt.Sprintf("%s (%d)", p.w("faces"), q.Faces)
	case survey.KindYesNo:
		return p.w("yes / no / not sure")
	case survey.KindText:
		return p.w("words")
	case survey.KindNumber:
		return p.w("number")
	case survey.KindDate:
		return p.w("date")
	}
	return string(q.Kind)
}

// sheetNames are the workbook's sheets in the export's language.
type sheetNames struct{ responses, questions, summary, comments string }

func (p *plan) sheetNames() sheetNames {
	return sheetNames{
		responses: p.w("Responses"), questions: p.w("Questions"),
		summary: p.w("Summary"), comments: p.w("Comments"),
	}
}
