//go:build ignore

// Gen writes the XLSForm files that survey/xlsform and the CLI are tested
// with: full.xlsx (every supported column and type, with a picture and a
// sound beside it), spellings.xlsx (other ways real files spell headings and
// sheet names), one file per thing Speakeasy refuses, and the fuzz seeds of
// survey/xlsform. Run it from the repository root after changing it:
//
//	go run testdata/xlsform/gen.go testdata/xlsform/gen_odk.go
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

const dir = "testdata/xlsform"

// sheet is a sheet's name and its rows; the first row is the headings.
type sheet struct {
	name string
	rows [][]any
}

// write saves a workbook with the given sheets, in order.
func write(file string, sheets ...sheet) []byte {
	x := excelize.NewFile()
	defer x.Close()
	for i, sh := range sheets {
		var err error
		if i == 0 {
			err = x.SetSheetName(x.GetSheetName(0), sh.name)
		} else {
			_, err = x.NewSheet(sh.name)
		}
		check(err)
		width := 1
		for r, cells := range sh.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			check(x.SetSheetRow(sh.name, cell, &cells))
			width = max(width, len(cells))
		}
		// excelize says each sheet holds only A1, and pyxform believes it.
		last, _ := excelize.CoordinatesToCellName(width, max(len(sh.rows), 1))
		check(x.SetSheetDimension(sh.name, "A1:"+last))
	}
	buf, err := x.WriteToBuffer()
	check(err)
	if file != "" {
		check(os.WriteFile(filepath.Join(dir, file), buf.Bytes(), 0o644))
	}
	return buf.Bytes()
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func main() {
	full()
	spellings()
	refusals()
	odkForms()
	seeds()
	// The picture and the sound that full.xlsx names, beside it.
	check(os.WriteFile(filepath.Join(dir, "photo.png"), tinyPNG, 0o644))
	check(os.WriteFile(filepath.Join(dir, "hello.mp3"), []byte("ID3 a stand-in for a recorded sound\n"), 0o644))
}

// tinyPNG is a 1 x 1 white picture.
var tinyPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde" +
	"\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\r\xefF\xb8\x00\x00\x00\x00IEND\xaeB`\x82")

// full uses every column and type Speakeasy reads, and some it leaves out.
func full() {
	head := []any{"type", "name", "label::English (en)", "Label::Cymraeg (cy)", "hint::English (en)", "hint::Cymraeg (cy)",
		"required", "required_message::English (en)", "relevant", "constraint", "constraint_message::English (en)",
		"appearance", "parameters", "media::image::English (en)", "media::image::Cymraeg (cy)", "audio",
		"choice_filter", "default", "speakeasy_options", "speakeasy_min", "speakeasy_max"}
	// q fills a row from named cells, so each row says only what it uses.
	q := func(cells map[string]any) []any {
		row := make([]any, len(head))
		for i, h := range head {
			row[i] = cells[h.(string)]
		}
		return row
	}
	srv := [][]any{head,
		q(map[string]any{"type": "start", "name": "start"}),       // 2
		q(map[string]any{"type": "end", "name": "end"}),           // 3
		q(map[string]any{"type": "today", "name": "today"}),       // 4
		q(map[string]any{"type": "deviceid", "name": "deviceid"}), // 5
		q(map[string]any{"type": "note", "name": "hello", "label::English (en)": "Hello. This is about your plan.", // 6
			"Label::Cymraeg (cy)": "Helo. Mae hyn am eich cynllun.", "media::image::English (en)": "waving-hand"}),
		q(map[string]any{"type": "select_one who", "name": "who", "label::English (en)": "Who is answering?", // 7
			"Label::Cymraeg (cy)": "Pwy sy'n ateb?", "required": "yes", "appearance": "quick",
			"required_message::English (en)": "Please pick one.", "media::image::English (en)": "busts-in-silhouette"}),
		q(map[string]any{"type": "begin_group", "name": "plan", "label::English (en)": "Your plan", // 8
			"relevant": "${who} != 'other'", "appearance": "field-list"}),
		q(map[string]any{"type": "select_one yes_no_not_sure", "name": "has_plan", "required": "TRUE()", // 9
			"label::English (en)": "Do you have a plan?", "Label::Cymraeg (cy)": "Oes gennych chi gynllun?",
			"speakeasy_options": "dont_know", "media::image::English (en)": "memo"}),
		q(map[string]any{"type": "begin group", "name": "more", "relevant": "${has_plan} = 'yes'"}), // 10
		q(map[string]any{"type": "select_one agree5", "name": "listened", "appearance": "likert", // 11
			"label::English (en)": "Do people listen to you?", "media::image::English (en)": "ear"}),
		q(map[string]any{"type": "select_one faces3", "name": "happy", "appearance": "faces quick", // 12
			"label::English (en)": "Are you happy with your plan?", "media::image::English (en)": "grinning-face"}),
		q(map[string]any{"type": "select_multiple places", "name": "help_where", "required": "1", // 13
			"label::English (en)": "Where does your plan help?", "hint::English (en)": "Pick all that fit.",
			"hint::Cymraeg (cy)": "Dewiswch bob un sy'n addas.", "speakeasy_options": "prefer_not",
			"media::image::English (en)": "magnifying-glass-tilted-left"}),
		q(map[string]any{"type": "end group"}), // 14
		q(map[string]any{"type": "end_group"}), // 15
		q(map[string]any{"type": "integer", "name": "age", "label::English (en)": "How old are you?", // 16
			"constraint": ". >= 0 and . < 120", "constraint_message::English (en)": "Write an age from 0 to 119.",
			"media::image::English (en)": "birthday-cake"}),
		q(map[string]any{"type": "decimal", "name": "height", "label::English (en)": "How tall are you, in metres?", // 17
			"speakeasy_min": "0.5", "media::image::English (en)": "person"}),
		q(map[string]any{"type": "range", "name": "score", "label::English (en)": "How many stars?", // 18
			"parameters": "start=1 end=5 step=1", "media::image::English (en)": "star"}),
		q(map[string]any{"type": "date", "name": "meeting", "label::English (en)": "When was your meeting?", // 19
			"relevant": "${age} >= 14", "media::image::English (en)": "spiral-calendar"}),
		q(map[string]any{"type": "text", "name": "more_words", "label::English (en)": "Anything else?", // 20
			"required": "no", "audio": "hello.mp3", "media::image::English (en)": "speech-balloon"}),
		q(map[string]any{"type": "acknowledge", "name": "agree", "label::English (en)": "Are you happy to take part?", // 21
			"media::image::English (en)": "thumbs-up"}),
		q(map[string]any{"type": "note", "name": "photo", "label::English (en)": "This is us.", // 22
			"media::image::English (en)": "photo.png", "media::image::Cymraeg (cy)": "photo.png"}),
		q(map[string]any{"type": "note", "name": "lost", "label::English (en)": "This picture is lost.", // 23
			"media::image::English (en)": "missing.png", "default": "left out"}),
		q(map[string]any{"type": "select_one likert4", "name": "four", "appearance": "likert", // 24
			"label::English (en)": "How much?", "media::image::English (en)": "thinking-face"}),
	}
	chs := [][]any{{"list name", "name", "label::English (en)", "label::Cymraeg (cy)", "media::image", "media::audio"},
		{"who", "self", "Me", "Fi", "person"},
		{"who", "parent", "A parent or carer", "Rhiant neu ofalwr", "people-hugging"},
		{"who", "other", "Someone else", "Rhywun arall", "bust-in-silhouette", "hello.mp3"},
		{"yes_no_not_sure", "yes", "Yes", "Ie"},
		{"yes_no_not_sure", "no", "No", "Na"},
		{"yes_no_not_sure", "not_sure", "Not sure", "Ddim yn siŵr"},
		{"agree5", "no_never", "Never"},
		{"agree5", "rarely", "Rarely"},
		{"agree5", "sometimes", "Sometimes"},
		{"agree5", "often", "Often"},
		{"agree5", "always", "Always"},
		{"faces3", "1", "Not good"},
		{"faces3", "2", "OK"},
		{"faces3", "3", "Good"},
		{"places", "school", "At school", "Yn yr ysgol", "school"},
		{"places", "home", "At home", "Gartref", "house"},
		{"places", "dont_know", "I don't know"},
		{"likert4", "a", "A little", nil, "small-hand.png"},
		{"likert4", "b", "Some", nil, "ok-hand"},
		{"likert4", "c", "A lot", nil, "thumbs-up"},
		{"likert4", "d", "All of it", nil, "star"},
		{"spare", "x", "Not used"},
		{"spare", "y", "Not used either"},
	}
	set := [][]any{{"form_title", "form_id", "version", "default_language", "style",
		"speakeasy_title::Cymraeg (cy)", "speakeasy_welcome::English (en)", "speakeasy_thanks::English (en)",
		"speakeasy_picture", "speakeasy_answered_by"},
		{"Your plan", "full_form", "3", "English (en)", "pages", "Eich cynllun", "Welcome! Tap a picture to answer.",
			"Thank you.", "waving-hand", "who"}}
	write("full.xlsx", sheet{"survey", srv}, sheet{"choices", chs}, sheet{"settings", set})
}

// spellings uses other spellings of sheet names and headings, headings
// without a language, and cells that Excel stores as numbers and booleans.
func spellings() {
	srv := [][]any{{"Type", "NAME", "Label", "Hint", "Required", "jr:requiredMsg", "Relevant", "media::image::en", "Audio", "Appearance"},
		{"select one colours", "colour", "Pick a colour.", "Any one.", true, "Please pick.", nil, "artist-palette"},
		{"Begin Group", "g", nil, nil, nil, nil, "${colour} = 'red'"},
		{"integer", "count", "How many?", nil, false, nil, "${colour} != ''"},
		{"End Group"},
		{"note", "bye", "Goodbye.", nil, nil, nil, nil, nil, "bye.ogg"},
	}
	chs := [][]any{{"list_name", "Name", "Label", "Image"},
		{"colours", "red", "Red", "red-heart"},
		{"colours", "blue", "Blue"},
		{"colours", 3, "Number three"},
	}
	set := [][]any{{"Form_ID", "Version", "Form_Title"}, {"spelled", 7, "Spellings"}}
	write("spellings.xlsx", sheet{"Survey", srv}, sheet{"CHOICES", chs}, sheet{"Settings", set})
}

// refusals writes one small form per thing Speakeasy refuses. Each has a
// good first question on row 2 and the refused one on row 3.
func refusals() {
	head := []any{"type", "name", "label", "relevant", "choice_filter"}
	first := []any{"select_one yn", "first", "Is it good?"}
	chs := sheet{"choices", [][]any{{"list_name", "name", "label"}, {"yn", "yes", "Yes"}, {"yn", "no", "No"}}}
	set := sheet{"settings", [][]any{{"form_id", "form_title"}, {"refused", "Refused"}}}
	row := func(file string, r ...[]any) {
		rows := append([][]any{head, first}, r...)
		write(file, sheet{"survey", rows}, chs, set)
	}
	row("repeat.xlsx", []any{"begin_repeat", "people", "Each person"}, []any{"text", "who", "Who?"}, []any{"end_repeat"})
	row("calculate.xlsx", []any{"calculate", "total"})
	row("geopoint.xlsx", []any{"geopoint", "where", "Where are you?"})
	row("geotrace.xlsx", []any{"geotrace", "route", "Your way to school"})
	row("geoshape.xlsx", []any{"geoshape", "area", "Your area"})
	row("image.xlsx", []any{"image", "photo", "Take a photo"})
	row("audio.xlsx", []any{"audio", "voice", "Say something"})
	row("video.xlsx", []any{"video", "film", "Film something"})
	row("barcode.xlsx", []any{"barcode", "code", "Scan it"})
	row("select_from_file.xlsx", []any{"select_one_from_file schools.csv", "school", "Your school"})
	row("choice_filter.xlsx", []any{"select_one yn", "second", "And this?", nil, "name != ${first}"})
	row("unknown_type.xlsx", []any{"slider", "how", "How much?"})
	row("missing_list.xlsx", []any{"select_one colours", "colour", "Your colour"})
	row("duplicate_name.xlsx", []any{"text", "first", "Again"})
	row("or_other.xlsx", []any{"select_one yn or_other", "second", "And this?"})
	row("unclosed_group.xlsx", []any{"begin_group", "g"}, []any{"text", "inside", "Inside"})
	row("beyond_subset.xlsx", []any{"text", "words", "Words", "string-length(${first}) > 2"})
	write("duplicate_choice.xlsx", sheet{"survey", [][]any{head, first}},
		sheet{"choices", [][]any{{"list_name", "name", "label"}, {"yn", "yes", "Yes"}, {"yn", "yes", "Also yes"}}}, set)
	write("no_survey_sheet.xlsx", chs, set)
	check(os.WriteFile(filepath.Join(dir, "not_a_workbook.xlsx"), []byte("type,name,label\nnote,hi,Hello\n"), 0o644))
}

// seeds writes survey/xlsform's committed fuzz seeds: a small good form,
// a form cut short, and things that are not workbooks at all.
func seeds() {
	small := write("", sheet{"survey", [][]any{{"type", "name", "label"}, {"note", "hi", "Hello"}}})
	seedDir := filepath.Join("survey", "xlsform", "testdata", "fuzz", "FuzzRead")
	check(os.MkdirAll(seedDir, 0o755))
	for name, data := range map[string][]byte{
		"small-form":   small,
		"cut-short":    small[:len(small)/2],
		"empty":        {},
		"zip-header":   []byte("PK\x03\x04"),
		"not-a-zip":    []byte("type,name,label\n"),
		"ole-header":   []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
		"survey-sheet": write("", sheet{"survey", [][]any{{"type"}, {"begin_group"}, {"end_repeat"}}}),
	} {
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)
		check(os.WriteFile(filepath.Join(seedDir, name), []byte(body), 0o644))
	}
}
