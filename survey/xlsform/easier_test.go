package xlsform

import (
	"slices"
	"testing"

	"speakeasy/survey"
)

// TestWrite_EasierWordsRoundTrip: a question's easier words (shown after
// "I don't understand") go to an easier::Language (code) column per
// language and come back; a survey without them gets no such column.
func TestWrite_EasierWordsRoundTrip(t *testing.T) {
	s := builtin(t, "ehc-plan")
	s.Questions[2].Easier = survey.Text{"en": "Do you have a paper that says what help you get?",
		"cy": "Oes gen ti bapur sy'n dweud pa help rwyt ti'n ei gael?"}
	back, _, data := roundTrip(t, s)
	sameSurvey(t, back, s)
	rows := cells(t, data, "survey")
	if got := column(rows, "easier::English (en)"); !slices.Contains(got, s.Questions[2].Easier["en"]) {
		t.Errorf("easier::English (en) holds %q", got)
	}
	if got := column(rows, "easier::Cymraeg (cy)"); !slices.Contains(got, s.Questions[2].Easier["cy"]) {
		t.Errorf("easier::Cymraeg (cy) holds %q (headings %q)", got, rows[0])
	}
	_, _, data = roundTrip(t, builtin(t, "ehc-plan"))
	for _, h := range cells(t, data, "survey")[0] {
		if len(h) >= 6 && h[:6] == "easier" {
			t.Errorf("a survey with no easier words has the column %q", h)
		}
	}
}
