from pathlib import Path

import pytest
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


# -- `标签：值` record forms (a Word 健康检查表 and the like) ---------------------------------------------------
SAMPLE_FORMS = Path(__file__).resolve().parents[2] / "samples" / "forms"
PERSON = "单位：杭锦旗某餐饮公司    从业类别：餐饮服务\n姓名：王芳    性别：女    年龄：34    籍贯：内蒙古\n岗位：厨师"


def _merge_row(table, r: int) -> None:
    """Row r as one cell merged across the table's width (a Word gridSpan)."""
    first = table.rows[r][0]
    first.merged, first.origin = True, (r, 0)
    for cell in table.rows[r][1:]:
        cell.value, cell.ref, cell.merged, cell.origin = first.value, first.ref, True, (r, 0)


@pytest.fixture(scope="module")
def with_health_check() -> FormRegistry:
    return FormRegistry.load([SAMPLE_FORMS])


def test_pairs_in_one_cell_recognised_by_the_title_above(with_health_check: FormRegistry) -> None:
    table = word_table(
        [[PERSON, PERSON], ["既往病史", "无"], ["检查结论：合格\n\n主检医师签名：李明（公章）\n2024年3月6日", ""]],
        before=["附件1", "食品从业人员健康检查表", "体检日期：2024年3月5日        编号：HJ-0312"],
    )
    _merge_row(table, 0)
    _merge_row(table, 2)
    ret = parse_document(doc(table, name="杭锦旗.docx", kind="docx"), with_health_check)
    assert ret.form == "health-check"
    (rec,) = ret.records
    assert {k: v for k, v in rec.values.items() if v is not None} == {
        "name": "王芳",
        "exam_date": "2024-03-05",
        "serial": "HJ-0312",
        "employer": "杭锦旗某餐饮公司",
        "category": "餐饮服务",
        "sex": "女",
        "age": 34,
        "post": "厨师",
        "conclusion": "合格",
    }
    assert rec.extra == {"籍贯": "内蒙古"}  # a label the form does not have: kept, not lost
    assert (rec.source.sheet, rec.source.cell) == ("表1", "行1列1")
    assert rec.cells["exam_date"] == "表1上方第3段"


def test_a_blank_template_gives_no_record(with_health_check: FormRegistry) -> None:
    blank = "单位：              从业类别：\n姓名：        性别：      年龄："
    table = word_table([[blank], ["检查结论：\n\n主检医师签名：        （公章）\n    年   月   日"]])
    ret = parse_document(doc(table, kind="docx", text=["食品从业人员健康检查表"]), with_health_check)
    assert ret.form == "health-check" and ret.records == []


def test_one_pair_per_paragraph_without_a_table(with_health_check: FormRegistry) -> None:
    text = ["食品从业人员健康检查表", "姓名：乌云", "性别：女", "年龄：29", "从业类别：餐饮服务", "政治面貌：群众"]
    ret = parse_document(doc(kind="docx", text=text, name="杭锦旗.docx"), with_health_check)
    (rec,) = ret.records
    assert (rec.values["name"], rec.values["age"], rec.source.sheet, rec.source.cell) == ("乌云", 29, "正文", "第2段")
    assert rec.extra == {"政治面貌": "群众"}


def test_labels_with_colons_beside_their_values_and_pairs_one_per_line(registry: FormRegistry) -> None:
    table = word_table(
        [
            ["案件名称：", "甲案"],
            ["当事人：", "经查：甲公司"],  # a value may hold a colon of its own
            ["承办人：李四\n联系电话：0477-8313683", ""],
            ["案情简介：", ""],
            ["2022年3月，执法人员检查发现……", ""],
        ],
        before=["典型案例报送信息表"],
    )
    for r in (2, 3, 4):
        _merge_row(table, r)
    ret = parse_document(doc(table, kind="docx"), registry)
    (rec,) = ret.records
    assert (rec.values["title"], rec.values["party"], rec.values["handler"], rec.values["phone"]) == (
        "甲案",
        "经查：甲公司",
        "李四",
        "0477-8313683",
    )
    assert rec.values["summary"] == "2022年3月，执法人员检查发现……" and rec.extra == {}


def test_a_reworded_label_lands_in_its_field_with_a_warning(with_health_check: FormRegistry) -> None:
    table = word_table([["姓名：王芳    性别：女    体检结果：合格"]], before=["食品从业人员健康检查表"])
    ret = parse_document(doc(table, name="杭锦旗.docx", kind="docx"), with_health_check)
    (rec,) = ret.records
    assert rec.values["conclusion"] == "合格" and rec.extra == {}
    (warning,) = ret.issues
    assert (warning.code, warning.field, warning.location) == ("fuzzy-header", "conclusion", "表1行1列1")
    assert warning.message.startswith("标签“体检结果”按相近程度归入“检查结论”")
