"""Draw paragraphs and grids as a Word document, tables built at the XML level (gridSpan, vMerge).

python-docx's `cell.merge()` is slow and hides what the XML says; building `w:tc` elements directly gives
exactly the spans a district's Word file has, and the grid positions the truth file points at.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from samples.build.fixed import FIXED, freeze_zip
from samples.build.grid import Block, Cell, Grid, PageBreak, Para, Tag
from samples.build.truth import Location

# kind -> (East Asian font, size in pt, bold)
_PARA_STYLE = {
    "title": ("方正小标宋简体", 18, False),
    "heading": ("黑体", 12, False),
    "meta": ("仿宋_GB2312", 12, False),
    "note": ("仿宋_GB2312", 10.5, False),
    "body": ("仿宋_GB2312", 16, False),
}
_CELL_STYLE = {"header": ("黑体", 10.5, False), "heading": ("黑体", 10.5, False), "total": ("宋体", 10.5, True)}
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def cell_text(cell: Cell) -> str:
    """The text a clerk typed into a Word or PDF cell for this value."""
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, float) and cell.number_format == "0.00":
        return f"{v:.2f}"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime | date):
        return f"{v.year}年{v.month}月{v.day}日"
    return str(v)


def _font(run, east: str, size: float, bold: bool) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = "Times New Roman"
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east)


def _add_para(doc: DocxDocument, para: Para) -> None:
    east, size, bold = _PARA_STYLE.get(para.kind, _PARA_STYLE["body"])
    p = doc.add_paragraph()
    default = "center" if para.kind == "title" else "left"
    p.alignment = _ALIGN[para.align or default]
    if para.kind == "body" and para.align is None:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    p.paragraph_format.space_after = Pt(6 if para.kind in ("title", "heading") else 0)
    p.paragraph_format.space_before = Pt(6 if para.kind == "heading" else 0)
    _font(p.add_run(para.text), east, size, bold)


def _tc(cell: Cell | None, span: int, width: int, vmerge: str | None) -> OxmlElement:
    tc = OxmlElement("w:tc")
    pr = OxmlElement("w:tcPr")
    w = OxmlElement("w:tcW")
    w.set(qn("w:w"), str(width))
    w.set(qn("w:type"), "dxa")
    pr.append(w)
    if span > 1:
        gs = OxmlElement("w:gridSpan")
        gs.set(qn("w:val"), str(span))
        pr.append(gs)
    if vmerge:
        vm = OxmlElement("w:vMerge")
        if vmerge == "restart":
            vm.set(qn("w:val"), "restart")
        pr.append(vm)
    va = OxmlElement("w:vAlign")
    va.set(qn("w:val"), "center")
    pr.append(va)
    tc.append(pr)
    lines = cell_text(cell).split("\n") if cell else [""]
    for line in lines:
        tc.append(_cell_para(line, cell))
    return tc


def _cell_para(text: str, cell: Cell | None) -> OxmlElement:
    from docx.text.paragraph import Paragraph

    p = OxmlElement("w:p")
    para = Paragraph(p, None)
    centred = cell is not None and (cell.kind in ("header", "total") or isinstance(cell.value, int | float))
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    if text:
        east, size, bold = _CELL_STYLE.get(cell.kind if cell else "body", ("宋体", 10.5, False))
        _font(para.add_run(text), east, size, bold)
    return p


def _row_height() -> OxmlElement:
    """A minimum row height of 0.55 cm, as Word's own tables get when a clerk draws them."""
    tr_pr = OxmlElement("w:trPr")
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), "312")
    height.set(qn("w:hRule"), "atLeast")
    tr_pr.append(height)
    return tr_pr


def _add_table(doc: DocxDocument, grid: Grid, text_width: int) -> None:
    table = doc.add_table(rows=0, cols=grid.width)
    table.style = "Table Grid"
    total = sum(grid.widths) or grid.width
    cols = [int(text_width * (w / total)) for w in (grid.widths or [1] * grid.width)]
    for gc, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), cols, strict=True):
        gc.set(qn("w:w"), str(width))
    for r, row in enumerate(grid.rows):
        tr = OxmlElement("w:tr")
        tr.append(_row_height())
        c = 0
        while c < grid.width:
            if c in row:
                cell = row[c]
                tr.append(_tc(cell, cell.span, sum(cols[c : c + cell.span]), "restart" if cell.down > 1 else None))
                c += cell.span
            elif (r, c) in grid.covered and grid.covered[(r, c)][1] == c:
                # Continuation of a vertical merge: Word wants a w:tc with the same gridSpan at each row.
                anchor = grid.anchor((r, c))
                span = anchor.span if anchor else 1
                tr.append(_tc(None, span, sum(cols[c : c + span]), "continue"))
                c += span
            else:
                tr.append(_tc(None, 1, cols[c], None))
                c += 1
        table._tbl.append(tr)


def _page_setup(doc: DocxDocument, landscape: bool) -> int:
    """A4 with 公文-like margins; returns the text width in twips."""
    s = doc.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
    s.top_margin = s.bottom_margin = Cm(2.5)
    s.left_margin = s.right_margin = Cm(2.2)
    return int((s.page_width - s.left_margin - s.right_margin) / 635)  # EMU -> twips


def write_docx(path: Path, blocks: list[Block], landscape: bool = False) -> dict[Tag, Location]:
    """Write the blocks in order; returns every tagged cell's ("表N", "行M列K")."""
    doc = Document()
    text_width = _page_setup(doc, landscape)
    locs: dict[Tag, Location] = {}
    n = 0
    for block in blocks:
        if isinstance(block, Para):
            _add_para(doc, block)
        elif isinstance(block, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            n += 1
            _add_table(doc, block, text_width)
            locs.update({tag: (f"表{n}", f"行{r + 1}列{c + 1}") for tag, (r, c) in block.tags().items()})
    props = doc.core_properties
    props.author = props.last_modified_by = "Administrator"
    props.created = props.modified = FIXED
    props.revision = 1
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    freeze_zip(path)
    return locs
