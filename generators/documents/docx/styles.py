"""The DOCX's page setup, styles and settings: what an official sees in 页面设置 and the style list.

Headings are Word's built-in 标题 1–4 (so the navigation pane and outline work), restyled to GB/T 9704;
the other parts of a 公文 get named styles (公文标题, 发文机关标志, 版记 …) an official can reuse.

Line and character grid: the section declares Word's grid of 22 lines × 28 characters (what 页面设置 shows),
but paragraphs do not snap to it. Instead every line is exactly one grid pitch high and every character is
condensed by 0.3 pt: Word, WPS and LibreOffice then all set 22 × 28, whereas LibreOffice would put only 14
characters of 16 pt on a snapped 15.79 pt character grid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generators.documents.docx import xml as x
from generators.documents.layout import geometry as g
from generators.documents.layout.fonts import FACES

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from lxml import etree

BLOCK_TWIPS = g.mm_to_twips(g.PAGE_W) - g.mm_to_twips(g.LEFT) - g.mm_to_twips(g.RIGHT)
CHAR_TWIPS = round(g.CHAR_PITCH_PT * g.TWIPS_PT)  # one body character, for indents in twips
RED = "E60000"
HEADING_FACES = {1: "hei", 2: "kai", 3: "fang", 4: "fang"}


def _body_ppr(first_line_chars: int = 2, jc: str = "both") -> str:
    return x.ppr(
        widowControl='<w:widowControl w:val="0"/>',
        autoSpaceDE='<w:autoSpaceDE w:val="0"/>',
        autoSpaceDN='<w:autoSpaceDN w:val="0"/>',
        snapToGrid='<w:snapToGrid w:val="0"/>',
        spacing=x.exact(g.LINE_TWIPS),
        ind=x.ind(first_line_chars=first_line_chars * 100, first_line=first_line_chars * CHAR_TWIPS),
        jc=x.jc(jc),
    )


def _style(style_id: str, name: str, ppr: str, rpr: str, based_on: str | None = "Normal", extra: str = "") -> str:
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style {x.W_NS} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{base}{extra}<w:qFormat/>{ppr}{rpr}</w:style>'
    )


CUSTOM_STYLES = (
    (
        "HzTitle",
        "公文标题",
        x.ppr(spacing=x.exact(g.LINE_TWIPS), ind=x.ind(first_line_chars=0, first_line=0), jc=x.jc("center")),
        x.rpr("xbs", g.TITLE_PT, spacing_pt=0),
    ),
    (
        "HzMark",
        "发文机关标志",
        x.ppr(ind=x.ind(first_line_chars=0, first_line=0), jc=x.jc("center")),
        x.rpr("xbs", color=RED, spacing_pt=0),
    ),
    ("HzPlain", "公文无缩进", x.ppr(ind=x.ind(first_line_chars=0, first_line=0)), ""),
    (
        "HzTable",
        "表格文字",
        x.ppr(
            spacing='<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
            ind=x.ind(first_line_chars=0, first_line=0),
            jc=x.jc("center"),
        ),
        x.rpr(size_pt=12, spacing_pt=0),
    ),
    (
        "HzImprint",
        "版记",
        x.ppr(ind=x.ind(first_line_chars=0, first_line=280, right=280)),
        x.rpr(size_pt=g.SMALL_PT, spacing_pt=0),
    ),
    (
        "HzPageNo",
        "页码",
        x.ppr(
            spacing='<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
            ind=x.ind(first_line_chars=0, first_line=0),
        ),
        x.rpr("song", g.SMALL_PT, spacing_pt=0),
    ),
)


def setup(doc: DocxDocument) -> None:
    """Defaults, styles, settings and font table of a new document."""
    _defaults(doc)
    _restyle(doc)
    _settings(doc)
    _font_table(doc)


def _defaults(doc: DocxDocument) -> None:
    styles = doc.styles.element
    defaults = styles.find(x.qn("w:docDefaults"))
    defaults.getparent().replace(
        defaults,
        x.parse(
            f"<w:docDefaults><w:rPrDefault>"
            f"{x.rpr('fang', g.BODY_PT)[: -len('</w:rPr>')]}"
            f'<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            f'<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f"</w:pPrDefault></w:docDefaults>"
        )[0],
    )


def _restyle(doc: DocxDocument) -> None:
    styles = doc.styles.element
    normal = x.parse(
        _style("Normal", "Normal", _body_ppr(), x.rpr("fang", g.BODY_PT, "000000", g.CHAR_SPACING_PT), None)
    )[0]
    normal.set(x.qn("w:default"), "1")
    normal.attrib.pop(x.qn("w:customStyle"))
    _replace(styles, "Normal", normal)
    for level, face in HEADING_FACES.items():
        ppr = x.ppr(keepNext="<w:keepNext/>", outlineLvl=f'<w:outlineLvl w:val="{level - 1}"/>')
        heading = x.parse(
            _style(
                f"Heading{level}",
                f"heading {level}",
                ppr,
                x.rpr(face, g.BODY_PT, "000000", bold=False),
                extra='<w:next w:val="Normal"/><w:uiPriority w:val="9"/>',
            )
        )[0]
        heading.attrib.pop(x.qn("w:customStyle"))
        _replace(styles, f"Heading{level}", heading)
    for style_id, name, ppr, rpr in CUSTOM_STYLES:
        styles.append(x.parse(_style(style_id, name, ppr, rpr))[0])


def _replace(styles: etree._Element, style_id: str, new: etree._Element) -> None:
    for old in styles.findall(x.qn("w:style")):
        if old.get(x.qn("w:styleId")) == style_id:
            styles.replace(old, new)
            return
    styles.append(new)


def _settings(doc: DocxDocument) -> None:
    settings = doc.settings.element
    doc.settings.odd_and_even_pages_header_footer = True
    lang = settings.find(x.qn("w:themeFontLang"))
    if lang is not None:
        lang.set(x.qn("w:eastAsia"), "zh-CN")
    tab = settings.find(x.qn("w:defaultTabStop"))
    if tab is not None:
        tab.set(x.qn("w:val"), str(CHAR_TWIPS * 2))


def _font_table(doc: DocxDocument) -> None:
    """Declare the Chinese fonts with the names Word substitutes when one is not installed (altName)."""
    part = next((r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable")), None)
    if part is None:
        return
    from docx.oxml import parse_xml
    from lxml import etree

    table = parse_xml(part.blob)
    known = {f.get(x.qn("w:name")) for f in table.findall(x.qn("w:font"))}
    for face in FACES.values():
        if face.docx not in known:
            table.append(
                x.parse(
                    f'<w:font w:name="{face.docx}"><w:altName w:val="{face.docx_alt}"/>'
                    f'<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
                )[0]
            )
    # A generic python-docx Part keeps its bytes, not a tree: write the edited table back.
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
