"""What is measured on the pages of a PDF: paper, margins, lines a page and characters a line, the page
numbers (form, side, face), the red rule under the 发文字号, the page and place of the 版记."""

from __future__ import annotations

import re
import statistics

from generators.documents.check.findings import Report
from generators.documents.check.standard import (
    CHARS,
    LINES,
    MARGIN_NAMES,
    MARGINS,
    PAPER,
    PDF_MARGIN_TOL,
    size_name,
)
from generators.documents.layout import geometry as g
from generators.documents.reading.blocks import face_of
from generators.documents.reading.pdf_read import MM, Page, PdfDoc
from generators.documents.reading.structure import Outline

ASCENT = 0.88  # a CJK glyph's top above its baseline, in em (Fandol, Noto, SimSun and FangSong alike)


def check_pdf(doc: PdfDoc, outline: Outline, report: Report) -> None:
    _paper(doc, report)
    portrait = [p for p in doc.pages if p.height > p.width and p.lines]
    pitch = _grid(doc, outline, report)
    _margins(doc, portrait, pitch, report)
    _page_numbers(doc, outline, report)
    _rule(doc, outline, report)
    _imprint(doc, outline, report)


def _paper(doc: PdfDoc, report: Report) -> None:
    for p in doc.pages:
        w, h = sorted((p.width, p.height))
        if abs(w - PAPER[0]) > 1 or abs(h - PAPER[1]) > 1:
            report.add("error", "paper-size", f"纸张应为A4（210mm×297mm），此处为{w:.0f}mm×{h:.0f}mm", page=p.number)
            return


def _body_pitch(outline: Outline) -> tuple[float | None, float | None]:
    blocks = [p.first for p in outline.parts if p.kind in ("body", "heading") and p.first.lines > 1]
    lines = [b.line_pitch for b in blocks if b.line_pitch]
    chars = [b.char_pitch for p in outline.parts if p.kind in ("body", "heading") for b in p.blocks if b.char_pitch]
    return (statistics.median(lines) if lines else None), (statistics.median(chars) if chars else None)


def _grid(doc: PdfDoc, outline: Outline, report: Report) -> float | None:
    line, char = _body_pitch(outline)
    if line:
        lines = int(g.BLOCK_H * MM / line + 0.02)
        if lines != LINES:
            report.add("error", "lines-per-page", f"正文每页{lines}行（行距{line:.2f}磅），应为每页{LINES}行")
    if char:
        chars = int((doc.right - doc.left) * MM / char + 0.02)
        if chars != CHARS:
            report.add("error", "chars-per-line", f"正文每行{chars}字（字距{char:.2f}磅），应为每行{CHARS}字")
    return line


def _margins(doc: PdfDoc, pages: list[Page], pitch: float | None, report: Report) -> None:
    if not pages:
        return
    width = pages[0].width
    measured = {"left": doc.left, "right": width - doc.right}
    # Page 1 starts with the 版头, and a page may start with a figure or a table: the top is where text
    # starts highest on the other pages.
    firsts = [next((ln for ln in p.lines if not p.in_table(ln)), None) for p in pages[1:] if len(p.lines) >= 3]
    tops = [ln.baseline - ASCENT * ln.size / MM for ln in firsts if ln is not None]
    if tops:
        measured["top"] = min(tops)
    full = max(pages, key=lambda p: len(p.lines))
    if pitch and len(full.lines) >= LINES and full.number > 1:
        first = full.lines[0]
        top = first.baseline - ASCENT * first.size / MM
        measured["bottom"] = full.height - (top + LINES * pitch / MM)
    for side, got in measured.items():
        want = MARGINS[side]
        if abs(got - want) > PDF_MARGIN_TOL:
            message = f"{MARGIN_NAMES[side]}应为{want:g}mm（±1mm），量得{got:.1f}mm"
            report.add("error", f"margin-{side}", message)


def _page_numbers(doc: PdfDoc, outline: Outline, report: Report) -> None:
    imprint_pages = {b.page for p in outline.of("cc") + outline.of("printed") for b in p.blocks}
    letter = _letter(outline)
    missing = []
    for p in doc.pages:
        n = p.page_number
        if n is None:
            if p.lines and p.number not in imprint_pages and not (letter and p.number == 1):
                missing.append(p.number)
            continue
        text = re.sub(r"\s+", " ", n.text.strip())
        if not re.fullmatch(rf"— ?{p.number} ?—", text):
            report.add("error", "page-number-form", f"页码应写作“— {p.number} —”，此处为“{text}”", "page_number",
                       page=p.number)  # fmt: skip
        _side(p, n, doc, report)
        digits = [c for c in n.chars if c.text.isdigit()]
        face = face_of(digits[0].font) if digits else None
        if digits and face != "宋体":
            report.add("error", "page-number-font", f"页码数字应为宋体，此处为{face or digits[0].font}", "page_number",
                       page=p.number)  # fmt: skip
        if digits and abs(digits[0].size - 14) > 0.3:
            report.add("error", "page-number-size", f"页码应为{size_name(14.0)}，此处为{size_name(digits[0].size)}",
                       "page_number", page=p.number)  # fmt: skip
    if missing:
        pages = "、".join(f"第{k}页" for k in missing[:5]) + ("等" if len(missing) > 5 else "")
        report.add("error", "page-number-missing", f"{pages}没有页码", "page_number", page=missing[0])


def _side(p: Page, n, doc: PdfDoc, report: Report) -> None:
    em = n.size / MM
    if p.width > p.height:
        return  # a landscape attachment page: the number follows its own block
    if p.number % 2 == 1 and not (doc.right - 2.5 * em <= n.x1 <= doc.right + 0.5):
        report.add("error", "page-number-side", "单页页码应居右（空一字）", "page_number", page=p.number)
    if p.number % 2 == 0 and not (doc.left - 0.5 <= n.x0 <= doc.left + 2.5 * em):
        report.add("error", "page-number-side", "双页页码应居左（空一字）", "page_number", page=p.number)
    gap = n.top - (p.height - MARGINS["bottom"])
    if not 4.5 <= gap <= 9.5:
        report.add("warning", "page-number-place", f"页码应在版心下边缘之下7mm，此处约{gap:.1f}mm", "page_number",
                   page=p.number)  # fmt: skip


def _letter(outline: Outline) -> bool:
    """A 信函: its mark is the issuer's name alone (joint issuers' names stand beside one 文件)."""
    marks = outline.of("mark")
    return bool(marks) and not any(p.text.strip().endswith(("文件", "纪要")) or p.first.table for p in marks)


def _rule(doc: PdfDoc, outline: Outline, report: Report) -> None:
    number, mark = outline.one("number"), outline.one("mark")
    if mark is None or doc.pages[0].width > doc.pages[0].height:
        return
    first = doc.pages[0]
    red = [r for r in first.rules if r.red]
    if _letter(outline):
        below = [r for r in red if r.top < 80 and r.width > 160]
        if len(below) < 2:
            report.add(
                "error", "rule-missing", "信函格式的发文机关标志之下应有一条红色双线（上粗下细）", "rule", page=1
            )
        return
    if number is None:
        return
    bottom = number.first.bottom or 0
    under = [r for r in red if bottom - 1 <= r.top <= bottom + 10]
    if not under:
        report.add("error", "rule-missing", "发文字号之下应有一条与版心等宽的红色分隔线", "rule", page=1)
        return
    rule = under[0]
    if abs(rule.width - (doc.right - doc.left)) > 3:
        report.add("error", "rule-width", f"红色分隔线应与版心等宽（156mm），此处为{rule.width:.0f}mm", "rule", page=1)


def _imprint(doc: PdfDoc, outline: Outline, report: Report) -> None:
    parts = outline.of("cc") + outline.of("printed")
    if not parts:
        return
    page = parts[0].first.page or 0
    last_page = len(doc.pages)
    where = {"page": page, "paragraph": parts[0].first.paragraph}
    if page != last_page:
        report.add("error", "imprint-page", f"版记应在最后一页，此处在第{page}页", "imprint", **where)
    elif page % 2 == 1:
        report.add("error", "imprint-page", f"版记应在偶数页（必要时加一空白页），此处在第{page}页", "imprint", **where)
    p = doc.pages[page - 1]
    lowest = max([b.bottom or 0 for part in parts for b in part.blocks] + [r.bottom for r in p.rules if not r.red])
    foot = p.height - MARGINS["bottom"]
    if foot - lowest > 4:
        report.add("error", "imprint-place", f"版记应位于最后一页版心的最下方，此处其下还空约{foot - lowest:.0f}mm",
                   "imprint", **where)  # fmt: skip
