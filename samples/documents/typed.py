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


# -- a draft typed in Word's defaults, for 一键排版 ---------------------------------------------------------------
_LEVEL = (
    '<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="{text}"/>'
    '<w:suff w:val="nothing"/></w:lvl>'
)
_LIST = (
    '<w:numbering {ns}><w:abstractNum w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    + _LEVEL.format(k=0, text="%1、")
    + _LEVEL.format(k=1, text="(%2)")
    + '</w:abstractNum><w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num></w:numbering>'
)

MESSY = [
    ("title", "关于开展2024年度检验检测机构\n监督抽查工作的通知"),
    ("p", "各旗区市场监督管理局:"),
    (
        "p",
        "根据《检验检测机构监督管理办法》和自治区市场监管局年度工作安排,市局决定在全市开展2024年度"
        "检验检测机构监督抽查工作.现将有关事项通知如下:",
    ),
    ("h1", "抽查范围和数量"),
    ("p", '本次抽查覆盖全市取得资质认定的检验检测机构,按照"双随机、一公开"的要求,随机抽取不少于30%的机构开展现场检查.'),
    ("h2", "重点领域"),
    ("p", "食品、机动车、建设工程、生态环境等与群众生活密切相关的领域为抽查重点."),
    ("h2", "抽查方式"),
    ("p", "1、 现场检查.检查人员依据检查表逐项核查,如实记录检查情况."),
    ("p", "2、 报告抽查.每家机构抽查近一年出具的检验检测报告不少于10份."),
    (
        "table",
        [
            ["检查项目", "检查内容", "检查方法"],
            ["资质认定", "证书有效期和能力范围", "查阅证书"],
            ["报告管理", "报告编号、签发和存档", "抽查报告"],
        ],
    ),
    ("h1", "时间安排"),
    ("p", "(1)动员部署阶段(4月上旬).各旗区制定抽查方案,确定抽查名单."),
    ("p", "(2)现场检查阶段(4月中旬至6月底).按照方案开展现场检查,做好记录."),
    ("p", "(3)总结报送阶段(7月上旬).各旗区于7月10日前报送工作总结和检查汇总表."),
    ("h1", "工作要求"),
    (
        "p",
        "各旗区要高度重视,精心组织,确保抽查工作依法规范开展.对检查中发现的违法违规行为,"
        "要依法严肃查处;涉嫌犯罪的,及时移送公安机关.",
    ),
    ("p", "附件:检验检测机构监督抽查情况汇总表"),
    ("right", "鄂尔多斯市市场监督管理局"),
    ("right", "二〇二四年三月十八日"),
    ("p", "(联系人:王磊,联系电话:0477-8586123)"),
    ("p", "抄送:内蒙古自治区市场监督管理局"),
    ("p", "鄂尔多斯市市场监督管理局办公室         2024年3月18日印发"),
]


def messy_docx() -> bytes:
    """A notice as many drafts are typed: Word's default page (Letter) and fonts (宋体 11 pt from the theme),
    the Title style, headings in Heading 1/2 numbered automatically (“一、” “(一)”), ASCII punctuation, a
    table, the date in Chinese numerals, 抄送 and 印发 typed as lines."""
    doc = Document()
    # Word on a Chinese system: East-Asian theme fonts come from the theme's Hans entry (宋体).
    doc.settings.element.find(qn("w:themeFontLang")).set(qn("w:eastAsia"), "zh-CN")
    numbering = doc.part.numbering_part
    for child in list(parse_xml(_LIST.format(ns=nsdecls("w")))):
        numbering._element.append(child)
    for kind, content in MESSY:
        if kind == "title":
            doc.add_paragraph(content, style="Title")
        elif kind in ("h1", "h2"):
            p = doc.add_paragraph(content, style="Heading 1" if kind == "h1" else "Heading 2")
            level = 0 if kind == "h1" else 1
            numbering_xml = f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            p._p.get_or_add_pPr().append(parse_xml(numbering_xml))
        elif kind == "table":
            table = doc.add_table(rows=len(content), cols=len(content[0]))
            for r, row in enumerate(content):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        elif kind == "right":
            doc.add_paragraph(content).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            doc.add_paragraph(content)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
