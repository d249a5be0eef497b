"""Find a table's header: the row (or two merged rows) of labels, and one label per column.

Two-row headers are joined column by column: a label merged over both rows stays as it is; a child under a
parent merged across several columns takes the child's text, or parent + child when two children would
otherwise share a label (编码 under 预算科目 and under 收款人). The parser reads a header the same way
(parsers.locate offers child, parent+child and parent for each column).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.cells import Cell, Table
from parsers.infer.words import clean_label, flat, is_period, label_like
from parsers.rows import own_cells

_SEARCH_ROWS = 30


@dataclass(frozen=True, slots=True)
class Column:
    col: int  # grid column of the label (the first, for a label merged across columns)
    label: str
    parent: str | None = None  # the upper header text over a two-row header's child
    required: bool = False  # marked * or （必填） in the header
    child: str | None = None  # the child's own text, when the label joins parent and child


@dataclass(frozen=True, slots=True)
class Header:
    row: int
    span: int
    columns: tuple[Column, ...]

    @property
    def body(self) -> int:
        return self.row + self.span

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(c.label for c in self.columns)


def _label_cells(row: Sequence[Cell], r: int) -> list[tuple[int, Cell]] | None:
    """The row's own cells when there are two or more and all are labels, else None. A label may name a period
    (税种 | 2014 | 2015, 指标 | 2018年02月) when the row has a plain label too."""
    own = own_cells(row, r)
    plain = sum(1 for _c, cell in own if label_like(cell.value))
    if len(own) < 2 or not plain or plain + sum(1 for _c, cell in own if is_period(cell.value)) < len(own):
        return None
    return own


def _spans_columns(row: Sequence[Cell], r: int, c: int) -> bool:
    """Whether the cell at (r, c) is merged across more than one column."""
    cell = row[c]
    if not cell.merged or cell.origin is None:
        return False
    return any(other.merged and other.origin == cell.origin and i != c for i, other in enumerate(row))


def _second_row(table: Table, r: int) -> bool:
    """Whether row r + 1 completes a header started at row r (children under merged parents)."""
    if r + 1 >= len(table.rows):
        return False
    top, low = table.rows[r], table.rows[r + 1]
    children = _label_cells(low, r + 1)
    if not children:
        return False
    vertical = any(c.merged and c.origin == (r, i) for i, c in enumerate(low))
    parents = all(_spans_columns(top, r, c) or not top[c].text.strip() for c, _cell in children)
    return parents and (vertical or any(_spans_columns(top, r, c) for c, _cell in children))


def _columns(table: Table, r: int, span: int) -> list[Column]:
    top = table.rows[r]
    low = table.rows[r + 1] if span == 2 else None
    out: list[Column] = []
    for c, cell in enumerate(top):
        if low is not None and c < len(low) and low[c].text.strip() and low[c].origin in (None, (r + 1, c)):
            child, required = clean_label(low[c].text)
            parent = clean_label(cell.text)[0] if _spans_columns(top, r, c) else None
            out.append(Column(c, child, parent or None, required))
        elif cell.text.strip() and cell.origin in (None, (r, c)):
            label, required = clean_label(cell.text)
            out.append(Column(c, label, None, required))
    return _distinct(out)


def _distinct(columns: list[Column]) -> list[Column]:
    """Children that share a label take their parent's text in front (预算科目编码, 收款人全称); other labels
    written twice are numbered (项目, 项目（2）), which the parser maps to the second such column."""
    counts = Counter(c.label for c in columns)
    out = []
    seen: Counter[str] = Counter()
    for c in columns:
        if counts[c.label] > 1 and c.parent:
            c = Column(c.col, flat(c.parent + c.label), c.parent, c.required, c.label)
        seen[c.label] += 1
        if seen[c.label] > 1:
            c = Column(c.col, f"{c.label}（{seen[c.label]}）", c.parent, c.required, c.child)
        out.append(c)
    return [c for c in out if c.label]


def find_header(table: Table, start: int = 0, limit: int = _SEARCH_ROWS) -> Header | None:
    """The first row of labels from `start` that is about as wide as the widest such row nearby."""
    end = min(len(table.rows), start + limit)
    candidates = [(r, len(own)) for r in range(start, end) if (own := _label_cells(table.rows[r], r))]
    if not candidates:
        return None
    widest = max(n for _r, n in candidates)
    r = next(r for r, n in candidates if n >= 0.6 * widest)
    span = 2 if _second_row(table, r) else 1
    columns = _columns(table, r, span)
    return Header(r, span, tuple(columns)) if len(columns) >= 2 else None


def header_at(table: Table, r: int) -> Header | None:
    """A header starting exactly at row r (a header repeated under a section heading), or None."""
    if _label_cells(table.rows[r], r) is None:
        return None
    span = 2 if _second_row(table, r) else 1
    columns = _columns(table, r, span)
    return Header(r, span, tuple(columns)) if len(columns) >= 2 else None
