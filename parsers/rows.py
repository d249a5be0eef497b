"""Telling data rows from everything else a district leaves in a table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum

from forms.types import is_placeholder, squash, to_text
from parsers.cells import Cell

# Notes and signature lines under a table: 填表说明：… / 注：… / 填报人：张三  联系电话：…
_NOTE = re.compile(
    r"^(填表说明|填报说明|说明|注|备注|附注|填表人|填报人|审核人|负责人|单位负责人|统计负责人|制表人|联系人|"
    r"联系电话|填报日期|填报时间|上报时间|报送时间|填报单位|报送单位)\s*\d*\s*([(（][^)）]*[)）])?\s*[:：]"
)
_TOTAL = ("小计", "合计", "总计", "共计", "累计")


class Kind(Enum):
    DATA = "data"
    BLANK = "blank"
    NOTE = "note"
    SUBTOTAL = "subtotal"
    PLACEHOLDER = "placeholder"


def is_copy(cell: Cell, r: int, c: int) -> bool:
    """A position filled from a merged range whose value physically sits in another cell."""
    return cell.merged and cell.origin is not None and cell.origin != (r, c)


def own_cells(row: Sequence[Cell], r: int) -> list[tuple[int, Cell]]:
    """The non-blank cells whose value belongs to this row (vertical merge copies excluded).

    A horizontal merge within the row counts once, at its first column.
    """
    out: list[tuple[int, Cell]] = []
    for c, cell in enumerate(row):
        value = cell.value
        # is_blank() inlined: this runs for every cell of every body row.
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if cell.merged and cell.origin is not None and cell.origin != (r, c):
            continue
        out.append((c, cell))
    return out


def is_total_text(text: str) -> bool:
    # Every total word ends in 计; checking for it first keeps the common case (a data value) cheap.
    return "计" in text and squash(text).lstrip("(（").startswith(_TOTAL)


def classify(row: Sequence[Cell], r: int, seq_col: int | None = None) -> Kind:
    return kind_of(own_cells(row, r), seq_col)


def kind_of(own: Sequence[tuple[int, Cell]], seq_col: int | None = None) -> Kind:
    """`classify` for a row whose own cells the caller already has."""
    if not own:
        return Kind.BLANK
    # cell.text without its two calls for the common case, a str (to_text returns it as it is).
    texts = [(v if type(v := cell.value) is str else to_text(v)).strip() for _c, cell in own]
    if ("：" in texts[0] or ":" in texts[0]) and _NOTE.match(squash(texts[0])):
        return Kind.NOTE
    # One scan of the joined row rules out the common case (no 计 anywhere) before any per-cell check.
    if "计" in "".join(texts) and any(is_total_text(t) for t in texts):
        return Kind.SUBTOTAL
    rest = texts if seq_col is None else [t for (c, _cell), t in zip(own, texts, strict=True) if c != seq_col]
    if all(is_placeholder(t) for t in rest):
        return Kind.PLACEHOLDER
    return Kind.DATA
