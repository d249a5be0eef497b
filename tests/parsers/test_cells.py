"""Locations as a clerk reads them, from the machine form every parser writes (parsers.cells.location)."""

import pytest

from parsers.cells import location, location_words


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
