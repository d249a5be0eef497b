"""A document read back as blocks (paragraphs) of spans (stretches of one look), in reading order.

A DOCX block is a paragraph with its resolved style; a PDF block is lines measured on the page and joined
into a paragraph; a plain draft's block is a line of text and knows nothing of its look.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

FACE_NAMES = ("仿宋", "楷体", "黑体", "小标宋", "宋体")
# Font names as Word, WPS, Founder, Fandol and Noto spell them → the standard's face.
_FACES = (
    (re.compile(r"小标宋|XiaoBiaoSong|XBS|FZXBS|Hz-?xbs|FandolSong-Bold|华文中宋|STZhongsong", re.I), "小标宋"),
    (re.compile(r"仿宋|FangSong|Fang|FS_GB2312|Hz-?fang", re.I), "仿宋"),
    (re.compile(r"楷|Kai|STKaiti|Hz-?kai", re.I), "楷体"),
    (re.compile(r"黑|Hei|SimHei|Sans ?CJK|YaHei|Hz-?hei", re.I), "黑体"),
    (re.compile(r"宋|Song|SimSun|Serif ?CJK|Ming|Hz-?song", re.I), "宋体"),
)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def face_of(font_name: str | None) -> str | None:
    """The standard face a font name stands for (仿宋_GB2312 → 仿宋, ABCDEF+FandolKai-Regular → 楷体)."""
    if not font_name:
        return None
    name = font_name.split("+", 1)[-1]
    return next((face for pattern, face in _FACES if pattern.search(name)), None)


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    font: str | None = None  # the font name as the document gives it (East-Asian font for DOCX)
    size: float | None = None  # pt
    red: bool = False
    bold: bool = False
    latin_font: str | None = None  # DOCX: the font of digits and Latin letters
    spacing: float = 0.0  # DOCX: character spacing, pt (negative: condensed)

    @property
    def face(self) -> str | None:
        return face_of(self.font)


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    paragraph: int  # 1-based, in reading order
    page: int | None = None  # PDF: the page; DOCX: the estimated page (None when unknown)
    spans: tuple[Span, ...] = ()
    align: str | None = None  # left / center / right / both
    indent: float | None = None  # first-line indent, in characters of the block's size (negative: hanging)
    left: float | None = None  # left indent of the other lines, in characters
    right: float | None = None
    table: bool = False  # a cell's paragraph
    top: float | None = None  # PDF: mm from the top of the paper to the first line's top
    bottom: float | None = None
    x0: float | None = None  # PDF: mm from the left edge
    x1: float | None = None
    lines: int = 1
    line_pitch: float | None = None  # pt from one line to the next
    char_pitch: float | None = None  # pt from one character to the next (size + spacing)
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def look(self, start: int = 0, end: int | None = None, cjk_only: bool = True) -> tuple[str | None, float | None]:
        """(face, size) most characters of text[start:end] have (Chinese characters only, by default)."""
        end = len(self.text) if end is None else end
        faces: Counter[tuple[str | None, float | None]] = Counter()
        pos = 0
        for span in self.spans:
            a, b = max(start, pos), min(end, pos + len(span.text))
            if a < b:
                chunk = span.text[a - pos : b - pos]
                n = len(_CJK.findall(chunk)) if cjk_only else len(chunk.strip())
                if n:
                    faces[(span.face, span.size)] += n
            pos += len(span.text)
        return faces.most_common(1)[0][0] if faces else (None, None)

    @property
    def red(self) -> bool:
        marked = [s for s in self.spans if s.text.strip()]
        return bool(marked) and all(s.red for s in marked)

    @property
    def sizes(self) -> set[float]:
        return {round(s.size, 1) for s in self.spans if s.size and s.text.strip()}
