package xlsform

import (
	"fmt"
	"strings"
)

// typeNames maps each way pyxform lets a type be written (lower case,
// words apart, "_" read as a space) to the one name Speakeasy reads.
var typeNames = map[string]string{}

func init() {
	for name, spellings := range map[string][]string{
		"select_one": {"select one", "select1", "select one from", "select one using",
			"add select one prompt using", "q select1"},
		"select_multiple": {"select multiple", "select all that apply", "select all that apply from",
			"select multiple from", "select multiple using", "add select multiple prompt using", "q select"},
		"select_one_from_file":      {"select one from file"},
		"select_multiple_from_file": {"select multiple from file"},
		"select_one_external":       {"select one external"},
		"begin_group":               {"begin group"},
		"end_group":                 {"end group"},
		"begin_repeat":              {"begin repeat", "begin loop", "begin looped group", "begin lgroup"},
		"end_repeat":                {"end repeat", "end loop", "end looped group", "end lgroup"},
		"note":                      {"note", "add note prompt", "q note"},
		"text":                      {"text", "string", "add text prompt", "q string"},
		"integer":                   {"integer", "int", "add integer prompt", "q int"},
		"decimal":                   {"decimal", "add decimal prompt", "q decimal"},
		"date":                      {"date", "add date prompt", "q date"},
		"range":                     {"range"},
		"acknowledge":               {"acknowledge", "trigger", "add acknowledge prompt", "q acknowledge"},
		"phone_number":              {"phone number"},
		"start":                     {"start", "start time", "get start time"},
		"end":                       {"end", "end time", "get end time"},
		"today":                     {"today", "get today"},
		"deviceid":                  {"deviceid", "device id", "get device id", "imei", "uri:deviceid"},
		"simserial":                 {"simserial", "sim id", "get sim id", "uri:simserial"},
		"subscriberid":              {"subscriberid", "subscriber id", "get subscriber id", "uri:subscriberid"},
		"phonenumber":               {"phonenumber", "get phone number", "uri:phonenumber"},
		"username":                  {"username", "uri:username"},
		"email":                     {"email", "uri:email"},
		"audit":                     {"audit"},
		"start-geopoint":            {"start-geopoint"},
		"background-geopoint":       {"background-geopoint"},
		"geopoint":                  {"geopoint", "gps", "location", "add location prompt", "q location", "q geopoint"},
		"geotrace":                  {"geotrace", "q geotrace"},
		"geoshape":                  {"geoshape", "q geoshape"},
		"image":                     {"image", "photo", "add image prompt", "add photo prompt", "q picture", "q image"},
		"audio":                     {"audio", "add audio prompt", "q audio"},
		"background-audio":          {"background-audio"},
		"video":                     {"video", "add video prompt", "q video"},
		"file":                      {"file", "add file prompt"},
		"barcode":                   {"barcode", "add barcode prompt", "q barcode"},
		"time":                      {"time", "add time prompt", "q time"},
		"datetime": {"datetime", "date time", "add datetime prompt", "add date time prompt",
			"q datetime", "q date time"},
		"calculate":    {"calculate", "add calculate prompt", "q calculate"},
		"hidden":       {"hidden"},
		"rank":         {"rank"},
		"osm":          {"osm"},
		"xml-external": {"xml-external"},
		"csv-external": {"csv-external"},
	} {
		for _, s := range spellings {
			typeNames[s] = name
		}
	}
}

// splitType reads a type cell as pyxform does: "select one from colours"
// gives "select_one" and ["colours"]; "Begin Group" gives "begin_group".
// The longest spelling that matches wins; a word it does not know is given
// back in lower case, so the message can name it.
func splitType(v string) (string, []string) {
	f := strings.Fields(v)
	if len(f) == 0 {
		return "", nil
	}
	for n := min(len(f), 5); n > 0; n-- {
		phrase := strings.ToLower(strings.ReplaceAll(strings.Join(f[:n], " "), "_", " "))
		if name, ok := typeNames[phrase]; ok {
			return name, f[n:]
		}
	}
	return strings.ToLower(f[0]), f[1:]
}

// metadata are the types ODK fills in by itself, with no question.
var metadata = map[string]bool{
	"start": true, "end": true, "today": true, "deviceid": true, "username": true,
	"email": true, "phonenumber": true, "simserial": true, "subscriberid": true,
	"audit": true, "start-geopoint": true, "background-geopoint": true,
}

// metadataNote notes a metadata row, one notice for all rows of the kind.
func (rd *reader) metadataNote(at Place, word string) {
	switch word {
	case "start", "end", "today", "deviceid":
		rd.note("metadata-own", at, "Speakeasy saves the times, the day and the laptop of every answer itself, so these rows are left out: %s.", word)
	default:
		rd.note("metadata-not", at, "Speakeasy does not record these, so these rows are left out: %s.", word)
	}
}

// refusals are the types Speakeasy cannot ask, with why, in plain words.
var refusals = map[string]string{
	"geopoint":                  "Speakeasy cannot ask for a map point (geopoint).",
	"geotrace":                  "Speakeasy cannot ask for a line on a map (geotrace).",
	"geoshape":                  "Speakeasy cannot ask for a shape on a map (geoshape).",
	"image":                     "Speakeasy cannot take a photo (image); to show a picture, put its file name in the image column.",
	"audio":                     "Speakeasy cannot record a sound (audio); to play a sound, put its file name in the audio column.",
	"background-audio":          "Speakeasy cannot record a sound (background-audio).",
	"video":                     "Speakeasy cannot record a video (video).",
	"file":                      "Speakeasy cannot take a file (file).",
	"barcode":                   "Speakeasy cannot scan a barcode (barcode).",
	"time":                      "Speakeasy can ask for a day but not a time (time).",
	"datetime":                  "Speakeasy can ask for a day but not a time (datetime); use the date type.",
	"calculate":                 "Speakeasy cannot work things out from other answers (calculate); ask it as a question or take the row out.",
	"hidden":                    "Speakeasy cannot keep hidden values (hidden).",
	"rank":                      "Speakeasy cannot ask people to put things in order (rank).",
	"osm":                       "Speakeasy cannot show a map to draw on (osm).",
	"select_one_from_file":      "Speakeasy cannot take choices from a file (select_one_from_file); put the choices on the choices sheet.",
	"select_multiple_from_file": "Speakeasy cannot take choices from a file (select_multiple_from_file); put the choices on the choices sheet.",
	"select_one_external":       "Speakeasy cannot take choices from a file (select_one_external); put the choices on the choices sheet.",
	"xml-external":              "Speakeasy cannot use data from a file (xml-external).",
	"csv-external":              "Speakeasy cannot use data from a file (csv-external).",
}

// cannot is a row Speakeasy cannot ask. A strict reading refuses the form;
// otherwise the row is left out and named, with why.
func (rd *reader) cannot(at Place, name string, why string) {
	if rd.strict {
		rd.fail(at, why)
		return
	}
	if name != "" {
		rd.left[name] = at.Row
	}
	detail := name
	if detail == "" {
		detail = fmt.Sprintf("row %d", at.Row)
	}
	rd.note("cannot\x00"+why, at, why+" Left out: %s.", detail)
}
