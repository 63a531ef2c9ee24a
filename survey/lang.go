package survey

import "strings"

// language is one language Speakeasy knows by name: the one table of them,
// for the welcome screen's language buttons, the editor, and XLSForm
// headings ("label::Cymraeg (cy)", "label::Welsh").
type language struct {
	code    string
	own     string   // its name in its own words, as its speakers write it
	english []string // its names in English, lower case, the usual first
}

// languages are the languages most spoken in the UK, and a few more.
var languages = []language{
	{"en", "English", []string{"english"}},
	{"cy", "Cymraeg", []string{"welsh"}},
	{"gd", "Gàidhlig", []string{"scottish gaelic", "gaelic"}},
	{"ga", "Gaeilge", []string{"irish"}},
	{"pl", "Polski", []string{"polish"}},
	{"ro", "Română", []string{"romanian"}},
	{"pa", "ਪੰਜਾਬੀ", []string{"punjabi", "panjabi"}},
	{"ur", "اردو", []string{"urdu"}},
	{"bn", "বাংলা", []string{"bengali", "bangla"}},
	{"gu", "ગુજરાતી", []string{"gujarati"}},
	{"hi", "हिन्दी", []string{"hindi"}},
	{"ta", "தமிழ்", []string{"tamil"}},
	{"ar", "العربية", []string{"arabic"}},
	{"fa", "فارسی", []string{"persian", "farsi"}},
	{"ps", "پښتو", []string{"pashto", "pushto"}},
	{"so", "Soomaali", []string{"somali"}},
	{"ti", "ትግርኛ", []string{"tigrinya"}},
	{"pt", "Português", []string{"portuguese"}},
	{"es", "Español", []string{"spanish"}},
	{"fr", "Français", []string{"french"}},
	{"de", "Deutsch", []string{"german"}},
	{"it", "Italiano", []string{"italian"}},
	{"lt", "Lietuvių", []string{"lithuanian"}},
	{"uk", "Українська", []string{"ukrainian"}},
	{"tr", "Türkçe", []string{"turkish"}},
	{"zh", "中文", []string{"chinese"}},
}

// LanguageName gives a language's own name for its code ("cy" gives
// "Cymraeg"), or the code when Speakeasy does not know the language.
func LanguageName(code string) string {
	for _, l := range languages {
		if l.code == code {
			return l.own
		}
	}
	return code
}

// LanguageCode finds the code of a language named in its own words or in
// English, in any case ("Cymraeg", "welsh"). ok is false for a name
// Speakeasy does not know.
func LanguageCode(name string) (code string, ok bool) {
	name = strings.Join(strings.Fields(name), " ")
	for _, l := range languages {
		if strings.EqualFold(l.own, name) {
			return l.code, true
		}
		for _, e := range l.english {
			if strings.EqualFold(e, name) {
				return l.code, true
			}
		}
	}
	return "", false
}

// RightToLeft reports whether a language is written from right to left.
func RightToLeft(code string) bool {
	switch code {
	case "ar", "ur", "fa", "he", "ps", "yi":
		return true
	}
	return false
}
