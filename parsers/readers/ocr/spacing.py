"""Does the text read account for all the ink it was read from? A character the recogniser dropped (a rare one:
沙圪堵 read as 沙堵, sure of every character it kept) leaves a character's worth of ink between two characters
read, or before the first or after the last, that no character explains.

Printed Chinese is set on a square grid: a Chinese character or a full-width sign takes one em, a digit or a
Latin letter about half of one. The recogniser places each character it reads (the middle of its output steps);
around each lies the width it takes. Ink outside all of them is unexplained, measured in ems of the line's own
size (its ink height), so the size of the print does not matter. Blank paper between characters (a name spaced
out to fill its cell, 郭  瑞) is no ink, so it is never counted.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from parsers.readers.ocr.engine import Reading

STRIDE = 8  # input pixels per step of the recogniser's output (PP-OCR: 48 high, a step every 8 pixels)
# Of an em, either side of a character's width: where the recogniser places a character is only as exact as
# its steps (8 pixels, a quarter of a character), and a glyph's ink can reach a little past its width.
_SLACK = 0.1
_INK_HEIGHT = 0.9  # of an em: how tall a line of Chinese characters' ink is
_DIGIT_HEIGHT = 0.72  # of an em: a line of only figures and Latin letters
_SPECK = 2  # ink pixels a row or column needs to count: a speck of noise does not widen the line


@dataclass(frozen=True, slots=True)
class Layout:
    """In the recogniser's input pixels: the centre of each character read, the columns holding ink, and the
    height of the ink."""

    centres: tuple[float, ...]
    inked: tuple[bool, ...]
    height: float


def layout(centres: tuple[float, ...], ink: np.ndarray) -> Layout:
    """`ink`: the line as the recogniser saw it, True where dark."""
    rows = (ink.sum(axis=1) >= _SPECK).nonzero()[0]
    height = float(rows[-1] + 1 - rows[0]) if len(rows) else 0.0
    return Layout(centres, tuple((ink.sum(axis=0) >= _SPECK).tolist()), height)


def advance(char: str) -> float:
    """A character's width in ems: wide (Chinese, full-width signs) one, anything else half."""
    return 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.5


def unexplained(readings: list[Reading]) -> float:
    """The widest unexplained stretch of ink in any of a cell's lines, in ems (0.0 for none)."""
    return max((_widest_gap(r.text, r.layout) for r in readings if r.layout is not None), default=0.0)


def _widest_gap(text: str, layout: Layout) -> float:
    inked, centres = layout.inked, layout.centres
    if len(centres) != len(text) or layout.height <= 0 or not any(inked):
        return 0.0
    em = layout.height / (_INK_HEIGHT if any(advance(c) == 1.0 for c in text) else _DIGIT_HEIGHT)
    half = [advance(c) * em / 2 + _SLACK * em for c in text]
    first = inked.index(True)
    last = len(inked) - inked[::-1].index(True)
    gaps = [(first, centres[0] - half[0])]
    gaps += [(centres[i] + half[i], centres[i + 1] - half[i + 1]) for i in range(len(text) - 1)]
    gaps.append((centres[-1] + half[-1], last))
    widest = max(sum(inked[max(0, round(x0)) : max(0, round(x1))]) for x0, x1 in gaps)
    return widest / em
