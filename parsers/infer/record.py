"""Record forms: a table of label–value pairs (2, 4 or 6 cells a row), one item per table (典型案例报送信息表).

Told from a list by its rows: labels in the even cells, label words at their ends (名称, 日期, 单位 …), distinct
down the table, and values (or blanks, on a blank annex) in the odd cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.cells import Cell, Table
from parsers.infer.words import clean_label, ends_like_label, is_value, label_like


@dataclass(frozen=True, slots=True)
class Pair:
    label: str
    value: Cell | None
    wide: bool  # the value fills the rest of the row (案情简介): a long text
    required: bool = False


def _distinct(row: list[Cell], r: int) -> list[Cell]:
    """The row's cells with merged copies dropped (a horizontal merge counts once, a vertical one not here)."""
    out: list[Cell] = []
    for c, cell in enumerate(row):
        copy = cell.merged and cell.origin is not None and cell.origin != (r, c)
        if copy and (cell.origin[0] != r or (out and out[-1].origin == cell.origin)):  # type: ignore[index]
            continue
        out.append(cell)
    return out


def _width(row: list[Cell], r: int, cell: Cell) -> int:
    return sum(1 for c in row if c is cell or (cell.merged and c.merged and c.origin == cell.origin))


def _alone(row: list[Cell], r: int) -> bool:
    """A row holding one text across the table: a title or a note, not a pair."""
    cells = _distinct(row, r)
    return len(cells) == 1 and _width(row, r, cells[0]) > 1


def _row_pairs(row: list[Cell], r: int) -> list[Pair] | None:
    cells: list[Cell | None] = list(_distinct(row, r))
    if _alone(row, r):
        return None
    if len(cells) % 2:
        cells.append(None)
    pairs = []
    for i in range(0, len(cells), 2):
        label, value = cells[i], cells[i + 1]
        if label is None or not label.text.strip():
            if any(c is not None and c.text.strip() for c in cells[i:]):
                return None  # a value with no label
            break  # blank cells at the end of the row
        if not label_like(label.value):
            return None
        text, required = clean_label(label.text)
        wide = value is not None and _width(row, r, value) > 1 and i + 2 >= len(cells)
        pairs.append(Pair(text, value, wide, required))
    return pairs or None


def record_pairs(table: Table) -> list[Pair] | None:
    """The label–value pairs of a record table in reading order, or None when the table is not one."""
    rows = [(r, p) for r, row in enumerate(table.rows) if (p := _row_pairs(row, r)) is not None]
    pairs = [pair for _r, p in rows for pair in p]
    filled = [r for r, row in enumerate(table.rows) if any(c.text.strip() for c in row) and not _alone(row, r)]
    if len(rows) < 3 or len(rows) < 0.6 * len(filled):
        return None
    labels = [p.label for p in pairs]
    if len(set(labels)) < 0.8 * len(labels) or sum(ends_like_label(t) for t in labels) < 0.6 * len(labels):
        return None
    values = [p.value for p in pairs if p.value is not None]
    valuey = sum(1 for v in values if not v.text.strip() or is_value(v.value) or not label_like(v.value))
    return pairs if valuey >= 0.5 * max(len(values), 1) or any(p.wide for p in pairs) else None
