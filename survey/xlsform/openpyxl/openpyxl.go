// Package openpyxl reads a workbook in tests with an independent reader:
// Python's openpyxl in read-only mode, as many Python scripts (and pyxform)
// read it. Read-only mode trusts each sheet's <dimension> element, so a
// workbook that says it holds only cell A1 shows one cell here, as it does
// to those scripts; excelize, reading every cell, would not notice.
//
// It runs Debian's python3 (/usr/bin/python3, not a pyenv one that may be
// first on PATH) with python3-openpyxl, which .ci/deps.sh installs.
package openpyxl

import (
	"encoding/json"
	"os/exec"
	"testing"
)

// Python is the interpreter that has Debian's python3-openpyxl.
const Python = "/usr/bin/python3"

// Sheet is one sheet as openpyxl read it.
type Sheet struct {
	Name string
	// MaxRow and MaxColumn are the sheet's size as openpyxl gives it; in
	// read-only mode they come from the sheet's <dimension>.
	MaxRow    int `json:"max_row"`
	MaxColumn int `json:"max_column"`
	// Rows are the cells' values as text ("" for an empty cell), as
	// iter_rows gives them.
	Rows [][]string `json:"rows"`
}

// Cell is the value at a row and column counted from 1, or "".
func (s Sheet) Cell(row, col int) string {
	if row < 1 || row > len(s.Rows) || col < 1 || col > len(s.Rows[row-1]) {
		return ""
	}
	return s.Rows[row-1][col-1]
}

const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
out = []
for ws in wb.worksheets:
    rows = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
    out.append({"Name": ws.title, "max_row": ws.max_row or 0, "max_column": ws.max_column or 0, "rows": rows})
json.dump(out, sys.stdout)
`

// Read reads the workbook at path with openpyxl in read-only mode, its
// sheets in order. It fails the test if openpyxl cannot read it.
func Read(t testing.TB, path string) []Sheet {
	t.Helper()
	cmd := exec.Command(Python, "-c", script, path)
	out, err := cmd.Output()
	if err != nil {
		msg := err.Error()
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("openpyxl could not read %s (python3-openpyxl is installed by .ci/deps.sh --e2e): %s", path, msg)
	}
	var sheets []Sheet
	if err := json.Unmarshal(out, &sheets); err != nil {
		t.Fatalf("openpyxl's answer for %s: %v", path, err)
	}
	return sheets
}

// Find is the sheet called name, failing the test if there is none.
func Find(t testing.TB, sheets []Sheet, name string) Sheet {
	t.Helper()
	for _, s := range sheets {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no sheet %q", name)
	return Sheet{}
}
