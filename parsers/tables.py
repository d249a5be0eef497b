"""How a clerk names a stretch of a table's rows: 工作表“收入总表”A6:I20, 表2第3至9行."""

from __future__ import annotations

from parsers.cells import Cell, Table, location
from parsers.rows import own_cells


def _split(ref: str) -> tuple[str, str]:
    """B12 -> ("B", "12"); 行3列2 -> ("", "行3列2")."""
    letters = ref.rstrip("0123456789")
    if letters and letters.isascii() and letters.isalpha():
        return letters, ref[len(letters) :]
    return "", ref


def _column_key(letters: str) -> tuple[int, str]:
    return len(letters), letters


_EDGE = 200  # rows looked at from each end of a stretch for its columns: a sheet may hold 100,000 rows


def span(table: Table, start: int, end: int) -> tuple[str | None, str]:
    """(location of the stretch's top-left cell, how a clerk reads the stretch), rows start..end inclusive."""
    end = min(end, len(table.rows) - 1)
    rows = range(start, end + 1)
    looked = [*rows[:_EDGE], *rows[_EDGE:][-_EDGE:]]
    own: list[tuple[int, Cell]] = [(r, cell) for r in looked for _c, cell in own_cells(table.rows[r], r)]
    if not own:
        return None, f"表格“{table.name}”"
    first, last = own[0][1], own[-1][1]
    if _split(first.ref)[0]:
        mine = [(r, cell) for r, cell in own if cell.sheet == first.sheet and _split(cell.ref)[0]]
        cols = [_split(cell.ref)[0] for _r, cell in mine]
        left, right = min(cols, key=_column_key), max(cols, key=_column_key)
        top, bottom = _split(mine[0][1].ref)[1], _split(mine[-1][1].ref)[1]
        return location(first.sheet, f"{left}{top}"), f"工作表“{first.sheet}”{left}{top}:{right}{bottom}"
    return location(first.sheet, first.ref), f"{first.sheet}第{_row_of(first)}至{_row_of(last)}行"


def whole(table: Table) -> tuple[str | None, str]:
    return span(table, 0, len(table.rows) - 1)


def _row_of(cell: Cell) -> str:
    _head, sep, rest = cell.ref.rpartition("行")
    return rest.split("列", 1)[0] if sep else cell.ref


def last_filled(table: Table, start: int, end: int) -> int:
    """The last row in start..end (exclusive end) with anything of its own; start when none has."""
    for r in range(end - 1, start - 1, -1):
        if own_cells(table.rows[r], r):
            return r
    return start


def grid_like(table: Table) -> bool:
    """A table worth reporting when it is not read: two rows with two cells or more (a cover page or a
    sheet holding one paragraph of text is not)."""
    rows = 0
    for r, row in enumerate(table.rows):
        if len(own_cells(row, r)) >= 2:
            rows += 1
            if rows >= 2:
                return True
    return False
