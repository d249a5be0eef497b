"""What every reader produces: plain grids of cells with their exact source positions.

Readers (parsers/readers/) turn a file into a `Document`; every later stage is a pure function over it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from forms.types import to_text

Kind = Literal["xlsx", "xls", "ods", "docx", "pdf", "image"]


@dataclass(slots=True)
class Cell:
    """One grid position.

    `value` is what the file holds (str, int, float, date, datetime or None). A position covered by a merged
    range carries the merged value too, with `merged=True` and `origin` the (row, col) in this grid of the
    range's top-left cell, so a vertically merged 领域 reaches every row it covers.
    `sheet` and `ref` locate the cell that physically holds the value (for a merged position: the range's
    top-left cell): ("Sheet1", "B12") for spreadsheets, ("表1", "行3列2") for Word tables (1-based table,
    row, grid column), ("第2页", "表1行3列2") for PDF (page, table on that page, row and column on that page).
    """

    value: object
    sheet: str
    ref: str
    merged: bool = False
    origin: tuple[int, int] | None = None

    @property
    def location(self) -> str:
        return location(self.sheet, self.ref)

    @property
    def text(self) -> str:
        return to_text(self.value)


def location(sheet: str, ref: str) -> str:
    """`Sheet1!B12` for spreadsheets, `表1行3列2` for Word, `第2页表1行3列2` for PDF (docs/json.md)."""
    return f"{sheet}!{ref}" if ref[:1].isascii() and ref[:1].isalpha() else f"{sheet}{ref}"


_A1 = re.compile(r"([A-Za-z]{1,3})(\d+)")
_GRID = re.compile(r"(第\d+页)?(表\d+)行(\d+)列(\d+)")


def location_words(loc: str | None) -> str:
    """A location as a clerk reads it: `Sheet1!B6` → 工作表“Sheet1”第6行B列, `表1行3列2` → 表1第3行第2列,
    `第2页表1行3列2` → 第2页表1第3行第2列. Anything else (表1上方第2段) is already words and kept."""
    if not loc:
        return ""
    sheet, bang, ref = loc.rpartition("!")
    if bang:
        return f"工作表“{sheet}”{_a1_words(ref)}"
    grid = _GRID.fullmatch(loc)
    if grid:
        page, table, row, col = grid.groups()
        return f"{page or ''}{table}第{row}行第{col}列"
    return loc


def _a1_words(ref: str) -> str:
    """B6 → 第6行B列; B6:D9 → 第6至9行B至D列; anything else unchanged."""
    ends = [_A1.fullmatch(part) for part in ref.split(":")]
    if not ends or len(ends) > 2 or not all(ends):
        return ref
    (c1, r1), (c2, r2) = ends[0].groups(), ends[-1].groups()  # type: ignore[union-attr]
    rows = f"第{r1}行" if r1 == r2 else f"第{r1}至{r2}行"
    cols = f"{c1.upper()}列" if c1.upper() == c2.upper() else f"{c1.upper()}至{c2.upper()}列"
    return rows + cols


@dataclass(slots=True)
class Table:
    """A rectangular grid: a sheet, a Word table or a (possibly multi-page) PDF table.

    `before` holds the text lines that stand right above the table in the document (Word paragraphs or PDF
    text between the previous table and this one) — where meta lines and section headings often are.
    """

    name: str
    rows: list[list[Cell]]
    before: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(slots=True)
class Scanned:
    """How a scan or photo was read by OCR (parsers/readers/ocr/): the recogniser's confidence (0..1, its least
    sure character) in every cell with text, by location; there too the width of ink its text leaves
    unexplained, in characters (a dropped character: about +1); and the pages whose table had no ruled lines."""

    confidence: dict[str, float] = field(default_factory=dict)
    spacing: dict[str, float] = field(default_factory=dict)
    unruled_pages: list[int] = field(default_factory=list)
    pages: int = 0


@dataclass(slots=True)
class Document:
    """Everything read from one file. `text` is all free text (paragraphs, PDF lines) in reading order.
    `scanned` is set when the text was recognised from images rather than read from the file."""

    name: str
    kind: Kind
    tables: list[Table]
    text: list[str] = field(default_factory=list)
    scanned: Scanned | None = None


def row_label(loc: str) -> str:
    """How a clerk names the row of a location: 第12行 (spreadsheet), 表1第3行 (Word), 第2页表1第3行 (PDF)."""
    _sheet, bang, ref = loc.rpartition("!")
    if bang:
        return f"第{''.join(ch for ch in ref if ch.isdigit())}行"
    head, sep, rest = loc.rpartition("行")
    return f"{head}第{rest.split('列', 1)[0]}行" if sep else loc
