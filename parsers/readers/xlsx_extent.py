"""Refuse an xlsx whose cells span an absurd area before calamine sees it.

calamine allocates a sheet's bounding box densely: a value in A1 and another in XFD1048576 asks for 17
billion cells and aborts the whole process. So the bounding box of the cells that hold a value is measured
here first — from the content the zip guard already inflated, or streaming a big part's XML in bounded
memory — per sheet and for the whole workbook (`grid.Budget`), with the shared-string table counted too.

Every part is measured whatever its name: calamine finds sheets through the workbook's relationships, and
a worksheet stored as `sheet1.bin` or `image1.png` is read all the same. A part that is not XML costs
nothing here (no cell tags, or a parse error at its first byte).
"""

from __future__ import annotations

import re

from lxml import etree

from parsers.readers import _messages as msg
from parsers.readers.grid import Bounds, Budget
from parsers.readers.limits import MAX_CELLS, MAX_SHARED_STRINGS
from parsers.readers.zipguard import WHOLE_MEMBER, Package

_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})$")
# Fast path: the refs written in the cells' start tags (Excel, WPS, LibreOffice and xlsxwriter all write
# them). Every cell start tag, and the ones carrying a ref, are counted separately.
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s>/]")
_CELL_REF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br=\"([A-Z]{1,3})([0-9]{1,7})\"")
_STRING_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")
# Faster still, the common case: unprefixed tags, cells whose first attribute is the ref (what Excel, WPS and
# xlsxwriter write). One pass finds every unprefixed cell tag, with its ref where it comes first (letters b""
# where it does not). Used only when no prefixed tag exists.
_PLAIN_TAG = re.compile(rb"<c[\s>/]")
_PLAIN_CELL = re.compile(rb'<c(?: r="([A-Z]{1,3})([0-9]{1,7})")?[\s>/]')
_PLAIN_STRING = re.compile(rb"<si[\s>/]")
_PREFIXED_TAG = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s>/]")
# Every prefixed tag holds these; a pattern that starts with a rare byte (":") is found at memchr speed, where
# `in` with a short needle, or a pattern starting with "<", walks every tag of the part.
_PREFIXED_CELL_HINT = re.compile(rb":c[\s>/]")
_PREFIXED_STRING_HINT = re.compile(rb":si[\s>/]")
_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_TAGS = tuple(f"{{{ns}}}{local}" for ns in _NAMESPACES for local in ("row", "c", "si"))


def check_extents(package: Package) -> None:
    """Raise UnreadableFile if a worksheet's used area exceeds MAX_CELLS positions, the sheets together
    exceed the workbook's budget, or the shared-string table holds more than MAX_SHARED_STRINGS entries.
    Members the zip guard kept are measured from its content; it inflated every member once already."""
    budget = Budget()
    strings = 0
    archive = package.archive
    for info in archive.infolist():
        content = package.take(info)
        if content is None and info.file_size <= WHOLE_MEMBER:
            # The guard found it inflates to exactly its declared size: reading it whole is bounded.
            content = archive.read(info)
        measured = None if content is None else _written(content)
        if measured is None:
            with archive.open(info) as part:
                measured = _streamed(part)
        area, count = measured
        budget.add("工作表", area)
        strings += count
        if strings > MAX_SHARED_STRINGS:
            raise msg.hostile(f"共享字符串超过{MAX_SHARED_STRINGS // 10_000}万条")


def _written(data: bytes) -> tuple[int, int] | None:
    """(area, shared strings) from the refs written in the cells' start tags, or None when that cannot
    settle it: a cell without a ref, or an area over the limit (it may count styled empty cells, which
    calamine skips)."""
    strings = _strings(data)
    area = _written_area(data)
    return None if area is None else (area, strings)


def _strings(data: bytes) -> int:
    """Shared-string entries (<si>); the general pattern only where a prefixed one may be."""
    if _PREFIXED_STRING_HINT.search(data) is not None:
        return len(_STRING_TAG.findall(data))
    if _PLAIN_STRING.search(data) is None:
        return 0
    # The shared-string table: when every tag starting "<si" is a bare "<si>", counting them is enough.
    tags = data.count(b"<si")
    return tags if tags == data.count(b"<si>") else len(_PLAIN_STRING.findall(data))


def _written_area(data: bytes) -> int | None:
    """The bounding box of every cell written with a ref, or None when that cannot settle it: a cell
    without a ref, or an area over the limit (it may count styled empty cells, which calamine skips)."""
    prefixed = _PREFIXED_CELL_HINT.search(data) is not None and _PREFIXED_TAG.search(data) is not None
    if not prefixed and _PLAIN_TAG.search(data) is None:
        return 0  # no cell tag at all: shared strings, rels, styles, …
    refs = _distinct_refs(data, prefixed)
    if refs is None:
        return None
    letters, numbers = refs
    if not letters:
        return 0
    rows = [int(number) for number in numbers]
    columns = [_column(col.decode() + "1", -1) for col in letters]
    area = (max(rows) - min(rows) + 1) * (max(columns) - min(columns) + 1)
    return area if area <= MAX_CELLS else None


def _distinct_refs(data: bytes, prefixed: bool) -> tuple[set[bytes], set[bytes]] | None:
    """The distinct (letters, digits) of every cell tag's ref, or None when a cell tag has no ref.

    Distinct values only: a sheet repeats each row's number once per column and each column's letters once
    per row, and converting every ref cost as much as finding them."""
    if not prefixed:
        plain = _PLAIN_CELL.findall(data)
        letters = {letters for letters, _number in plain}
        if b"" not in letters:  # every cell tag had its ref first
            return letters, {number for _letters, number in plain}
    refs = _CELL_REF.findall(data)
    if len(refs) != len(_CELL_TAG.findall(data)):
        return None
    return {letters for letters, _number in refs}, {number for _letters, number in refs}


def _streamed(part: object) -> tuple[int, int]:
    """(area, shared strings): the bounding box of the cells that hold a value, exactly as calamine will see
    them, and the shared-string entries (streamed)."""
    bounds = Bounds()
    strings = 0
    row = col = -1
    parser = etree.iterparse(
        part, events=("start", "end"), tag=_TAGS, resolve_entities=False, no_network=True, huge_tree=False
    )
    try:
        for event, element in parser:
            local = etree.QName(element).localname
            if local == "si":
                if event == "end":
                    strings += 1
                    _release(element)
                    if strings > MAX_SHARED_STRINGS:
                        break
            elif local == "row":
                if event == "start":
                    row, col = _index(element.get("r"), row), -1
                else:
                    _release(element)
            elif event == "end":
                ref = element.get("r")
                col = _column(ref, col)
                if _holds_value(element):
                    # calamine places a cell by its own ref, whatever row element holds it
                    bounds.add(_ref_row(ref, row), col)
    except etree.XMLSyntaxError:
        pass  # not XML, or broken after the cells measured so far; calamine will judge the content
    return bounds.area(), strings


def _index(r: str | None, previous: int) -> int:
    return int(r) - 1 if r and r.isdigit() else previous + 1


def _ref_row(ref: str | None, row: int) -> int:
    match = _REF.match(ref or "")
    return int(match.group(2)) - 1 if match else row


def _column(ref: str | None, previous: int) -> int:
    match = _REF.match(ref or "")
    if not match:
        return previous + 1
    index = 0
    for letter in match.group(1):
        index = index * 26 + ord(letter) - 64
    return index - 1


def _holds_value(cell: etree._Element) -> bool:
    return any(etree.QName(child).localname in ("v", "is") for child in cell)


def _release(row: etree._Element) -> None:
    # iterparse keeps the whole tree unless finished rows are dropped.
    row.clear()
    parent = row.getparent()
    while parent is not None and row.getprevious() is not None:
        del parent[0]
