"""Which rows under a header are data: totals, footers, signature/date/stamp lines, 栏次 rows, titles."""

import pytest
from grids import sheet

from parsers.rows import (
    Kind,
    classify,
    heading_text,
    is_column_numbers,
    is_header_like,
    is_note_label,
    is_spanning,
    is_title_row,
    own_cells,
    title_text,
)


def _kind(*values: object) -> Kind:
    return classify(sheet([list(values)]).rows[0], 0)


@pytest.mark.parametrize(
    "row",
    [
        ["单位负责人：王建军", None, "填表人：张慧敏"],
        ["审核人", "李娜", "联系电话", "0477-4223176"],  # labels without a colon, values beside them
        ["联系电话；", "0477-4223176"],
        [None, None, "（盖章）"],
        [None, None, "年    月    日"],
        [None, "2024年5月10日"],
        ["申请支付单位：准格尔旗市场监督管理局", None, "财政局：同意"],
        ["注1：本表一式三份。"],
        ["主检医师签名：李明"],
    ],
)
def test_footer_lines_are_notes(row: list[object]) -> None:
    assert _kind(*row) is Kind.NOTE


def test_grand_total_ends_the_data_but_a_subtotal_does_not() -> None:
    assert _kind("合        计", None, 155000.0) is Kind.TOTAL
    assert _kind("合计：4人") is Kind.TOTAL
    assert _kind("小计：3家") is Kind.SUBTOTAL


def test_data_rows_stay_data() -> None:
    assert _kind("东胜区市场监督管理局", "张三", "科长", "0477-8313683") is Kind.DATA
    assert _kind(None, "李四", None, "13912345678") is Kind.DATA


def test_column_numbers_row() -> None:
    table = sheet([["甲", "乙", "丙", 1, 2, 3, 4], [1, "锅炉", "台", 3, 5, 7, 9]])
    assert is_column_numbers(own_cells(table.rows[0], 0))
    assert not is_column_numbers(own_cells(table.rows[1], 1))


def test_spanning_text_and_title_rows() -> None:
    table = sheet([["以下为新增联络员", None, None, None], ["逐台检查登记表"], ["张三", "科长"]], merges=[(0, 0, 0, 3)])
    first, second = table.rows[0], table.rows[1]
    assert is_spanning(first, 0) and not is_spanning(table.rows[2], 2)
    assert is_title_row(second, 1, own_cells(second, 1)) and not is_title_row(first, 0, own_cells(first, 0))
    assert title_text("区域情况统计表（三）——特种设备部分") and not title_text("填报单位：东胜区")
    assert heading_text("二、检验检测") and heading_text("（一）锅炉") and not heading_text("2024.5")


def test_header_like_rows() -> None:
    table = sheet([["序号", "机构名称", "存在问题"], ["填报单位：东胜区", "年度：2024"], [1, "甲公司", "无"]])
    assert is_header_like(own_cells(table.rows[0], 0))
    assert not is_header_like(own_cells(table.rows[1], 1))  # a meta line
    assert not is_header_like(own_cells(table.rows[2], 2))


def test_note_labels() -> None:
    assert is_note_label("主检医师签名") and is_note_label("注") and is_note_label("填表人")
    assert not is_note_label("籍贯") and not is_note_label("姓名")
