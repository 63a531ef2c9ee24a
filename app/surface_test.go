package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"speakeasy/survey"
	"speakeasy/survey/store"
)

// TestPreview_ShowsTheSurveyAndKeepsAnswersApart drives a preview window as
// an admin would: one question on its own saves nothing, a walk saves into
// the scratch data it was given, never the laptop's, and closing it puts
// the staff's words and look back.
func TestPreview_ShowsTheSurveyAndKeepsAnswersApart(t *testing.T) {
	u, _, db := newTestUI(t)
	s, err := db.Survey("ehc-plan", 0)
	if err != nil {
		t.Fatal(err)
	}
	s.Question("has_plan").Text["en"] = "Have you got a plan?"
	if s, err = survey.New(s); err != nil {
		t.Fatal(err)
	}

	one := Preview(s, PreviewOptions{Question: "has_plan", Clock: &fakeClock{}, StaffLang: "en"})
	if one.win == u.win {
		t.Fatal("the preview took over the participant's window")
	}
	onQuestion(t, one, "has_plan")
	if got := screenText(one); !strings.Contains(got, "Have you got a plan?") || !strings.Contains(got, "Not sure") {
		t.Errorf("the preview shows %s", got)
	}
	test.Tap(tileNamed(t, one, "Yes"))
	test.Tap(tileNamed(t, one, "Next"))
	onQuestion(t, one, "about_plan")
	one.Close()

	scratch, err := store.Open(filepath.Join(t.TempDir(), "scratch"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := scratch.Publish(s); err != nil {
		t.Fatal(err)
	}
	closed := false
	walk := Preview(s, PreviewOptions{DB: scratch, Clock: &fakeClock{}, StaffLang: "en", Closed: func() {
		c, err := scratch.CountResponses("", time.Time{})
		if err != nil || c.Incomplete != 1 {
			t.Errorf("the scratch data holds %+v (%v), want the walk's 1 unfinished response", c, err)
		}
		closed = true
		scratch.Close()
	}})
	if walk.Screen() != "welcome" {
		t.Fatalf("the walk starts on %s", walk.Screen())
	}
	test.Tap(tileNamed(t, walk, "Cymraeg"))
	test.Tap(tileNamed(t, walk, "Dechrau"))
	onQuestion(t, walk, "who")
	test.Tap(walk.keys.options()[0])
	walk.Close()
	if !closed {
		t.Fatal("Closed did not run")
	}
	if c, _ := db.CountResponses("", time.Time{}); c.Total() != 0 {
		t.Errorf("the laptop's data holds %+v after the previews", c)
	}
	if got := lang.L("Start"); got != "Start" {
		t.Errorf("after the Welsh preview the staff's words are %q", got)
	}
	if th, ok := fyne.CurrentApp().Settings().Theme().(*easyTheme); !ok || th.RightToLeft || th.HighContrast || th.Bigger != 1 {
		t.Errorf("after the preview the theme is %#v", fyne.CurrentApp().Settings().Theme())
	}
}
