"""Turn a grid of values plus merged ranges into a `Grid` of Cell rows — the one place every reader builds
cells. The convention (merged positions, origins, empty positions) is `parsers.cells.Grid`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from parsers.cells import Grid, Pos, Ref
from parsers.readers import _messages as msg
from parsers.readers.limits import MAX_BOOK_CELLS, MAX_CELLS, MAX_SHEETS

__all__ = ["A1", "Bounds", "Budget", "Pos", "Ref", "WordRef", "build", "check_size", "covered", "word_ref"]


def covered(ranges: Iterable[tuple[int, int, int, int]], height: int, width: int) -> dict[Pos, Pos]:
    """Map every position inside a range (r0, c0, r1, c1 inclusive, clipped to the grid) to its top-left."""
    origins: dict[Pos, Pos] = {}
    work = 0
    for r0, c0, r1, c1 in ranges:
        if not (0 <= r0 < height and 0 <= c0 < width):
            continue  # a range whose top-left lies outside the data holds no value
        # Ranges never overlap in a real file; thousands of overlapping full-sheet ranges would loop for ever.
        work += (min(r1, height - 1) - r0 + 1) * (min(c1, width - 1) - c0 + 1)
        if work > 2 * MAX_CELLS:
            raise msg.hostile("合并单元格区域异常重叠")
        for r in range(r0, min(r1, height - 1) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                origins[(r, c)] = (r0, c0)
    return origins


def build(values: Sequence[Sequence[object]], origins: dict[Pos, Pos], sheet: str, ref: Ref) -> Grid:
    """The table's rows, each row's Cells made when first asked for (see Grid)."""
    grid = Grid(values, origins, sheet, ref)
    check_size(sheet, len(values), grid.width)
    return grid


def check_size(where: str, height: int, width: int) -> None:
    if height * width > MAX_CELLS:
        raise msg.table_too_large(where, height * width, MAX_CELLS)


def excel_column(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


class A1:
    """Excel refs for a grid whose (0, 0) is the sheet's (row0, col0), 0-based."""

    def __init__(self, row0: int = 0, col0: int = 0) -> None:
        self.row0, self.col0 = row0, col0
        self.letters: list[str] = []

    def __call__(self, r: int, c: int) -> str:
        return f"{self._letters(c + 1)[c]}{self.row0 + r + 1}"

    def row(self, r: int, width: int) -> list[str]:
        number = self.row0 + r + 1
        return [f"{letter}{number}" for letter in self._letters(width)[:width]]

    def _letters(self, width: int) -> list[str]:
        while len(self.letters) < width:
            self.letters.append(excel_column(self.col0 + len(self.letters)))
        return self.letters


class WordRef:
    """表格 refs: 行{row}列{grid column}, both 1-based (Word tables, HTML tables)."""

    def __call__(self, r: int, c: int) -> str:
        return f"行{r + 1}列{c + 1}"

    def row(self, r: int, width: int) -> list[str]:
        return [f"行{r + 1}列{c + 1}" for c in range(width)]


word_ref = WordRef()


class Bounds:
    """The bounding box of the positions that hold a value, in a sheet that may be mostly empty."""

    def __init__(self) -> None:
        self.top = self.left = 1 << 62
        self.bottom = self.right = -1

    def add(self, row: int, col: int, rows: int = 1, cols: int = 1) -> None:
        self.top, self.bottom = min(self.top, row), max(self.bottom, row + rows - 1)
        self.left, self.right = min(self.left, col), max(self.right, col + cols - 1)

    def area(self) -> int:
        return 0 if self.bottom < 0 else (self.bottom - self.top + 1) * (self.right - self.left + 1)


class Budget:
    """A whole workbook's cells, sheet by sheet: each sheet under MAX_CELLS, at most MAX_SHEETS sheets with
    cells, and all of them together under MAX_BOOK_CELLS. 44 sheets each under the per-sheet limit once took a
    493 KB file past 1.2 GB."""

    def __init__(self) -> None:
        self.cells = self.sheets = 0

    def add(self, where: str, area: int) -> None:
        if area > MAX_CELLS:
            raise msg.table_too_large(where, area, MAX_CELLS)
        if area == 0:
            return
        self.cells += area
        self.sheets += 1
        if self.sheets > MAX_SHEETS:
            raise msg.hostile(f"工作表数量过多：超过{MAX_SHEETS}张")
        if self.cells > MAX_BOOK_CELLS:
            raise msg.table_too_large("整个工作簿", self.cells, MAX_BOOK_CELLS)
