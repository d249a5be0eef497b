"""The 正文 as paragraphs: heading levels recognised from their numbering, punctuation made full-width.

GB/T 9704: 一、 is level 1 (黑体), （一） level 2 (楷体), 1． and （1） levels 3 and 4 (仿宋). A heading that runs
into its paragraph (“（一）加强领导。各地要……”) stays one paragraph: only its heading part changes font.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_NUM = "一二三四五六七八九十百零〇"
_LEVELS = (
    (1, re.compile(rf"^[{_CN_NUM}]+、")),
    (2, re.compile(rf"^（[{_CN_NUM}]+）")),
    (3, re.compile(r"^\d{1,2}[．.](?!\d)")),
    (4, re.compile(r"^（\d{1,2}）")),
)
# A heading's own text ends at the first sentence end; what follows is its paragraph.
_HEAD_END = re.compile(r"[。！？]")
_CJK = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…"
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_PUNCT = re.compile(rf"(?<=[{_CJK}])\s*([,;:!?])\s*|\s*([,;:!?])\s*(?=[{_CJK}])")
_PARENS = re.compile(r"\(([^()]*)\)")
_HAS_CJK = re.compile(rf"[{_CJK}]")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the 正文. `level` 0 is plain text; `head` is the heading part, `text` the rest."""

    level: int
    head: str
    text: str = ""

    @property
    def full(self) -> str:
        return self.head + self.text


def full_width(text: str) -> str:
    """`,` `;` `:` `!` `?` `()` next to Chinese become full-width; numbers and Latin text keep theirs."""
    text = _PARENS.sub(_paren, text)
    return _PUNCT.sub(lambda m: _HALF_TO_FULL[m[1] or m[2]], text)


def _paren(m: re.Match[str]) -> str:
    s, start, end = m.string, m.start(), m.end()
    before = s[start - 1] if start else ""
    after = s[end] if end < len(s) else ""
    chinese = _HAS_CJK.search(m[1]) or _HAS_CJK.match(before or "a") or _HAS_CJK.match(after or "a")
    # "(1)" opening a line is a heading number even before Latin text.
    heading_number = start == 0 and re.fullmatch(r"\d{1,2}|[一二三四五六七八九十]+", m[1])
    return f"（{m[1]}）" if chinese or heading_number else m[0]


def heading_level(line: str) -> int:
    for level, pattern in _LEVELS:
        if pattern.match(line):
            return level
    return 0


def parse_paragraph(line: str) -> Paragraph:
    line = full_width(line.strip().lstrip("\u3000").strip())
    level = heading_level(line)
    if level == 3:
        line = re.sub(r"^(\d{1,2})\.", r"\1．", line)  # the standard's full-width point after the number
    if not level:
        return Paragraph(0, line)
    end = _HEAD_END.search(line)
    if end and end.end() < len(line):
        return Paragraph(level, line[: end.end()], line[end.end() :])
    return Paragraph(level, line)


def parse_body(text: str) -> list[Paragraph]:
    """Every non-blank line is a paragraph."""
    return [parse_paragraph(line) for line in text.splitlines() if line.strip()]
