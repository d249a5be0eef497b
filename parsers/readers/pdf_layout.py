"""One PDF page through pdfplumber: its ruled tables (spans resolved by cell geometry) and the text lines
outside them, each with its vertical position, in reading order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Letter-spaced CJK ("字 间 距") splits at pdfplumber's default x_tolerance=3. Titles are often spaced by
# exactly half an em, so the gap allowed inside a word is one character width; separate fields on one line
# ("所在旗区：…   上报时间：…") stand several characters apart and stay apart.
TEXT_SETTINGS: dict[str, Any] = {"x_tolerance_ratio": 1.0, "y_tolerance": 3}
_TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    **{f"text_{k}": v for k, v in TEXT_SETTINGS.items()},
}
_GARBAGE = re.compile(r"^\(cid:\d+\)$|^[\ue000-\uf8ff]$")  # unmapped glyphs, private-use code points
_EPS = 0.01

Pos = tuple[int, int]


@dataclass(slots=True)
class Fragment:
    """A table as drawn on one page: `cells[r][c]` is (text or None for a covered position, origin)."""

    top: float
    columns: list[float]
    cells: list[list[tuple[str | None, Pos]]]


@dataclass(slots=True)
class Page:
    number: int
    height: float
    items: list[tuple[float, str | Fragment]] = field(default_factory=list)  # (top, line or table)
    chars: int = 0
    garbage: int = 0


def read_page(page: Any, number: int) -> Page:
    result = Page(number=number, height=float(page.height))
    tables = page.find_tables(_TABLE_SETTINGS)
    boxes = [table.bbox for table in tables]
    for table in tables:
        result.items.append((table.bbox[1], _fragment(table)))
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    for line in outside.extract_text_lines(return_chars=False, **TEXT_SETTINGS):
        result.items.append((line["top"], line["text"]))
    result.items.sort(key=lambda item: item[0])
    for char in page.chars:
        result.chars += not char["text"].isspace()
        result.garbage += bool(_GARBAGE.match(char["text"]))
    return result


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _fragment(table: Any) -> Fragment:
    """pdfplumber gives None where no cell starts: the position belongs to the cell drawn over it —
    left of it for a horizontal span, above it for a vertical one — found by the cells' boxes."""
    xs = sorted({cell[0] for cell in table.cells})
    tops = sorted({cell[1] for cell in table.cells})
    column, row_of = {x: i for i, x in enumerate(xs)}, {y: i for i, y in enumerate(tops)}
    texts = table.extract(**TEXT_SETTINGS)
    cells: list[list[tuple[str | None, Pos]]] = []
    for r, (row, row_texts) in enumerate(zip(table.rows, texts, strict=True)):
        out: list[tuple[str | None, Pos]] = []
        for c, (box, text) in enumerate(zip(row.cells, row_texts, strict=True)):
            if box is not None:
                out.append((text or "", (r, c)))
            else:
                owner = _owner(table.cells, xs[c], tops[r])
                out.append((None, (row_of[owner[1]], column[owner[0]]) if owner else (r, c)))
        cells.append(out)
    right = max(cell[2] for cell in table.cells)
    return Fragment(top=float(table.bbox[1]), columns=[*map(float, xs), float(right)], cells=cells)


def _owner(boxes: list[tuple[float, float, float, float]], x: float, y: float) -> tuple[float, ...] | None:
    for box in boxes:
        if box[0] - _EPS <= x < box[2] - _EPS and box[1] - _EPS <= y < box[3] - _EPS:
            return box
    return None
