package app

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"speakeasy/assets"
	"speakeasy/survey"
)

// fitSizes are the windows councils' laptops give Speakeasy, from the
// smallest allowed to a 4K screen at 150 %.
var fitSizes = []fyne.Size{
	{Width: 1024, Height: 600}, {Width: 1280, Height: 720}, {Width: 1366, Height: 768},
	{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}, {Width: 2560, Height: 1440},
}

var fitComforts = map[string]Comfort{
	"normal": {}, "bigger": {Bigger: 1}, "biggest": {Bigger: 2}, "strong": {Strong: true}, "nofaces": {NoFaces: true},
}

func loadTestSurvey(t *testing.T, name string) *survey.Survey {
	t.Helper()
	var data []byte
	var err error
	if name == "ehc-plan" {
		data, _ = assets.BuiltinSurvey(name)
	} else if data, err = os.ReadFile("testdata/" + name + ".json"); err != nil {
		t.Fatal(err)
	}
	s, err := survey.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestFit_EveryScreenEverySizeEveryComfort draws every participant screen
// of the built-in survey, a stress survey (nine answers, long Welsh words,
// a long note, a 15-word question) and an Urdu survey, at every size and
// comfort setting, and checks that everything is in view: every answer and
// button inside the window, no scroll bar, no word split, taps 96 px tall.
func TestFit_EveryScreenEverySizeEveryComfort(t *testing.T) {
	cases := []struct{ survey, lang string }{
		{"ehc-plan", "en"}, {"ehc-plan", "cy"}, {"stress", "en"}, {"stress", "cy"}, {"urdu", "ur"},
	}
	screens := 0
	for _, c := range cases {
		s := loadTestSurvey(t, c.survey)
		for _, size := range fitSizes {
			for name, comfort := range fitComforts {
				label := fmt.Sprintf("%s/%s/%.0fx%.0f/%s", c.survey, c.lang, size.Width, size.Height, name)
				err := RenderScreens(s, RenderOptions{Lang: c.lang, Size: size, Comfort: comfort, CheckOnly: true}, func(sc Screen) error {
					screens++
					if len(sc.Problems) > 0 {
						t.Errorf("%s %s:\n\t%s", label, sc.Name, strings.Join(sc.Problems, "\n\t"))
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	t.Logf("%d screens checked", screens)
}

// TestFit_ProblemScreens checks the screens staff see when Speakeasy
// cannot start as usual: long words wrap and Close Speakeasy stays in view.
func TestFit_ProblemScreens(t *testing.T) {
	long := "Speakeasy cannot write in the folder /home/staff/Documents/Speakeasy results/2026 community days/laptop 3. " +
		"The disk may be full, or the folder may be read-only. Please ask the person who looks after this laptop to make room, " +
		"or start Speakeasy with another folder. Nothing has been lost: the answers saved so far are still in the folder."
	for _, size := range fitSizes {
		a := test.NewTempApp(t)
		w := test.NewTempWindow(t, nil)
		w.Resize(size)
		ShowProblem(a, w, "Speakeasy cannot save answers in its folder", long,
			Action{Label: "Put back the newest copy", Do: func() {}}, Action{Label: "Start with no results", Do: func() {}})
		w.Resize(size)
		if p := FitProblems(w); len(p) > 0 {
			t.Errorf("%.0fx%.0f:\n\t%s", size.Width, size.Height, strings.Join(p, "\n\t"))
		}
		if s := w.Canvas().Size(); s.Height > size.Height+1 {
			t.Errorf("%.0fx%.0f: the window grew to %v", size.Width, size.Height, s)
		}
	}
}

// TestPreview_NeverGrowsPastTheScreen walks the whole survey in an admin's
// preview window on a 1366×768 screen, as the editor's "Try the whole
// survey" does: the window opens inside the screen and no screen asks for
// more room than it has (a real window would grow to fit).
func TestPreview_NeverGrowsPastTheScreen(t *testing.T) {
	test.NewTempApp(t)
	SetScreenSize(fyne.NewSize(1366, 768))
	defer SetScreenSize(fyne.Size{})
	s := loadTestSurvey(t, "ehc-plan")
	u := Preview(s, PreviewOptions{Clock: &fakeClock{}, StaffLang: "en"})
	defer u.Close()
	check := func(where string) {
		t.Helper()
		size := u.win.Canvas().Size()
		if size.Width > 1366 || size.Height > 768-64 {
			t.Fatalf("%s: the preview window is %v on a 1366x768 screen", where, size)
		}
		if p := FitProblems(u.win); len(p) > 0 {
			t.Fatalf("%s:\n\t%s", where, strings.Join(p, "\n\t"))
		}
	}
	check("welcome")
	test.Tap(tileNamed(t, u, "Start"))
	for i := 0; u.Screen() == "question" && i < 40; i++ {
		check(u.Session().Current().ID)
		switch q := u.Session().Current(); {
		case q.Kind == survey.KindNumber:
			test.Tap(tileNamed(t, u, "1"))
		case q.Kind == survey.KindDate:
			for range 3 {
				test.Tap(u.keys.options()[0]) // year, month, day
			}
		case q.Kind.HasOptions():
			test.Tap(u.keys.options()[0])
		}
		test.Tap(tileNamed(t, u, "Next"))
	}
	if u.Screen() != "thanks" {
		t.Fatalf("the walk stopped on %s", u.Screen())
	}
	check("thanks")
}
