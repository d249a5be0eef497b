"""The 版头 in DOCX: 份号/密级/紧急程度, the red issuer mark 35 mm down, the 发文字号 and the red rule.

Positions come from exact line heights, so they do not depend on the fonts installed: the lines above the
mark add up to 35 mm, and the mark's own line is exactly as tall as its characters, which puts their top on
the line's top in Word, WPS and LibreOffice alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from generators.documents.docx import xml as x
from generators.documents.docx.styles import BLOCK_TWIPS, CHAR_TWIPS, RED
from generators.documents.layout import geometry as g
from generators.documents.layout.plan import Mark, Plan
from generators.documents.layout.textfit import text_width

# The rule is a bottom border of the 发文字号's line. In a 28.95 pt line the 3号 glyphs end ~1.9 mm above the
# line's bottom (measured in LibreOffice), so 6 pt of border spacing puts the rule 4 mm under them.
RULE_SPACE_PT = 6
RULE_EIGHTHS = 14  # 1.75 pt ≈ 0.6 mm, as in the PDF
LETTER_RULE_SPACE_PT = round(g.RULE_GAP * g.MM_PT)
HEAD_FACES = {"copy_no": "fang", "secrecy": "hei", "urgency": "hei"}
# The letter's text starts right under its header (mark + rule); this much more puts the first line (份号 at
# the left, 发文字号 at the right) on the baseline of the PDF's first line under the double rule (measured in
# LibreOffice: 170 twips left it 1.3 mm lower than in the PDF).
LETTER_FIRST_BEFORE = 98


@dataclass(frozen=True, slots=True)
class HeadXml:
    xml: str
    twips: int  # height taken on the first page, for the page estimate


def line(runs: str, jc: str | None = None, **parts: str | None) -> str:
    parts.setdefault("spacing", x.exact(g.LINE_TWIPS))
    return x.paragraph(runs, pStyle=x.style("HzPlain"), jc=x.jc(jc) if jc else None, **parts)


def blank(lines: int = 1) -> str:
    return line("") * lines


def head(p: Plan) -> HeadXml:
    """The 版头 of the file and minutes formats (the letter's lives in the first page's header)."""
    h = p.head
    parts = [line(x.run(text, face=HEAD_FACES[kind])) for kind, text in h.lines]
    used = len(parts) * g.LINE_TWIPS
    if h.mark is None:
        if h.number:
            parts.append(line(x.run(h.number)))
            used += g.LINE_TWIPS
        if parts:
            parts.append(blank())
            used += g.LINE_TWIPS
        return HeadXml("".join(parts), used)
    spacer = g.mm_to_twips(g.MARK_TOP) - used
    parts.append(x.paragraph(pStyle=x.style("HzPlain"), spacing=x.exact(spacer)))
    mark_xml, mark_tw = mark(h.mark)
    parts += [mark_xml, blank(2), *number_rows(p), blank(2)]
    rows = max(len(h.signer_rows), 1)
    rule_tw = RULE_SPACE_PT * 20 + RULE_EIGHTHS * 20 // 8
    return HeadXml("".join(parts), used + spacer + mark_tw + (4 + rows) * g.LINE_TWIPS + rule_tw)


def mark(m: Mark, border: str | None = None, indent: str | None = None) -> tuple[str, int]:
    """The red 发文机关标志; joint issuers as a borderless table, 文件 centred to the right of the names."""
    size_tw = round(m.size_pt * 20)
    if m.lines == 1:
        run = x.run(m.names[0] + m.suffix, face="xbs", size_pt=m.size_pt, color=RED)
        return x.paragraph(run, pStyle=x.style("HzMark"), spacing=x.exact(size_tw), pBdr=border, ind=indent), size_tw
    return _joint_mark(m), round(size_tw * 1.15) * m.lines


def _joint_mark(m: Mark) -> str:
    row_tw = round(m.size_pt * 20 * 1.15)
    # Half a character of room: a cell exactly as wide as its text wraps the last character in LibreOffice.
    names_w = round((max(text_width(n) for n in m.names) + 0.5) * m.size_pt * 20)
    suffix_w = round((text_width(m.suffix) + 0.6) * m.size_pt * 20) if m.suffix else 0

    def cell(content: str, width: int, v_align: str = "center") -> str:
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="{v_align}"/></w:tcPr>{content}</w:tc>'
        )

    names = "".join(
        x.paragraph(
            x.run(n, face="xbs", size_pt=m.size_pt, color=RED),
            pStyle=x.style("HzMark"),
            spacing=x.exact(row_tw),
            jc=x.jc("distribute"),
        )
        for n in m.names
    )
    suffix = x.paragraph(
        x.run(m.suffix, face="xbs", size_pt=m.size_pt, color=RED), pStyle=x.style("HzMark"), spacing=x.exact(row_tw)
    )
    cells = cell(names, names_w) + (cell(suffix, suffix_w) if m.suffix else "")
    grid = f'<w:gridCol w:w="{names_w}"/>' + (f'<w:gridCol w:w="{suffix_w}"/>' if m.suffix else "")
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{names_w + suffix_w}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
        f'<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
        f'<w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid><w:tr>{cells}</w:tr></w:tbl>"
    )


def number_rows(p: Plan) -> list[str]:
    """The 发文字号 line(s) with the red rule under the last; 签发人 to the right for 上行文."""
    h = p.head
    rule = x.pbdr(x.border("bottom", "single", RULE_EIGHTHS, RULE_SPACE_PT, RED))
    if not h.signer_rows:
        return [line(x.run(h.number or ""), jc="center", pBdr=rule)]
    first_w = text_width("签发人：" + "　".join(h.signer_rows[0]))
    label_at = BLOCK_TWIPS - CHAR_TWIPS - round(first_w * CHAR_TWIPS)
    names_at = label_at + 4 * CHAR_TWIPS
    rows = []
    for i, names in enumerate(h.signer_rows):
        last = i == len(h.signer_rows) - 1
        runs = x.run(h.number or "") if last else ""
        runs += "<w:r><w:tab/></w:r>" + (x.run("签发人：") if i == 0 else "<w:r><w:tab/></w:r>")
        runs += x.run("　".join(names), face="kai")
        stops = x.tabs(("left", label_at), ("left", names_at))
        rows.append(
            line(
                runs,
                tabs=stops,
                ind=x.ind(left=CHAR_TWIPS, first_line=0, first_line_chars=0),
                pBdr=rule if last else None,
            )
        )
    return rows


def letter_header(p: Plan) -> str:
    """The letter's mark with the thick-over-thin red double rule 4 mm under it (170 mm long)."""
    from generators.documents.docx.sections import letter_rule_indent

    rule = x.pbdr(x.border("bottom", "thickThinSmallGap", 18, LETTER_RULE_SPACE_PT, RED))
    if p.head.mark is None:
        return x.paragraph(pStyle=x.style("HzMark"), spacing=x.exact(20), pBdr=rule, ind=letter_rule_indent())
    xml, _ = mark(p.head.mark, border=rule, indent=letter_rule_indent())
    return xml


def letter_lines(p: Plan) -> HeadXml:
    """Under the double rule: 份号 etc. at the left, the 发文字号 at the right of the first line."""
    h = p.head
    texts = [(kind, text) for kind, text in h.lines] or [("copy_no", "")]
    parts = []
    for i, (kind, text) in enumerate(texts):
        runs = x.run(text, face=HEAD_FACES[kind])
        if i == 0 and h.number:
            runs += "<w:r><w:tab/></w:r>" + x.run(h.number)
        spacing = x.exact(g.LINE_TWIPS, before=LETTER_FIRST_BEFORE if i == 0 else 0)
        parts.append(line(runs, tabs=x.tabs(("right", BLOCK_TWIPS)), spacing=spacing))
    parts.append(blank(2))
    return HeadXml("".join(parts), (len(texts) + 2) * g.LINE_TWIPS)
