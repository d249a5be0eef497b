"""How a clerk is told where a table or a stretch of rows is."""

from grids import sheet, word_table

from parsers.tables import grid_like, span, whole


def test_spreadsheet_range_from_the_first_to_the_last_filled_cell() -> None:
    table = sheet([[None], ["收入总表", None, None], ["项目", "预算数", "备注"], ["一、财政拨款", 100, None]])
    assert whole(table) == ("Sheet1!A2", "工作表“Sheet1”A2:C4")
    assert span(table, 2, 3) == ("Sheet1!A3", "工作表“Sheet1”A3:C4")


def test_word_table_rows() -> None:
    table = word_table([["序号", "机构名称"], ["1", "甲公司"], ["2", "乙公司"]], 2)
    assert whole(table) == ("表2行1列1", "表2第1至3行")


def test_a_cover_page_is_not_a_grid() -> None:
    assert not grid_like(sheet([["东胜区2024年部门预算"], [None], ["预算主管部门：东胜区市场监督管理局"]]))
    assert grid_like(sheet([["项目", "预算数"], ["一、财政拨款", 100]]))
