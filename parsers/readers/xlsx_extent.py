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
# xlsxwriter write). Used only when no prefixed cell tag exists and every unprefixed one has its ref first.
_PLAIN_TAG = re.compile(rb"<c[\s>/]")
_PLAIN_REF = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
_PLAIN_STRING = re.compile(rb"<si[\s>/]")
_PREFIXED_TAG = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s>/]")
# Every prefixed cell or string tag holds this. A pattern that starts with a rare byte (":") is found at
# memchr speed, where `in` with a short needle, or a pattern starting with "<", walks every tag of the part.
_PREFIXED_HINT = re.compile(rb":(?:c|si)[\s>/]")
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
    prefixed = _PREFIXED_HINT.search(data) is not None
    strings = _strings(data, prefixed)
    area = _written_area(data, prefixed and _PREFIXED_TAG.search(data) is not None)
    return None if area is None else (area, strings)


def _strings(data: bytes, prefixed: bool) -> int:
    """Shared-string entries (<si>); the general pattern only where a prefixed one may be (`prefixed`)."""
    if prefixed:
        return len(_STRING_TAG.findall(data))
    if _PLAIN_STRING.search(data) is None:
        return 0
    # The shared-string table: when every tag starting "<si" is a bare "<si>", counting them is enough.
    tags = data.count(b"<si")
    return tags if tags == data.count(b"<si>") else len(_PLAIN_STRING.findall(data))


def _written_area(data: bytes, prefixed: bool) -> int | None:
    """The bounding box of every cell written with a ref, or None when that cannot settle it: a cell
    without a ref, or an area over the limit (it may count styled empty cells, which calamine skips).
    `prefixed`: whether a prefixed cell tag may be in the part (False only when none is)."""
    if not prefixed and _PLAIN_TAG.search(data) is None:
        return 0  # no cell tag at all: shared strings, rels, styles, …
    refs = (None if prefixed else _plain_refs(data)) or _general_refs(data)
    if refs is None:
        return None
    if not refs:
        return 0
    # Distinct letters and row numbers first: a sheet repeats each row's number once per column and each
    # column's letters once per row, and converting every ref cost as much as finding them.
    rows = [int(number) for number in {number for _letters, number in refs}]
    columns = [_column(col.decode() + "1", -1) for col in {letters for letters, _number in refs}]
    area = (max(rows) - min(rows) + 1) * (max(columns) - min(columns) + 1)
    return area if area <= MAX_CELLS else None


def _plain_refs(data: bytes) -> list[tuple[bytes, bytes]] | None:
    """(letters, digits) of every unprefixed cell tag, when each has its ref first; else None."""
    refs = _PLAIN_REF.findall(data)
    # The tags that start "<c" bound the cell tags from above: when there are no more of them than refs
    # found, every cell tag has one. "<co…" (cols, col, color, controls) is the usual other kind; counting
    # bytes is a third of the cost of matching every cell tag.
    opened = data.count(b"<c")
    if opened == len(refs) or opened - data.count(b"<co") == len(refs):
        return refs
    return refs if len(_PLAIN_TAG.findall(data)) == len(refs) else None


def _general_refs(data: bytes) -> list[tuple[bytes, bytes]] | None:
    """(letters, digits) of every cell tag, prefixed or not, or None when a cell tag has no ref."""
    refs = _CELL_REF.findall(data)
    return refs if len(refs) == len(_CELL_TAG.findall(data)) else None


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
