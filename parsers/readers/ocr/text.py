"""Lines of text inside a box of the page, found by the ink's profile: rows of ink are lines, wide gaps of
paper inside a line part its fields (填报单位：…      填报日期：…).

Printed forms have straight, evenly spaced lines once the page is straight, so a profile finds them exactly
and keeps each inside its cell — what a text detector run over the whole page would blur across rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from parsers.readers.ocr.ruling import Box

if TYPE_CHECKING:
    import numpy as np

_INSET = 4  # pixels kept off a cell's rules
_MIN_HEIGHT = 8  # a band of ink lower than this is a speck or a rule's remains, not a line of text
_PAD = 6  # paper kept around a line: the recogniser reads a tight crop of a lone figure badly
_FIELD_GAP = 1.5  # line heights of paper that part two fields (or two columns of a table without rules)


@dataclass(frozen=True, slots=True)
class Line:
    box: Box


def clean_ink(binary: np.ndarray, rules: np.ndarray) -> np.ndarray:
    """Ink that is text: rules taken out, isolated specks (scanner noise) dropped."""
    import cv2
    import numpy as np

    text = cv2.bitwise_and(binary, cv2.bitwise_not(cv2.dilate(rules, np.ones((3, 3), np.uint8))))
    return cv2.morphologyEx(text, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))


def lines_in(text_ink: np.ndarray, box: Box, *, inset: int = _INSET, split_fields: bool = False) -> list[Line]:
    """The text lines inside `box`, top to bottom (and left to right when fields are split)."""
    x0, y0, x1, y1 = box.x0 + inset, box.y0 + inset, box.x1 - inset, box.y1 - inset
    if x1 - x0 < 4 or y1 - y0 < _MIN_HEIGHT:
        return []
    part = text_ink[y0:y1, x0:x1]
    out = []
    for top, bottom in _runs(part.max(axis=1) > 0, gap=2):
        if bottom - top < _MIN_HEIGHT:
            continue
        columns = part[top:bottom].max(axis=0) > 0
        gap = round((bottom - top) * _FIELD_GAP) if split_fields else x1 - x0
        for left, right in _runs(columns, gap=gap):
            if right - left < 3:
                continue
            out.append(Line(Box(x0 + left, y0 + top, x0 + right, y0 + bottom)))
    return out


def _runs(flags: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """[start, end) of the True runs, runs parted by fewer than `gap` False positions joined."""
    runs: list[list[int]] = []
    for i in (int(i) for i in flags.nonzero()[0]):
        if runs and i - runs[-1][1] < gap:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    return [(a, b) for a, b in runs]


def crop(page: np.ndarray, line: Line, limit: Box) -> np.ndarray:
    """The line's image, never past `limit` (its cell), its paper made white and its ink black, with white
    margins in proportion to its height: the recogniser was trained on such lines, and reads a lone figure
    on grey paper inside a white frame as a letter or a symbol."""
    import cv2
    import numpy as np

    b = line.box
    x0, y0 = max(b.x0 - _PAD, limit.x0), max(b.y0 - _PAD // 2, limit.y0)
    x1, y1 = min(b.x1 + _PAD, limit.x1), min(b.y1 + _PAD // 2, limit.y1)
    piece = page[y0:y1, x0:x1]
    gray = piece if piece.ndim == 2 else cv2.cvtColor(piece, cv2.COLOR_BGR2GRAY)
    dark, paper = np.percentile(gray, (1, 75))
    if paper - dark > 20:
        gray = np.clip((gray.astype(np.float32) - dark) * (255 / (paper - dark)), 0, 255).astype(np.uint8)
    margin = max(_PAD, (b.y1 - b.y0) // 3)
    framed = cv2.copyMakeBorder(gray, margin, margin, margin * 2, margin * 2, cv2.BORDER_CONSTANT, value=255)
    return cv2.cvtColor(framed, cv2.COLOR_GRAY2BGR)
