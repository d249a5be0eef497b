"""A PDF measured on the page: each page's lines (characters grouped by baseline, with font, size and colour),
its rules (filled rectangles and lines, red or not), the page number under the block; and the body lines
joined into paragraphs (a new one at a first-line indent, after a short line, at a change of size or of
alignment), as blocks with where they stand in mm."""

from __future__ import annotations

import io
import itertools
import re
import statistics
from dataclasses import dataclass, field

from generators.documents.reading.blocks import Block, Span
from generators.documents.reading.patterns import PAGE_NUMBER

MM = 72 / 25.4
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class Char:
    text: str
    x0: float  # mm
    x1: float
    size: float  # pt
    font: str
    red: bool


@dataclass(frozen=True, slots=True)
class Line:
    page: int
    top: float  # mm from the top of the paper (the glyph box)
    bottom: float
    baseline: float
    chars: tuple[Char, ...]

    @property
    def text(self) -> str:
        """The characters; a gap wider than two of them (份号 … 发文字号 on one line) reads as wide spaces."""
        out = []
        for i, c in enumerate(self.chars):
            if i and c.x0 - self.chars[i - 1].x1 > 2 * c.size / MM:
                out.append("\u3000\u3000")
            out.append(c.text)
        return "".join(out)

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1

    @property
    def size(self) -> float:
        sizes = [round(c.size, 1) for c in self.chars if c.text.strip()]
        return statistics.mode(sizes) if sizes else 0.0


@dataclass(frozen=True, slots=True)
class Rule:
    x0: float
    x1: float
    top: float
    bottom: float
    red: bool

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def thickness(self) -> float:
        return self.bottom - self.top


@dataclass
class Page:
    number: int
    width: float  # mm
    height: float
    lines: list[Line] = field(default_factory=list)  # the text lines, page number excluded
    rules: list[Rule] = field(default_factory=list)
    page_number: Line | None = None  # the line under the block that holds the page number
    uprights: list[Rule] = field(default_factory=list)  # vertical lines: a table's cell borders

    def in_table(self, ln: Line) -> bool:
        """The line stands between two cell borders that reach its height."""
        mid = (ln.top + ln.bottom) / 2
        beside = [r for r in self.uprights if r.top - 0.5 <= mid <= r.bottom + 0.5]
        return any(r.x0 <= ln.x0 + 0.5 for r in beside) and any(r.x0 >= ln.x1 - 0.5 for r in beside)


@dataclass
class PdfDoc:
    pages: list[Page]
    blocks: list[Block]
    left: float  # the text block's left edge, mm (measured)
    right: float


def read_pdf(data: bytes, max_pages: int = 200) -> PdfDoc:
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages[:max_pages], 1):
            pages.append(_page(number, page))
    left, right = _edges(pages)
    return PdfDoc(pages, _blocks(pages, left, right), left, right)


def _page(number: int, page) -> Page:
    height = float(page.height)
    rows: dict[int, list[Char]] = {}
    tops: dict[int, list[float]] = {}
    for c in page.chars:
        if not c["text"] or c["text"] in "\u200b":
            continue
        key = round((height - c["matrix"][5]) * 2)  # baseline, half-point buckets
        rows.setdefault(key, []).append(
            Char(
                c["text"],
                c["x0"] / MM,
                c["x1"] / MM,
                float(c["size"]),
                c["fontname"],
                _red(c.get("non_stroking_color")),
            )
        )
        tops.setdefault(key, []).append(c["top"] / MM)
    lines = []
    for key in sorted(rows):
        chars = tuple(sorted(rows[key], key=lambda ch: ch.x0))
        size = max(ch.size for ch in chars)
        top = min(tops[key])
        lines.append(Line(number, top, top + size / MM, key / 2 / MM, chars))
    out = Page(number, float(page.width) / MM, height / MM, rules=_rules(page), uprights=_uprights(page))
    floor = out.height - 30.0  # the page number sits 7 mm under the block, whose bottom is 35 mm up
    for ln in lines:
        if ln.top > floor and PAGE_NUMBER.match(re.sub(r"\s+", "", ln.text)):
            out.page_number = ln
        else:
            out.lines.append(ln)
    return out


def _rules(page) -> list[Rule]:
    out = []
    for r in (*page.rects, *page.lines):
        color = r.get("non_stroking_color") if r.get("fill") else r.get("stroking_color")
        color = color or r.get("stroking_color") or r.get("non_stroking_color")
        x0, x1 = r["x0"] / MM, r["x1"] / MM
        top, bottom = r["top"] / MM, r["bottom"] / MM
        width = max((r.get("linewidth") or 0) / MM, bottom - top)
        if x1 - x0 < 20 or width > 3:  # a rule is long and thin; boxes and table cells are not read here
            continue
        out.append(Rule(x0, x1, top, top + width, _red(color)))
    return out


def _uprights(page) -> list[Rule]:
    out = []
    for r in (*page.rects, *page.lines):
        x0, x1, top, bottom = r["x0"] / MM, r["x1"] / MM, r["top"] / MM, r["bottom"] / MM
        if bottom - top >= 4 and x1 - x0 < 1.0:
            out.append(Rule(x0, x1, top, bottom, False))
    for r in page.rects:  # a cell drawn as a box: its two sides
        x0, x1, top, bottom = r["x0"] / MM, r["x1"] / MM, r["top"] / MM, r["bottom"] / MM
        if bottom - top >= 4 and x1 - x0 >= 1.0 and not r.get("fill"):
            out += [Rule(x0, x0, top, bottom, False), Rule(x1, x1, top, bottom, False)]
    return out


def _red(color: object) -> bool:
    if not isinstance(color, tuple | list):
        return False
    values = [float(v) for v in color if isinstance(v, int | float)]
    if len(values) == 3:
        r, g, b = values
        return r >= 0.7 and g <= 0.4 and b <= 0.4
    if len(values) == 4:
        c, m, y, k = values
        return c <= 0.15 and m >= 0.7 and y >= 0.6 and k <= 0.25
    return False


def _edges(pages: list[Page]) -> tuple[float, float]:
    """The block's left and right edges: the leftmost start and the rightmost end shared by several lines
    (a paragraph's first line starts two characters further in; a centred line is not counted)."""
    body = [ln for p in pages if p.height > p.width for ln in p.lines if 15.5 <= ln.size <= 16.5 and not p.in_table(ln)]
    starts = _shared([ln.x0 for ln in body])
    ends = [ln.x1 for ln in body if len(ln.text) > 10]
    shared = _shared(ends)
    right = max(shared) if shared and max(shared) > max(ends) - 3 else max(ends, default=184.0)
    return (min(starts) if starts else 28.0), right


def _shared(values: list[float]) -> list[float]:
    """Values met at least twice (to 0.3 mm); all of them when none is."""
    buckets: dict[float, list[float]] = {}
    for v in values:
        buckets.setdefault(round(v / 0.3), []).append(v)
    shared = [min(vs) for vs in buckets.values() if len(vs) >= 2]
    return shared or values


# -- paragraphs ------------------------------------------------------------------------------------------
def _blocks(pages: list[Page], left: float, right: float) -> list[Block]:
    """Paragraphs of the text, and one block per table (the lines between its cell borders)."""
    blocks: list[Block] = []
    current: list[Line] = []
    cells: list[Line] = []

    def flush() -> None:
        nonlocal current, cells
        if current:
            blocks.append(_block(current, len(blocks) + 1, left, right))
        if cells:
            blocks.append(_table(cells, len(blocks) + 1))
        current, cells = [], []

    for page in pages:
        for ln in page.lines:
            if page.in_table(ln):
                if current:
                    blocks.append(_block(current, len(blocks) + 1, left, right))
                    current = []
                cells.append(ln)
                continue
            if cells or (current and _starts_new(current[-1], ln, left, right)):
                flush()
            current.append(ln)
    flush()
    return blocks


def _table(lines: list[Line], number: int) -> Block:
    first = lines[0]
    return Block(
        text="\n".join(ln.text for ln in lines),
        paragraph=number,
        page=first.page,
        table=True,
        top=first.top,
        bottom=lines[-1].bottom,
        lines=len(lines),
        extra={"lines": lines},
    )


def _align(ln: Line, left: float, right: float) -> str:
    lead, trail = ln.x0 - left, right - ln.x1
    em = ln.size / MM
    # Centred: as much room on both sides (a body paragraph's first line, two characters in, is not).
    indented = ln.size <= 17 and abs(lead - 2 * em) < 0.2 * em
    if lead > 0.3 * em and abs(lead - trail) < 0.6 * em and not indented:
        return "center"
    if lead > 4 * em and trail < 8 * em and lead > 2 * trail:
        return "right"
    return "left"


def _starts_new(prev: Line, ln: Line, left: float, right: float) -> bool:
    em = ln.size / MM
    if abs(prev.size - ln.size) > 0.6:
        return True
    a, b = _align(prev, left, right), _align(ln, left, right)
    if a != b or a in ("right",):
        return True
    if a == "center":
        return ln.page != prev.page or ln.top - prev.bottom > 1.6 * em
    if "\u3000\u3000" in prev.text:  # a line spread in parts (份号 … 发文字号) is no flowing text
        return True
    if ln.page == prev.page and ln.top - prev.bottom > 1.2 * ln.size / MM * 2:
        return True  # a blank line between them
    if ln.x0 - left > 1.2 * em and not _hangs(prev, ln, left):  # a first-line indent
        return True
    # The previous line ended short after a sentence: its paragraph ended. (A line may also end short
    # because the next word cannot be split, 〔2022〕242号: that is no paragraph end.)
    short = right - prev.x1
    return short > 6 * em or (short > 1.5 * em and bool(re.search(r"[。！？：；”）)]$", prev.text)))


def _hangs(prev: Line, ln: Line, left: float) -> bool:
    """The line continues a hanging item (附件说明: later lines aligned under the first item's name)."""
    return prev.x0 < ln.x0 and prev.x0 - left < 3 * ln.size / MM and bool(re.match(r"^\d{1,2}[.．]", ln.text))


def _block(lines: list[Line], number: int, left: float, right: float) -> Block:
    first = lines[0]
    em = first.size / MM or 1
    spans: list[Span] = []
    for ln in lines:
        for c in ln.chars:
            if spans and spans[-1].font == c.font and spans[-1].size == c.size and spans[-1].red == c.red:
                last = spans[-1]
                spans[-1] = Span(last.text + c.text, last.font, last.size, last.red)
            else:
                spans.append(Span(c.text, c.font, c.size, c.red))
    pitches = [b.baseline - a.baseline for a, b in itertools.pairwise(lines) if a.page == b.page]
    align = _align(first, left, right)
    if align == "left" and len(lines) > 1:
        align = "both"
    return Block(
        text="".join(ln.text for ln in lines),
        paragraph=number,
        page=first.page,
        spans=tuple(spans),
        align=align,
        indent=(first.x0 - left) / em,
        left=(min(ln.x0 for ln in lines[1:]) - left) / em if len(lines) > 1 else None,
        top=first.top,
        bottom=lines[-1].bottom,
        x0=min(ln.x0 for ln in lines),
        x1=max(ln.x1 for ln in lines),
        lines=len(lines),
        line_pitch=statistics.median(pitches) * MM if pitches else None,
        char_pitch=_char_pitch(lines),
        extra={"lines": lines},
    )


def _char_pitch(lines: list[Line]) -> float | None:
    steps = []
    for ln in lines:
        for a, b in itertools.pairwise(ln.chars):
            if _CJK.match(a.text) and _CJK.match(b.text) and abs(a.size - b.size) < 0.1:
                steps.append((b.x0 - a.x0) * MM)
    return statistics.median(steps) if steps else None
