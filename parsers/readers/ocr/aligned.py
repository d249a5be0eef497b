"""A page with no ruled table: the table is put together from how its text lines up, as well as that goes.

Lines of text are grouped into rows by their band; a run of rows holding three or more separate pieces of text
is the table. Its columns are those of its fullest row (usually the header): every piece goes to the column
whose span holds its centre. Rows before the table are its title and meta lines, rows after it its notes. A
page read this way is reported (the `ocr` notice says the table had no lines), since columns may be misjudged.
"""

from __future__ import annotations

from itertools import groupby, pairwise
from typing import TYPE_CHECKING

from parsers.readers.ocr.engine import Engine, Reading
from parsers.readers.ocr.spacing import unexplained
from parsers.readers.ocr.text import Line, crop
from parsers.readers.pdf_layout import Fragment, Page

if TYPE_CHECKING:
    import numpy as np

    from parsers.readers.ocr.page import Read

_POINTS = 72 / 200
_MIN_PIECES = 3


def read_unruled(image: np.ndarray, lines: list[Line], number: int, engine: Engine) -> Read:
    from parsers.readers.ocr.page import Read
    from parsers.readers.ocr.ruling import Box

    whole = Box(0, 0, image.shape[1], image.shape[0])
    readings = engine.read([crop(image, line, whole) for line in lines])
    rows = [list(group) for _, group in groupby(zip(lines, readings, strict=True), key=lambda lr: lr[0].box.y0)]
    rows = [[(line, reading) for line, reading in row if reading.text] for row in rows]
    rows = [row for row in rows if row]
    first, last = _table_rows(rows)
    result = Read(Page(number=number, height=image.shape[0] * _POINTS), unruled=first is not None)
    for index, row in enumerate(rows):
        if first is None or index < first or index > last:
            result.page.items.append((row[0][0].box.y0 * _POINTS, "    ".join(r.text for _, r in row)))
    if first is not None:
        fragment, texts = _fragment(rows[first : last + 1])
        result.page.items.append((fragment.top, fragment))
        result.confidence = {(1, r, c): min(t.confidence for t in ts) for (r, c), ts in texts.items()}
        result.spacing = {(1, r, c): unexplained(ts) for (r, c), ts in texts.items()}
    result.page.items.sort(key=lambda item: item[0])
    result.page.chars = sum(len(r.text) for r in readings)
    return result


def _table_rows(rows: list[list[tuple[Line, Reading]]]) -> tuple[int | None, int]:
    """The first and last row of the longest run of rows with several pieces each."""
    best: tuple[int | None, int] = (None, -1)
    start = None
    for index, row in enumerate([*rows, []]):
        if len(row) >= _MIN_PIECES:
            start = index if start is None else start
            continue
        if start is not None and (best[0] is None or index - 1 - start > best[1] - best[0]):
            best = (start, index - 1)
        start = None
    if best[0] is not None and best[1] - best[0] < 1:
        return None, -1  # one row of pieces is a line of fields, not a table
    return best


def _fragment(rows: list[list[tuple[Line, Reading]]]) -> tuple[Fragment, dict[tuple[int, int], list[Reading]]]:
    """The table, and the readings in each of its cells that hold text."""
    widest = max(rows, key=len)
    centres = [(line.box.x0 + line.box.x1) / 2 for line, _ in widest]
    bounds = [-1e9, *((a + b) / 2 for a, b in pairwise(centres)), 1e9]
    cells: list[list[tuple[str | None, tuple[int, int]]]] = []
    read: dict[tuple[int, int], list[Reading]] = {}
    for r, row in enumerate(rows):
        texts: list[list[Reading]] = [[] for _ in centres]
        for line, reading in row:
            centre = (line.box.x0 + line.box.x1) / 2
            column = next(i for i in range(len(centres)) if bounds[i] <= centre < bounds[i + 1])
            texts[column].append(reading)
        cells.append([(" ".join(t.text for t in ts), (r, c)) for c, ts in enumerate(texts)])
        read.update({(r, c): ts for c, ts in enumerate(texts) if ts})
    left = [line.box.x0 for line, _ in widest]
    columns = [x * _POINTS for x in [left[0], *bounds[1:-1], widest[-1][0].box.x1]]
    return Fragment(top=rows[0][0][0].box.y0 * _POINTS, columns=columns, cells=cells), read
