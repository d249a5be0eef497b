"""Sections of the DOCX: page size and margins, the grid, page-number footers, section breaks.

Page numbers are `— PAGE —` fields in 4号宋体: the default (odd) footer right-aligned one character in, the
even footer left-aligned one character in (settings carry w:evenAndOddHeaders).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from generators.documents.docx import xml as x
from generators.documents.docx.styles import BLOCK_TWIPS, RED
from generators.documents.layout import geometry as g
from generators.documents.layout.fonts import FACES
from generators.documents.layout.geometry import DOUBLE, LANDSCAPE

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.section import CT_SectPr
    from docx.section import _BaseHeaderFooter as HeaderFooter

PAGE_W_TW, PAGE_H_TW = g.mm_to_twips(g.PAGE_W), g.mm_to_twips(g.PAGE_H)
# Footers end 20 mm above the paper's edge, where the 信函格式's lower red rule sits; the page number's line
# (exactly one 4号 character high) is lifted by space after it so its top is 7 mm under the 版心.
FOOTER_TW = g.mm_to_twips(g.LETTER_RULE_BOTTOM)
PAGE_NO_LINE = round(g.SMALL_PT * 20)
PAGE_NO_AFTER = g.mm_to_twips(g.BOTTOM - g.PAGE_NO_GAP - g.LETTER_RULE_BOTTOM) - PAGE_NO_LINE
HEADER_TW = g.mm_to_twips(g.LETTER_MARK_TOP)
IMPRINT_LIFT_TW = g.mm_to_twips(g.BOTTOM - g.LETTER_RULE_BOTTOM)
PAGE_NO_INDENT = round(g.SMALL_PT * 20)  # one 4号 character


def page_setup(landscape: bool = False) -> tuple[str, str]:
    """pgSz, pgMar and the 22 × 28 document grid for a portrait page or a landscape attachment page."""
    if landscape:
        top, right, bottom, left = (g.mm_to_twips(v) for v in LANDSCAPE)
        size = f'<w:pgSz w:w="{PAGE_H_TW}" w:h="{PAGE_W_TW}" w:orient="landscape"/>'
    else:
        top, right, bottom, left = (g.mm_to_twips(v) for v in (g.TOP, g.RIGHT, g.BOTTOM, g.LEFT))
        size = f'<w:pgSz w:w="{PAGE_W_TW}" w:h="{PAGE_H_TW}"/>'
    margins = (
        f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" '
        f'w:header="{HEADER_TW}" w:footer="{FOOTER_TW}" w:gutter="0"/>'
    )
    grid = (
        f'<w:docGrid w:type="linesAndChars" w:linePitch="{g.LINE_TWIPS}" '
        f'w:charSpace="{g.grid_char_space(BLOCK_TWIPS)}"/>'
    )
    return size + margins, grid


def apply_setup(sect_pr: CT_SectPr, landscape: bool = False, kind: str | None = None, title_page: bool = False) -> None:
    """Rewrite a sectPr's type, page size, margins, grid and first-page flag."""
    for tag in ("w:type", "w:pgSz", "w:pgMar", "w:cols", "w:docGrid", "w:titlePg", "w:vAlign"):
        for old in sect_pr.findall(x.qn(tag)):
            sect_pr.remove(old)
    size_margins, grid = page_setup(landscape)
    xml = (
        (f'<w:type w:val="{kind}"/>' if kind else "")
        + size_margins
        + '<w:cols w:space="425"/>'
        + ("<w:titlePg/>" if title_page else "")
        + grid
    )
    refs = [c for c in sect_pr if c.tag in (x.qn("w:headerReference"), x.qn("w:footerReference"))]
    for child in list(sect_pr):
        sect_pr.remove(child)
    for ref in refs:
        sect_pr.append(ref)
    for el in x.parse(xml):
        sect_pr.append(el)


def page_number_footers(doc: DocxDocument) -> None:
    """Odd pages: right, one character in; even pages: left, one character in."""
    section = doc.sections[-1]
    _fill(section.footer, "right")
    _fill(section.even_page_footer, "left")


def _fill(part: HeaderFooter, side: str) -> None:
    # 4号半角宋体阿拉伯数字: the digits too are 宋体 (ascii/hAnsi), not the Latin face of the body text.
    song = {"face": "song", "latin": FACES["song"].docx}
    runs = x.run("— ", **song) + x.field_run("PAGE", **song) + x.run(" —", **song)
    indent = x.ind(right=PAGE_NO_INDENT) if side == "right" else x.ind(left=PAGE_NO_INDENT)
    spacing = x.exact(PAGE_NO_LINE, after=PAGE_NO_AFTER)
    _replace_content(part, x.paragraph(runs, pStyle=x.style("HzPageNo"), spacing=spacing, ind=indent, jc=x.jc(side)))


def imprint_footers(doc: DocxDocument, imprint_xml: str) -> None:
    """The last section holds only the 版记's page: no page number, the 版记 in its (even) footer.

    A footer sits on the page's bottom whatever the page's top does (LibreOffice shifts the top of the page
    it makes for an even-page section), and a 15 mm line under the 版记 lifts its last rule from the footer's
    20 mm onto the 版心's bottom edge (35 mm). Odd and first footers stay empty: a blank page inserted
    before the 版记 must show nothing.
    """
    section = doc.sections[-1]
    tiny = x.paragraph(pStyle=x.style("HzPageNo"), spacing=x.exact(20))
    lift = x.paragraph(pStyle=x.style("HzPageNo"), spacing=x.exact(IMPRINT_LIFT_TW))
    for part in (
        section.footer,
        section.first_page_footer,
        section.header,
        section.even_page_header,
        section.first_page_header,
    ):
        part.is_linked_to_previous = False
        _replace_content(part, tiny)
    section.even_page_footer.is_linked_to_previous = False
    _replace_content(section.even_page_footer, imprint_xml + lift)


def letter_first_page(doc: DocxDocument, mark_xml: str) -> None:
    """信函格式: the mark and the upper double rule in the first page's header, the lower rule in its footer."""
    section = doc.sections[-1]
    section.different_first_page_header_footer = True
    _replace_content(section.first_page_header, mark_xml)
    thick, _gap, thin = DOUBLE
    # Thin over thick, 20 mm above the paper's bottom edge, 170 mm long (7 mm beyond the 版心 each side).
    rule = x.paragraph(
        pStyle=x.style("HzPageNo"),
        pBdr=x.pbdr(x.border("top", "thickThinSmallGap", round(thin * g.MM_PT * 8 + thick * g.MM_PT * 8), 0, RED)),
        spacing=x.exact(20),
        ind=letter_rule_indent(),
    )
    _replace_content(section.first_page_footer, rule)


def letter_rule_indent() -> str:
    out_left = g.mm_to_twips(g.LEFT - (g.PAGE_W - g.LETTER_RULE_W) / 2)
    out_right = g.mm_to_twips(g.RIGHT - (g.PAGE_W - g.LETTER_RULE_W) / 2)
    return x.ind(left=-out_left, right=-out_right, first_line=0, first_line_chars=0)


def _replace_content(part: HeaderFooter, xml: str) -> None:
    element = part._element
    for child in list(element):
        element.remove(child)
    for el in x.parse(xml):
        element.append(el)


def break_section(doc: DocxDocument, landscape: bool, kind: str = "nextPage") -> None:
    """End the current section here; the following content gets a new one (linked headers and footers)."""
    body = doc.element.body
    current = body.sectPr
    ending = copy.deepcopy(current)
    last = current.getprevious()
    # The section ends with the last paragraph's mark; a new empty paragraph would take a line (and maybe
    # a page) of its own. After a table Word needs a paragraph, so one is added there.
    if last is None or last.tag != x.qn("w:p") or last.find(x.qn("w:pPr") + "/" + x.qn("w:sectPr")) is not None:
        last = x.parse(x.paragraph(pStyle=x.style("HzPlain"), spacing=x.exact(20)))[0]
        current.addprevious(last)
    last.get_or_add_pPr().append(ending)
    for ref in current.findall(x.qn("w:headerReference")) + current.findall(x.qn("w:footerReference")):
        current.remove(ref)
    apply_setup(current, landscape=landscape, kind=kind)
