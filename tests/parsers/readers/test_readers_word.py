"""docx (and .doc/.rtf/.docm through LibreOffice): grids with spans resolved, before/text paragraphs."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from reader_inputs import W_NS, docx_bytes, long_table_docx, replace_member, roster_docx, table_xml

from forms.errors import UnreadableFile
from parsers.cells import Document
from parsers.readers import read


def _values(doc: Document, n: int) -> list[list[object]]:
    return [[c.value for c in row] for row in doc.tables[n].rows]


def _check_roster(doc: Document) -> None:
    first, second = doc.tables
    assert (first.name, second.name) == ("表1", "表2")
    assert first.before == [
        "附件1",
        "检验检测机构基本情况汇总表",
        "所在旗区：东胜区   上报时间：2022年5月12日",
        "一、体制内具有事业单位属性的检验检测机构数量及名单",
    ]
    assert second.before == ["二、第三方检验检测机构数量及名单"]
    assert doc.text == [*first.before, *second.before, "填表说明：领域涉及多个的，用顿号分隔。"]
    assert _values(doc, 0) == [
        ["序号", "机构名称", "领域", "备注"],
        ["1", "东胜区产品质量\n检验检测中心", "食品", None],
        ["2", "东胜区疾病预防控制中心", "食品", "无"],
        ["小计：2家"] * 4,
    ]
    rows = first.rows
    assert [(c.sheet, c.ref, c.merged, c.origin) for c in (rows[1][2], rows[2][2])] == [
        ("表1", "行2列3", True, (1, 2))
    ] * 2
    assert rows[2][2].location == "表1行2列3"
    assert {(c.ref, c.origin) for c in rows[3]} == {("行4列1", (3, 0))}
    assert (rows[1][1].ref, rows[1][1].merged, rows[1][1].origin) == ("行2列2", False, None)
    assert _values(doc, 1) == [
        ["序号", "机构名称", "领域及备注", "领域及备注"],
        ["1", "内蒙古某某检测技术有限公司", "建筑材料", None],
    ]
    assert second.rows[0][3].ref == "行1列3"


def test_docx_spans_before_and_text() -> None:
    doc = read(roster_docx(), "附件1 东胜区检验检测机构基本情况汇总表.docx")
    assert doc.kind == "docx"
    _check_roster(doc)


def test_doc_through_libreoffice(legacy: dict[str, Path]) -> None:
    doc = read(legacy["doc"], "东胜区.doc")
    assert doc.kind == "docx"
    _check_roster(doc)


def test_docm_through_libreoffice() -> None:
    # A macro-enabled content type makes python-docx refuse the file; LibreOffice converts it.
    data = roster_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml").decode()
    docm = types.replace("wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml")
    assert docm != types
    _check_roster(read(replace_member(data, "[Content_Types].xml", docm.encode()), "东胜区.docm"))


def test_rtf_through_libreoffice() -> None:
    meta = "".join(f"\\u{ord(ch)}?" for ch in "所在旗区：东胜区")
    rtf = (
        r"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}"
        rf"\pard\f0 {meta}\par"
        r"\trowd\cellx2000\cellx4000\intbl A1\cell B1\cell\row"
        r"\trowd\cellx2000\cellx4000\intbl A2\cell B2\cell\row}"
    )
    doc = read(rtf.encode("ascii"), "东胜区.rtf")
    assert doc.text == ["所在旗区：东胜区"]
    assert _values(doc, 0) == [["A1", "B1"], ["A2", "B2"]]
    assert doc.tables[0].before == ["所在旗区：东胜区"]


def test_grid_before_nested_table_and_tracked_changes() -> None:
    nested = table_xml([[("甲",), ("乙",)], [("丙",), ("丁",)]], 2)
    table = table_xml([[("序号",), ("名称",), ("备注",)], [("1",), ("名称",), ("X",)]], 3)
    # Row 2 starts one grid column in (gridBefore) and its last cell holds a nested table.
    table = table.replace(
        '<w:tr><w:tc><w:tcPr></w:tcPr><w:p><w:r><w:t xml:space="preserve">1</w:t>',
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr></w:tcPr>'
        '<w:p><w:r><w:t xml:space="preserve">1</w:t>',
    )
    table = table.replace('<w:p><w:r><w:t xml:space="preserve">X</w:t></w:r></w:p>', nested + "<w:p/>")
    edited = (
        f'<w:p xmlns:w="{W_NS}"><w:r><w:t>填报单位：</w:t></w:r>'
        '<w:ins w:id="1" w:author="a"><w:r><w:t>东胜区</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>康巴什区</w:delText></w:r></w:del>'
        "<w:sdt><w:sdtContent><w:r><w:t>（盖章）</w:t></w:r></w:sdtContent></w:sdt></w:p>"
    )
    doc = read(docx_bytes([edited, table]), "x.docx")
    assert doc.text == ["填报单位：东胜区（盖章）"]
    rows = doc.tables[0].rows
    assert [c.value for c in rows[1]] == [None, "1", "名称", "甲 乙\n丙 丁"]
    assert [c.ref for c in rows[1]] == ["行2列1", "行2列2", "行2列3", "行2列4"]
    assert [c.value for c in rows[0]] == ["序号", "名称", "备注", None]  # padded to the widest row


def test_table_in_content_control_is_found() -> None:
    table = table_xml([[("a",), ("b",)]], 2)
    wrapped = f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr/><w:sdtContent>{table}</w:sdtContent></w:sdt>'
    doc = read(docx_bytes(["前言", wrapped]), "x.docx")
    assert _values(doc, 0) == [["a", "b"]] and doc.tables[0].before == ["前言"]


def test_five_thousand_rows_read_linearly() -> None:
    data = long_table_docx(5000)
    started = time.perf_counter()
    doc = read(data, "long.docx")
    elapsed = time.perf_counter() - started
    rows = doc.tables[0].rows
    assert len(rows) == 5000 and rows[-1][5].value == "第4999行5" and rows[-1][5].ref == "行5000列6"
    # Not a benchmark: a quadratic walk (table.cell()) takes hours here; the linear one about a second.
    assert elapsed < 30


def test_hostile_grid_span_is_refused() -> None:
    table = table_xml([[("a", 5), ("b",)]], 2).replace('w:val="5"', 'w:val="100000000"')
    with pytest.raises(UnreadableFile, match="文件结构异常"):
        read(docx_bytes([table]), "x.docx")
