"""Tiny in-memory grids for the parser stage tests: spreadsheet-like and Word-like tables, documents."""

from __future__ import annotations

from collections.abc import Sequence

from parsers.cells import Cell, Document, Table
from parsers.readers.grid import A1, build, covered, excel_column


def sheet(
    rows: Sequence[Sequence[object]], name: str = "Sheet1", merges: Sequence[tuple[int, int, int, int]] = ()
) -> Table:
    """A spreadsheet-like Table from plain values, as the spreadsheet reader builds it (a Grid of rows of
    values); merges are (r0, c0, r1, c1) inclusive, 0-based."""
    width = max(len(r) for r in rows)
    values = [[*row, *[None] * (width - len(row))] for row in rows]  # a reader's rows are as wide as its sheet
    return Table(name, build(values, covered(merges, len(rows), width), name, A1()))


def cell_sheet(
    rows: Sequence[Sequence[object]], name: str = "Sheet1", merges: Sequence[tuple[int, int, int, int]] = ()
) -> Table:
    """`sheet` as a plain list of Cell rows, each Cell made here (what the Word and PDF readers give)."""
    width = max(len(r) for r in rows)
    grid = [
        [Cell(row[c] if c < len(row) else None, name, f"{excel_column(c)}{r + 1}") for c in range(width)]
        for r, row in enumerate(rows)
    ]
    for r0, c0, r1, c1 in merges:
        top = grid[r0][c0]
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                grid[r][c] = Cell(top.value, name, top.ref, merged=True, origin=(r0, c0))
    return Table(name, grid)


def word_table(rows: Sequence[Sequence[object]], n: int = 1, before: Sequence[str] = ()) -> Table:
    grid = [[Cell(v, f"表{n}", f"行{r + 1}列{c + 1}") for c, v in enumerate(row)] for r, row in enumerate(rows)]
    return Table(f"表{n}", grid, list(before))


def doc(*tables: Table, name: str = "东胜区.xlsx", kind: str = "xlsx", text: Sequence[str] = ()) -> Document:
    return Document(name, kind, list(tables), list(text))  # type: ignore[arg-type]
