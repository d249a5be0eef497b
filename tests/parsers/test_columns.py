"""parsers.columns: where a header is, in a clerk's words."""

from __future__ import annotations

import pytest

from parsers.cells import Cell
from parsers.columns import header_place


@pytest.mark.parametrize(
    ("sheet", "ref", "words"),
    [
        ("Sheet1", "A3", "工作表“Sheet1”第3行"),
        ("表1", "行2列1", "表1第2行"),
        # A PDF or a scan names its page in the location: no “工作表” before it, and the page said once.
        ("第2页", "表1行3列1", "第2页表1第3行"),
    ],
)
def test_a_header_row_in_words(sheet: str, ref: str, words: str) -> None:
    assert header_place(Cell("序号", sheet, ref)) == words
