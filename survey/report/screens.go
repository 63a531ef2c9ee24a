package report

// Screen is one page of the results as the event's own screen shows them:
// a heading with its picture, sentences, and a line for each answer with
// its picture. It holds no typed words, and keeps small numbers private
// as the report does.
type Screen struct {
	Heading string
	Picture string
	Lines   []ScreenLine
}

// ScreenLine is one sentence on a Screen. Lines with a picture are an
// answer's line; the others say how many answered, or sum the question up.
type ScreenLine struct {
	Text    string
	Picture string
}

// Screens gives the results one screen at a time: first who answered,
// then one screen a question, with the same words as the report.
func Screens(res *Results, o Options) ([]Screen, error) {
	o.Quotes, o.WeWill = nil, "" // typed words are never shown on a screen
	d, err := plan(res, o)
	if err != nil {
		return nil, err
	}
	var out []Screen
	for _, sec := range d.sections {
		var sc Screen
		for _, l := range sec {
			switch {
			case sc.Heading == "" && (l.style == styleTitle || l.style == styleHeading):
				sc.Heading, sc.Picture = l.text, l.picture
			case l.style == styleSmall:
				// How many people one picture stands for: the screen draws
				// no rows of small pictures.
			default:
				sc.Lines = append(sc.Lines, ScreenLine{Text: l.text, Picture: l.picture})
			}
		}
		if sc.Picture == "" {
			sc.Picture = res.Survey.Picture
		}
		out = append(out, sc)
	}
	return out, nil
}
