"""Where the 版头 and the page furniture go in the PDF, in mm from the top of the page area.

The page area starts LEAD above the 版心 (see document.css), so a body line whose box top is y has its glyph
tops at y + LEAD, and “35 mm below the top of the 版心” is LEAD + 35 here.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field
from functools import lru_cache

from generators.documents.layout import geometry as g
from generators.documents.layout.geometry import DOUBLE, LANDSCAPE
from generators.documents.layout.plan import Plan

LEAD = (g.LINE_PT - g.BODY_PT) / 2 / g.MM_PT  # half-leading of a body line, mm
BODY_EM = g.BODY_PT / g.MM_PT  # height of one 3号 character, mm
RULE_W = 0.6  # the red rule under the 发文字号, mm
IMPRINT_THICK, IMPRINT_THIN = 0.35, 0.25


@dataclass(frozen=True, slots=True)
class Placed:
    kind: str  # copy_no / secrecy / urgency / number / signed / mark / rule
    top: float
    text: str = ""
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Head:
    items: tuple[Placed, ...]
    height: float  # where the title's line box starts


@lru_cache(maxsize=1)
def page_box() -> dict[str, object]:
    """Numbers for document.css."""
    top, bottom = g.TOP - LEAD, g.BOTTOM
    l_top, l_right, l_bottom, l_left = LANDSCAPE
    return {
        "top": round(top, 3),
        "bottom": round(bottom, 3),
        "page_no": _page_no_css(g.PAGE_H - g.BOTTOM, g.PAGE_H - bottom),
        "l_top": round(l_top - LEAD, 3),
        "l_right": l_right,
        "l_bottom": l_bottom,
        "l_left": l_left,
        "l_page_no": _page_no_css(g.PAGE_W - l_bottom, g.PAGE_W - l_bottom),
        "rule_w": RULE_W,
        "double_thick": DOUBLE[0],
        "double_gap": DOUBLE[1],
        "double_thin": DOUBLE[2],
        "letter_x": (g.PAGE_W - g.LETTER_RULE_W) / 2,
        "letter_rules": _letter_rules_svg(),
        "thick": IMPRINT_THICK,
        "thin": IMPRINT_THIN,
    }


def _page_no_css(block_bottom: float, area_bottom: float) -> str:
    # The number's glyph top (= its box top with line-height 1) sits PAGE_NO_GAP below the 版心.
    pad = block_bottom + g.PAGE_NO_GAP - area_bottom
    return (
        f'font-family: "Hz-song", serif; font-size: {g.SMALL_PT}pt; line-height: 1; letter-spacing: 0; '
        f"vertical-align: top; padding-top: {pad:.3f}mm;"
    )


def _letter_rules_svg() -> str:
    """The lower red double rule of a letter's first page (thin over thick, 20 mm above the bottom)."""
    thick, gap, thin = DOUBLE
    x, w = (g.PAGE_W - g.LETTER_RULE_W) / 2, g.LETTER_RULE_W
    y_thick = g.PAGE_H - g.LETTER_RULE_BOTTOM - thick
    y_thin = y_thick - gap - thin
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{g.PAGE_W}mm" height="{g.PAGE_H}mm" '
        f'viewBox="0 0 {g.PAGE_W} {g.PAGE_H}">'
        f'<rect x="{x}" y="{y_thin:.3f}" width="{w}" height="{thin}" fill="#e60000"/>'
        f'<rect x="{x}" y="{y_thick:.3f}" width="{w}" height="{thick}" fill="#e60000"/></svg>'
    )
    return "data:image/svg+xml," + urllib.parse.quote(svg)


def head(p: Plan) -> Head | None:
    if p.format == "letter":
        return _letter_head(p)
    h = p.head
    lines = [Placed(kind, i * g.LINE_MM, text) for i, (kind, text) in enumerate(h.lines)]
    if h.mark is None:
        if not lines and not h.number:
            return None
        if h.number:
            lines.append(Placed("number", len(lines) * g.LINE_MM, h.number))
        return Head(tuple(lines), (len(lines) + 1) * g.LINE_MM)
    mark_top = LEAD + g.MARK_TOP
    mark_h = h.mark.size_pt / g.MM_PT * (1 if h.mark.lines == 1 else 1.15 * h.mark.lines)
    first_row = mark_top + mark_h + 2 * g.LINE_MM
    items = [*lines, Placed("mark", mark_top, extra={"mark": h.mark})]
    items += _number_rows(p, first_row)
    last_row = first_row + max(len(h.signer_rows) - 1, 0) * g.LINE_MM
    items.append(Placed("rule", last_row + LEAD + BODY_EM + g.RULE_GAP))
    return Head(tuple(items), last_row + 3 * g.LINE_MM)


def _number_rows(p: Plan, first_row: float) -> list[Placed]:
    h = p.head
    if not h.signer_rows:
        return [Placed("number", first_row, h.number or "")]
    # 上行文: the number one character in from the left, 签发人 one in from the right, on the last row.
    last = first_row + (len(h.signer_rows) - 1) * g.LINE_MM
    return [
        Placed("signers", first_row, extra={"rows": h.signer_rows}),
        Placed("number", last, h.number or "", {"left": True}),
    ]


def _letter_head(p: Plan) -> Head:
    h = p.head
    items: list[Placed] = []
    mark_top = g.LETTER_MARK_TOP - (g.TOP - LEAD)
    rule_top = mark_top + 4.0
    if h.mark:
        items.append(Placed("mark", mark_top, extra={"mark": h.mark}))
        rule_top = mark_top + h.mark.size_pt / g.MM_PT * (1 if h.mark.lines == 1 else 1.15 * h.mark.lines) + 4
    items.append(Placed("double", rule_top))
    # First line under the rule: 7/8 of a 3号 character below it (GB/T 9704 10.1).
    first = rule_top + sum(DOUBLE) + BODY_EM * 7 / 8 - LEAD
    for i, (kind, text) in enumerate(h.lines):
        items.append(Placed(kind, first + i * g.LINE_MM, text))
    if h.number:
        items.append(Placed("number", first, h.number, {"letter": True}))
    rows = max(len(h.lines), 1)
    return Head(tuple(items), first + (rows - 1 + 3) * g.LINE_MM)
