from grids import doc, word_table

from forms import FormRegistry
from forms.types import credit_check_char
from parsers import parse_document

CODE = "91150602MA0N1234K" + credit_check_char("91150602MA0N1234K")


def _case(n: int, title: str, filed: str, closed: str, code: str = CODE):
    table = word_table(
        [
            ["案件名称", title, "报送单位", "东胜区市场监督管理局"],
            ["当事人", "内蒙古某检测有限公司", "统一社会信用代码", code],
            ["罚没金额（万元）", "3.2", "立案日期", filed],
            ["结案日期", closed, "承办人", "李四"],
            ["案情简介", "2022年3月，执法人员检查发现……\n\n经查，当事人……", "", ""],
        ],
        n,
        before=["典型案例报送信息表"],
    )
    last = table.rows[4]
    for c in last[2:]:
        c.value, c.merged, c.origin, c.ref = last[1].value, True, (4, 1), last[1].ref
    last[1].merged, last[1].origin = True, (4, 1)
    return table


def test_two_cases_in_two_tables(registry: FormRegistry) -> None:
    ret = parse_document(
        doc(
            _case(1, "甲案", "2022年3月1日", "2022.4.1"),
            _case(2, "乙案", "2022-3-2", "2022/2/1"),
            name="东胜区典型案例.docx",
            kind="docx",
        ),
        registry,
    )
    assert (ret.form, ret.unit) == ("case-report", "东胜区")
    first = ret.records[0]
    assert first.values["title"] == "甲案" and first.values["credit_code"] == CODE
    assert first.values["summary"] == "2022年3月，执法人员检查发现……\n经查，当事人……"
    assert (first.values["filed_on"], first.values["closed_on"], first.values["fine"]) == (
        "2022-03-01",
        "2022-04-01",
        3.2,
    )
    assert [(r.source.sheet, r.source.cell) for r in ret.records] == [("表1", "行1列2"), ("表2", "行1列2")]
    assert [(i.code, i.location) for i in ret.issues] == [("rule-violation", "表2行4列2")]


def test_bad_credit_code(registry: FormRegistry) -> None:
    bad = CODE[:-1] + ("0" if CODE[-1] != "0" else "1")
    ret = parse_document(doc(_case(1, "甲案", "2022-3-1", "2022-4-1", bad), kind="docx"), registry)
    assert [(i.code, i.location, i.field) for i in ret.issues if i.severity == "error"] == [
        ("invalid-credit-code", "表1行2列4", "credit_code")
    ]
