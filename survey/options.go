package survey

import "strconv"

// Values Speakeasy itself gives to the extra answers it can add to a question.
const (
	DontKnow  = "dont_know"
	PreferNot = "prefer_not"
)

// Option is one answer as a participant sees it: a word and a picture.
type Option struct {
	Value   string
	Label   string
	Picture string
	Sound   string
	// Exclusive options ("I don't know") clear the others in a many-choice question.
	Exclusive bool
}

// Words Speakeasy supplies for faces, yes/no and the extra answers, per language.
var builtinWords = map[string]map[string]string{
	"en": {
		"yes": "Yes", "no": "No", "not_sure": "Not sure",
		DontKnow: "I don't know", PreferNot: "I don't want to say",
		"very_bad": "Very bad", "bad": "Bad", "not_good": "Not good", "ok": "OK",
		"good": "Good", "very_good": "Very good",
	},
	"cy": {
		"yes": "Ie", "no": "Na", "not_sure": "Ddim yn siŵr",
		DontKnow: "Dw i ddim yn gwybod", PreferNot: "Dw i ddim eisiau dweud",
		"very_bad": "Drwg iawn", "bad": "Drwg", "not_good": "Ddim yn dda", "ok": "Iawn",
		"good": "Da", "very_good": "Da iawn",
	},
}

// BuiltinWord returns one of Speakeasy's own answer words in lang, or in English.
func BuiltinWord(lang, key string) string {
	if w, ok := builtinWords[lang][key]; ok {
		return w
	}
	return builtinWords["en"][key]
}

type face struct{ word, picture string }

var faceSets = map[int][]face{
	2: {{"not_good", "frowning-face"}, {"good", "grinning-face"}},
	3: {{"not_good", "frowning-face"}, {"ok", "neutral-face"}, {"good", "grinning-face"}},
	5: {{"very_bad", "crying-face"}, {"bad", "slightly-frowning-face"}, {"ok", "neutral-face"},
		{"good", "slightly-smiling-face"}, {"very_good", "grinning-face"}},
}

// Options returns the answers a participant can tap for q, in lang, with the
// survey's first language as fallback. Faces are valued "1" (worst) upwards.
func (q *Question) Options(lang, fallback string) []Option {
	var opts []Option
	switch q.Kind {
	case KindOne, KindMany:
		for _, c := range q.Choices {
			opts = append(opts, Option{Value: c.Value, Label: c.Text.In(lang, fallback), Picture: c.Picture, Sound: c.Sound})
		}
	case KindFaces:
		for i, f := range faceSets[q.Faces] {
			opts = append(opts, Option{Value: strconv.Itoa(i + 1), Label: BuiltinWord(lang, f.word), Picture: f.picture})
		}
	case KindYesNo:
		opts = append(opts,
			Option{Value: "yes", Label: BuiltinWord(lang, "yes"), Picture: "check-mark-button"},
			Option{Value: "no", Label: BuiltinWord(lang, "no"), Picture: "cross-mark"},
			Option{Value: "not_sure", Label: BuiltinWord(lang, "not_sure"), Picture: "thinking-face"})
	default:
		return nil
	}
	return append(opts, q.Unsure(lang)...)
}

// Unsure is "I don't know" and "I don't want to say", when q offers
// them: after a question's choices, or beside the tiles of a date.
func (q *Question) Unsure(lang string) []Option {
	var opts []Option
	if q.DontKnow {
		opts = append(opts, Option{Value: DontKnow, Label: BuiltinWord(lang, DontKnow), Picture: "red-question-mark", Exclusive: true})
	}
	if q.PreferNot {
		opts = append(opts, Option{Value: PreferNot, Label: BuiltinWord(lang, PreferNot), Picture: "zipper-mouth-face", Exclusive: true})
	}
	return opts
}

// IsUnsure reports whether value is an "I don't know" or "I don't want
// to say" that q offers.
func (q *Question) IsUnsure(value string) bool {
	return (value == DontKnow && q.DontKnow) || (value == PreferNot && q.PreferNot)
}

// Option returns the option with the given value, if the question has it.
func (q *Question) Option(value, lang, fallback string) (Option, bool) {
	for _, o := range q.Options(lang, fallback) {
		if o.Value == value {
			return o, true
		}
	}
	return Option{}, false
}
