"""xlsx / xls / ods through calamine: real Excel addresses, merges filled, raw values, hidden sheets skipped."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from reader_inputs import ods_bytes, workbook_bytes

from forms.errors import UnreadableFile
from parsers.cells import Document
from parsers.readers import dispatch, read
from parsers.readers.spreadsheet import CalamineFailed


def _check_workbook(doc: Document) -> None:
    assert [t.name for t in doc.tables] == ["名单"]  # hidden 选项 and empty 空白 are skipped
    rows = doc.tables[0].rows
    assert doc.text == []
    # The grid starts where the data starts (C5), and every ref is the real Excel address.
    assert [c.ref for c in rows[0]] == ["C5", "D5", "E5", "F5", "G5"]
    assert rows[0][0].location == "名单!C5"
    assert (rows[0][0].value, rows[0][1].value, rows[0][2].value) == ("机构名称", "领域", None)
    # C6:E6 merged: each covered position carries the value and points at the top-left.
    for cell in rows[1][:3]:
        assert (cell.value, cell.ref, cell.merged, cell.origin) == ("一、体制内机构", "C6", True, (1, 0))
    assert (rows[1][3].value, rows[1][3].merged, rows[1][3].origin) == (None, False, None)
    # G5:G7 merged vertically: the 领域 reaches every row it covers.
    assert [(c.value, c.ref, c.origin) for c in (r[4] for r in rows)] == [("食品", "G5", (0, 4))] * 3
    # Values as stored: a number (float in xlsx/ods, int in xls), a date, a formula's cached result.
    assert rows[2][0].value == 12 and rows[2][1].value == 3.5
    assert rows[2][2].value in (dt.date(2022, 5, 12), dt.datetime(2022, 5, 12))
    assert rows[2][3].value == 15.5


def test_xlsx_offset_merges_values() -> None:
    doc = read(workbook_bytes(), "东胜区.xlsx")
    assert (doc.name, doc.kind) == ("东胜区.xlsx", "xlsx")
    _check_workbook(doc)
    assert isinstance(doc.tables[0].rows[2][0].value, float)  # calamine's 12.0 is kept raw


def test_xls_via_calamine(legacy: dict[str, Path]) -> None:
    doc = read(legacy["xls"], "东胜区.xls")
    assert doc.kind == "xls"
    _check_workbook(doc)
    assert doc.tables[0].rows[2][0].value == 12 and isinstance(doc.tables[0].rows[2][0].value, int)


def test_ods_merges_come_from_content_xml(legacy: dict[str, Path]) -> None:
    doc = read(legacy["ods"], "东胜区.ods")
    assert doc.kind == "ods"
    _check_workbook(doc)


@pytest.mark.parametrize(("claimed", "actual"), [("东胜区.xlsx", "xls"), ("东胜区.xls", "xlsx"), ("东胜区.et", "xls")])
def test_dispatch_on_content_not_suffix(legacy: dict[str, Path], claimed: str, actual: str) -> None:
    data = legacy["xls"].read_bytes() if actual == "xls" else workbook_bytes()
    doc = read(io.BytesIO(data), claimed)
    assert doc.kind == actual
    _check_workbook(doc)


def test_path_and_stream_sources(tmp_path: Path) -> None:
    path = tmp_path / "upload.bin"
    path.write_bytes(workbook_bytes())
    assert read(path, "x.xlsx").tables[0].rows[0][0].value == "机构名称"
    with path.open("rb") as stream:
        assert read(stream, "x.xlsx").tables[0].rows[0][0].value == "机构名称"


def test_ods_spans_in_repeated_rows_and_covered_cells() -> None:
    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    content = (
        '<table:table table:name="表一">'
        "<table:table-row>"
        '<table:table-cell office:value-type="string" table:number-columns-spanned="2"><text:p>标题</text:p>'
        "</table:table-cell><table:covered-table-cell/>" + cell.format("备注") + "</table:table-row>"
        '<table:table-row table:number-rows-repeated="2">'
        + cell.format("同")
        + '<table:table-cell table:number-columns-repeated="2"/></table:table-row>'
        "<table:table-row>"
        '<table:table-cell table:number-columns-repeated="2"/>'
        '<table:table-cell office:value-type="string" table:number-rows-spanned="2"><text:p>竖</text:p>'
        "</table:table-cell></table:table-row>"
        "<table:table-row>" + cell.format("末行") + "<table:table-cell/><table:covered-table-cell/>"
        "</table:table-row></table:table>"
    )
    rows = read(ods_bytes(content), "x.ods").tables[0].rows
    assert [c.value for c in rows[0]] == ["标题", "标题", "备注"]
    assert rows[0][1].origin == (0, 0) and rows[0][1].ref == "A1"
    assert [r[0].value for r in rows[1:3]] == ["同", "同"]
    assert [(r[2].value, r[2].ref, r[2].origin) for r in rows[3:]] == [("竖", "C4", (3, 2))] * 2
    assert (rows[4][0].value, rows[4][0].merged) == ("末行", False)


def test_ods_refuses_huge_repeated_area_before_calamine() -> None:
    # One value repeated over a million rows and a thousand columns: calamine would expand it densely.
    content = (
        '<table:table table:name="炸弹"><table:table-row table:number-rows-repeated="1000000">'
        '<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1000"/>'
        "</table:table-row></table:table>"
    )
    with pytest.raises(UnreadableFile, match="表格过大"):
        read(ods_bytes(content), "x.ods")


def test_libreoffice_fallback_when_calamine_fails(monkeypatch: pytest.MonkeyPatch, legacy: dict[str, Path]) -> None:
    """Some old WPS .et / BIFF files defeat calamine; LibreOffice's xlsx of them is read instead."""
    original = legacy["xls"].read_bytes()
    real = dispatch.read_workbook

    def fussy(data: bytes, name: str, kind: str, spans: object = None) -> Document:
        if data == original:
            raise CalamineFailed()
        return real(data, name, kind)  # type: ignore[arg-type]

    monkeypatch.setattr(dispatch, "read_workbook", fussy)
    doc = read(original, "东胜区.et")
    assert doc.kind == "xls"
    _check_workbook(doc)


def test_excel_2003_xml_through_libreoffice() -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Excel.Sheet"?>'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="统计表"><Table>'
        '<Row><Cell ss:MergeAcross="1"><Data ss:Type="String">工作情况统计表</Data></Cell></Row>'
        '<Row><Cell><Data ss:Type="String">食品</Data></Cell><Cell><Data ss:Type="Number">12</Data></Cell></Row>'
        "</Table></Worksheet></Workbook>"
    )
    doc = read(xml.encode(), "东胜区.xls")
    assert doc.kind == "xls" and doc.tables[0].name == "统计表"
    assert [[(c.value, c.location, c.merged) for c in row] for row in doc.tables[0].rows] == [
        [("工作情况统计表", "统计表!A1", True)] * 2,
        [("食品", "统计表!A2", False), (12, "统计表!B2", False)],
    ]


def test_excel_2003_xml_with_entities_is_refused() -> None:
    xml = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">&e;</Workbook>'
    )
    with pytest.raises(UnreadableFile, match="实体或文档类型声明"):
        read(xml.encode(), "a.xls")
