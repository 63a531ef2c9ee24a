package app

// buttonWidths shares a row's width among its buttons, part of the fit
// rule (fit.go). Each gets an equal share, unless a button's longest word
// does not fit in it ("I don't understand" beside Back, Listen, Stop and
// Next at 1024 px, or bigger words): then that button gets the room its
// longest word needs, without its picture, and the others share what is
// left. When even that cannot fit, the shares stay equal and the fit
// check names the word.
func buttonWidths(buttons []*tile, width, gap float32) []float32 {
	n := len(buttons)
	room := width - gap*float32(n-1)
	need := make([]float32, n)
	for i, t := range buttons {
		was := t.noPicture
		t.noPicture = true
		need[i] = t.minWidth()
		t.noPicture = was
	}
	out := make([]float32, n)
	wide := make([]bool, n) // given what its word needs
	for {
		left, rest := room, 0
		for i := range buttons {
			if wide[i] {
				left -= out[i]
			} else {
				rest++
			}
		}
		if rest == 0 || left < 0 {
			break
		}
		share, more := left/float32(rest), false
		for i := range buttons {
			if !wide[i] && need[i] > share {
				out[i], wide[i], more = need[i], true, true
			}
		}
		if !more {
			for i := range buttons {
				if !wide[i] {
					out[i] = share
				}
			}
			return out
		}
	}
	for i := range out {
		out[i] = room / float32(n)
	}
	return out
}
