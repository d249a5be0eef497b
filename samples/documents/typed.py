"""公文 typed in Word by an official, built with python-docx from Word's own default template (theme fonts,
docDefaults, styles based on Normal), for `doc check` to read as Word does.

`standard_docx(faults)` sets the page, grid and faces by hand the way officials' templates do (Normal in
仿宋_GB2312 三号 with an exact 28.95 pt line and a 28-character grid, a title style of its own based on
Normal, heading faces applied to runs, the red rule as the number paragraph's border, page numbers in
odd/even footers). Each fault in `faults` spoils one thing, as drafts are spoilt:
    title-18pt     the title style in 小二 (18 pt)
    lines-21       a 30.35 pt line: 21 lines a page
    heading-skip   （二） right after 一、
    ascii-commas   half-width commas in a paragraph
    imprint-odd    抄送 and 印发 typed at the end of the text, on page 1
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

TITLE = "鄂尔多斯市市场监督管理局关于做好检验检测机构年度报告工作的通知"
BODY = [
    ("p", "为落实检验检测机构主体责任，及时掌握辖区内机构运行状况，现就做好年度报告有关工作通知如下。"),
    ("h1", "一、报告范围"),
    ("p", "在本市取得资质认定证书的检验检测机构，应当按照规定报送上一年度的年度报告。"),
    ("h2", "（一）报告内容"),
    ("p", "年度报告包括机构基本信息、资质认定证书使用情况、人员和设备变化情况、检验检测业务统计等。"),
    ("h2", "（二）报送方式"),
    ("p", "各机构通过资质认定管理系统填报，并将加盖公章的纸质报告报送所在旗区市场监督管理局。"),
    ("h1", "二、工作要求"),
    ("p", "各旗区市场监督管理局要督促辖区内机构按时报送，对逾期未报送的机构依法处理。"),
]


def standard_docx(faults: frozenset[str] = frozenset()) -> bytes:
    doc = Document()
    _page(doc)
    _normal(doc, line_pt=30.35 if "lines-21" in faults else 28.95)
    _footers(doc)
    red = RGBColor(0xE6, 0, 0)
    mark = _para(doc, "鄂尔多斯市市场监督管理局文件", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _face(mark.runs[0], "方正小标宋简体", 30, red)
    mark.paragraph_format.space_before = Pt(80)
    number = _para(doc, "鄂市监发〔2024〕12号", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    number.paragraph_format.space_before = Pt(28.95)
    number._p.get_or_add_pPr().append(
        parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" w:space="6" w:color="E60000"/></w:pBdr>')
    )
    title_style = doc.styles.add_style("公文标题", 1)
    title_style.base_style = doc.styles["Normal"]
    _face_style(title_style, "方正小标宋简体", 18 if "title-18pt" in faults else 22)
    title_style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title_style.paragraph_format.first_line_indent = Pt(0)
    _para(doc, "", indent=False)
    doc.add_paragraph(TITLE, style=title_style)
    _para(doc, "", indent=False)
    _para(doc, "各旗区市场监督管理局：", indent=False)
    for kind, text in typed_body(faults):
        p = _para(doc, "")
        if kind == "h1":
            _face(p.add_run(text), "黑体", 16)
        elif kind == "h2":
            _face(p.add_run(text), "楷体_GB2312", 16)
        else:
            p.add_run(text)
    _para(doc, "")
    _para(
        doc, "鄂尔多斯市市场监督管理局", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False
    ).paragraph_format.right_indent = Pt(64)
    _para(doc, "2024年3月8日", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False).paragraph_format.right_indent = Pt(80)
    if "imprint-odd" in faults:
        _para(doc, "")
        for text in ("抄送：内蒙古自治区市场监督管理局。", "鄂尔多斯市市场监督管理局办公室　　　　2024年3月8日印发"):
            p = _para(doc, text, indent=False)
            p.runs[0].font.size = Pt(14)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def typed_body(faults: frozenset[str]) -> list[tuple[str, str]]:
    body = list(BODY)
    if "heading-skip" in faults:
        body[3] = ("h2", body[3][1].replace("（一）", "（二）"))
        body[5] = ("h2", body[5][1].replace("（二）", "（三）"))
    if "ascii-commas" in faults:
        body[6] = ("p", body[6][1].replace("，", ","))
    if "imprint-odd" in faults:
        body = body[:3]  # a short notice: text, 署名, date and 版记 all on page 1
    return body


def _page(doc: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), "579")
    grid.set(qn("w:charSpace"), "-860")  # 16 pt − 0.21 pt: 28 characters on 156 mm


def _normal(doc: Document, line_pt: float) -> None:
    normal = doc.styles["Normal"]
    _face_style(normal, "仿宋_GB2312", 16)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(line_pt)
    pf.space_after = Pt(0)
    pf.first_line_indent = Pt(32)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _face_style(style, east_asia: str, size: float) -> None:
    style.font.size = Pt(size)
    style.font.name = "Times New Roman"
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)


def _face(run, east_asia: str, size: float, color: RGBColor | None = None) -> None:
    run.font.size = Pt(size)
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)
    if color is not None:
        run.font.color.rgb = color


def _para(doc: Document, text: str, align=None, indent: bool = True):
    p = doc.add_paragraph(text)
    if align is not None:
        p.alignment = align
    if not indent:
        p.paragraph_format.first_line_indent = Pt(0)
    return p


def _footers(doc: Document) -> None:
    """— 1 — in 4号宋体, right on odd pages and left on even ones, one character in."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    for footer, align, side in ((section.footer, "right", "right"), (section.even_page_footer, "left", "left")):
        p = footer.paragraphs[0]
        p._p.get_or_add_pPr().append(parse_xml(f'<w:jc {nsdecls("w")} w:val="{align}"/>'))
        p._p.get_or_add_pPr().append(parse_xml(f'<w:ind {nsdecls("w")} w:{side}="280"/>'))
        fonts = '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr>'
        runs = (
            f'<w:r {nsdecls("w")}>{fonts}<w:t xml:space="preserve">— </w:t></w:r>',
            f'<w:r {nsdecls("w")}>{fonts}<w:fldChar w:fldCharType="begin"/></w:r>',
            f'<w:r {nsdecls("w")}>{fonts}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
            f'<w:r {nsdecls("w")}>{fonts}<w:fldChar w:fldCharType="separate"/></w:r>',
            f"<w:r {nsdecls('w')}>{fonts}<w:t>1</w:t></w:r>",
            f'<w:r {nsdecls("w")}>{fonts}<w:fldChar w:fldCharType="end"/></w:r>',
            f'<w:r {nsdecls("w")}>{fonts}<w:t xml:space="preserve"> —</w:t></w:r>',
        )
        for run in runs:
            p._p.append(parse_xml(run))
