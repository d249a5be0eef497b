"""What a clerk is told about a return read by OCR: pure stages over documents built in memory."""

from __future__ import annotations

from forms import FormRegistry
from parsers.cells import Cell, Document, Scanned, Table
from parsers.ocr_snap import closest, snap
from parsers.pipeline import parse_document

HEADER = [
    "领域",
    "检查机构数（家/次）",
    "发现问题机构数（家）",
    "立案数（件）",
    "结案数（件）",
    "罚没金额（万元）",
    "移送司法机关（件）",
    "列入严重违法失信名单（家）",
]
ROWS = [
    ["产品质量", "12", "4", "0", "0", "0.00", "0", "0"],
    ["食品", "9", "0", "0", "0", "0.00", "0", "0"],
    ["合计", "21", "4", "0", "0", "0.00", "0", "0"],
]


def _doc(rows: list[list[str]], confidence: dict[str, float], header: list[str] = HEADER) -> Document:
    grid = [header, *rows]
    cells = [
        [Cell(v or None, "第1页", f"表1行{r + 1}列{c + 1}") for c, v in enumerate(row)] for r, row in enumerate(grid)
    ]
    table = Table("第1页表1", cells, before=["工作情况统计表", "填报单位：鄂托克旗市场监督管理局"])
    return Document("鄂托克旗.jpg", "image", [table], [], Scanned(confidence=confidence, pages=1))


def _codes(ret) -> list[tuple[str, str | None, str | None]]:
    return sorted((i.code, i.location, i.field) for i in ret.issues if i.code.startswith("ocr"))


def test_one_notice_and_every_record_marked(registry: FormRegistry) -> None:
    ret = parse_document(_doc(ROWS, {}), registry)
    assert ret.form == "work-statistics" and len(ret.records) == 2
    assert all(r.source.ocr for r in ret.records)
    assert _codes(ret) == [("ocr", None, None)]
    assert '"ocr":true' in ret.records[0].source.model_dump_json()


def test_unsure_cells_are_flagged_where_they_are(registry: FormRegistry) -> None:
    ret = parse_document(_doc(ROWS, {"第1页表1行2列2": 0.6, "第1页表1行3列3": 0.99}), registry)
    assert _codes(ret) == [("ocr", None, None), ("ocr-uncertain", "第1页表1行2列2", "inspected")]
    (flag,) = [i for i in ret.issues if i.code == "ocr-uncertain"]
    assert flag.value == "12" and "把握60%" in flag.message and "第1页表1第2行" in flag.message


def test_a_value_of_the_wrong_shape_and_an_unbalanced_column(registry: FormRegistry) -> None:
    rows = [
        ["产品质量", "1Z", "4", "0", "0", "0.00", "0", "0"],
        ["食品", "9", "3", "0", "0", "0.00", "0", "0"],
        ROWS[2],
    ]
    sure = {f"第1页表1行{r}列{c}": 1.0 for r in (2, 3, 4) for c in range(1, 9)}
    ret = parse_document(_doc(rows, sure), registry)
    flagged = {(loc, field) for code, loc, field in _codes(ret) if code == "ocr-uncertain"}
    assert ("第1页表1行2列2", "inspected") in flagged  # 1Z is no number: a misread
    # 发现问题机构数: 4 + 3 is not the 合计 4, so both of its values are to be checked
    assert {("第1页表1行2列3", "problems"), ("第1页表1行3列3", "problems")} <= flagged


def test_ink_read_as_nothing_is_flagged(registry: FormRegistry) -> None:
    rows = [["产品质量", "12", "", "0", "0", "0.00", "0", "0"], *ROWS[1:]]
    ret = parse_document(_doc(rows, {"第1页表1行2列3": 0.0}), registry)
    assert ("ocr-uncertain", "第1页表1行2列3", "problems") in _codes(ret)


def test_a_column_that_adds_up_to_a_sure_total_vouches_for_its_figures(registry: FormRegistry) -> None:
    unsure_zeros = {"第1页表1行2列3": 0.6, "第1页表1行3列3": 0.7, "第1页表1行2列4": 0.6}
    sure = {f"第1页表1行{r}列{c}": 0.99 for r in (2, 3, 4) for c in range(1, 9)}
    ret = parse_document(_doc(ROWS, {**sure, **unsure_zeros}), registry)
    assert _codes(ret) == [("ocr", None, None)]  # 4 + 0 = 4 and 0 + 0 = 0, totals read surely
    # a total the recogniser was unsure of vouches for nothing
    unsure_total = {**sure, **unsure_zeros, "第1页表1行4列3": 0.8}
    ret = parse_document(_doc(ROWS, unsure_total), registry)
    assert ("ocr-uncertain", "第1页表1行2列3", "problems") in _codes(ret)
    assert ("ocr-uncertain", "第1页表1行2列4", "cases_filed") not in _codes(ret)
    # nor does it for ink read as nothing (counted as 0, it may be any figure the total also lost)
    lost = [["产品质量", "12", "4", "", "0", "0.00", "0", "0"], *ROWS[1:]]
    ret = parse_document(_doc(lost, {**sure, "第1页表1行2列4": 0.0}), registry)
    assert ("ocr-uncertain", "第1页表1行2列4", "cases_filed") in _codes(ret)


def test_ink_the_reading_leaves_unexplained_is_flagged(registry: FormRegistry) -> None:
    rows = [["产品质量", "12", "4", "0", "0", "0.00", "0", "0"], *ROWS[1:]]
    doc = _doc(rows, {"第1页表1行2列1": 0.99, "第1页表1行3列1": 0.99})
    assert doc.scanned is not None
    doc.scanned.spacing.update({"第1页表1行2列1": 0.8, "第1页表1行3列1": 0.2})  # 产品质量 is missing a character
    ret = parse_document(doc, registry)
    assert _codes(ret) == [("ocr", None, None), ("ocr-uncertain", "第1页表1行2列1", "domain")]
    (flag,) = [i for i in ret.issues if i.code == "ocr-uncertain"]
    assert "可能漏认了字" in flag.message and "产品质量" in flag.message


def test_headings_snap_to_the_forms_words_values_never(registry: FormRegistry) -> None:
    header = [*HEADER[:6], "移送司法机芙（件）", "业案数（件）"]  # 关 misread; 业案数 is as near 立案数 as 结案数
    doc = snap(_doc([["产品质量", "12", "4", "0", "0", "0.00", "0", "0"]], {}, header), registry)
    assert doc.tables[0].rows[0][6].value == "移送司法机关（件）"
    assert doc.tables[0].rows[0][7].value == "业案数（件）"  # too short to tell: left as read
    assert doc.tables[0].rows[1][0].value == "产品质量"
    assert closest("工作青况统计表", ("工作情况统计表",)) == "工作情况统计表"
    assert closest("附件1", ("工作情况统计表",)) == "附件1"


def test_documents_not_scanned_are_untouched(registry: FormRegistry) -> None:
    doc = _doc(ROWS, {"第1页表1行2列2": 0.1})
    doc.scanned = None
    ret = parse_document(doc, registry)
    assert _codes(ret) == [] and not any(r.source.ocr for r in ret.records)
    assert '"ocr"' not in ret.records[0].source.model_dump_json()


def _liaison(units: list[str]) -> Document:
    header = ["单位", "姓名", "职务", "办公电话", "手机号码", "电子邮箱"]
    people = [("郭瑞", "13848771025"), ("高娃", "15149467723"), ("王芳", "13904771234")]
    grid = [header, *([u, n, "科员", "0477-5212369", m, ""] for u, (n, m) in zip(units, people, strict=False))]
    cells = [
        [Cell(v or None, "第1页", f"表1行{r + 1}列{c + 1}") for c, v in enumerate(row)] for r, row in enumerate(grid)
    ]
    table = Table("第1页表1", cells, before=["联络员统计表", "填报单位：达拉特旗市场监督管理局"])
    sure = {f"第1页表1行{r}列{c}": 0.99 for r in range(2, len(grid) + 1) for c in range(1, 7)}
    return Document("达拉特旗联络员.jpg", "image", [table], [], Scanned(confidence=sure, pages=1))


def test_a_unit_read_near_a_known_one_is_flagged(registry: FormRegistry) -> None:
    doc = _liaison(["达拉特旗市场监督管理局", "认拉特旗市场监督管理局", "树林召市场监督管理所"])
    ret = parse_document(doc, registry)
    assert ret.form == "liaison-roster" and ret.unit == "达拉特旗"
    # 认拉特旗 is one character off the return's own unit; 树林召 is another office altogether
    assert _codes(ret) == [("ocr", None, None), ("ocr-uncertain", "第1页表1行3列1", "unit")]
    (flag,) = [i for i in ret.issues if i.code == "ocr-uncertain"]
    assert "与单位“达拉特旗”只差一两个字" in flag.message
    # with the campaign's list of units, a near miss of any of them is flagged
    doc = _liaison(["杭锦旗市场监督管理局", "杭綿旗市场监督管理局", "达拉特旗"])
    listed = parse_document(doc, registry, expected_units=["杭锦旗", "达拉特旗", "鄂托克前旗"])
    assert _codes(listed)[1:] == [("ocr-uncertain", "第1页表1行3列1", "unit")]
