import pytest
from grids import doc, sheet

from forms import FormRegistry
from parsers import parse_document, units

EXPECTED = ["东胜区", "康巴什区", "达拉特旗", "准格尔旗", "伊金霍洛旗", "乌审旗", "杭锦旗", "鄂托克旗", "鄂托克前旗"]
TITLES = ("检验检测机构基本情况汇总表", "工作情况统计表")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("达拉特旗市场监督管理局", "达拉特旗"),
        ("鄂托克前旗市场监管局（盖章）", "鄂托克前旗"),
        ("鄂尔多斯市东胜区市场监督管理局", "东胜区"),
        ("鄂托克旗", "鄂托克旗"),
        ("杭锦", "杭锦旗"),
    ],
)
def test_match_to_expected(raw: str, expected: str) -> None:
    assert units.match(raw, EXPECTED) == (expected, True)


def test_unknown_unit_is_kept_and_flagged() -> None:
    assert units.match("包头市青山区市场监督管理局", EXPECTED) == ("包头市青山区", False)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("附件1 康巴什区检验检测机构基本情况汇总表.docx", "康巴什区"),
        ("达拉特旗市场监督管理局-工作情况统计表.xls", "达拉特旗"),
        ("东胜区检验检测机构基本情况汇总表（修改稿）.xlsx", "东胜区"),
        ("会议通知.docx", None),
    ],
)
def test_unit_from_file_name(name: str, expected: str | None) -> None:
    assert units.from_filename(name, TITLES, EXPECTED) == expected
    assert units.from_filename(name, TITLES, None) == expected


@pytest.mark.parametrize(
    ("raw", "usable"),
    [
        ("东胜区市场监督管理局", True),
        ("元", False),
        ("（公章）", False),
        ("{{company}}", False),
        ("XX局", False),
        ("", False),
    ],
)
def test_usable_unit_names(raw: str, usable: bool) -> None:
    assert units.usable(raw) is usable


def test_a_stamp_left_in_the_unit_line_is_no_unit(registry: FormRegistry) -> None:
    rows = [
        ["检验检测机构基本情况汇总表"],
        ["所在旗区：（盖章）", None, None, "单位：家"],
        ["序号", "机构名称", "领域", "备注"],
        [1, "甲检测公司", "食品", None],
    ]
    ret = parse_document(doc(sheet(rows), name="检验检测机构基本情况汇总表.xlsx"), registry)
    assert ret.unit is None and "unit" not in ret.meta
    assert [i.code for i in ret.issues] == ["unit-missing"]
