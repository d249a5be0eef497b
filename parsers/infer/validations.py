"""The drop-down lists (data validation) of an xlsx workbook: the choices its author allowed for a column.

calamine does not read data validation, so the sheet XML is read here with lxml: both the plain
`<dataValidation>` and Excel 2010's `<x14:dataValidation>` (WPS and Excel write that one for a list kept on
another sheet). A list is either written inline ("5A,4A,3A") or a range, often on a hidden sheet; ranges are
read with calamine. Only files the readers already accepted get here (zipguard checked the archive).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from lxml import etree
from python_calamine import CalamineError, CalamineWorkbook

_RANGE = re.compile(r"^=?(?:'((?:[^']|'')+)'|([^!'\s]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")
_AREA = re.compile(r"^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$")
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAX_CHOICES = 200  # a longer list is a lookup table, not a drop-down a clerk picks from


@dataclass(frozen=True, slots=True)
class DropDown:
    """A validated area of one sheet (0-based, inclusive) and what it allows."""

    sheet: str
    rows: tuple[int, int]
    cols: tuple[int, int]
    choices: tuple[str, ...] = ()
    multiple: bool = False  # its message says several may be chosen (可多选)
    date: bool = False  # its prompt asks for a date format

    def covers(self, sheet: str, row: int, col: int) -> bool:
        return sheet == self.sheet and self.rows[0] <= row <= self.rows[1] and self.cols[0] <= col <= self.cols[1]


def column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def drop_downs(data: bytes) -> list[DropDown]:
    """Every list or hinted validation of the workbook's sheets; [] for anything but a readable xlsx."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        sheets = _sheet_parts(archive)
        names = _defined_names(archive)
        found = [d for name, part in sheets.items() for d in _sheet(archive, name, part)]
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError):
        return []
    return [_resolved(d, data, names) for d in found]


def _xml(archive: zipfile.ZipFile, part: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(archive.read(part), parser)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    book = _xml(archive, "xl/workbook.xml")
    rels = _xml(archive, "xl/_rels/workbook.xml.rels")
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    parts = {}
    for sheet in (e for e in book.iter() if _local(e) == "sheet"):
        target = targets.get(sheet.get(f"{{{_REL_NS}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        parts[sheet.get("name", "")] = part
    return parts


def _defined_names(archive: zipfile.ZipFile) -> dict[str, str]:
    book = _xml(archive, "xl/workbook.xml")
    return {e.get("name", ""): (e.text or "").strip() for e in book.iter() if _local(e) == "definedName"}


def _sheet(archive: zipfile.ZipFile, name: str, part: str) -> list[tuple[DropDown, str]]:
    out = []
    for dv in (e for e in _xml(archive, part).iter() if _local(e) == "dataValidation"):
        formula = "".join(
            (e.text or "") for e in dv.iter() if _local(e) == "f" or (_local(e) == "formula1" and len(e) == 0)
        ).strip()
        sqref = dv.get("sqref") or "".join(e.text or "" for e in dv.iter() if _local(e) == "sqref")
        hints = " ".join(dv.get(k, "") for k in ("error", "prompt", "promptTitle", "errorTitle"))
        listed = dv.get("type") == "list"
        dated = ("日" in hints and "格式" in hints) or dv.get("type") == "date"
        if not (listed or dated):
            continue
        for area in sqref.split():
            m = _AREA.match(area)
            if not m:
                continue
            c0, r0 = column_index(m[1]), int(m[2]) - 1
            c1, r1 = (column_index(m[3]), int(m[4]) - 1) if m[3] else (c0, r0)
            drop = DropDown(name, (r0, r1), (c0, c1), multiple="多选" in hints, date=dated and not listed)
            out.append((drop, formula if listed else ""))
    return out


def _resolved(item: tuple[DropDown, str], data: bytes, names: dict[str, str]) -> DropDown:
    drop, formula = item
    if not formula:
        return drop
    formula = names.get(formula.lstrip("="), formula)
    if formula.startswith('"'):
        values = [v.strip() for v in formula.strip('"').split(",")]
    else:
        values = _range_values(formula, data)
    values = list(dict.fromkeys(v for v in values if v))[:_MAX_CHOICES]
    return DropDown(drop.sheet, drop.rows, drop.cols, tuple(values), drop.multiple)


def _range_values(formula: str, data: bytes) -> list[str]:
    m = _RANGE.match(formula.strip())
    if not m:
        return []
    sheet = (m[1] or "").replace("''", "'") or m[2]
    c0, r0 = column_index(m[3]), int(m[4]) - 1
    c1, r1 = (column_index(m[5]), int(m[6]) - 1) if m[5] else (c0, r0)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        grid = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except (CalamineError, ValueError, KeyError):
        return []
    out = []
    for r in range(r0, min(r1, r0 + _MAX_CHOICES) + 1):
        row = grid[r] if r < len(grid) else []
        for c in range(c0, c1 + 1):
            value = row[c] if c < len(row) else ""
            text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
            out.append(text.strip())
    return out
