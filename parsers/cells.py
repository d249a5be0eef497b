"""What every reader produces: plain grids of cells with their exact source positions.

Readers (parsers/readers/) turn a file into a `Document`; every later stage is a pure function over it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, overload

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


Pos = tuple[int, int]


class Ref(Protocol):
    """How a reader names grid positions; `row` gives a whole row's refs at once (the hot path)."""

    def __call__(self, r: int, c: int) -> str: ...

    def row(self, r: int, width: int) -> list[str]: ...


class Grid(Sequence[list[Cell]]):
    """A table's rows kept as the reader found them: rows of values, the merged positions' origins and one
    location pattern (`ref`) for the whole table. A row's Cells are made the first time it is asked for.

    A return's body is read from the values (`plain`, `cell`): a Cell per position, made for every row of
    every return, was a third of reading a spreadsheet. Everything else (headers, meta lines, annotate, the
    other layouts) indexes and iterates it as the list of Cell rows it stands for.
    Convention (all readers): every position of a merged range, its top-left included, has `merged=True`
    and `origin` = the top-left's (row, col); it carries the top-left's value, sheet and ref. Empty
    positions are None ("" from calamine included); rows shorter than the widest are padded.
    """

    __slots__ = ("_made", "merged_rows", "origins", "ref", "sheet", "values", "width")

    def __init__(self, values: Sequence[Sequence[object]], origins: dict[Pos, Pos], sheet: str, ref: Ref) -> None:
        self.values, self.origins, self.sheet, self.ref = values, origins, sheet, ref
        self.merged_rows = frozenset(r for r, _c in origins)
        self.width = max(map(len, values), default=0)
        self._made: list[list[Cell] | None] = [None] * len(values)

    def __len__(self) -> int:
        return len(self.values)

    @overload
    def __getitem__(self, index: int) -> list[Cell]: ...

    @overload
    def __getitem__(self, index: slice) -> list[list[Cell]]: ...

    def __getitem__(self, index: int | slice) -> list[Cell] | list[list[Cell]]:
        if isinstance(index, slice):
            return [self._row(r) for r in range(*index.indices(len(self.values)))]
        return self._row(range(len(self.values))[index])  # negative indexes and IndexError as a list's

    def __iter__(self) -> Iterator[list[Cell]]:
        return (self._row(r) for r in range(len(self.values)))

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compared like the list it stands for

    def __reduce__(self) -> tuple[type[list], tuple[list[list[Cell]]]]:
        return list, (list(self),)  # pickled as the plain list of Cell rows

    def __repr__(self) -> str:
        return repr(list(self))

    @property
    def merged(self) -> bool:
        return bool(self.origins)

    def plain(self, r: int) -> list[object] | None:
        """Row r's values, None for empty, padded to the width — or None when a merged range covers any of
        its positions (then only its Cells say what is where)."""
        if r in self.merged_rows:
            return None
        row = self.values[r]
        # Most body rows hold no "" at all: one C-level search, then a plain copy.
        values = [None if v == "" else v for v in row] if "" in row else list(row)
        if len(values) < self.width:
            values.extend([None] * (self.width - len(values)))
        return values

    def cell(self, r: int, c: int) -> Cell:
        """The Cell at a position of a `plain` row, made alone."""
        row = self.values[r]
        value = row[c] if c < len(row) else None
        return Cell(None if value == "" else value, self.sheet, self.ref(r, c))

    def _row(self, r: int) -> list[Cell]:
        made = self._made[r]
        if made is None:
            made = self._made[r] = self._make(r)
        return made

    def _make(self, r: int) -> list[Cell]:
        sheet, row, width = self.sheet, self.values[r], self.width
        refs = self.ref.row(r, width)
        if r not in self.merged_rows:
            cells = [Cell(None if v == "" else v, sheet, name) for v, name in zip(row, refs, strict=False)]
        else:
            cells = [self._merged(self.origins.get((r, c)), r, c) for c in range(len(row))]
        cells.extend(Cell(None, sheet, refs[c]) for c in range(len(row), width))
        return cells

    def _merged(self, origin: Pos | None, r: int, c: int) -> Cell:
        r0, c0 = origin or (r, c)
        value = self.values[r0][c0]
        return Cell(None if value == "" else value, self.sheet, self.ref(r0, c0), origin is not None, origin)


@dataclass(slots=True)
class Table:
    """A rectangular grid: a sheet, a Word table or a (possibly multi-page) PDF table.

    `before` holds the text lines that stand right above the table in the document (Word paragraphs or PDF
    text between the previous table and this one) — where meta lines and section headings often are.
    """

    name: str
    rows: Sequence[list[Cell]]  # a Grid from the readers that can keep one; a list of Cell rows otherwise
    before: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        rows = self.rows
        return rows.width if isinstance(rows, Grid) else max((len(r) for r in rows), default=0)


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
