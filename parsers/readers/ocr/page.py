"""One page image → what the PDF reader makes of a page (`pdf_layout.Page`): its ruled tables as fragments and
the text lines above, between and below them — plus how sure the recogniser was of every cell.

Order: red seal out, straighten, rules and cells, lines of text, turned 180° if the text reads upside down,
recognition of every line of the page in one batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parsers.readers.ocr import aligned
from parsers.readers.ocr.deskew import deskew, ink
from parsers.readers.ocr.engine import Engine, Reading
from parsers.readers.ocr.ruling import Box, Grid, find_grids, strokes
from parsers.readers.ocr.seal import remove_red
from parsers.readers.ocr.spacing import unexplained
from parsers.readers.ocr.text import Line, clean_ink, crop, lines_in
from parsers.readers.pdf_layout import Fragment, Page

if TYPE_CHECKING:
    import numpy as np

_POINTS = 72 / 200  # pixels at 200 dpi -> PDF points, so pdf_stitch's tolerances mean the same here
_ORIENTATION_SAMPLE = 12


@dataclass(slots=True)
class Read:
    """A page read: `confidence[(table index on the page, row, col)]` for every cell with text, and `spacing`
    there: the ink its text leaves unexplained, in ems (spacing.py)."""

    page: Page
    confidence: dict[tuple[int, int, int], float] = field(default_factory=dict)
    spacing: dict[tuple[int, int, int], float] = field(default_factory=dict)
    unruled: bool = False  # the table was put together from text alignment, not ruled lines


@dataclass(slots=True)
class _Layout:
    image: np.ndarray  # straight, seal removed, rules painted white
    grids: list[Grid]
    cells: list[tuple[int, int, int, list[Line], Box]]  # table, row, col, lines, the cell's inner box
    free: list[Line]  # text outside the tables


def read_page(image: np.ndarray, number: int, engine: Engine) -> Read:
    layout = _layout(image)
    sample = [crop(layout.image, line, _whole(layout.image)) for line in _widest(layout)]
    if engine.upside_down(sample):
        import cv2

        layout = _layout(cv2.rotate(image, cv2.ROTATE_180))
    if not layout.grids:
        return aligned.read_unruled(layout.image, layout.free, number, engine)
    return _assemble(layout, number, engine)


def _layout(image: np.ndarray) -> _Layout:
    import cv2

    straight, _angle = deskew(remove_red(image))
    gray = cv2.cvtColor(straight, cv2.COLOR_BGR2GRAY)
    binary = ink(gray)
    grids = find_grids(binary)
    horizontal, vertical = strokes(binary)
    rules = cv2.bitwise_or(horizontal, vertical)
    text_ink = clean_ink(binary, rules)
    plain = gray.copy()
    plain[cv2.dilate(rules, None) > 0] = 255  # crops never carry a piece of a rule into the recogniser
    page = cv2.cvtColor(plain, cv2.COLOR_GRAY2BGR)
    cells = []
    for t, grid in enumerate(grids):
        for r, row in enumerate(grid.owner):
            for c, origin in enumerate(row):
                if origin == (r, c):
                    box = grid.cell_box(r, c)
                    cells.append((t, r, c, lines_in(text_ink, box), _inset(box, 2)))
    outside = _outside(text_ink, grids)
    free = [line for box in outside for line in lines_in(text_ink, box, inset=0, split_fields=True)]
    return _Layout(page, grids, cells, free)


def _outside(text_ink: np.ndarray, grids: list[Grid]) -> list[Box]:
    """The page's bands above, between and below its tables."""
    height, width = text_ink.shape
    edges = [0, *(y for g in grids for y in (g.box.y0 - 3, g.box.y1 + 3)), height]
    return [Box(0, top, width, bottom) for top, bottom in zip(edges[::2], edges[1::2], strict=True) if bottom > top]


def _assemble(layout: _Layout, number: int, engine: Engine) -> Read:
    crops = [crop(layout.image, line, inner) for *_k, lines, inner in layout.cells for line in lines]
    crops += [crop(layout.image, line, _whole(layout.image)) for line in layout.free]
    readings = iter(engine.read(crops))
    result = Read(Page(number=number, height=layout.image.shape[0] * _POINTS))
    texts: dict[tuple[int, int, int], Reading] = {}
    spacing: dict[tuple[int, int, int], float] = {}
    inked = {(t, r, c): bool(lines) for t, r, c, lines, _inner in layout.cells}
    for t, r, c, lines, _inner in layout.cells:
        got = [next(readings) for _ in lines]
        text = "\n".join(g.text for g in got if g.text)
        texts[(t, r, c)] = Reading(text, min((g.confidence for g in got), default=1.0))
        spacing[(t, r, c)] = unexplained(got)
    for line in layout.free:
        reading = next(readings)
        if reading.text:
            result.page.items.append((line.box.y0 * _POINTS, reading.text))
    _join_fields(result.page)
    for t, grid in enumerate(layout.grids):
        result.page.items.append((grid.box.y0 * _POINTS, _fragment(grid, t, texts)))
        for (tt, r, c), reading in texts.items():
            if tt == t and (reading.text or inked[(tt, r, c)]):
                # Ink that read as nothing is a figure lost, not a blank cell: it is flagged (0.0).
                result.confidence[(t + 1, r, c)] = reading.confidence if reading.text else 0.0
                result.spacing[(t + 1, r, c)] = spacing[(tt, r, c)]
    result.page.items.sort(key=lambda item: item[0])
    result.page.chars = sum(len(r.text) for r in texts.values())
    return result


def _fragment(grid: Grid, t: int, texts: dict[tuple[int, int, int], Reading]) -> Fragment:
    cells = [
        [(texts[(t, r, c)].text if origin == (r, c) else None, origin) for c, origin in enumerate(row)]
        for r, row in enumerate(grid.owner)
    ]
    return Fragment(top=grid.box.y0 * _POINTS, columns=[x * _POINTS for x in grid.cols], cells=cells)


def _join_fields(page: Page) -> None:
    """Fields read apart on one line (same top) become one line with wide spaces, as a PDF's text line is."""
    joined: list[tuple[float, str | Fragment]] = []
    for top, item in page.items:
        if joined and isinstance(item, str) and isinstance(joined[-1][1], str) and abs(joined[-1][0] - top) < 4:
            joined[-1] = (joined[-1][0], f"{joined[-1][1]}    {item}")
        else:
            joined.append((top, item))
    page.items[:] = joined


def _widest(layout: _Layout) -> list[Line]:
    lines = [line for *_k, lines, _inner in layout.cells for line in lines] + layout.free
    return sorted(lines, key=lambda line: line.box.x1 - line.box.x0, reverse=True)[:_ORIENTATION_SAMPLE]


def _inset(box: Box, by: int) -> Box:
    return Box(box.x0 + by, box.y0 + by, box.x1 - by, box.y1 - by)


def _whole(image: np.ndarray) -> Box:
    return Box(0, 0, image.shape[1], image.shape[0])
