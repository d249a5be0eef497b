"""The 版记 of the DOCX, at the bottom of an even last page.

Word, not huizong, decides where pages break, so two mechanisms are combined:
- Its own page (the robust default): a last section that starts on an even page (w:type evenPage — Word and
  LibreOffice insert the blank page themselves) and holds the 版记 in its even-page footer, lifted onto the
  版心's bottom edge; no footer of that section carries a page number. Parity and position hold whatever
  the text's length. (w:vAlign bottom would be simpler but LibreOffice ignores it, and LibreOffice shifts
  the top of the page it makes for an even-page section, so nothing there is measured from the top.)
- The text's last page, when the grid estimate (pagecount.py) says that page is even, holds only text lines
  (no table, whose height can only be guessed) and has room for the 版记 and one spare line. A spacer of the
  estimated free height then pushes the 版记 down to the bottom edge.
"""

from __future__ import annotations

from generators.documents.docx import sections as docx_sections
from generators.documents.docx import xml as x
from generators.documents.docx.body import Writer
from generators.documents.docx.styles import BLOCK_TWIPS
from generators.documents.layout import geometry as g
from generators.documents.layout.pagecount import estimate, line_count
from generators.documents.layout.plan import Imprint

SMALL_TW = round(g.SMALL_PT * 20)  # one 4号 character
THICK, THIN = 8, 6  # eighths of a point: 1 pt ≈ 0.35 mm and 0.75 pt ≈ 0.25 mm
TAIL_TW = 20  # the 1 pt paragraph after the table
SPARE = g.LINE_TWIPS  # free room the estimate must leave beyond the 版记 to share the page
# Left under a shared page's 版记: rule widths are drawn slightly differently by each program, and a 版记
# that overshoots the block by a hair would move to the next page.
SLACK = g.mm_to_twips(0.5)


def table(im: Imprint) -> tuple[str, int]:
    """The 版记 as a one-column table as wide as the block, and its height in twips.

    A table, not paragraph borders: table rules span the full 156 mm whatever the text's indents.
    """
    rows, lines = [], 0
    if im.cc:
        indent = x.ind(left=SMALL_TW * 4, hanging=SMALL_TW * 3, first_line_chars=0)
        rows.append(
            _row(x.paragraph(x.run(im.cc), pStyle=x.style("HzImprint"), spacing=x.exact(g.LINE_TWIPS), ind=indent))
        )
        # A long 抄送 wraps: each of its lines is a grid line (one 4号 character in, later lines four in).
        lines += cc_lines(im.cc)
    if im.printed_by or im.printed_on:
        runs = x.run(im.printed_by or "") + "<w:r><w:tab/></w:r>" + x.run(im.printed_on or "")
        stops = x.tabs(("right", BLOCK_TWIPS - SMALL_TW))
        rows.append(_row(x.paragraph(runs, pStyle=x.style("HzImprint"), spacing=x.exact(g.LINE_TWIPS), tabs=stops)))
        lines += 1
    thick, thin = (THICK, THIN) if im.ruled else (None, None)
    # CT_TblBorders order: top, left, bottom, right, insideH, insideV (Word rejects another order).
    rules = "".join(
        _rule(side, size)
        for side, size in (
            ("top", thick),
            ("left", None),
            ("bottom", thick),
            ("right", None),
            ("insideH", thin),
            ("insideV", None),
        )
    )
    props = (
        f'<w:tblPr><w:tblW w:w="{BLOCK_TWIPS}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
        f"<w:tblBorders>{rules}</w:tblBorders>"
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    )
    xml = f'<w:tbl>{props}<w:tblGrid><w:gridCol w:w="{BLOCK_TWIPS}"/></w:tblGrid>{"".join(rows)}</w:tbl>'
    borders = (THICK * 2 + THIN * (len(rows) - 1)) * 20 // 8 if im.ruled else 0
    return xml, lines * g.LINE_TWIPS + borders


def cc_lines(cc: str) -> int:
    """Lines of the 抄送 row: 4号 characters across the block, first line 1 in, the others 4 in, 1 off the right."""
    return line_count(cc, first=1, left=4, right=1, width=BLOCK_TWIPS / SMALL_TW, size_pt=g.SMALL_PT)


def _rule(side: str, eighths: int | None) -> str:
    if eighths is None:
        return f'<w:{side} w:val="nil"/>'
    return f'<w:{side} w:val="single" w:sz="{eighths}" w:space="0" w:color="000000"/>'


def _row(paragraph: str) -> str:
    return (
        f'<w:tr><w:trPr><w:trHeight w:val="{g.LINE_TWIPS}" w:hRule="atLeast"/></w:trPr>'
        f'<w:tc><w:tcPr><w:tcW w:w="{BLOCK_TWIPS}" w:type="dxa"/></w:tcPr>{paragraph}</w:tc></w:tr>'
    )


def spacer(twips: int) -> str:
    """Blank lines (plus one shorter line) filling `twips`: what an official would type to push it down."""
    lines, rest = divmod(max(twips, 0), g.LINE_TWIPS)
    blank = x.paragraph(pStyle=x.style("HzPlain"), spacing=x.exact(g.LINE_TWIPS))
    short = x.paragraph(pStyle=x.style("HzPlain"), spacing=x.exact(rest)) if rest >= 20 else ""
    return blank * lines + short


def place(w: Writer, im: Imprint) -> bool:
    """Append the 版记; True when it shares the text's last page."""
    xml, height = table(im)
    # Word needs a paragraph after a table (and a section needs one); this one is 1 pt high.
    tail = x.paragraph(pStyle=x.style("HzPlain"), spacing=x.exact(TAIL_TW))
    end = estimate(w.flows)
    if not end.landscape and end.page % 2 == 0 and end.certain and end.free >= height + TAIL_TW + SPARE:
        w.add(spacer(end.free - height - TAIL_TW - SLACK) + xml + tail)
        w.flush()
        return True
    w.new_section(False, kind="evenPage")
    w.add(tail)
    w.flush()
    docx_sections.imprint_footers(w.doc, xml)
    return False
