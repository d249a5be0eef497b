"""The numbers of GB/T 9704-2012 that both renderers share, in the units each one needs.

Everything else (CSS, DOCX twips) is derived from these, so the two outputs cannot drift apart.
"""

from __future__ import annotations

import math

MM_PT = 72 / 25.4  # points per millimetre
TWIPS_PT = 20

PAGE_W, PAGE_H = 210.0, 297.0  # A4, mm
TOP, BOTTOM, LEFT, RIGHT = 37.0, 35.0, 28.0, 26.0  # 天头, bottom, 订口, right margin, mm
BLOCK_W, BLOCK_H = PAGE_W - LEFT - RIGHT, PAGE_H - TOP - BOTTOM  # 版心 156 × 225 mm

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

BODY_PT = 16.0  # 3号
TITLE_PT = 22.0  # 2号
SMALL_PT = 14.0  # 4号: page numbers and the 版记

# One grid line. A hair under 225 mm / 22 (28.99 pt) so that rounding never leaves room for only 21 lines.
LINE_TWIPS = 579
LINE_PT = LINE_TWIPS / TWIPS_PT  # 28.95 pt
LINE_MM = LINE_PT / MM_PT

# Condensing every character by 0.3 pt puts 28 characters of 16 pt on a 156 mm line (28 × 15.7 = 439.6 pt,
# 29 would need 455 pt). Word, WPS and LibreOffice all honour run spacing; only Word honours the char grid.
CHAR_SPACING_PT = -0.3
CHAR_PITCH_PT = BODY_PT + CHAR_SPACING_PT

MARK_TOP = 35.0  # 发文机关标志 top edge below the top of the block, mm
LETTER_MARK_TOP = 30.0  # 信函格式: mark top below the top of the paper, mm
LETTER_RULE_BOTTOM = 20.0  # 信函格式: lower double rule above the bottom edge of the paper, mm
LETTER_RULE_W = 170.0
RULE_GAP = 4.0  # red rule below the 发文字号, mm
PAGE_NO_GAP = 7.0  # page number below the block, mm
MARK_MAX_H = 15.0  # the standard's limit for one character of the mark, mm
DOUBLE = (0.8, 0.4, 0.3)  # 信函格式 double rule: thick, gap, thin, mm
LANDSCAPE = (28.0, 37.0, 26.0, 35.0)  # top, right, bottom, left: the portrait 版心 turned a quarter


def figure_lines(height_mm: float) -> int:
    """Grid lines a figure takes (with 1 mm above and below), so the text after it stays on the grid."""
    return math.ceil((height_mm + 2.0) / LINE_MM)


def mm_to_pt(mm: float) -> float:
    return mm * MM_PT


def mm_to_twips(mm: float) -> int:
    return round(mm * MM_PT * TWIPS_PT)


def grid_char_space(block_twips: int) -> int:
    """Word's w:charSpace for CHARS_PER_LINE characters on a line of `block_twips`.

    Word's character pitch is the Normal font size plus charSpace/4096 pt; floor it so 28 always fit.
    """
    pitch = block_twips / TWIPS_PT / CHARS_PER_LINE
    return int((pitch - BODY_PT) * 4096) - 1
