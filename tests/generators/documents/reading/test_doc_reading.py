"""Reading a 公文 back: a DOCX as Word resolves it (theme fonts by language, docDefaults, basedOn chains,
character styles, direct formatting, list labels, the character grid), a PDF as measured, and the parts
recognised in either."""

from __future__ import annotations

import io
import zipfile

import docx
from doc_inputs import SAMPLES
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from generators.documents import load_spec, render_pdf
from generators.documents.reading.docx_read import read_docx
from generators.documents.reading.pdf_read import read_pdf
from generators.documents.reading.structure import recognise


def saved(doc) -> zipfile.ZipFile:
    out = io.BytesIO()
    doc.save(out)
    return zipfile.ZipFile(io.BytesIO(out.getvalue()))


def test_fonts_come_through_theme_defaults_chains_and_runs() -> None:
    doc = docx.Document()
    doc.settings.element.find(qn("w:themeFontLang")).set(qn("w:eastAsia"), "zh-CN")
    doc.add_paragraph("默认的正文")  # docDefaults: eastAsiaTheme minorEastAsia → the theme's Hans face
    base = doc.styles.add_style("正文仿宋", 1)
    base.base_style = doc.styles["Normal"]
    base.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    base.font.size = Pt(16)
    child = doc.styles.add_style("标题样式", 1)
    child.base_style = base  # inherits 仿宋 and 16 pt, changes only the size
    child.font.size = Pt(22)
    doc.add_paragraph("继承的字体", style=child)
    strong = doc.styles.add_style("强调", 2)
    strong.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
    p = doc.add_paragraph("", style=base)
    p.add_run("字符样式", style=strong)
    r = p.add_run("直接格式")
    r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "楷体_GB2312")
    r.font.size = Pt(14)
    blocks = [b for b in read_docx(saved(doc)).blocks if b.paragraph]
    assert blocks[0].look() == ("宋体", 11.0)
    assert blocks[1].look() == ("仿宋", 22.0)
    assert [(s.face, s.size) for s in blocks[2].spans] == [("黑体", 16.0), ("楷体", 14.0)]


def test_list_labels_are_read_as_word_shows_them() -> None:
    doc = docx.Document()
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:suff w:val="nothing"/></w:lvl>'
        for k, fmt, text in ((0, "chineseCounting", "%1、"), (1, "chineseCounting", "（%2）"), (2, "decimal", "%3."))
    )
    xml = (f'<w:numbering {nsdecls("w")}><w:abstractNum w:abstractNumId="7">{levels}</w:abstractNum>'
           '<w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num></w:numbering>')  # fmt: skip
    for child in list(parse_xml(xml)):
        doc.part.numbering_part._element.append(child)
    for level, text in ((0, "总体要求"), (1, "摸底"), (2, "排查"), (2, "建档"), (1, "整治"), (2, "查处"), (0, "保障")):
        p = doc.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="7"/></w:numPr>')
        )
    texts = [b.text for b in read_docx(saved(doc)).blocks if b.paragraph]
    assert texts == ["一、总体要求", "（一）摸底", "1.排查", "2.建档", "（二）整治", "1.查处", "二、保障"]


def test_the_character_grid_gives_28_characters_a_line() -> None:
    doc = docx.Document()
    sect = doc.sections[0]._sectPr
    grid = sect.find(qn("w:docGrid"))
    doc.styles["Normal"].font.size = Pt(16)
    doc.add_paragraph("测" * 40)
    plain = read_docx(saved(doc)).blocks[0]
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:charSpace"), "-860")
    snapped = read_docx(saved(doc)).blocks[0]
    assert plain.char_pitch == 16.0 and round(snapped.char_pitch, 2) == 15.79


def test_a_huizong_pdf_is_measured_and_recognised() -> None:
    data = render_pdf(load_spec(SAMPLES / "file-full.yaml"))
    doc = read_pdf(data)
    assert round(doc.left) == 28 and abs(doc.right - 184) < 1.5
    outline = recognise(doc.blocks)
    kinds = [p.kind for p in outline.parts if p.kind not in ("body", "heading")]
    assert kinds == ["copy_no", "secrecy", "urgency", "mark", "number", "title", "to", "attachment_note",
                     "signature", "date", "note", "printed"]  # fmt: skip
    levels = [p.numbering.level for p in outline.of("heading")]
    assert levels[:5] == [1, 1, 2, 2, 3]
    assert [p.page_number.text for p in doc.pages if p.page_number][:2] == ["— 1 —", "— 2 —"]
    assert any(r.red for r in doc.pages[0].rules)
