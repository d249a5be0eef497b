"""Where the text of a DOCX will end, estimated from the grid (Word decides page breaks, not us).

With every line exactly one grid pitch high and 28 characters to a full line, body text is deterministic:
a paragraph's line count follows from its characters. Word's rules are simulated: closing punctuation may
hang past the margin (overflowPunct), opening punctuation never ends a line, a Latin word or number is not
split, a heading keeps with the next line. Tables are estimated from their text and marked uncertain.

Pages break as Word breaks them: lines fill the page; when one does not fit, the page ends at the latest
place before it where a break is allowed: not between a keep-with-next paragraph and the next one, not
inside a block kept together (widow control is off in the styles, so any other line may end a page).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from generators.documents.layout import geometry as g
from generators.documents.layout.textfit import char_width

LINE_UNITS = (g.PAGE_W - g.LEFT - g.RIGHT) * g.MM_PT / g.CHAR_PITCH_PT  # 28.17 characters of 15.7 pt
PAGE_TWIPS = g.mm_to_twips(g.PAGE_H) - g.mm_to_twips(g.TOP) - g.mm_to_twips(g.BOTTOM)
_CLOSING = set("，。、；：！？）》」』〕】”’…")
_OPENING = set("（《「『〔【“‘")
_TOKENS = re.compile(r"[A-Za-z0-9.\-/%@_:]+|\s+|.", re.S)


def line_count(
    text: str,
    first: float = 2.0,
    left: float = 0.0,
    right: float = 0.0,
    width: float = LINE_UNITS,
    size_pt: float = g.BODY_PT,
) -> int:
    """Lines Word needs for `text`; positions in characters: first-line start, other lines' start, right.

    `size_pt`: the body's condensed 3号 by default; other sizes (the 4号 版记) are set without condensing.
    """
    if not text:
        return 1
    lines, pos, limit = 1, first, width - right
    prev = ""
    half = 0.49 if size_pt == g.BODY_PT else 0.5
    for token in _TOKENS.findall(text):
        w = sum(_unit(c, half) for c in token)
        if pos + w > limit + 1e-6 and pos > left:
            if token in _CLOSING and pos + w <= limit + 1.0:
                pos += w  # hanging punctuation
                prev = token
                continue
            lines += 1
            # an opening bracket that ended the line moves down with the token it opens
            pos = left + (_unit(prev, half) if prev in _OPENING else 0)
        pos += w
        prev = token
    return lines


def _unit(ch: str, half: float = 0.49) -> float:
    if char_width(ch) == 1.0:
        return 1.0
    return half if not ch.isspace() else 0.25  # Times New Roman digits at 16 pt are 0.49 em condensed by 0.3 pt


@dataclass(frozen=True, slots=True)
class Flow:
    """One piece of the document's flow: lines or table rows (heights in twips), or a page break."""

    heights: tuple[int, ...] = ()
    keep_next: bool = False  # its last line stays on the page of the next flow's first line (w:keepNext)
    together: bool = False  # all on one page (w:keepLines, or a keep-with-next chain of one-line paragraphs)
    new_page: bool = False
    landscape: bool = False
    certain: bool = True


@dataclass(frozen=True, slots=True)
class Ending:
    page: int
    used: int  # twips used on that page
    landscape: bool
    certain: bool  # only text lines since the last forced page break: the estimate can be trusted to a line

    @property
    def free(self) -> int:
        return PAGE_TWIPS - self.used


@dataclass(frozen=True, slots=True)
class _Line:
    height: int
    breakable: bool  # a page may end just before this line
    certain: bool


def estimate(flows: list[Flow]) -> Ending:
    page, landscape = 1, False
    segment: list[_Line] = []  # the lines since the last page break
    keep = False  # the previous flow keeps with the next one
    for flow in flows:
        if flow.new_page:
            page, _ = _fill(segment, page, landscape)
            page, landscape, segment, keep = page + 1, flow.landscape, [], False
        if flow.heights:
            segment.extend(_lines(flow, keep_previous=keep))
            keep = flow.keep_next
    page, start = _fill(segment, page, landscape)
    rest = segment[start:]
    # Certain only when every line since the last forced page break is: a table's guessed height on an
    # earlier page moves where the last page starts, and with it the room left under the text.
    return Ending(page, sum(ln.height for ln in rest), landscape, all(ln.certain for ln in segment))


def _lines(flow: Flow, keep_previous: bool) -> list[_Line]:
    return [
        _Line(h, not keep_previous if k == 0 else not flow.together, flow.certain) for k, h in enumerate(flow.heights)
    ]


def _fill(lines: list[_Line], page: int, landscape: bool) -> tuple[int, int]:
    """Lay `lines` out from the top of `page`: (last page, index of its first line)."""
    height = _page_height(landscape)
    start, used, i = 0, 0, 0
    while i < len(lines):
        if used + lines[i].height > height and i > start:
            # The latest allowed break at or before the line that does not fit; none: break there anyway.
            i = next((b for b in range(i, start, -1) if lines[b].breakable), i)
            page, start, used = page + 1, i, 0
            continue
        used += lines[i].height
        i += 1
    return page, start


def _page_height(landscape: bool) -> int:
    if not landscape:
        return PAGE_TWIPS
    return g.mm_to_twips(g.PAGE_W) - g.mm_to_twips(28.0) - g.mm_to_twips(26.0)


def table_row_twips(texts: list[tuple[str, float]], size_pt: float, min_lines: int = 1) -> int:
    """A table row: the tallest cell, each cell's text wrapped in its width (mm)."""
    line = size_pt * 20 * 1.35
    tallest = min_lines
    for text, width_mm in texts:
        capacity = max(1.0, (width_mm - 2.4) * g.MM_PT / size_pt)
        tallest = max(tallest, math.ceil(sum(char_width(c) for c in text) / capacity) if text else 1)
    return round(tallest * line + 113)  # cell margins and borders
