"""Merged ranges and used areas of an ODS workbook, read from content.xml.

calamine reads ODS values but gives no merged ranges, and expands repeated rows and columns densely — so
this single streaming pass both finds the spans and refuses absurd areas before calamine runs.
"""

from __future__ import annotations

import zipfile

from lxml import etree

from parsers.readers import _messages as msg
from parsers.readers.grid import Bounds, Budget
from parsers.readers.limits import MAX_CELLS

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_SHEET, _ROW = f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row"
_CELL, _COVERED = f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"
_VALUE_TYPE = f"{{{_OFFICE}}}value-type"

Span = tuple[int, int, int, int]


def ods_spans(archive: zipfile.ZipFile) -> dict[str, list[Span]]:
    """Sheet name -> merged ranges (0-based inclusive, like calamine's for xlsx)."""
    try:
        part = archive.open("content.xml")
    except KeyError:
        return {}
    with part:
        return _Walker().run(part)


class _Walker:
    def __init__(self) -> None:
        self.spans: dict[str, list[Span]] = {}
        self.sheet, self.row, self.col, self.row_repeat = "", 0, 0, 1
        self.bounds, self.budget = Bounds(), Budget()

    def run(self, part: object) -> dict[str, list[Span]]:
        events = etree.iterparse(
            part,
            events=("start", "end"),
            tag=(_SHEET, _ROW, _CELL, _COVERED),
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
        )
        for event, element in events:
            getattr(self, f"_{event}_{etree.QName(element).localname.replace('-', '_')}")(element)
        self.budget.add(self.sheet, self.bounds.area())
        return self.spans

    def _start_table(self, element: etree._Element) -> None:
        self.budget.add(self.sheet, self.bounds.area())  # the sheet before, if any
        self.sheet, self.row, self.bounds = element.get(f"{{{_TABLE}}}name", ""), 0, Bounds()
        self.spans.setdefault(self.sheet, [])

    def _end_table(self, element: etree._Element) -> None:
        element.clear()

    def _start_table_row(self, element: etree._Element) -> None:
        self.col, self.row_repeat = 0, _count(element, "number-rows-repeated")

    def _end_table_row(self, element: etree._Element) -> None:
        self.row += self.row_repeat
        element.clear()  # keep memory flat over long sheets
        parent = element.getparent()
        while parent is not None and element.getprevious() is not None:
            del parent[0]

    def _start_table_cell(self, element: etree._Element) -> None:
        rows, cols = _count(element, "number-rows-spanned"), _count(element, "number-columns-spanned")
        if rows > 1 or cols > 1:
            for repeat in range(self.row_repeat):
                self._add_span((self.row + repeat, self.col, self.row + repeat + rows - 1, self.col + cols - 1))

    def _end_table_cell(self, element: etree._Element) -> None:
        repeat = _count(element, "number-columns-repeated")
        if element.get(_VALUE_TYPE) is not None or len(element):
            self.bounds.add(self.row, self.col, self.row_repeat, repeat)
            if self.bounds.area() > MAX_CELLS:
                raise msg.table_too_large(self.sheet, self.bounds.area(), MAX_CELLS)
        self.col += repeat

    def _start_covered_table_cell(self, element: etree._Element) -> None:
        pass

    def _end_covered_table_cell(self, element: etree._Element) -> None:
        self.col += _count(element, "number-columns-repeated")

    def _add_span(self, span: Span) -> None:
        spans = self.spans[self.sheet]
        if len(spans) >= MAX_CELLS // 4:
            raise msg.hostile("合并单元格数量异常")
        spans.append(span)


def _count(element: etree._Element, attribute: str) -> int:
    value = element.get(f"{{{_TABLE}}}{attribute}", "1")
    return int(value) if value.isdigit() and int(value) > 0 else 1
