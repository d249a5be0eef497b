"""Which tables of a file are the form's: judged table by table, the others reported once, never merged."""

from grids import doc, sheet, word_table

from forms import FormRegistry
from parsers import parse_document

HEAD = ["单位", "姓名", "职务", "办公电话", "手机号码", "电子邮箱"]
ROW = ["东胜区市场监督管理局", "段龙", "干部", "0477-8313683", "13947713256", "a@163.com"]


def _titled(name: str, title: str, *names: str):
    return sheet([[title], HEAD, *([*ROW[:1], n, *ROW[2:]] for n in names)], name=name)


def test_the_table_whose_title_names_the_form_wins(registry: FormRegistry) -> None:
    tables = [
        _titled("附表1", "联络员统计表", "段龙", "史新颖"),
        _titled("附表2", "应急值守人员名单", "王波"),  # same header, another table's title
        _titled("附表3", "培训人员花名册", "李娜"),
    ]
    ret = parse_document(doc(*tables), registry)
    assert ret.form == "liaison-roster" and [r.values["name"] for r in ret.records] == ["段龙", "史新颖"]
    left = [(i.code, i.location) for i in ret.issues if i.code == "unrecognized-table"]
    assert left == [("unrecognized-table", "附表2!A1"), ("unrecognized-table", "附表3!A1")]
    assert "应急值守人员名单" in ret.issues[0].message and "A1:F3" in ret.issues[0].message


def test_an_untitled_continuation_is_read(registry: FormRegistry) -> None:
    more = sheet([HEAD, [*ROW[:1], "王波", *ROW[2:]]], name="Sheet2")
    ret = parse_document(doc(_titled("Sheet1", "联络员统计表", "段龙"), more), registry)
    assert [r.values["name"] for r in ret.records] == ["段龙", "王波"] and ret.issues == []


def test_without_a_title_naming_the_form_the_closest_title_wins(registry: FormRegistry) -> None:
    tables = [_titled("A", "2024年联络员情况统计表", "段龙"), _titled("B", "2024年值班人员排班表", "王波")]
    ret = parse_document(doc(*tables), registry, form_id="liaison-roster")
    assert [r.values["name"] for r in ret.records] == ["段龙"]
    assert [i.location for i in ret.issues if i.code == "unrecognized-table"] == ["B!A1"]


def test_tables_without_titles_are_all_read(registry: FormRegistry) -> None:
    tables = [sheet([HEAD, ROW], name="Sheet1"), sheet([HEAD, [*ROW[:1], "王波", *ROW[2:]]], name="Sheet2")]
    ret = parse_document(doc(*tables), registry)
    assert [r.values["name"] for r in ret.records] == ["段龙", "王波"]


def test_a_table_of_another_known_form_says_where_it_belongs(registry: FormRegistry) -> None:
    roster = word_table([HEAD, ROW], 1, before=["附件3", "联络员统计表"])
    case = word_table(
        [["案件名称", "甲案"], ["报送单位", "东胜区市场监督管理局"], ["当事人", "甲公司"], ["立案日期", "2022-03-01"]],
        2,
        before=["附件2", "典型案例报送信息表"],
    )
    ret = parse_document(doc(roster, case, kind="docx"), registry, form_id="liaison-roster")
    (left,) = [i for i in ret.issues if i.code == "unrecognized-table"]
    assert left.location == "表2行1列1" and "典型案例报送信息表" in left.message


def test_a_cover_page_is_not_reported(registry: FormRegistry) -> None:
    cover = sheet([["东胜区2024年部门预算"], [None], ["预算主管部门：东胜区市场监督管理局"]], name="封面")
    ret = parse_document(doc(cover, _titled("Sheet1", "联络员统计表", "段龙")), registry)
    assert ret.issues == [] and len(ret.records) == 1
