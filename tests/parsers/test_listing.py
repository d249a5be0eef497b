"""List layout on tiny in-memory grids: sections, header variants, non-data rows, merged cells."""

import pytest
from grids import cell_sheet, doc, sheet, word_table

from forms import FormRegistry
from parsers import parse_document

ROSTER = [
    ["检验检测机构基本情况汇总表"],
    ["所在旗区：东胜区            上报时间：2022年5月12日"],
    ["一、体制内具有事业单位属性的检验检测机构数量及名单"],
    ["序号", "机构名称", "领域", "备注"],
    [1, "鄂尔多斯市东胜区产品质量\n检验检测中心", "产品质量、建材", None],
    [2, "……", "……", "……"],
    ["小计：1家"],
    ["二、第三方检验检测机构数量及名单"],
    ["序号", "单位名称", "检测领域", "备注"],
    ["１", "内蒙古蒙正检测技术有限公司", "食品检测", "x"],
    [2, "内蒙古蒙正检测技术有限公司", "食品", None],
    [None, None, None, None],
    ["三、外省在本辖区内开展检验检测业务的机构数量及名单"],
    ["序号", "机构名称", "领域", "首次获证时间", "联系人", "联系方式"],
    [1, "陕西某检测公司", "环境", "2019.3.5", "张三", "0477-83"],
    [2],
    ["填表说明：领域涉及多个的，用顿号分隔"],
]
MERGES = [(0, 0, 0, 5), (1, 0, 1, 5), (2, 0, 2, 5), (7, 0, 7, 5), (12, 0, 12, 5), (16, 0, 16, 5)]


def test_sections_in_one_sheet(registry: FormRegistry) -> None:
    ret = parse_document(doc(sheet(ROSTER, merges=MERGES)), registry)
    assert (ret.form, ret.unit, ret.meta) == (
        "institution-roster",
        "东胜区",
        {"unit": "东胜区", "reported_on": "2022-05-12"},
    )
    got = [(r.section, r.values["name"], r.source.cell) for r in ret.records]
    assert got == [
        ("public", "鄂尔多斯市东胜区产品质量检验检测中心", "B5"),
        ("third_party", "内蒙古蒙正检测技术有限公司", "B10"),
        ("third_party", "内蒙古蒙正检测技术有限公司", "B11"),
        ("out_of_province", "陕西某检测公司", "B15"),
    ]
    assert ret.records[0].values == {
        "seq": 1,
        "name": "鄂尔多斯市东胜区产品质量检验检测中心",
        "domain": "产品质量、建筑材料",
        "remark": None,
    }
    assert ret.records[3].values["first_certified"] == "2019-03-05"
    codes = sorted((i.code, i.location) for i in ret.issues)
    assert codes == [("duplicate-row", "Sheet1!B11"), ("invalid-phone", "Sheet1!F15")]
    phone = next(i for i in ret.issues if i.code == "invalid-phone")
    assert phone.message == "第15行“联系方式”0477-83 不是有效的电话号码"


def test_vertically_merged_domain_reaches_every_row(registry: FormRegistry) -> None:
    rows = [
        ["序号", "机构名称", "领域", "备注"],
        [1, "甲检测公司", "食品", None],
        [2, "乙检测公司", None, None],
        [3, "丙检测公司", None, None],
    ]
    table = sheet(rows, name="第三方机构", merges=[(1, 2, 3, 2)])
    ret = parse_document(doc(table, text=["检验检测机构基本情况汇总表"]), registry, form_id="institution-roster")
    assert [(r.section, r.values["domain"]) for r in ret.records] == [("third_party", "食品")] * 3
    assert ret.records[2].cells["domain"] == "第三方机构!C2"


def test_two_row_header_and_reordered_columns(registry: FormRegistry) -> None:
    rows = [
        ["联络员统计表"],
        ["姓名", "联系方式", None, "单位", "职务"],
        [None, "手机", "办公电话", None, None],
        ["王五", "13912345678", "0477 8313683", "东胜区市场监管局", "科长"],
    ]
    table = sheet(rows, merges=[(0, 0, 0, 4), (1, 1, 1, 2), (1, 0, 2, 0), (1, 3, 2, 3), (1, 4, 2, 4)])
    ret = parse_document(doc(table), registry)
    assert ret.form == "liaison-roster"
    assert ret.records[0].values == {
        "unit": "东胜区市场监管局",
        "name": "王五",
        "position": "科长",
        "office_phone": "0477-8313683",
        "mobile": "13912345678",
        "email": None,
    }


def test_word_tables_one_per_section_with_headings_before(registry: FormRegistry) -> None:
    head = ["序号", "机构名称", "领域", "备注"]
    t1 = word_table(
        [head, ["1", "甲中心", "食品", ""]],
        1,
        before=["检验检测机构基本情况汇总表", "一、体制内具有事业单位属性的检验检测机构数量及名单"],
    )
    t2 = word_table(
        [head, ["1", "乙公司", "环境监测", ""]], 2, before=["四、检验检测能力涉及多领域的检验检测机构数量及名单"]
    )
    ret = parse_document(doc(t1, t2, name="附件1 康巴什区检验检测机构基本情况汇总表.docx", kind="docx"), registry)
    assert ret.unit == "康巴什区"
    assert [(r.section, r.source.sheet, r.source.cell) for r in ret.records] == [
        ("public", "表1", "行2列2"),
        ("multi_domain", "表2", "行2列2"),
    ]


def test_missing_required_and_unknown_columns_are_reported_not_dropped(registry: FormRegistry) -> None:
    rows = [["姓名", "职务", "手机号码", "微信号"], [None, "科长", "13912345678", "wx1"], ["李四", "主任", "123", None]]
    ret = parse_document(doc(sheet(rows), name="杭锦旗.xlsx"), registry, form_id="liaison-roster")
    assert len(ret.records) == 2
    codes = sorted((i.code, i.location) for i in ret.issues)
    assert codes == [
        ("invalid-mobile", "Sheet1!C3"),
        ("missing-required", "Sheet1!A2"),
        ("unmapped-column", "Sheet1!D2"),
    ]


def test_blank_template_gives_no_records(registry: FormRegistry) -> None:
    rows = [["序号", "机构名称", "领域", "备注"], [1, None, None, None], [2, None, None, None]]
    ret = parse_document(doc(sheet(rows), text=["检验检测机构基本情况汇总表"]), registry, form_id="institution-roster")
    assert ret.records == []
    assert [i.code for i in ret.issues] == ["no-records"]


LIAISON = [
    ["联络员统计表（填报单位：东胜区）"],
    ["单位", "姓名", "职务", "办公电话", "手机号码", "电子邮箱"],
    ["东胜区市场监督管理局", "张三", "科员", "0477-8313683", "13912345678", "a@example.cn"],
    ["东胜区市场监督管理局", "李四", "科员", "0477 8313684", "123", "b@example"],
    ["东胜区市场监督管理局", None, "科长", "0477-8313685", "13912345679", None],
    [None, None, None, None, None, None],
    ["东胜区市场监督管理局", "王五", "  科员 ", 4778313686.0, 13912345670.0, " C@Example.cn "],
    ["东胜区市场监督管理局", "孙八", "科员", "0477-8313687", "1391234567", "d@example.cn"],
    ["东胜区市场监督管理局", "周九", "科员", "0477-8313687", "13912345671", "d@example.cn"],
    ["东胜区市场监督管理局", "孙八", "科员", "", "13912345671", "e@example"],
    ["东胜区市场监督管理局", "吴十", "科员", "0477-8313688", "13912345672", "d@example.cn"],
    ["单位", "姓名", "职务", "办公电话", "手机号码", "电子邮箱"],
    ["东胜区市场监督管理局", "张三", "科员", "0477-8313683", "13912345678", "a@example.cn"],
    ["东胜区市场监督管理局", "赵六", "……", "……", "……", "……"],
    ["填表人：张三", None, None, "联系电话：0477-8313683"],
    ["合计", "3人"],
    ["东胜区市场监督管理局", "钱七", "科员", None, None, None],
]


@pytest.mark.parametrize(
    ("rows", "merges", "form_id"),
    [
        (ROSTER, MERGES, None),
        (LIAISON, [], "liaison-roster"),
        (LIAISON, [(0, 0, 0, 5)], "liaison-roster"),  # a merged title: the body rows are still plain
        (LIAISON, [(2, 0, 4, 0), (7, 2, 7, 3)], "liaison-roster"),  # merged body cells: those rows from Cells
    ],
)
def test_rows_read_from_values_give_what_cells_give(registry: FormRegistry, rows, merges, form_id) -> None:
    """The body rows of a spreadsheet's Grid are read from their values (listing._plain, normalised a column
    at a time); the same table as Cell rows is read row by row from its Cells. Records, where each value
    came from, and issues (order included) must not differ."""
    got = [parse_document(doc(table(rows, merges=merges)), registry, form_id=form_id) for table in (sheet, cell_sheet)]
    from_values, from_cells = got
    assert from_values.records, "the test grid must give records"
    assert [dict(r.cells) for r in from_values.records] == [dict(r.cells) for r in from_cells.records]
    assert from_values.model_dump() == from_cells.model_dump()
