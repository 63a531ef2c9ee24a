package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"speakeasy/survey/store"
)

// StaffTab is one tab of the staff screen after "Today". cmd/speakeasy
// lists them in Config.StaffTabs, in the order staff read them; adding a
// tab is one line there.
type StaffTab struct {
	// Title is the tab's name in the app's words of the moment (they
	// change with the language of the survey that runs).
	Title func() string
	// Make builds the tab for the survey this laptop runs.
	Make func(win fyne.Window, db *store.DB, surveyID string) fyne.CanvasObject
}

// showStaff is the staff home, reached only through the PIN: which survey
// runs, the event name answers are tagged with, how many answered today,
// and the ways back to the survey or out of the app.
func (u *UI) showStaff() { u.showStaffSaying("") }

// showStaffSaying is the staff home with said under Today's form, in view.
func (u *UI) showStaffSaying(said string) {
	u.stopTimer()
	// Staff leaving the kiosk is a good moment for a copy of the results.
	go func() {
		if _, err := u.db.Backup(""); err != nil {
			fyne.LogError("backup when staff opened their screen", err)
		}
	}()
	home := u.staffHome(said)
	tabs := container.NewAppTabs(container.NewTabItem(lang.L("Today"), asUsual(home)))
	for _, t := range u.cfg.StaffTabs {
		tabs.Append(container.NewTabItem(t.Title(), asUsual(t.Make(u.win, u.db, u.survey.ID))))
	}
	u.follow(func(string) { u.followSurvey(tabs) })
	// Laid out before they show, at about the room they will have.
	layOutAll(tabs, u.win.Canvas().Size().SubtractWidthHeight(16, 80))
	// The tab bar in compact rows too: 30 px more for every tab.
	u.show("staff", compact(tabs), keyTarget{})
	layOutAll(tabs, tabs.Selected().Content.Size())
}

// layOutAll gives every tab size. The tabs ask for the room the neediest
// tab needs, and a tab never laid out has width 0: its words, one a line,
// would ask for more than the screen, and the window would grow past it.
func layOutAll(tabs *container.AppTabs, size fyne.Size) {
	for _, it := range tabs.Items {
		if it != tabs.Selected() || it.Content.Size().Width == 0 {
			it.Content.Resize(size)
		}
	}
}

// followSurvey loads the survey this laptop now runs and makes the staff
// tabs again for it, all but the one staff are using (it made the change,
// and keeps what they were doing), unless that is Today, which says so.
func (u *UI) followSurvey(tabs *container.AppTabs) {
	if u.screen != "staff" {
		return // Start loads the survey again anyway
	}
	err := u.loadSurvey()
	u.setStaffTheme() // loadSurvey set the participant's look
	u.win.SetTitle("Speakeasy: " + u.survey.Title.In(u.survey.Lang(), ""))
	said := lang.L("This laptop now runs {{.Name}}.", map[string]string{"Name": u.survey.Title.In(u.survey.Lang(), u.survey.ID)})
	if err != nil {
		said = StaffProblem(lang.L("Speakeasy could not open the survey this laptop now runs."), err)
	}
	chosen := tabs.SelectedIndex()
	for i, it := range tabs.Items {
		switch {
		case i == 0:
			it.Text = lang.L("Today")
			it.Content = asUsual(u.staffHome(said))
		case i == chosen:
			it.Text = u.cfg.StaffTabs[i-1].Title()
		default:
			it.Text = u.cfg.StaffTabs[i-1].Title()
			it.Content = asUsual(u.cfg.StaffTabs[i-1].Make(u.win, u.db, u.survey.ID))
		}
	}
	tabs.Refresh()
	layOutAll(tabs, tabs.Selected().Content.Size())
}

// staffHome is the Today tab; said is a message to show at its foot.
func (u *UI) staffHome(said string) fyne.CanvasObject {
	counts := words("", false)
	updateCounts := func() {
		c, err := u.db.CountResponses(u.survey.ID, startOfDay(u.cfg.Now()))
		if err != nil {
			counts.SetText(StaffProblem(lang.L("Speakeasy could not count today's answers."), err))
			return
		}
		counts.SetText(lang.L("Today: {{.C}} finished, {{.I}} not finished.", map[string]int{"C": c.Complete, "I": c.Incomplete}))
	}
	updateCounts()

	infos, err := u.db.Surveys()
	if err != nil {
		return words(StaffProblem(lang.L("Speakeasy could not read the list of surveys."), err), false)
	}
	var titles []string
	byTitle := map[string]string{}
	current := ""
	for _, si := range infos {
		if si.Archived {
			continue
		}
		t := fmt.Sprintf("%s (%s)", si.Title, si.ID)
		titles = append(titles, t)
		byTitle[t] = si.ID
		if si.ID == u.survey.ID {
			current = t
		}
	}
	// The message takes no room until there is something to say.
	message := words(said, false)
	message.Hidden = said == ""
	var foot *fyne.Container // the message and the buttons, laid out again when it shows
	say := func(s string) {
		message.SetText(s)
		message.Show()
		foot.Refresh()
	}
	pick := widget.NewSelect(titles, nil)
	pick.SetSelected(current)
	pick.OnChanged = func(t string) {
		if id := byTitle[t]; id != u.survey.ID {
			if err := RunOnThisLaptop(u.db, id); err != nil {
				say(StaffProblem(lang.L("Speakeasy could not change the survey this laptop runs."), err))
			}
		}
	}

	event := widget.NewEntry()
	event.SetText(u.event)
	event.SetPlaceHolder(lang.L("For example: Family day in the library"))
	saveEvent := widget.NewButton(lang.L("Save the event name"), func() {
		if err := u.db.SetSetting(store.SettingEvent, event.Text); err != nil {
			say(StaffProblem(lang.L("Speakeasy could not save the event name."), err))
			return
		}
		u.event = event.Text
		say(lang.L("Speakeasy saved the event name."))
	})

	var voice string
	if u.cfg.Speech != nil {
		voice = lang.L("Read aloud uses {{.E}}.", map[string]string{"E": u.cfg.Speech.Name()})
	} else {
		voice = strings.TrimSpace(lang.L("Read aloud is off.") + " " + u.cfg.NoSpeech)
	}
	scanOn := widget.NewCheck(lang.L("Light up each answer in turn"), nil)
	scanOn.Checked = u.scan.On()
	seconds := widget.NewSelect([]string{"1", "2", "3", "4", "5", "7", "10"}, nil)
	seconds.PlaceHolder = "10" // never shown (one is always chosen): as wide as the widest
	seconds.SetSelected(fmt.Sprint(max(1, int(u.scan.every.Seconds()))))
	if !u.scan.On() {
		seconds.SetSelected(fmt.Sprint(int(scanDefault.Seconds())))
	}
	saveScan := func() {
		every := time.Duration(0)
		if scanOn.Checked {
			var n int
			fmt.Sscan(seconds.Selected, &n)
			every = time.Duration(n) * time.Second
		}
		if err := u.setScanning(every); err != nil {
			say(StaffProblem(lang.L("Speakeasy could not save the choice for switch scanning."), err))
		}
	}
	scanOn.OnChanged = func(bool) { saveScan() }
	seconds.OnChanged = func(string) { saveScan() }

	// Two columns in the compact staff rows: at 1366×768 all of them, the
	// message and the buttons fit under the menu and the tabs with nothing
	// to scroll, and 1024 px is wide enough for both.
	left := container.NewVBox(
		caption(lang.L("The survey on this laptop"), true), pick,
		counts, // first in view: how the day is going
		words(voice, false),
	)
	right := container.NewVBox(
		container.NewBorder(nil, nil, nil, saveEvent, caption(lang.L("Event name"), true)), event,
		container.NewBorder(nil, nil, nil, container.NewHBox(seconds, widget.NewLabel(lang.L("seconds each"))),
			caption(lang.L("Switch scanning"), true)),
		scanOn,
	)
	buttons := newTileRow(
		newTile(lang.L("Start the survey"), "right-arrow", stylePrimary, u.restart),
		newTile(lang.L("Show today's results"), "speech-balloon", stylePlain, u.showResults),
		newTile(lang.L("Change the PIN"), "key", stylePlain, func() {
			u.showSetPIN(func() { u.showStaffSaying(lang.L("The new PIN works from now on.")) })
		}),
		newTile(lang.L("Close Speakeasy"), "stop-sign", stylePlain, u.askToClose),
	)
	// The message sits above the buttons, so that "Speakeasy saved the
	// event name." is seen on a short screen too.
	foot = container.NewVBox(compact(message), buttons)
	return container.NewPadded(container.NewBorder(nil, foot, nil, nil, compact(columns(left, right))))
}

// askToClose asks before Speakeasy closes: in a kiosk, closing leaves the
// laptop open to whoever comes next. Staying is the highlighted choice.
func (u *UI) askToClose() {
	var d dialog.Dialog
	stay := widget.NewButton(lang.L("Stay in Speakeasy"), func() { d.Hide() })
	stay.Importance = widget.HighImportance
	closeIt := widget.NewButton(lang.L("Close Speakeasy"), func() { d.Hide(); u.cfg.Quit() })
	d = dialog.NewCustomWithoutButtons(lang.L("Close Speakeasy?"), container.NewVBox(
		words(lang.L("Participants cannot answer until someone starts Speakeasy again."), false),
		container.NewGridWithColumns(2, closeIt, stay),
	), u.win)
	d.Show()
	u.win.Canvas().Focus(stay)
}

// restart goes back to the survey, loading it again: staff may have chosen
// another survey or published a new version of this one.
func (u *UI) restart() {
	if err := u.loadSurvey(); err != nil {
		fyne.LogError("loading the survey again", err)
	}
	u.win.SetTitle("Speakeasy: " + u.survey.Title.In(u.survey.Lang(), ""))
	u.showWelcome()
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}
