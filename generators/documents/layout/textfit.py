"""Text measured in characters: widths, dates, the balanced title, the 署名 block, the 附件说明.

Positions here are in em of the text's own size (a Chinese character is 1, a digit or Latin letter ½), which
is what GB/T 9704 counts in (“右空二字”); each renderer turns them into points or twips.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date


def char_width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") and ord(ch) > 0x2000 else 0.5


def text_width(text: str) -> float:
    return sum(char_width(c) for c in text)


def cn_date(d: date) -> str:
    """成文日期 in Arabic numerals without leading zeros: 2021年10月12日."""
    return f"{d.year}年{d.month}月{d.day}日"


def number_text(value: object, decimals: int | None = None) -> str:
    """A figure as a 公文 writes it: 12, 0.5, 22.50 with the decimals its column asks for."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        if decimals:
            return f"{value:.{decimals}f}"
        return str(int(value)) if float(value).is_integer() else f"{value:g}"
    return str(value)


@dataclass(frozen=True, slots=True)
class SigLine:
    """One line of the 署名 block: the texts of one row, right indent of the row's end in em."""

    texts: tuple[str, ...]
    right: float
    date: bool = False


def signature_block(names: tuple[str, ...], when: date | None, seal: bool) -> list[SigLine]:
    """The 署名 and 成文日期 lines placed as GB/T 9704 7.3.5 says."""
    text = cn_date(when) if when else ""
    dw = text_width(text)
    if seal:
        return _sealed(names, text, dw)
    widest = max((text_width(n) for n in names), default=0.0)
    date_right = widest - dw if names else 2.0
    name_right = 2.0
    if date_right < 2:
        # A date longer than the name keeps its 2 characters; the name moves left (starts 2 before the date).
        date_right, name_right = 2.0, 4 + dw - widest
    lines = [SigLine((n,), name_right + widest - text_width(n)) for n in names]
    if text:
        lines.append(SigLine((text,), date_right, date=True))
    return lines


def _sealed(names: tuple[str, ...], text: str, dw: float) -> list[SigLine]:
    # With a seal the date sits 4 characters from the right and the 署名 is centred over it; joint issuers
    # stand side by side, two to a row, each under its own seal.
    if len(names) > 1:
        rows = [tuple(names[i : i + 2]) for i in range(0, len(names), 2)]
        lines = [SigLine(row, 0.0) for row in rows]
    else:
        lines = [SigLine((n,), max(0.0, 4 + (dw - text_width(n)) / 2)) for n in names]
    if text:
        lines.append(SigLine((text,), 4.0, date=True))
    return lines


@dataclass(frozen=True, slots=True)
class NoteItem:
    """One line group of the 附件说明: its text, left edge of wrapped lines and the first line's offset."""

    text: str
    indent: float  # em from the left margin where every line but the first starts (aligned names)
    first: float  # em from the left margin where the first line starts


def attachment_note(titles: list[str]) -> list[NoteItem]:
    """附件：1．名称 — numbered when there are several, numbers and names aligned, no final punctuation."""
    label = "附件："
    if len(titles) == 1:
        return [NoteItem(label + titles[0].rstrip("。"), 2 + 3, 2)]
    numbers = [f"{i}．" for i in range(1, len(titles) + 1)]
    nw = max(text_width(n) for n in numbers)
    items = []
    for i, (num, title) in enumerate(zip(numbers, titles, strict=True)):
        pad = nw - text_width(num)  # right-align 9． under 10．
        prefix = label if i == 0 else ""
        first = 2 + (0 if i == 0 else 3) + pad
        items.append(NoteItem(prefix + num + title.rstrip("。"), 2 + 3 + nw, first))
    return items


def attachment_label(index: int, count: int) -> str:
    return "附件" if count == 1 else f"附件{index}"


_TODO = re.compile(r"【[^】]*】")


def todo_segments(text: str) -> list[tuple[str, bool]]:
    """Split `text` around 【…】 notes left for the official to write; True marks a note (highlighted)."""
    out, pos = [], 0
    for m in _TODO.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m[0], True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out
