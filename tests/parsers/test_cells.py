"""Locations as a clerk reads them, from the machine form every parser writes (parsers.cells.location); a
reader's Grid of rows of values standing for its Cell rows."""

import pickle

import pytest

from parsers.cells import Cell, Grid, Table, location, location_words
from parsers.readers.grid import A1, build, covered


@pytest.mark.parametrize(
    ("sheet", "ref", "words"),
    [
        ("Sheet1", "B6", "工作表“Sheet1”第6行B列"),
        ("地市填写——季报表（二）", "AA112", "工作表“地市填写——季报表（二）”第112行AA列"),
        ("a!b", "C3", "工作表“a!b”第3行C列"),
        ("表1", "行3列2", "表1第3行第2列"),
        ("第2页", "表1行3列2", "第2页表1第3行第2列"),
        ("表1", "上方第2段", "表1上方第2段"),
    ],
)
def test_every_location_a_parser_writes_reads_as_words(sheet, ref, words):
    assert location_words(location(sheet, ref)) == words


@pytest.mark.parametrize(
    ("loc", "words"),
    [
        ("Sheet1!B6:D9", "工作表“Sheet1”第6至9行B至D列"),
        ("Sheet1!B6:B9", "工作表“Sheet1”第6至9行B列"),
        ("Sheet1!A2:F2", "工作表“Sheet1”第2行A至F列"),
        ("Sheet1!第3至9行", "工作表“Sheet1”第3至9行"),
        ("第3段", "第3段"),
        ("", ""),
        (None, ""),
    ],
)
def test_ranges_and_words_pass(loc, words):
    assert location_words(loc) == words


def _grid() -> Grid:
    # A merged title over A1:C1 and a value merged down B3:B4; "" is what calamine gives for an empty cell.
    values = [["标题", "", ""], ["甲", "", 1.0], ["乙", "食品", ""], ["丙", ""]]
    return build(values, covered([(0, 0, 0, 2), (2, 1, 3, 1)], 4, 3), "Sheet1", A1())


def test_a_grid_is_the_list_of_cell_rows_it_stands_for():
    grid = _grid()
    rows = list(grid)
    assert rows[1] == [Cell("甲", "Sheet1", "A2"), Cell(None, "Sheet1", "B2"), Cell(1.0, "Sheet1", "C2")]
    assert rows[0][2] == Cell("标题", "Sheet1", "A1", True, (0, 0))
    assert rows[3] == [
        Cell("丙", "Sheet1", "A4"),
        Cell("食品", "Sheet1", "B3", True, (2, 1)),
        Cell(None, "Sheet1", "C4"),
    ]
    assert (len(grid), grid.width, grid.merged) == (4, 3, True)
    assert grid[-1] is grid[3] and grid[1:3] == rows[1:3] and grid == rows
    with pytest.raises(IndexError):
        grid[4]
    assert pickle.loads(pickle.dumps(Table("Sheet1", grid))).rows == rows
    assert Table("Sheet1", grid).width == 3


def test_plain_rows_give_their_values_and_merged_rows_none():
    grid = _grid()
    assert grid.plain(1) == ["甲", None, 1.0]
    assert [grid.plain(r) for r in (0, 2, 3)] == [None, None, None]
    assert grid.cell(1, 2) == grid[1][2] and grid.cell(1, 1) == Cell(None, "Sheet1", "B2")


def test_a_plain_row_without_empties_is_a_padded_copy():
    values = [("甲", 1.0, "乙"), ("丙", 0.0)]
    grid = Grid(values, {}, "Sheet1", A1())
    assert grid.plain(1) == ["丙", 0.0, None]
    row = grid.plain(0)
    row[0] = "改"
    assert row == ["改", 1.0, "乙"] and values[0] == ("甲", 1.0, "乙")
