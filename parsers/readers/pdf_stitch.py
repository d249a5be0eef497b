"""Join a PDF's page fragments into Tables: a table continued on the next page is one Table.

A fragment continues the previous table when it is the first table of the page following the one where
that table ended, starts near the top, has the same column positions, and only page furniture (page
numbers, 续表, running headers) stands between them — a section heading in between means a new table.
Repeated header rows on the continuation are dropped; every cell keeps its own page, table and row.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from parsers.cells import Cell, Table
from parsers.readers.pdf_layout import Fragment, Page

_NEAR_TOP = 0.25  # of the page height
_COLUMN_TOLERANCE = 2.0  # points
_FURNITURE = re.compile(r"^[-—－\s]*\d+[-—－\s]*$|^第\s*\d+\s*页|^续表|^续上表|^\(?续\)?$")
_MAX_REPEATED_HEADER = 3


@dataclass(slots=True)
class _Open:
    table: Table
    columns: list[float]
    page: int
    first_rows: list[list[str]]


def stitch(pages: list[Page]) -> tuple[list[Table], list[str]]:
    repeated = _running_lines(pages)
    tables: list[Table] = []
    text: list[str] = []
    pending: list[str] = []
    last: _Open | None = None
    for page in pages:
        on_page = 0
        for top, item in page.items:
            if isinstance(item, str):
                text.append(item)
                pending.append(item)
                continue
            on_page += 1
            furniture_only = all(_is_furniture(line, repeated) for line in pending)
            if on_page == 1 and last and furniture_only and _continues(last, item, page, top):
                _append(last, item, page.number, on_page)
            else:
                last = _start(item, page.number, on_page, pending)
                tables.append(last.table)
            last.page = page.number
            pending = []
    return tables, text


def _continues(last: _Open, fragment: Fragment, page: Page, top: float) -> bool:
    return (
        last.page == page.number - 1
        and top <= page.height * _NEAR_TOP
        and len(last.columns) == len(fragment.columns)
        and all(abs(a - b) <= _COLUMN_TOLERANCE for a, b in zip(last.columns, fragment.columns, strict=True))
    )


def _start(fragment: Fragment, page: int, index: int, before: list[str]) -> _Open:
    table = Table(name=f"第{page}页表{index}", rows=_cells(fragment, page, index, 0, 0), before=before)
    return _Open(table, fragment.columns, page, _texts(fragment)[:_MAX_REPEATED_HEADER])


def _append(last: _Open, fragment: Fragment, page: int, index: int) -> None:
    skip = _repeated_header(last.first_rows, fragment)
    last.table.rows.extend(_cells(fragment, page, index, skip, len(last.table.rows)))


def _cells(fragment: Fragment, page: int, index: int, skip: int, offset: int) -> list[list[Cell]]:
    """Cells of the fragment's rows from `skip` on; `offset` is where they land in the joined Table."""
    sizes = Counter(origin for row in fragment.cells for _, origin in row)
    sheet = f"第{page}页"
    rows = []
    for row in fragment.cells[skip:]:
        cells = []
        for _, (r0, c0) in row:
            value = fragment.cells[r0][c0][0] or None
            merged = sizes[(r0, c0)] > 1
            origin = (offset + r0 - skip, c0) if merged else None
            cells.append(Cell(value, sheet, f"表{index}行{r0 + 1}列{c0 + 1}", merged, origin))
        rows.append(cells)
    return rows


def _repeated_header(first_rows: list[list[str]], fragment: Fragment) -> int:
    """How many leading rows repeat the table's own first rows (Word's "repeat header row")."""
    texts = _texts(fragment)
    for count in range(min(len(first_rows), len(texts) - 1), 0, -1):
        owners_kept = all(origin[0] >= count for row in fragment.cells[count:] for _, origin in row)
        if texts[:count] == first_rows[:count] and owners_kept:
            return count
    return 0


def _texts(fragment: Fragment) -> list[list[str]]:
    return [[fragment.cells[r][c][0] or "" for _, (r, c) in row] for row in fragment.cells]


def _running_lines(pages: list[Page]) -> set[str]:
    """Lines that recur on several pages (headers, footers), digits ignored so 第1页/第2页 match."""
    seen = Counter(key for page in pages for key in {_key(i) for _, i in page.items if isinstance(i, str)})
    return {key for key, count in seen.items() if count > 1}


def _is_furniture(line: str, repeated: set[str]) -> bool:
    return bool(_FURNITURE.match(line.strip())) or _key(line) in repeated


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))
