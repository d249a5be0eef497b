"""A format-neutral table: cells with spans and tags, laid out once and drawn by every writer.

A sample is described as a `Grid` (or a few) and then written as xlsx, docx or PDF. Each writer turns grid
positions into that format's location (`B12`, `行3列2`, `第2页表1行3列2`), so the truth file's sources and
issue locations come from the same placement that drew the cells — never from reading the file back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["title", "meta", "heading", "header", "body", "total", "note", "blank", "gap"]
Tag = tuple[object, str]  # (record index or "total", field id)
Pos = tuple[int, int]  # (row, column), 0-based


@dataclass(slots=True)
class Cell:
    """What a clerk put in one cell. `value` is written as is: str, int, float, date or datetime."""

    value: object = None
    span: int = 1  # columns covered
    down: int = 1  # rows covered
    kind: Kind = "body"
    tag: Tag | None = None
    number_format: str | None = None  # xlsx only: real date cells, text-formatted numbers


@dataclass(slots=True)
class Grid:
    """Rows of anchor cells; positions covered by a span hold no cell of their own."""

    width: int
    widths: list[float] = field(default_factory=list)  # column widths in Excel character units
    rows: list[dict[int, Cell]] = field(default_factory=list)
    covered: dict[Pos, Pos] = field(default_factory=dict)  # covered position -> its anchor
    repeat_header: int = 0  # leading rows a PDF repeats on every page
    breaks: set[int] = field(default_factory=set)  # rows that start a new PDF page

    def add(self, *cells: Cell | str | int | float | None, kind: Kind = "body") -> int:
        """Append a row, placing cells left to right around positions covered from above."""
        r = len(self.rows)
        row: dict[int, Cell] = {}
        c = 0
        for item in cells:
            cell = item if isinstance(item, Cell) else Cell(item, kind=kind)
            while (r, c) in self.covered:
                c += 1
            row[c] = cell
            for dr in range(cell.down):
                for dc in range(cell.span):
                    if dr or dc:
                        self.covered[(r + dr, c + dc)] = (r, c)
            c += cell.span
        if c > self.width:
            raise ValueError(f"row {r} is {c} columns wide, grid has {self.width}")
        self.rows.append(row)
        return r

    def full(self, value: object, kind: Kind) -> int:
        """A row holding one cell merged across the whole width (title, heading, note)."""
        return self.add(Cell(value, span=self.width, kind=kind))

    def blank(self, kind: Kind = "blank") -> int:
        """An empty row: "blank" inside the ruled table, "gap" outside it."""
        return self.add(*(Cell(None, kind=kind) for _ in range(self.width)))

    def extend(self, other: Grid) -> None:
        """Append another grid's rows below this one (same width)."""
        offset = len(self.rows)
        self.rows.extend(other.rows)
        self.covered.update({(r + offset, c): (ar + offset, ac) for (r, c), (ar, ac) in other.covered.items()})
        self.breaks.update(r + offset for r in other.breaks)

    def tags(self) -> dict[Tag, Pos]:
        return {cell.tag: (r, c) for r, row in enumerate(self.rows) for c, cell in row.items() if cell.tag}

    def anchor(self, pos: Pos) -> Cell | None:
        r, c = self.covered.get(pos, pos)
        return self.rows[r].get(c)


def tagged(value: object, rec: object, field_id: str, **kw: object) -> Cell:
    """A body cell that the truth file will point at."""
    return Cell(value, tag=(rec, field_id), **kw)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph outside any table (Word, PDF): title, meta line, section heading, note."""

    text: str
    kind: Kind = "body"
    align: Literal["left", "center", "right"] | None = None


@dataclass(frozen=True, slots=True)
class PageBreak:
    """An explicit page break between blocks (PDF, Word)."""


Block = Para | Grid | PageBreak
