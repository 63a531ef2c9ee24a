//go:build ignore

// Command gen rebuilds Speakeasy's embedded pictures from the Fluent Emoji
// icon sets (MIT, Microsoft Corporation) as packaged in Iconify JSON on npm.
//
// Run it from the repository root:
//
//	go run assets/gen/main.go
//
// With no flags it runs "npm pack" for the two pinned packages
// (@iconify-json/fluent-emoji-flat and @iconify-json/fluent-emoji-high-contrast)
// in a temporary folder, so it needs npm and the npm registry. To work
// offline, point it at copies you already have. Each of -flat and -hc takes
// an icons.json file, an unpacked package folder (holding icons.json or
// package/icons.json) or the .tgz that "npm pack" made:
//
//	go run assets/gen/main.go -flat /tmp/flat/package -hc /tmp/hc.tgz
//
// It reads the picture names from assets/pictures/LIST.txt (one name per
// line; blank lines and lines starting with # are skipped) and writes
//
//	assets/pictures/NAME.svg     from Fluent Emoji Flat
//	assets/pictures/hc/NAME.svg  from Fluent Emoji High Contrast, where it has
//	                             the name, with currentColor made #000000
//
// SVG files in those folders that are no longer in the list are removed, so
// the folders always match the list. If a name is not in the flat set,
// nothing is written and the command lists the missing names with close
// matches.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The package versions the committed pictures came from.
const (
	flatPackage = "@iconify-json/fluent-emoji-flat"
	hcPackage   = "@iconify-json/fluent-emoji-high-contrast"
	pinned      = "1.2.6"
)

// iconSet is the part of the Iconify JSON format this command uses.
type iconSet struct {
	Prefix  string              `json:"prefix"`
	Icons   map[string]iconData `json:"icons"`
	Aliases map[string]iconData `json:"aliases"`
	Left    *float64            `json:"left"`
	Top     *float64            `json:"top"`
	Width   *float64            `json:"width"`
	Height  *float64            `json:"height"`
}

// iconData is an icon or an alias. Aliases have Parent and may override the
// box and add flips and quarter turns.
type iconData struct {
	Body   string   `json:"body"`
	Parent string   `json:"parent"`
	Left   *float64 `json:"left"`
	Top    *float64 `json:"top"`
	Width  *float64 `json:"width"`
	Height *float64 `json:"height"`
	Rotate int      `json:"rotate"`
	HFlip  bool     `json:"hFlip"`
	VFlip  bool     `json:"vFlip"`
}

// resolved is one icon ready to become an SVG file.
type resolved struct {
	body                     string
	left, top, width, height float64
	rotate                   int
	hFlip, vFlip             bool
}

func main() {
	flatPath := flag.String("flat", "", "Fluent Emoji Flat icons.json, package folder or .tgz (default: npm pack "+flatPackage+"@"+pinned+")")
	hcPath := flag.String("hc", "", "Fluent Emoji High Contrast icons.json, package folder or .tgz (default: npm pack "+hcPackage+"@"+pinned+")")
	version := flag.String("version", pinned, "package version to npm pack when -flat or -hc is not given")
	listPath := flag.String("list", filepath.Join("assets", "pictures", "LIST.txt"), "list of picture names")
	outDir := flag.String("out", filepath.Join("assets", "pictures"), "folder for the SVG files")
	flag.Parse()

	if err := run(*flatPath, *hcPath, *version, *listPath, *outDir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(flatPath, hcPath, version, listPath, outDir string) error {
	names, err := readList(listPath)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("%s has no names", listPath)
	}

	var tmp string
	if flatPath == "" || hcPath == "" {
		tmp, err = os.MkdirTemp("", "speakeasy-emoji-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
	}
	if flatPath == "" {
		if flatPath, err = npmPack(tmp, flatPackage, version); err != nil {
			return err
		}
	}
	if hcPath == "" {
		if hcPath, err = npmPack(tmp, hcPackage, version); err != nil {
			return err
		}
	}

	flat, err := loadSet(flatPath)
	if err != nil {
		return fmt.Errorf("flat set: %w", err)
	}
	hc, err := loadSet(hcPath)
	if err != nil {
		return fmt.Errorf("high-contrast set: %w", err)
	}

	// Check every name first, so a bad list writes nothing.
	var missing []string
	for _, n := range names {
		if !flat.has(n) {
			missing = append(missing, n+" (close: "+strings.Join(flat.near(n, 8), ", ")+")")
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("not in Fluent Emoji Flat:\n  %s", strings.Join(missing, "\n  "))
	}

	hcDir := filepath.Join(outDir, "hc")
	if err := os.MkdirAll(hcDir, 0o755); err != nil {
		return err
	}
	keep := map[string]bool{}
	var noHC []string
	for _, n := range names {
		keep[n+".svg"] = true
		svg, err := flat.svg(n)
		if err != nil {
			return err
		}
		if err := writeSVG(filepath.Join(outDir, n+".svg"), svg); err != nil {
			return err
		}
		hcFile := filepath.Join(hcDir, n+".svg")
		if !hc.has(n) {
			noHC = append(noHC, n)
			if err := os.Remove(hcFile); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
			continue
		}
		svg, err = hc.svg(n)
		if err != nil {
			return err
		}
		svg = strings.ReplaceAll(svg, "currentColor", "#000000")
		if err := writeSVG(hcFile, svg); err != nil {
			return err
		}
	}
	for _, dir := range []string{outDir, hcDir} {
		if err := removeStale(dir, keep); err != nil {
			return err
		}
	}
	fmt.Printf("gen: wrote %d pictures (%d high contrast) to %s\n", len(names), len(names)-len(noHC), outDir)
	if len(noHC) > 0 {
		fmt.Printf("gen: no high-contrast version (the normal one is used): %s\n", strings.Join(noHC, ", "))
	}
	return nil
}

// readList reads picture names, skipping blanks and # comments, and rejects
// repeats and names that are not plain kebab-case.
func readList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var names []string
	seen := map[string]int{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		n := strings.TrimSpace(sc.Text())
		if n == "" || strings.HasPrefix(n, "#") {
			continue
		}
		if !kebab(n) {
			return nil, fmt.Errorf("%s line %d: %q is not a kebab-case name", path, line, n)
		}
		if first, ok := seen[n]; ok {
			return nil, fmt.Errorf("%s line %d: %q is already on line %d", path, line, n, first)
		}
		seen[n] = line
		names = append(names, n)
	}
	return names, sc.Err()
}

func kebab(s string) bool {
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r == '-' && i > 0 && i < len(s)-1:
		default:
			return false
		}
	}
	return s != ""
}

// npmPack downloads one package with "npm pack" into dir and returns the
// path of the .tgz.
func npmPack(dir, pkg, version string) (string, error) {
	sub, err := os.MkdirTemp(dir, "pack-")
	if err != nil {
		return "", err
	}
	cmd := exec.Command("npm", "pack", "--ignore-scripts", pkg+"@"+version)
	cmd.Dir = sub
	cmd.Stderr = os.Stderr
	if out, err := cmd.Output(); err != nil {
		return "", fmt.Errorf("npm pack %s@%s: %v\n%s", pkg, version, err, out)
	}
	found, err := filepath.Glob(filepath.Join(sub, "*.tgz"))
	if err != nil {
		return "", err
	}
	if len(found) != 1 {
		return "", fmt.Errorf("npm pack %s@%s made %d .tgz files, want 1", pkg, version, len(found))
	}
	return found[0], nil
}

// loadSet reads icons.json from a file, a folder or an npm .tgz.
func loadSet(path string) (*iconSet, error) {
	data, err := readIcons(path)
	if err != nil {
		return nil, err
	}
	var s iconSet
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(s.Icons) == 0 {
		return nil, fmt.Errorf("%s: no icons", path)
	}
	return &s, nil
}

func readIcons(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		for _, p := range []string{"icons.json", filepath.Join("package", "icons.json")} {
			data, err := os.ReadFile(filepath.Join(path, p))
			if err == nil {
				return data, nil
			}
			if !errors.Is(err, os.ErrNotExist) {
				return nil, err
			}
		}
		return nil, fmt.Errorf("%s: no icons.json or package/icons.json", path)
	}
	if !strings.HasSuffix(path, ".tgz") && !strings.HasSuffix(path, ".tar.gz") {
		return os.ReadFile(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("%s: no package/icons.json inside", path)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if h.Name == "package/icons.json" {
			return io.ReadAll(tr)
		}
	}
}

func (s *iconSet) has(name string) bool {
	_, err := s.resolve(name)
	return err == nil
}

// near suggests up to max names sharing a word with name.
func (s *iconSet) near(name string, max int) []string {
	var out []string
	words := strings.Split(name, "-")
	for n := range s.Icons {
		for _, w := range words {
			if len(w) > 2 && strings.Contains(n, w) && !tone(n) {
				out = append(out, n)
				break
			}
		}
	}
	sort.Strings(out)
	if len(out) > max {
		out = out[:max]
	}
	if len(out) == 0 {
		return []string{"none"}
	}
	return out
}

// tone reports names of skin-tone variants, left out of suggestions.
func tone(n string) bool {
	for _, t := range []string{"-dark", "-light", "-medium"} {
		if strings.HasSuffix(n, t) {
			return true
		}
	}
	return false
}

func num(p *float64, def float64) float64 {
	if p != nil {
		return *p
	}
	return def
}

// resolve follows aliases to an icon, merging the box and combining flips
// and turns the way the Iconify format defines them.
func (s *iconSet) resolve(name string) (resolved, error) {
	var chain []iconData
	seen := map[string]bool{}
	for cur := name; ; {
		if seen[cur] {
			return resolved{}, fmt.Errorf("%s: alias loop at %q", name, cur)
		}
		seen[cur] = true
		if ic, ok := s.Icons[cur]; ok {
			chain = append(chain, ic)
			break
		}
		al, ok := s.Aliases[cur]
		if !ok || al.Parent == "" {
			return resolved{}, fmt.Errorf("no icon %q", name)
		}
		chain = append(chain, al)
		cur = al.Parent
	}
	// Start from the set's defaults (Iconify's own default box is 16).
	r := resolved{
		left:   num(s.Left, 0),
		top:    num(s.Top, 0),
		width:  num(s.Width, 16),
		height: num(s.Height, 16),
	}
	// Apply the icon, then each alias from the innermost out.
	for i := len(chain) - 1; i >= 0; i-- {
		d := chain[i]
		if d.Body != "" {
			r.body = d.Body
		}
		r.left = num(d.Left, r.left)
		r.top = num(d.Top, r.top)
		r.width = num(d.Width, r.width)
		r.height = num(d.Height, r.height)
		r.rotate = (r.rotate + d.Rotate) % 4
		r.hFlip = r.hFlip != d.HFlip
		r.vFlip = r.vFlip != d.VFlip
	}
	if r.body == "" {
		return resolved{}, fmt.Errorf("icon %q has no body", name)
	}
	if r.width <= 0 || r.height <= 0 {
		return resolved{}, fmt.Errorf("icon %q has an empty box", name)
	}
	return r, nil
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// svg makes a whole SVG document for one icon. Flips and quarter turns are
// done with one transform about the middle of the box; a quarter turn swaps
// the box's width and height.
func (s *iconSet) svg(name string) (string, error) {
	r, err := s.resolve(name)
	if err != nil {
		return "", err
	}
	body := r.body
	left, top, w, h := r.left, r.top, r.width, r.height
	if r.rotate != 0 || r.hFlip || r.vFlip {
		cx, cy := left+w/2, top+h/2
		sx, sy := 1.0, 1.0
		if r.hFlip {
			sx = -1
		}
		if r.vFlip {
			sy = -1
		}
		t := fmt.Sprintf("translate(%s %s)", fmtNum(cx), fmtNum(cy))
		if r.rotate != 0 {
			t += fmt.Sprintf(" rotate(%d)", r.rotate*90)
		}
		if sx != 1 || sy != 1 {
			t += fmt.Sprintf(" scale(%s %s)", fmtNum(sx), fmtNum(sy))
		}
		t += fmt.Sprintf(" translate(%s %s)", fmtNum(-cx), fmtNum(-cy))
		body = `<g transform="` + t + `">` + body + `</g>`
		if r.rotate%2 == 1 {
			left, top, w, h = cx-h/2, cy-w/2, h, w
		}
	}
	doc := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="%s %s %s %s">%s</svg>`,
		fmtNum(left), fmtNum(top), fmtNum(w), fmtNum(h), body)
	if err := checkXML(doc); err != nil {
		return "", fmt.Errorf("icon %q: %w", name, err)
	}
	return doc + "\n", nil
}

// checkXML makes sure the document is well-formed XML.
func checkXML(doc string) error {
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("bad SVG: %w", err)
		}
	}
}

// writeSVG writes a file only when its contents change.
func writeSVG(path, svg string) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, []byte(svg)) {
		return nil
	}
	return os.WriteFile(path, []byte(svg), 0o644)
}

// removeStale deletes SVG files in dir whose names are not kept.
func removeStale(dir string, keep map[string]bool) error {
	found, err := filepath.Glob(filepath.Join(dir, "*.svg"))
	if err != nil {
		return err
	}
	for _, p := range found {
		if !keep[filepath.Base(p)] {
			fmt.Println("gen: removing", p)
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	return nil
}
