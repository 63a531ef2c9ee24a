package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Languages are the languages the report's own words are written in.
var Languages = []string{"en", "cy"}

// phrases are the report's own words. {n} is a number of people, {a} an
// answer in quotes, {k} the privacy threshold, {x} anything else. Each
// sentence is short and active, and passes the app's easy-read checker
// (report_test checks every one it makes, in both languages).
var phrases = map[string]map[string]string{
	"en": {
		"you said":       "You said",
		"answered":       "{n} people answered.",
		"where":          "Where: {x}.",
		"when":           "When: {x}.",
		"q answered":     "{n} people answered this question.",
		"hidden":         "Not enough people answered this question to show it.",
		"said":           "{n} people said {a}.",
		"chose":          "{n} people chose {a}.",
		"few chose":      "Fewer than {k} people chose {a}.",
		"most said":      "Most people said {a}.",
		"most chose":     "Most people chose {a}.",
		"more said":      "More people said {a} than anything else.",
		"scale":          "One picture stands for {n} people.",
		"scale 1":        "One picture stands for one person.",
		"wrote":          "{n} people wrote an answer.",
		"private":        "We keep their words private.",
		"quotes":         "Here are some things people wrote.",
		"we will":        "What we will do",
		"page":           "Page {x}",
		"or":             "or",
		"and":            "and",
		"to":             "to",
		"then and now":   "Then and now",
		"at answered":    "{x}, {n} people answered.",
		"in said":        "{x}, {n} of {m} people said {a}.",
		"in chose":       "{x}, {n} of {m} people chose {a}.",
		"in hidden":      "{x}, not enough people answered this question.",
		"up":             "More people now.",
		"down":           "Fewer people now.",
		"same":           "About the same.",
		"only one asked": "Only one of the events asked these questions.",
	},
	"cy": {
		"you said":       "Dywedoch chi",
		"answered":       "Atebodd {n} o bobl.",
		"where":          "Ble: {x}.",
		"when":           "Pryd: {x}.",
		"q answered":     "Atebodd {n} o bobl y cwestiwn hwn.",
		"hidden":         "Does dim digon o bobl wedi ateb y cwestiwn hwn i'w ddangos.",
		"said":           "Dywedodd {n} o bobl {a}.",
		"chose":          "Dewisodd {n} o bobl {a}.",
		"few chose":      "Dewisodd llai na {k} o bobl {a}.",
		"most said":      "Dywedodd y rhan fwyaf o bobl {a}.",
		"most chose":     "Dewisodd y rhan fwyaf o bobl {a}.",
		"more said":      "Dywedodd mwy o bobl {a} nag unrhyw beth arall.",
		"scale":          "Mae un llun yn golygu {n} o bobl.",
		"scale 1":        "Mae un llun yn golygu un person.",
		"wrote":          "Ysgrifennodd {n} o bobl ateb.",
		"private":        "Rydyn ni'n cadw eu geiriau yn breifat.",
		"quotes":         "Dyma rai pethau ysgrifennodd pobl.",
		"we will":        "Beth fyddwn ni'n ei wneud",
		"page":           "Tudalen {x}",
		"or":             "neu",
		"and":            "a",
		"to":             "i",
		"then and now":   "Bryd hynny a nawr",
		"at answered":    "{x}, atebodd {n} o bobl.",
		"in said":        "{x}, dywedodd {n} o {m} o bobl {a}.",
		"in chose":       "{x}, dewisodd {n} o {m} o bobl {a}.",
		"in hidden":      "{x}, does dim digon o bobl wedi ateb y cwestiwn hwn.",
		"up":             "Mwy o bobl nawr.",
		"down":           "Llai o bobl nawr.",
		"same":           "Tua'r un peth.",
		"only one asked": "Dim ond un o'r digwyddiadau ofynnodd y cwestiynau hyn.",
	},
}

// months are the months' names, January first.
var months = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"},
	"cy": {"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf",
		"Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"},
}

// words fills in one of the report's sentences in one language.
type words struct {
	lang string
	k    int // the privacy threshold, for "fewer than {k}"
}

// say fills in a phrase: n people, answer a (quoted), x and y anything, m a second count.
func (w words) say(key string, args map[string]any) string {
	s := phrases[w.lang][key]
	if s == "" {
		s = phrases["en"][key]
	}
	s = strings.ReplaceAll(s, "{k}", strconv.Itoa(w.k))
	for name, v := range args {
		s = strings.ReplaceAll(s, "{"+name+"}", fmt.Sprint(v))
	}
	return s
}

// quote puts answer words in curly quotes, so they stand apart from the
// sentence around them.
func quote(s string) string { return "“" + strings.TrimSpace(s) + "”" }

// list joins answers with "or" (or "and"): "A", "A or B", "A, B or C".
func (w words) list(items []string, joiner string) string {
	j := w.say(joiner, nil)
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	last := items[len(items)-1]
	if w.lang == "cy" && joiner == "and" && startsWithVowel(strings.TrimLeft(last, "“")) {
		j = "ac" // Welsh "a" becomes "ac" before a vowel
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + j + " " + last
}

func startsWithVowel(s string) bool {
	for _, r := range s {
		return strings.ContainsRune("aeiouwyâêîôûŵŷAEIOUWY", unicode.ToLower(r))
	}
	return false
}

// month names a month: "June 2024".
func (w words) month(t time.Time) string {
	return months[w.lang][t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// softMutation is how a Welsh month's name changes after "i" (to).
var softMutation = map[string]string{
	"Mawrth": "Fawrth", "Mai": "Fai", "Mehefin": "Fehefin", "Gorffennaf": "Orffennaf",
	"Medi": "Fedi", "Tachwedd": "Dachwedd", "Rhagfyr": "Ragfyr",
}

// months names a span of months: "June 2024", "May to July 2024",
// "November 2023 to February 2024".
func (w words) months(from, to time.Time) string {
	if from.Year() == to.Year() && from.Month() == to.Month() {
		return w.month(from)
	}
	end := months[w.lang][to.Month()-1]
	if w.lang == "cy" && softMutation[end] != "" {
		end = softMutation[end]
	}
	end += " " + strconv.Itoa(to.Year())
	start := months[w.lang][from.Month()-1]
	if from.Year() != to.Year() {
		start += " " + strconv.Itoa(from.Year())
	}
	return start + " " + w.say("to", nil) + " " + end
}

// number writes a number of a number question: whole numbers without a point.
func number(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// span writes a range of numbers: "8 to 12", or "8" when it is one number.
func (w words) span(lo, hi float64) string {
	if lo == hi {
		return number(lo)
	}
	return number(lo) + " " + w.say("to", nil) + " " + number(hi)
}

// nasalAfterYn is how a Welsh month's name changes after "yn" (in).
var nasalAfterYn = map[string]string{
	"Mawrth": "ym Mawrth", "Mai": "ym Mai", "Mehefin": "ym Mehefin", "Medi": "ym Medi",
	"Gorffennaf": "yng Ngorffennaf", "Tachwedd": "yn Nhachwedd",
}

// at says where or when, to start a sentence: "At Spring family day",
// "In March to May 2024"; in Welsh "Yn …", "Ym Mawrth …".
func (w words) at(event string, from, to time.Time) string {
	if w.lang == "cy" {
		if event != "" {
			return "Yn " + event
		}
		span := w.months(from, to)
		first, rest, _ := strings.Cut(span, " ")
		if m, ok := nasalAfterYn[first]; ok {
			return strings.ToUpper(m[:1]) + m[1:] + " " + rest
		}
		return "Yn " + span
	}
	if event != "" {
		return "At " + event
	}
	return "In " + w.months(from, to)
}
