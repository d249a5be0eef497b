"""What only the DOCX can say: the page setup and grid of its sections, the body's line and character
pitch as Word sets them, the page-number footers, where the red rule is drawn, which page the 版记 takes."""

from __future__ import annotations

import statistics

from generators.documents.check.findings import Report
from generators.documents.check.standard import CHARS, LINES, MARGIN_NAMES, MARGIN_TOL, MARGINS, PAPER, size_name
from generators.documents.reading.docx_pages import estimate_pages
from generators.documents.reading.docx_read import DocxDoc, Section
from generators.documents.reading.patterns import PAGE_NUMBER
from generators.documents.reading.structure import Outline

MM_PT = 72 / 25.4
LETTER_RULE = "信函格式的发文机关标志之下应有一条红色双线（上粗下细）"


def check_docx(doc: DocxDoc, outline: Outline, report: Report) -> None:
    main = doc.sections[0] if doc.sections else None
    if main is None:
        return
    _paper(main, report)
    _grid(doc, outline, main, report)
    _page_numbers(doc, outline, report)
    _rule(doc, outline, report)
    _imprint(doc, outline, report)


def _paper(section: Section, report: Report) -> None:
    w, h = sorted((section.page_w, section.page_h))
    if abs(w - PAPER[0]) > 1 or abs(h - PAPER[1]) > 1:
        report.add("error", "paper-size", f"纸张应为A4（210mm×297mm），此处为{w:.0f}mm×{h:.0f}mm")
    for side, want in MARGINS.items():
        got = getattr(section, side)
        if abs(got - want) > MARGIN_TOL:
            report.add("error", f"margin-{side}", f"{MARGIN_NAMES[side]}应为{want:g}mm（±1mm），此处为{got:.1f}mm")


def _grid(doc: DocxDoc, outline: Outline, section: Section, report: Report) -> None:
    """Lines a page and characters a line of the 正文, from its paragraphs' effective pitches."""
    body = [p.first for p in outline.parts if p.kind in ("body", "heading") and p.first.paragraph]
    if not body:
        return
    line = statistics.median(b.line_pitch for b in body if b.line_pitch)
    char = statistics.median(b.char_pitch for b in body if b.char_pitch)
    lines = int(section.block_h * MM_PT / line + 0.02)
    chars = int(section.block_w * MM_PT / char + 0.02)
    if lines != LINES:
        report.add("error", "lines-per-page", f"正文每页{lines}行（行距{line:.2f}磅），应为每页{LINES}行")
    if chars != CHARS:
        report.add("error", "chars-per-line", f"正文每行{chars}字（字距{char:.2f}磅），应为每行{CHARS}字")


def _page_numbers(doc: DocxDoc, outline: Outline, report: Report) -> None:
    section = doc.sections[0]
    footers = section.footers
    numbered = {k: bs for k, bs in footers.items() if any("PAGE" in b.extra.get("fields", []) for b in bs)}
    if not numbered:
        report.add(
            "error", "page-number-missing", "没有页码（应在版心下边缘之下，用4号半角宋体阿拉伯数字）", "page_number"
        )
        return
    if not doc.even_odd or "even" not in numbered:
        report.add("error", "page-number-side", "页码应单页居右、双页居左：需设置奇偶页不同的页脚", "page_number")
    for kind, side in (("default", "right"), ("even", "left")):
        for b in numbered.get(kind, []):
            if "PAGE" not in b.extra.get("fields", []):
                continue
            if b.align != side and kind in ("default", "even") and doc.even_odd:
                where = "单页" if kind == "default" else "双页"
                report.add(
                    "error", "page-number-side", f"{where}页码应{'居右' if side == 'right' else '居左'}", "page_number"
                )
            text = b.text.replace("\t", "").strip()
            if not _dashed(text):
                report.add("error", "page-number-form", f"页码应写作“— 1 —”（数字左右各放一条一字线），此处为“{text}”",
                           "page_number")  # fmt: skip
            _number_font(b, report)


def _dashed(text: str) -> bool:
    return bool(PAGE_NUMBER.match(text.replace(" ", ""))) and text.startswith("—") and text.endswith("—")


def _number_font(b, report: Report) -> None:
    digits = [s for s in b.spans if any(c.isdigit() for c in s.text)]
    for s in digits:
        latin = s.latin_font or ""
        if latin and "宋" not in latin and "Song" not in latin and "SimSun" not in latin:
            report.add("error", "page-number-font", f"页码数字应为宋体，此处为“{latin}”", "page_number")
            return
        if s.size and abs(s.size - 14) > 0.3:
            report.add(
                "error", "page-number-size", f"页码应为{size_name(14.0)}，此处为{size_name(s.size)}", "page_number"
            )
            return


def _rule(doc: DocxDoc, outline: Outline, report: Report) -> None:
    """The red rule under the 发文字号 (a border of its paragraph, or a red line drawn there)."""
    number = outline.one("number")
    mark = outline.one("mark")
    if mark is not None and not mark.first.paragraph:  # a 信函: the mark and its double rule in the header
        if not mark.first.extra.get("red_rule"):
            report.add(
                "error", "rule-missing", "信函格式的发文机关标志之下应有一条红色双线（上粗下细）", "rule", page=1
            )
        return
    if mark is None or number is None or not number.first.paragraph:
        return
    at = number.first.paragraph
    if not any(at - 1 <= k <= at + 3 for k in doc.red_lines):
        report.add("error", "rule-missing", "发文字号之下应有一条与版心等宽的红色分隔线", "rule",
                   page=1, paragraph=at)  # fmt: skip


def _imprint(doc: DocxDoc, outline: Outline, report: Report) -> None:
    """The 版记 on an even last page, at its foot: in the footer of a last section that starts on an even
    page (as huizong writes it), or in the text, whose page is estimated from the line grid."""
    last = doc.sections[-1]
    in_footer = any(
        b.text.strip().startswith("抄送") or b.text.strip().endswith("印发")
        for blocks in last.footers.values()
        for b in blocks
    )
    if in_footer:
        if last.kind != "evenPage":
            report.add("error", "imprint-page", "版记所在的节应从偶数页开始（版记应在最后一页，且为偶数页）", "imprint")
        return
    parts = outline.of("cc") + outline.of("printed")
    if not parts:
        return
    pages, uncertain = estimate_pages(doc)
    first = parts[0].first
    certain = uncertain is None or uncertain > first.paragraph
    page = pages.get(first.paragraph)
    total = max(pages.values(), default=1)
    if page is None:
        return
    if page % 2 == 1:
        severity = "error" if certain else "warning"
        report.add(severity, "imprint-page", f"版记应在最后一页且为偶数页，此处在第{page}页（奇数页）", "imprint",
                   page=page, paragraph=first.paragraph, estimated=True)  # fmt: skip
    elif page != total:
        report.add("warning", "imprint-page", f"版记应在最后一页，此处在第{page}页，其后还有内容", "imprint",
                   page=page, paragraph=first.paragraph, estimated=True)  # fmt: skip
