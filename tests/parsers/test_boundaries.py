"""A list's data ends where the data ends; what stands around it is never a record, and never silently lost."""

from grids import doc, sheet

from forms import FormRegistry
from parsers import parse_document

HEAD = ["单位", "姓名", "职务", "办公电话", "手机号码", "电子邮箱"]
ROW = ["东胜区市场监督管理局", "段龙", "干部", "0477-8313683", "13947713256", "a@163.com"]


def _people(*names: str) -> list[list[object]]:
    return [[ROW[0], n, *ROW[2:]] for n in names]


def test_total_signature_date_stamp_and_note_lines_are_not_records(registry: FormRegistry) -> None:
    rows = [
        ["联络员统计表"],
        HEAD,
        *_people("段龙", "史新颖"),
        ["合计：2人"],
        ["单位负责人：王建军        填表人：张慧敏"],
        ["审核人", "李娜", "联系电话", "0477-4223176"],
        [None, None, None, None, "（盖章）"],
        [None, None, None, None, "2024年5月10日"],
        ["注：本表由各旗区填报。"],
    ]
    ret = parse_document(doc(sheet(rows)), registry)
    assert [r.values["name"] for r in ret.records] == ["段龙", "史新颖"]
    assert [i.code for i in ret.issues] == []


def test_a_row_after_the_total_that_looks_like_data_is_reported_not_merged(registry: FormRegistry) -> None:
    rows = [HEAD, *_people("段龙"), ["合计", None, None, None, None, None], *_people("史新颖")]
    ret = parse_document(doc(sheet(rows)), registry, form_id="liaison-roster")
    assert [r.values["name"] for r in ret.records] == ["段龙"]
    assert [(i.code, i.location) for i in ret.issues] == [("skipped-row", "Sheet1!A4")]


def test_text_merged_across_the_width_is_never_copied_into_fields(registry: FormRegistry) -> None:
    rows = [HEAD, *_people("段龙"), ["以下为新增联络员", None, None, None, None, None], *_people("史新颖")]
    ret = parse_document(doc(sheet(rows, merges=[(2, 0, 2, 5)])), registry, form_id="liaison-roster")
    assert [r.values["name"] for r in ret.records] == ["段龙", "史新颖"]
    assert ret.issues == []


def test_a_horizontal_merge_inside_a_data_row_belongs_to_its_first_column(registry: FormRegistry) -> None:
    rows = [HEAD, ["东胜区市场监督管理局", "段龙", "干部", "0477-8313683", None, "a@163.com"]]
    ret = parse_document(doc(sheet(rows, merges=[(1, 3, 1, 4)])), registry, form_id="liaison-roster")
    assert ret.records[0].values["office_phone"] == "0477-8313683" and ret.records[0].values["mobile"] is None


def test_another_table_under_its_own_title_in_the_same_sheet_is_reported(registry: FormRegistry) -> None:
    rows = [
        ["联络员统计表"],
        HEAD,
        *_people("段龙"),
        [None],
        ["问题机构登记表"],
        ["序号", "机构名称", "存在问题", "整改情况"],
        [1, "甲检测公司", "报告无授权签字", "已整改"],
    ]
    ret = parse_document(doc(sheet(rows)), registry)
    assert [r.values["name"] for r in ret.records] == ["段龙"]
    (left_out,) = ret.issues
    assert (left_out.code, left_out.location, left_out.severity) == ("unrecognized-table", "Sheet1!A5", "warning")
    assert "A5:D7" in left_out.message and "问题机构登记表" in left_out.message


def test_column_numbers_headings_and_notes_inside_a_statistics_table(registry: FormRegistry) -> None:
    rows = [
        ["序号", "机构名称", "领域", "备注"],
        ["甲", 1, 2, 3],
        [None, "（一）食品领域", None, None],
        [1, "甲检测公司", "食品", None],
        [None, None, None, "1、所有有变化的值均需注明原因！"],
    ]
    ret = parse_document(doc(sheet(rows), text=["检验检测机构基本情况汇总表"]), registry)
    assert [r.values["name"] for r in ret.records] == ["甲检测公司"]
    assert [(i.code, i.location) for i in ret.issues] == [("skipped-row", "Sheet1!D5")]


def test_columns_of_no_field_are_kept_as_extra_with_their_label(registry: FormRegistry) -> None:
    rows = [[*HEAD, "微信号", None], [*ROW, "wx_ds01", 7.0], [*ROW[:1], "史新颖", *ROW[2:], None, None]]
    ret = parse_document(doc(sheet(rows)), registry, form_id="liaison-roster")
    assert ret.records[0].extra == {"微信号": "wx_ds01", "第8列（无表头）": 7}
    assert ret.records[1].extra == {}
    warnings = [(i.code, i.location, i.value) for i in ret.issues]
    assert warnings == [("unmapped-column", "Sheet1!G2", "微信号"), ("unmapped-column", "Sheet1!H2", "第8列（无表头）")]
    assert "已作为附加列保留" in ret.issues[0].message


def test_section_headings_under_one_header_keep_their_rows(registry: FormRegistry) -> None:
    rows = [
        ["检验检测机构基本情况汇总表"],
        ["一、体制内具有事业单位属性的检验检测机构数量及名单"],
        ["序号", "机构名称", "领域", "备注"],
        [1, "甲检验中心", "食品", None],
        ["二、第三方检验检测机构数量及名单"],
        [1, "乙检测公司", "环境监测", None],
    ]
    ret = parse_document(doc(sheet(rows)), registry)
    assert [(r.section, r.values["name"]) for r in ret.records] == [
        ("public", "甲检验中心"),
        ("third_party", "乙检测公司"),
    ]
