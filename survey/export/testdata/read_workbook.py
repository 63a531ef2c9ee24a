"""Reads a workbook the way an analyst's script would, independently of
excelize: openpyxl in read-only mode for every sheet's cells, and the
chart, drawing and page-setup XML straight from the zip. Prints JSON."""

import datetime
import json
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

from openpyxl import load_workbook

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "r": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def value(v):
    if isinstance(v, (datetime.datetime, datetime.date)):
        return v.isoformat()
    return v


def cells(ws):
    rows = []
    for row in ws.iter_rows():
        rows.append([[c.data_type if c.value is not None else "", value(c.value)] for c in row])
    return rows


def chart(xml):
    root = ET.fromstring(xml)
    val_min = [m.get("val") for m in root.findall(".//c:valAx/c:scaling/c:min", NS)]
    vary = [v.get("val") for v in root.findall(".//c:varyColors", NS)]
    series = []
    for ser in root.findall(".//c:ser", NS):
        fills = [f.get("val") for f in ser.findall("./c:spPr/a:solidFill/a:srgbClr", NS)]
        points = len(ser.findall("./c:dPt", NS))
        series.append({"fills": fills, "points": points})
    text = [f.get("val") for f in root.findall(".//c:txPr//a:solidFill/a:srgbClr", NS)]
    text += [f.get("val") for f in root.findall(".//c:title//a:solidFill/a:srgbClr", NS)]
    title = "".join(t.text or "" for t in root.findall(".//c:title//a:t", NS))
    pos = [p.get("val") for p in root.findall(".//c:dLblPos", NS)]
    return {"min": val_min, "vary": vary, "series": series, "text_colours": text, "title": title, "label_pos": pos}


def rels(z, part):
    path = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if path not in z.namelist():
        return []
    root = ET.fromstring(z.read(path))
    return [posixpath.normpath(posixpath.join(posixpath.dirname(part), r.get("Target")))
            for r in root.findall("r:Relationship", NS)]


def layout(z, part):
    """Page setup, row breaks and the rows each chart covers on a sheet."""
    root = ET.fromstring(z.read(part))
    setup = root.find("s:pageSetup", NS)
    props = root.find("s:sheetPr/s:pageSetUpPr", NS)
    breaks = [int(b.get("id")) for b in root.findall("s:rowBreaks/s:brk", NS)]
    anchors = []
    for target in rels(z, part):
        if "drawings/" not in target:
            continue
        drawing = ET.fromstring(z.read(target))
        for a in drawing.findall("xdr:twoCellAnchor", NS):
            anchors.append([int(a.find("xdr:from/xdr:row", NS).text), int(a.find("xdr:to/xdr:row", NS).text)])
    return {
        "fit_to_width": setup.get("fitToWidth") if setup is not None else None,
        "fit_to_height": setup.get("fitToHeight") if setup is not None else None,
        "fit_to_page": props.get("fitToPage") if props is not None else None,
        "breaks": breaks,
        "anchors": anchors,
    }


def main(path):
    wb = load_workbook(path, read_only=True)
    out = {"sheets": [], "charts": []}
    with zipfile.ZipFile(path) as z:
        for ws in wb.worksheets:
            rows = cells(ws)
            out["sheets"].append({
                "name": ws.title,
                "max_row": ws.max_row,
                "max_column": ws.max_column,
                "rows": rows,
                "layout": layout(z, ws._worksheet_path.lstrip("/")),
            })
        for name in sorted(z.namelist()):
            if name.startswith("xl/charts/chart"):
                out["charts"].append(chart(z.read(name)))
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
