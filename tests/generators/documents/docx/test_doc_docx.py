"""The DOCX opened as XML: page setup, grid, fonts, styles, footers, the 版头 and the 版记."""

from __future__ import annotations

from functools import cache

import pytest
from doc_inputs import FULL_SPEC, SAMPLES, Docx, W, attr, long_spec

from generators.documents import load_spec, render_docx
from generators.documents.layout.geometry import mm_to_twips

IMPRINT = {"cc": "[市司法局, 市财政局]", "printed_by": "鄂尔多斯市市场监督管理局办公室", "printed_on": "2022-05-10"}


@cache
def docx(name: str) -> Docx:
    sources = {"full": FULL_SPEC, "shared": long_spec(30, **IMPRINT), "own": long_spec(22, **IMPRINT)}
    text = sources.get(name) or (SAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
    return Docx(render_docx(load_spec(text)))


def exact_line(p) -> int | None:
    spacing = p.find(f"{W}pPr/{W}spacing")
    return int(attr(spacing, "line")) if attr(spacing, "lineRule") == "exact" else None


def run_fonts(p) -> list[tuple[str, str | None]]:
    return [
        ("".join(t.text for t in r.iter(f"{W}t")), attr(r.find(f"{W}rPr/{W}rFonts"), "eastAsia"))
        for r in p.iter(f"{W}r")
        if r.find(f"{W}t") is not None
    ]


def test_a4_margins_and_the_22_by_28_grid() -> None:
    (sect,) = docx("full").sections()
    size, margins, grid = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar"), sect.find(f"{W}docGrid")
    assert (attr(size, "w"), attr(size, "h")) == ("11906", "16838")
    assert {k: int(attr(margins, k)) for k in ("top", "right", "bottom", "left")} == {
        "top": mm_to_twips(37),
        "right": mm_to_twips(26),
        "bottom": mm_to_twips(35),
        "left": mm_to_twips(28),
    }
    assert attr(grid, "type") == "linesAndChars" and attr(grid, "linePitch") == "579"
    # Word's character pitch: the 16 pt Normal size plus charSpace/4096 pt; 28 of them fill 156 mm
    pitch = 16 + int(attr(grid, "charSpace")) / 4096
    assert 28 * pitch <= (11906 - 1587 - 1474) / 20 < 29 * pitch
    assert (16838 - 2098 - 1984) // 579 == 22


def test_body_style_makes_exact_lines_of_28_characters() -> None:
    normal = docx("full").style("Normal")
    assert attr(normal.find(f"{W}rPr/{W}rFonts"), "eastAsia") == "仿宋_GB2312"
    assert attr(normal.find(f"{W}rPr/{W}sz"), "val") == "32"
    assert attr(normal.find(f"{W}rPr/{W}spacing"), "val") == "-6"  # condensed 0.3 pt: 28 × 15.7 pt per line
    spacing = normal.find(f"{W}pPr/{W}spacing")
    assert (attr(spacing, "line"), attr(spacing, "lineRule")) == ("579", "exact")
    assert attr(normal.find(f"{W}pPr/{W}ind"), "firstLineChars") == "200"
    assert attr(normal.find(f"{W}pPr/{W}snapToGrid"), "val") == "0"


@pytest.mark.parametrize(("level", "font"), [(1, "黑体"), (2, "楷体_GB2312"), (3, "仿宋_GB2312"), (4, "仿宋_GB2312")])
def test_heading_styles(level: int, font: str) -> None:
    style = docx("full").style(f"Heading{level}")
    assert attr(style.find(f"{W}rPr/{W}rFonts"), "eastAsia") == font
    assert attr(style.find(f"{W}pPr/{W}outlineLvl"), "val") == str(level - 1)
    assert attr(style.find(f"{W}rPr/{W}b"), "val") == "0"  # no bold: the face makes the level
    assert attr(style.find(f"{W}rPr/{W}sz"), "val") == "32"


def test_headings_are_real_paragraph_styles() -> None:
    d = docx("full")
    style = {d.text(p): attr(p.find(f"{W}pPr/{W}pStyle"), "val") for p in d.paragraphs()}
    assert style["一、工作目标"] == "Heading1"
    assert style["1．强化内部管理。组织机构开展自查自纠。"] == "Heading3"
    assert style["（1）未经检验检测出具报告的，依法查处。"] == "Heading4"
    run_in = d.find_paragraph("（一）全面摸底。")
    assert attr(run_in.find(f"{W}pPr/{W}pStyle"), "val") == "Heading2"
    assert run_fonts(run_in) == [
        ("（一）全面摸底。", "楷体_GB2312"),
        ("各旗区要对辖区内检验检测机构进行全面排查。", "仿宋_GB2312"),
    ]
    assert attr(run_in.find(f"{W}pPr/{W}keepNext"), "val") == "0"


def test_title_style_and_balanced_lines() -> None:
    title = docx("full").style("HzTitle")
    assert attr(title.find(f"{W}rPr/{W}rFonts"), "eastAsia") == "方正小标宋简体"
    assert attr(title.find(f"{W}rPr/{W}sz"), "val") == "44"
    assert attr(title.find(f"{W}pPr/{W}jc"), "val") == "center"
    p = docx("full").find_paragraph("关于开展")
    assert len(p.findall(f".//{W}br")) == 1  # two lines, broken by huizong


def test_red_mark_35mm_down_and_red_rule_under_the_number() -> None:
    d = docx("full")
    paras = d.paragraphs()
    mark = d.find_paragraph("鄂尔多斯市市场监督管理局文件")
    before = paras[: paras.index(mark)]
    assert sum(exact_line(p) for p in before) == mm_to_twips(35)
    size = int(attr(mark.find(f".//{W}sz"), "val"))
    assert exact_line(mark) == size * 10  # the line is as tall as the characters
    assert attr(mark.find(f".//{W}color"), "val") == "E60000"
    assert run_fonts(mark)[0][1] == "方正小标宋简体"
    number = d.find_paragraph("鄂市监发〔2022〕74号")
    bottom = number.find(f"{W}pPr/{W}pBdr/{W}bottom")
    assert attr(bottom, "color") == "E60000" and attr(number.find(f"{W}pPr/{W}jc"), "val") == "center"


def test_page_numbers_odd_right_even_left_in_4hao_song() -> None:
    d = docx("full")
    assert d.xml("word/settings.xml").find(f"{W}evenAndOddHeaders") is not None
    (sect,) = d.sections()
    for kind, side, indent in (("default", "right", "right"), ("even", "left", "left")):
        p = d.part(sect, "footer", kind).find(f"{W}p")
        assert attr(p.find(f"{W}pPr/{W}jc"), "val") == side
        assert attr(p.find(f"{W}pPr/{W}ind"), indent) == "280"  # one 4号 character in
        assert "".join(t.text for t in p.iter(f"{W}instrText")).strip() == "PAGE"
        texts = [t.text for t in p.iter(f"{W}t")]
        assert texts[0] == "— " and texts[-1] == " —"
        for fonts in p.iter(f"{W}rFonts"):  # the digits too: ascii/hAnsi name 宋体, not the body's Latin face
            assert {attr(fonts, k) for k in ("eastAsia", "ascii", "hAnsi")} == {"宋体"}
        assert attr(p.find(f"{W}pPr/{W}pStyle"), "val") == "HzPageNo"
    style = d.style("HzPageNo")
    assert attr(style.find(f"{W}rPr/{W}sz"), "val") == "28"  # 4号


def test_font_table_names_what_word_substitutes() -> None:
    table = docx("full").xml("word/fontTable.xml")
    alt = {attr(f, "name"): attr(f.find(f"{W}altName"), "val") for f in table.findall(f"{W}font")}
    assert alt["仿宋_GB2312"] == "仿宋" and alt["楷体_GB2312"] == "楷体" and alt["方正小标宋简体"] == "华文中宋"


def test_signature_note_and_attachment_note() -> None:
    d = docx("full")
    first = d.find_paragraph("附件：1．检验检测机构基本情况汇总表")
    second = d.find_paragraph("2．工作情况统计表")
    left = attr(first.find(f"{W}pPr/{W}ind"), "left")
    assert left == attr(second.find(f"{W}pPr/{W}ind"), "left")  # names aligned
    date = d.find_paragraph("2022年5月5日")
    assert attr(date.find(f"{W}pPr/{W}jc"), "val") == "right" and attr(date.find(f"{W}pPr/{W}ind"), "right") == "1256"
    assert d.find_paragraph("（此件公开发布）") is not None


def test_imprint_shares_the_even_last_page_when_the_estimate_says_it_fits() -> None:
    d = docx("shared")
    assert len(d.sections()) == 1
    table = d.document.findall(f".//{W}tbl")[-1]
    assert [d.text(p) for p in table.iter(f"{W}p")] == [
        "抄送：市司法局，市财政局。",
        "鄂尔多斯市市场监督管理局办公室2022年5月10日印发",
    ]
    borders = table.find(f"{W}tblPr/{W}tblBorders")
    assert [attr(borders.find(f"{W}{s}"), "sz") for s in ("top", "insideH", "bottom")] == ["8", "6", "8"]


def test_imprint_on_its_own_even_page_without_numbers() -> None:
    d = docx("own")
    last = d.sections()[-1]
    assert attr(last.find(f"{W}type"), "val") == "evenPage"
    footers = {kind: d.part(last, "footer", kind) for kind in ("default", "even", "first")}
    assert "抄送：市司法局，市财政局。" in "".join(t.text for t in footers["even"].iter(f"{W}t"))
    for footer in footers.values():
        assert not list(footer.iter(f"{W}instrText"))  # no page number on the 版记 page or a blank page


def test_attachments_start_new_pages_landscape_when_wide() -> None:
    forms = ("liaison-roster", "institution-roster", "work-statistics")
    spec = "title: 通知\nbody: 正文。\nattachments:\n" + "".join(
        f"  - {{title: 表{i}, form: {f}}}\n" for i, f in enumerate(forms)
    )
    d = Docx(render_docx(load_spec(spec)))
    orient = [attr(s.find(f"{W}pgSz"), "orient") for s in d.sections()]
    assert orient == [None, "landscape"]  # the landscape attachment is a section of its own
    assert d.find_paragraph("附件1").find(f"{W}pPr/{W}pageBreakBefore") is not None
    label = d.find_paragraph("附件2")
    assert label.find(f"{W}pPr/{W}pageBreakBefore") is not None
    header = d.document.findall(f".//{W}tbl")[0].find(f"{W}tr")
    assert header.find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page


def test_letter_first_page_header_footer() -> None:
    d = docx("letter")
    first = d.sections()[0]
    assert first.find(f"{W}titlePg") is not None
    mark = d.part(first, "header", "first").find(f"{W}p")
    assert "".join(t.text for t in mark.iter(f"{W}t")) == "鄂尔多斯市市场监督管理局"
    assert attr(mark.find(f"{W}pPr/{W}pBdr/{W}bottom"), "val") == "thickThinSmallGap"
    footer = d.part(first, "footer", "first")
    assert attr(footer.find(f".//{W}pBdr/{W}top"), "color") == "E60000"
    assert not list(footer.iter(f"{W}instrText"))  # no page number on page 1


def test_document_properties_and_rare_characters() -> None:
    d = docx("file-upward")
    assert "王建堃" in "".join(d.text(p) for p in d.paragraphs())
    core = d.xml("docProps/core.xml")
    assert "申请检验检测市场专项整治行动工作经费的请示" in "".join(core.itertext())


# Child order of the WordprocessingML types huizong writes (ECMA-376 Part 1, 17.x); Word refuses to open a
# file whose children are out of this order, LibreOffice does not care, so only this test would notice.
SCHEMA_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
    "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl "
    "cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
    "tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "tblBorders": "top left start bottom right end insideH insideV",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
    "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked "
    "personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr",
}


def test_children_are_in_schema_order() -> None:
    spec = FULL_SPEC.replace("format: file", "format: file\nsigners: [张三, 李四, 王五]")
    d = Docx(render_docx(load_spec(spec)))
    names = [n for n in d.zip.namelist() if n.startswith("word/") and n.endswith(".xml")]
    for tree in (d.xml(n) for n in names):
        for parent, order in SCHEMA_ORDER.items():
            rank = {tag: i for i, tag in enumerate(order.split())}
            for el in tree.iter(f"{W}{parent}"):
                tags = [c.tag.removeprefix(W) for c in el if c.tag.startswith(W)]
                known = [rank[t] for t in tags if t in rank]
                assert known == sorted(known), (parent, tags)
