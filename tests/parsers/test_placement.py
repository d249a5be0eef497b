"""A form may name its sheet and say its table has no header row: the parser reads columns by position."""

from grids import doc, sheet

from forms import FormRegistry, parse_definition
from parsers import parse_document

CODES = """\
id: region-codes
version: 1
title: 行政区划代码
layout: list
sheet: 代码
header: false
fields:
  - {id: code, label: 代码, required: true}
  - {id: name, label: 名称, column: C}
"""


def _registry(text: str) -> FormRegistry:
    return FormRegistry([parse_definition(text, "x.yaml")])


def test_headerless_table_read_by_position_on_the_named_sheet() -> None:
    codes = sheet(
        [["行政区划代码"], ["110000", None, "北京市"], ["110101", None, "东城区"]], name="代码", merges=[(0, 0, 0, 2)]
    )
    notes = sheet([["说明", "本表无表头"], ["第一栏", "代码"]], name="说明")
    ret = parse_document(doc(notes, codes), _registry(CODES), form_id="region-codes")
    assert [r.values for r in ret.records] == [
        {"code": "110000", "name": "北京市"},
        {"code": "110101", "name": "东城区"},
    ]
    assert [(r.source.sheet, r.source.cell) for r in ret.records] == [("代码", "A2"), ("代码", "A3")]
    assert not [i for i in ret.issues if i.severity == "error"]


def test_a_missing_sheet_is_a_warning_and_every_table_is_read() -> None:
    codes = sheet([["110000", "x", "北京市"]], name="Sheet1")
    ret = parse_document(doc(codes), _registry(CODES), form_id="region-codes")
    assert [i.code for i in ret.issues if i.code == "sheet-not-found"] == ["sheet-not-found"]
    assert "代码" in next(i.message for i in ret.issues if i.code == "sheet-not-found")
    assert len(ret.records) == 1


def test_headerless_matrix() -> None:
    text = """\
id: m
version: 1
title: 统计
layout: matrix
header: false
fields:
  - {id: item, label: 项目}
  - {id: n, label: 数量, type: integer}
rows:
  field: item
  keys: [甲, 乙]
rules:
  - {kind: total, message: 合计不符}
"""
    ret = parse_document(doc(sheet([["甲", 1], ["乙", 2], ["合计", 4]])), _registry(text), form_id="m")
    assert [r.values for r in ret.records] == [{"item": "甲", "n": 1}, {"item": "乙", "n": 2}]
    assert [i.code for i in ret.issues if i.severity == "error"] == ["total-mismatch"]
