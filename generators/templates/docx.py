"""The blank form as a Word document: the annex exactly as districts receive it (cf. seed 002)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

from forms.model import FormDef
from generators.form_layout import Block, PaperForm, layout, meta_line

_BODY_FONT = "仿宋_GB2312"
_TITLE_FONT = "方正小标宋简体"


def _font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _para(doc, text: str, font: str = _BODY_FONT, size: float = 12, bold: bool = False, center: bool = False):
    p = doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(p.add_run(text), font, size, bold)
    return p


def _cell_text(cell, text: str, bold: bool = False, center: bool = False) -> None:
    p = cell.paragraphs[0]
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(p.add_run(text), _BODY_FONT, 11, bold)


def _page(doc, paper: PaperForm) -> float:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if paper.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(20))
    section.top_margin = section.bottom_margin = Mm(20)
    return (section.page_width - section.left_margin - section.right_margin) / 36000  # usable width in mm


def _table(doc, rows: int, cols: int) -> Table:
    table = doc.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    return table


def _widths(table: Table, weights: list[float], usable_mm: float) -> None:
    total = sum(weights)
    for col, weight in zip(table.columns, weights, strict=True):
        for cell in col.cells:
            cell.width = Mm(usable_mm * weight / total)


def _block(doc, block: Block, usable_mm: float) -> None:
    if block.heading:
        _para(doc, block.heading, "黑体", 12)
    table = _table(doc, len(block.rows) + 1, len(block.fields))
    cells = table._cells  # one grid walk; table.cell() rebuilds the grid on every call
    width = len(block.fields)
    for col, header in enumerate(block.headers):
        _cell_text(cells[col], header, bold=True, center=True)
    for r, values in enumerate(block.rows, start=1):
        for col, text in enumerate(values):
            if text:
                _cell_text(cells[r * width + col], text, center=True)
    _widths(table, [f.width for f in block.fields], usable_mm)


def _record(doc, paper: PaperForm, usable_mm: float) -> None:
    table = _table(doc, len(paper.record_lines), 4)
    for r, line in enumerate(paper.record_lines):
        row = table.rows[r].cells
        if len(line.fields) == 1 and line.fields[0].long:
            _cell_text(row[0], line.fields[0].header, bold=True, center=True)
            row[1].merge(row[3])
            table.rows[r].height = Mm(40)
            continue
        for i, f in enumerate(line.fields):
            _cell_text(row[2 * i], f.header, bold=True, center=True)
    _widths(table, [16, 30, 16, 30], usable_mm)


def write(form: FormDef, target: Path) -> None:
    paper = layout(form)
    doc = Document()
    doc.core_properties.title = form.title
    doc.core_properties.subject = form.id
    usable = _page(doc, paper)
    _para(doc, form.title, _TITLE_FONT, 18, center=True)
    if paper.meta:
        _para(doc, meta_line(paper))
    if paper.record_lines:
        _record(doc, paper, usable)
    for block in paper.blocks:
        _block(doc, block, usable)
    for note in paper.notes:
        _para(doc, note, size=10.5)
    doc.save(str(target))
