"""The board as a workbook: units × forms with each cell's state in words, print-ready, for a meeting or a file.

Plain data in (`BoardGrid`, shaped by the service from its board), an xlsx out; it knows nothing of the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, Literal

import xlsxwriter

from forms.types import display_width
from generators.workbook.styles import Styles, print_setup

Tone = Literal["ok", "warn", "bad", "none"]


@dataclass(frozen=True)
class BoardCell:
    text: str  # lines joined by "\n": state, time, errors, version
    tone: Tone = "none"


@dataclass
class BoardGrid:
    title: str
    note: str  # 截止日期…　导出时间…
    forms: list[str]  # column titles
    rows: list[tuple[str, list[BoardCell], BoardCell]]  # unit, its cells, its status
    summary: list[str] = field(default_factory=list)  # lines under the table


def write_board(grid: BoardGrid, target: IO[bytes]) -> None:
    book = xlsxwriter.Workbook(target, {"in_memory": True})
    styles = Styles(book)
    tones = {"ok": styles.text, "warn": styles.warning, "bad": styles.error, "none": styles.text}
    sheet = book.add_worksheet("报送情况")
    width = len(grid.forms) + 2
    widths = (14, *(18 for _ in grid.forms), 14)
    sheet.merge_range(0, 0, 0, width - 1, grid.title, styles.title)
    sheet.set_row(0, 30)
    sheet.set_row(2, _height(tuple(grid.forms), widths[1:-1]))
    sheet.merge_range(1, 0, 1, width - 1, grid.note, styles.note)
    for col, (header, w) in enumerate(zip(("单位", *grid.forms, "单位状态"), widths, strict=True)):
        sheet.write_string(2, col, header, styles.header)
        sheet.set_column(col, col, w)
    for r, (unit, cells, status) in enumerate(grid.rows, start=3):
        sheet.write_string(r, 0, unit, styles.heading)
        for col, cell in enumerate([*cells, status], start=1):
            sheet.write_string(r, col, cell.text, tones[cell.tone])
        sheet.set_row(r, _height((unit, *(c.text for c in cells), status.text), widths))
    below = len(grid.rows) + 4
    for n, line in enumerate(grid.summary):
        sheet.merge_range(below + n, 0, below + n, width - 1, line, styles.note)
    print_setup(sheet, 2)
    book.close()


def _lines(text: str, width: int) -> int:
    return sum(max(1, -(-display_width(part) // max(width - 1, 1))) for part in text.split("\n"))


def _height(texts: tuple[str, ...], widths: tuple[int, ...], line: float = 13.5) -> float:
    """Rows sized for their wrapped lines (Excel does not grow rows it did not lay out itself)."""
    return max((_lines(t, w) for t, w in zip(texts, widths, strict=True)), default=1) * line + 4
