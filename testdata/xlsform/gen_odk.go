//go:build ignore

package main

import (
	"fmt"
	"strings"
)

// odkForms writes forms the way ODK and KoboToolbox users write them, in
// every spelling pyxform reads:
//
//   - aliases.xlsx: each other name of a type Speakeasy asks, one a row
//   - colons.xlsx: headings with one colon ("label:English"), in any case
//     and with spaces ("List Name", "Required Message:English")
//   - kobo.xlsx: a KoboToolbox form mixing questions Speakeasy asks with
//     ones it cannot (calculate, geopoint, photo, a repeat), metadata, a
//     skip rule on a left-out question, or_other and a choice_filter
//   - "2024 Parent survey.xlsx": a survey sheet only, so the ID comes
//     from the file name
func odkForms() {
	yn := sheet{"choices", [][]any{{"list_name", "name", "label::English (en)"},
		{"yn", "yes", "Yes"}, {"yn", "no", "No"}, {"yn", "maybe", "Maybe"}}}
	set := sheet{"settings", [][]any{{"form_title", "form_id", "version"}, {"Aliases", "aliases", "2"}}}
	head := []any{"type", "name", "label::English (en)", "required"}
	rows := [][]any{head}
	for i, a := range []struct{ typ, required string }{
		{"select one yn", "yes"}, {"select_one yn", "true()"}, {"select1 yn", "TRUE"}, {"select one from yn", "True"},
		{"add select one prompt using yn", "1"}, {"select all that apply yn", "no"}, {"select all that apply from yn", "false()"},
		{"select_multiple yn", "FALSE"}, {"add select multiple prompt using yn", "No"}, {"select_one yn or specify other", ""},
		{"integer", ""}, {"int", ""}, {"add integer prompt", ""}, {"decimal", ""}, {"add decimal prompt", ""},
		{"text", ""}, {"string", ""}, {"add text prompt", ""}, {"phone number", ""}, {"note", ""}, {"add note prompt", ""},
		{"date", ""}, {"add date prompt", ""}, {"acknowledge", ""}, {"trigger", ""}, {"range", ""},
	} {
		rows = append(rows, []any{a.typ, fmt.Sprintf("q%d", i+2), "Question " + a.typ, a.required})
	}
	for _, m := range []string{"start", "end", "today", "deviceid", "uri:deviceid", "imei", "username", "uri:username",
		"email", "phonenumber", "simserial", "subscriberid", "audit", "start-geopoint", "get start time"} {
		name := "m_" + strings.NewReplacer(":", "_", "-", "_", " ", "_").Replace(m)
		if m == "audit" {
			name = "" // pyxform wants an audit row without a name
		}
		rows = append(rows, []any{m, name})
	}
	write("aliases.xlsx", sheet{"survey", rows}, yn, set)

	write("colons.xlsx",
		sheet{"survey", [][]any{
			{"Type", "Name", "Label:English", "Label:Welsh", "Hint:English", "Required", "Required Message:English", "jr:constraintMsg:English", "Constraint", "Image:English"},
			{"select_one colours", "colour", "Pick a colour.", "Dewiswch liw.", "Any one.", "yes", "Please pick one.", nil, nil, "artist-palette"},
			{"integer", "age", "How old are you?", "Faint yw eich oed?", nil, "no", nil, "From 0 to 120.", ". <= 120"},
		}},
		sheet{"choices", [][]any{{"List Name", "Name", "Label:English", "Label:Welsh"},
			{"colours", "red", "Red", "Coch"}, {"colours", "blue", "Blue", "Glas"}}},
		sheet{"settings", [][]any{{"Form Title", "Form ID", "Default Language"}, {"Colons", "colons", "English"}}})

	write("kobo.xlsx",
		sheet{"survey", [][]any{
			{"type", "name", "label::English (en)", "hint::English (en)", "required", "relevant", "calculation", "choice_filter", "appearance", "$kuid"},
			{"start", "start"},       // 2
			{"end", "end"},           // 3
			{"today", "today"},       // 4
			{"deviceid", "deviceid"}, // 5
			{"begin_group", "about", "About you", nil, nil, nil, nil, nil, "field-list"},      // 6
			{"integer", "age", "How old are you?", nil, "true", nil, nil, nil, nil, "a1b2c3"}, // 7
			{"calculate", "adult", nil, nil, nil, nil, "if(${age} >= 18, 'yes', 'no')"},       // 8
			{"select_one yn", "works", "Do you work?", nil, nil, "${adult} = 'yes'"},          // 9
			{"end_group"}, // 10
			{"geopoint", "home", "Where do you live?"},                                         // 11
			{"image", "photo", "Take a photo of your house."},                                  // 12
			{"select_one county", "county", "Which county?"},                                   // 13
			{"select_one town", "town", "Which town?", nil, nil, nil, nil, "county=${county}"}, // 14
			{"select_multiple help or_other", "help", "What helps you?"},                       // 15
			{"begin_repeat", "children", "Your children"},                                      // 16
			{"text", "child_name", "Name"},                                                     // 17
			{"integer", "child_age", "Age"},                                                    // 18
			{"end_repeat"},                                                                     // 19
			{"text", "more", "Anything else?", nil, nil, "count(${children}) > 0"},             // 20
			{"phone number", "phone", "Your phone number"},                                     // 21
			{"geopoint", "work_place", "Where do you work?"},                                   // 22
		}},
		sheet{"choices", [][]any{{"list_name", "name", "label::English (en)", "county"},
			{"yn", "yes", "Yes"}, {"yn", "no", "No"},
			{"county", "powys", "Powys"}, {"county", "gwynedd", "Gwynedd"},
			{"town", "brecon", "Brecon", "powys"}, {"town", "bangor", "Bangor", "gwynedd"},
			{"help", "family", "Family"}, {"help", "friends", "Friends"}, {"yn", "maybe"}}},
		sheet{"settings", [][]any{{"form_title", "form_id", "version", "default_language"},
			{"Kobo household", "kobo_household", "2024061001", "English (en)"}}})

	write("2024 Parent survey.xlsx", sheet{"survey", [][]any{{"type", "name", "label"}, {"text", "name", "Your name?"}}})
}
