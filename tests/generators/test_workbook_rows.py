"""RowWriter writes exactly the XML xlsxwriter writes for the same cells through its own API."""

import math
import zipfile
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
import xlsxwriter

from generators.workbook import rows
from generators.workbook.rows import RowWriter
from generators.workbook.styles import Styles, write_value

ROWS: list[list[object]] = [
    ["东胜区", "张三", "科员", "0477-8313683", "13912345678", "a@example.cn"],
    ["A&B 公司", "<b>粗</b>", "x > y", "", None, True],
    ["  前导空格", "尾随空格 ", "\t制表", "换\n行", "末尾换行\n", "中 间 空 格"],
    ["控制\x01字符", "回车\r", "_x0041_", "snake_x_case", "_x00", "引号\"和'撇号"],
    [0, -1, 12345678901234567, 1.5, -0.0, 1e-7],
    [1e300, 10**20, 3.141592653589793, 2**53 + 1, False, 0.1 + 0.2],
    [date(2024, 5, 10), Decimal("1.25"), "正常", "x" * 16383, "y" * 16384, "z" * 40000],
    ["<r><t>富文本</t></r>", "&amp;", "emoji😀", "\u3000全角空格", "全角空格\u3000", "\x00"],
    ["仅一格"],
    ["100%", "%s%d", "%(n)s", "{0}", "50 % 折", None],
    [],
]
DECIMAL = [False, True, False, True, False, True]


def _book(fast: bool, rows: list[list[object]], *, heading_at: int = 5, tall_row: int = 7) -> dict[str, bytes]:
    buffer = BytesIO()
    book = xlsxwriter.Workbook(
        buffer, {"strings_to_formulas": False, "strings_to_urls": False, "constant_memory": True, "in_memory": False}
    )
    styles = Styles(book)
    sheet = book.add_worksheet("表")
    sheet.merge_range(0, 0, 0, 5, "标题", styles.title)
    for col in range(6):
        sheet.write_string(1, col, f"栏目{col}", styles.header)
    sheet.set_row(1, 30)
    sheet.set_row(tall_row, 40)  # a row with attributes of its own
    writer = RowWriter(sheet, styles, DECIMAL)
    row = 2
    for values in rows:
        if row == heading_at:
            sheet.merge_range(row, 0, row, 5, "一、分组", styles.heading)
            row += 1
        if fast:
            writer.write(row, values)
        else:
            for col, value in enumerate(values):
                write_value(sheet, row, col, value, styles, decimal=DECIMAL[col])
        row += 1
    sheet.write_string(row, 0, "合计", styles.total)
    book.close()
    with zipfile.ZipFile(BytesIO(buffer.getvalue())) as parts:
        return {name: parts.read(name) for name in parts.namelist() if name != "docProps/core.xml"}


def test_same_xml_as_xlsxwriter() -> None:
    assert _book(True, ROWS) == _book(False, ROWS)


def test_same_xml_when_formats_are_first_used_late() -> None:
    # Number formats first appear after a fallback row: their indexes must follow the same first-use order.
    rows = [["文本", None], ["a&b", 1], [2, 2.5], ["x", "y"]]
    assert _book(True, rows, heading_at=3, tall_row=4) == _book(False, rows, heading_at=3, tall_row=4)


@pytest.mark.parametrize("bad", [math.nan, math.inf, 10**400])
def test_numbers_xlsxwriter_refuses_still_fail(bad: object) -> None:
    with pytest.raises((TypeError, OverflowError)) as fast:
        _book(True, [["单位", bad]])
    with pytest.raises((TypeError, OverflowError)) as api:
        _book(False, [["单位", bad]])
    assert fast.type is api.type


def test_plain_rows_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    slow: list[int] = []
    original = RowWriter._through_api

    def through_api(self: RowWriter, row: int, values: list[object]) -> None:
        slow.append(row)
        original(self, row, values)

    monkeypatch.setattr(RowWriter, "_through_api", through_api)
    _book(True, ROWS)
    # Sheet rows: ROWS start at row 2, a heading takes row 5; row 7 has a height of its own; the last row is empty.
    assert slow == [3, 4, 6, 7, 9, 10, 13]


def test_the_installed_xlsxwriter_is_one_the_fast_path_was_checked_against() -> None:
    # On failure: xlsxwriter was upgraded. Run this file's comparisons on the new version (they still pass
    # through the public API meanwhile: every row is written by xlsxwriter), then add the version to
    # generators/workbook/rows.py VERIFIED. Until then the 汇总表 is written correctly but more slowly.
    assert xlsxwriter.__version__ in rows.VERIFIED, (
        f"generators/workbook/rows.py not checked with {xlsxwriter.__version__}"
    )
    assert rows.FAST


def test_an_unverified_xlsxwriter_writes_every_row_through_its_api(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rows, "FAST", False)
    slow: list[int] = []
    original = RowWriter._through_api

    def through_api(self: RowWriter, row: int, values: list[object]) -> None:
        slow.append(row)
        original(self, row, values)

    monkeypatch.setattr(RowWriter, "_through_api", through_api)
    assert _book(True, ROWS) == _book(False, ROWS)
    assert len(slow) == len(ROWS)
