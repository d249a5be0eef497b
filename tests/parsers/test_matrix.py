from grids import doc, sheet

from forms import FormRegistry
from parsers import parse_document

ROWS = [
    ["达拉特旗工作情况统计表"],
    ["填报单位（盖章）：达拉特旗市场监督管理局"],
    [
        "领域",
        "检查机构数（家次）",
        "发现问题机构数（家）",
        "案件情况",
        None,
        "罚没金额（万元）",
        "移送司法机关（件）",
        "列入严重违法失信名单（家）",
    ],
    [None, None, None, "立案数（件）", "结案数（件）", None, None, None],
    ["1.产品质量", 10, 2, 3, 4, "1.5万元", "—", 0],
    ["食品", "12家", 3, 1, 1, 0.5, None, "无"],
    ["药品", None, None, None, None, None, None, None],
    ["合计", 22, 5, 4, 5, 2.1, 0, 0],
    ["填报人：张三   联系电话：0477-1234567   填报日期：2022年5月18日"],
]
MERGES = [
    (0, 0, 0, 7),
    (1, 0, 1, 7),
    (2, 3, 2, 4),
    (2, 0, 3, 0),
    (2, 1, 3, 1),
    (2, 2, 3, 2),
    (2, 5, 3, 5),
    (2, 6, 3, 6),
    (2, 7, 3, 7),
    (8, 0, 8, 7),
]


def test_matrix_with_two_row_header_total_and_footer(registry: FormRegistry) -> None:
    ret = parse_document(doc(sheet(ROWS, merges=MERGES), name="x.xlsx"), registry, expected_units=["达拉特旗"])
    assert (ret.form, ret.unit) == ("work-statistics", "达拉特旗")
    assert ret.meta == {
        "unit": "达拉特旗市场监督管理局",
        "reporter": "张三",
        "phone": "0477-1234567",
        "reported_on": "2022-05-18",
    }
    assert [r.values for r in ret.records] == [
        {
            "domain": "产品质量",
            "inspected": 10,
            "problems": 2,
            "cases_filed": 3,
            "cases_closed": 4,
            "fines": 1.5,
            "transferred": 0,
            "blacklisted": 0,
        },
        {
            "domain": "食品",
            "inspected": 12,
            "problems": 3,
            "cases_filed": 1,
            "cases_closed": 1,
            "fines": 0.5,
            "transferred": 0,
            "blacklisted": 0,
        },
    ]
    assert [r.source.cell for r in ret.records] == ["A5", "A6"]
    issues = sorted((i.code, i.location, i.field) for i in ret.issues)
    assert issues == [("rule-violation", "Sheet1!E5", "cases_closed"), ("total-mismatch", "Sheet1!F8", "fines")]
    total = next(i for i in ret.issues if i.code == "total-mismatch")
    assert "合计 2.1" in total.message and "各行之和 2" in total.message


def test_unknown_row_is_kept_with_a_warning(registry: FormRegistry) -> None:
    rows = [
        ["领域", "检查机构数", "发现问题机构数", "立案数", "结案数"],
        ["产品质量", 1, 0, 0, 0],
        ["计量器具", 2, 1, 0, 0],
    ]
    ret = parse_document(doc(sheet(rows)), registry, form_id="work-statistics")
    assert [r.values["domain"] for r in ret.records] == ["产品质量", "计量器具"]
    assert [(i.code, i.location) for i in ret.issues if i.code == "unknown-row"] == [("unknown-row", "Sheet1!A3")]
