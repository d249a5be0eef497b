"""Inference on tiny in-memory tables: headers, blocks and sections, matrices, record tables, no header."""

from grids import doc, sheet, word_table

from parsers.infer import infer_document
from parsers.infer.header import find_header

ROSTER = [
    ["机构名单"],
    ["填报单位：东胜区          上报时间：2022年5月12日"],
    ["一、第三方机构"],
    ["序号", "机构名称", "联系电话", "备注"],
    [1, "甲检测有限公司", "0477-8313683", None],
    [2, "乙检测有限公司", "13912345678", "新设"],
    [3, "丙检测有限公司", "0477-8512345", None],
    ["二、外省机构"],
    ["序号", "机构名称", "首次获证时间"],
    [1, "丁检测有限公司", "2019年3月5日"],
    ["填表说明：首次获证时间写成“2019年3月5日”。"],
]
MERGES = [(0, 0, 0, 3), (1, 0, 1, 3), (2, 0, 2, 3), (7, 0, 7, 3), (10, 0, 10, 3)]


def test_a_sectioned_list_with_title_meta_and_notes() -> None:
    form = infer_document(doc(sheet(ROSTER, merges=MERGES))).form
    assert (form.id, form.title, form.layout) == ("机构名单", "机构名单", "list")
    assert [(m.id, m.label, m.type) for m in form.meta] == [
        ("unit", "填报单位", "text"),
        ("reported_on", "上报时间", "date"),
    ]
    assert [(f.id, f.type, f.required) for f in form.fields] == [
        ("seq", "integer", False),
        ("机构名称", "text", True),
        ("联系电话", "phone", True),
        ("备注", "text", False),
        ("首次获证时间", "date", False),
    ]
    assert [(s.key, s.heading, s.fields) for s in form.sections] == [
        ("第三方机构", "一、第三方机构", ("seq", "机构名称", "联系电话", "备注")),
        ("外省机构", "二、外省机构", ("seq", "机构名称", "首次获证时间")),
    ]
    assert form.notes == ("填表说明：首次获证时间写成“2019年3月5日”。",)


def test_two_row_header_joins_children_and_parents() -> None:
    rows = [
        ["序号", "预算科目", None, "收款人", None, "申请金额（元）"],
        [None, "编码", "名称", "名称", "账号", None],
        [1, "2010101", "行政运行", "某某公司", "6222020200112233445", 1200.5],
        [2, "2010102", "一般行政管理事务", "某某公司", "6222020200112233445", 300],
    ]
    table = sheet(rows, merges=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4), (0, 5, 1, 5)])
    header = find_header(table)
    assert header is not None and (header.row, header.span) == (0, 2)
    assert header.labels == ("序号", "编码", "预算科目名称", "收款人名称", "账号", "申请金额（元）")
    form = infer_document(doc(table)).form
    amount = form.fields[-1]
    assert (amount.label, amount.unit, amount.type, amount.decimals) == ("申请金额", "元", "decimal", 1)
    assert form.field("编码").type == "text"  # a code written as digits is not a quantity


def test_matrix_with_total_row_gets_its_rows_and_sum_rule() -> None:
    rows = [
        ["税种", "2021", "2022", "罚没金额（万元）"],
        ["增值税", 120, 130, 1.25],
        ["企业所得税", 80, "—", 0],
        ["合计", 200, 130, 1.25],
    ]
    form = infer_document(doc(word_table(rows), kind="docx", name="纳税.docx")).form
    assert form.layout == "matrix"
    assert form.rows is not None and form.rows.field == "税种"
    assert [k.value for k in form.rows.keys] == ["增值税", "企业所得税"]
    assert [(f.label, f.type) for f in form.value_fields] == [
        ("2021", "integer"),
        ("2022", "integer"),
        ("罚没金额", "decimal"),
    ]
    assert [r.kind for r in form.rules] == ["total"]


def test_record_table_of_label_value_pairs() -> None:
    rows = [
        ["案件名称", "某某公司出具不实报告案", "报送单位", "东胜区市场监督管理局"],
        ["当事人", "某某公司", "立案日期", "2022年3月15日"],
        ["罚没金额（万元）", "3.00", "联系电话", "0477-8313683"],
        ["案情简介", "经查，当事人……", "经查，当事人……", "经查，当事人……"],
    ]
    table = word_table(rows)
    for c in (1, 2, 3):  # 案情简介 fills the row
        table.rows[3][c].merged, table.rows[3][c].origin = True, (3, 1)
    table.rows[3][1].merged, table.rows[3][1].origin = True, (3, 1)
    form = infer_document(doc(table, kind="docx", name="案例.docx")).form
    assert form.layout == "record"
    assert [(f.label, f.type) for f in form.fields] == [
        ("案件名称", "text"),
        ("报送单位", "text"),
        ("当事人", "text"),
        ("立案日期", "date"),
        ("罚没金额", "decimal"),
        ("联系电话", "phone"),
        ("案情简介", "text"),
    ]
    assert form.field("案情简介").long and form.field("罚没金额").decimals == 2


def test_table_without_header_row_is_read_by_position() -> None:
    rows = [["110000", "北京市"], ["110101", "东城区"], ["110102", "西城区"], ["120000", "天津市"]]
    form = infer_document(doc(sheet(rows), name="行政区划代码.xlsx")).form
    assert not form.header and form.title == "行政区划代码"
    assert [(f.label, f.type, f.required) for f in form.fields] == [("第1列", "integer", True), ("第2列", "text", True)]


def test_choices_from_a_small_set_of_repeated_values() -> None:
    rows = [["名称", "等级"], *[[f"景区{i}", grade] for i, grade in enumerate(["5A", "4A", "4A", "3A", "4A", "3A"])]]
    form = infer_document(doc(sheet(rows))).form
    grade = form.field("等级")
    assert grade.type == "choice" and [c.value for c in form.choices[grade.choices]] == ["5A", "4A", "3A"]


def test_header_with_period_labels_and_template_tags() -> None:
    rows = [["纳税信息"], ["税种", 2014, 2015], ["{{ type }}", "{{ y2014 }}", "{{ y2015 }}"]]
    form = infer_document(doc(sheet(rows, merges=[(0, 0, 0, 2)]))).form
    assert [f.label for f in form.fields] == ["税种", "2014", "2015"]
    assert all(f.type == "text" and not f.required for f in form.fields)


def test_known_forms_lend_ids_and_other_wordings(registry) -> None:
    rows = [["姓名", "职务", "手机号码"], ["张三", "科长", "13912345678"], ["李四", "科员", "13812345678"]]
    form = infer_document(doc(sheet(rows)), known=list(registry)).form
    mobile = form.fields[2]
    assert mobile.id == "mobile" and "手机" in mobile.synonyms and mobile.type == "mobile"
