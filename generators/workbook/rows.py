"""Whole record rows into a constant_memory worksheet, byte for byte the XML xlsxwriter itself writes.

xlsxwriter spends some 7 µs of Python per cell (argument conversion, a cell tuple in a row table, attribute
lists, three regex passes when the row is flushed): most of the time of a 60,000-row 汇总表. A row whose cells
are all plain — text without markup characters, control characters, `_xHHHH_` sequences, edge whitespace or
extreme length; finite numbers; blanks — has XML that is known in advance, and is written here in one string
into the worksheet's row file. Any other row goes through `write_value` and xlsxwriter's own API, so every
special case (escaping, truncation at 32,767 characters, NaN, rich strings) stays xlsxwriter's.
tests/generators/test_workbook_rows.py holds this to xlsxwriter's output.

This is the one module that writes xlsxwriter's XML and worksheet state itself, and it pays for itself: on W1
(60,000 rows × 7 columns) xlsxwriter's own write_row costs some 2.5 s of CPU, this path about 0.5 s — the
difference is most of what separates a merge from its floor (benchmarks/merge_w1.py). It is used only with the
xlsxwriter versions in VERIFIED: on any other every row goes through xlsxwriter's public API (correct, slower),
and the test named above fails, naming this module, until the XML is compared again and the version added.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from generators.workbook.styles import Styles, write_value

# What xlsxwriter escapes in inline strings: XML markup characters and the control characters it writes as
# _xHHHH_ (a literal "_x" may start such a sequence, which it escapes too).
_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b-\x1f]|_x")
# xlsxwriter converts numbers to float to test for NaN: an int beyond float range must fail there, not here.
_HUGE = 10**300
_TEXT, _BLANK, _INTEGER, _DECIMAL = range(4)  # the kinds of plain cell
VERIFIED = ("3.3.1",)  # xlsxwriter versions whose row XML and worksheet state this module was compared with
FAST = xlsxwriter.__version__ in VERIFIED


class RowWriter:
    """Writes rows of values with `write_value`'s rules: numbers as numbers, None and booleans as formatted
    blanks, everything else as text. `decimal[c]` picks the two-decimal number format for column c."""

    def __init__(self, sheet: Worksheet, styles: Styles, decimal: Sequence[bool]) -> None:
        self.sheet, self.styles, self.decimal = sheet, styles, tuple(decimal)
        self.starts = [f'<c r="{xl_col_to_name(c)}' for c in range(len(decimal))]  # a cell's XML up to its row
        # The plain path relies on the row file of constant_memory mode and on rows without attributes of
        # their own (an Excel 2010 row carries x14ac:dyDescent; a changed default height gives every row ht).
        self.enabled = (
            FAST
            and bool(sheet.constant_memory)
            and sheet.excel_version == 2007
            and sheet.default_row_height == sheet.original_row_height
            and len(decimal) <= sheet.xls_colmax
        )
        self.longest = sheet.xls_strmax // 2  # xlsxwriter measures (and may cut) only strings longer than this
        self.templates: dict[tuple[int, ...], str] = {}  # row XML by the kinds of its cells

    def write(self, row: int, values: Sequence[object]) -> None:
        sheet = self.sheet
        if not self._fits(row, values):
            self._through_api(row, values)
            return
        # Flush the row xlsxwriter holds (a header, a heading) first: it uses formats before this row does.
        sheet._write_single_row(row)
        xml = self._xml(row, values)
        if xml is None:
            self._through_api(row, values)
            return
        sheet.fh.write(xml)
        # This row is written: xlsxwriter must neither hold nor accept cells for it any more.
        sheet.previous_row = row + 1
        sheet.dim_rowmin = row if sheet.dim_rowmin is None else min(sheet.dim_rowmin, row)
        sheet.dim_rowmax = row if sheet.dim_rowmax is None else max(sheet.dim_rowmax, row)
        sheet.dim_colmin = 0 if sheet.dim_colmin is None else min(sheet.dim_colmin, 0)
        last = len(values) - 1
        sheet.dim_colmax = last if sheet.dim_colmax is None else max(sheet.dim_colmax, last)

    def _fits(self, row: int, values: Sequence[object]) -> bool:
        """A new row (xlsxwriter holds no cells for it) with cells and no attributes of its own."""
        sheet = self.sheet
        return (
            self.enabled
            and 0 < len(values) <= len(self.starts)
            and sheet.previous_row <= row < sheet.xls_rowmax
            and not sheet.table.get(row)
            and row not in sheet.row_info
            and row not in sheet.comments
        )

    def _through_api(self, row: int, values: Sequence[object]) -> None:
        for col, value in enumerate(values):
            write_value(self.sheet, row, col, value, self.styles, decimal=self.decimal[col])

    def _xml(self, row: int, values: Sequence[object]) -> str | None:
        """The row's XML, or None if any cell needs xlsxwriter's own handling."""
        number = row + 1
        kinds: list[int] = []
        args: list[object] = [number]
        texts: list[str] = []
        for value, decimal in zip(values, self.decimal, strict=False):
            kind = type(value)
            args.append(number)
            if kind is str:
                # strip() leaves a string without edge whitespace as it is: no "preserve" attribute needed.
                if len(value) > self.longest or len(value.strip()) != len(value):
                    return None
                kinds.append(_TEXT)
                args.append(value)
                texts.append(value)
            elif value is None or kind is bool:
                kinds.append(_BLANK)
            elif (kind is int and -_HUGE < value < _HUGE) or (kind is float and math.isfinite(value)):
                kinds.append(_DECIMAL if decimal else _INTEGER)
                args.append(format(value, ".16G"))
            else:
                return None
        # One search over the row: a tab neither matches nor completes a match.
        if texts and _SPECIAL.search("\t".join(texts)):
            return None
        key = tuple(kinds)
        template = self.templates.get(key) or self._template(key)
        return template % tuple(args)

    def _template(self, kinds: tuple[int, ...]) -> str:
        """The XML of a row whose cells are of these kinds, with %s for the row number and the values.

        Format indexes are taken cell by cell in column order, when a kind of row first appears: xlsxwriter
        numbers formats by first use, and this is the order in which it would use them.
        """
        styles = self.styles
        parts = ['<row r="%s">']
        for start, kind in zip(self.starts, kinds, strict=False):
            if kind == _TEXT:
                parts.append(f'{start}%s" s="{_xf(styles.text)}" t="inlineStr"><is><t>%s</t></is></c>')
            elif kind == _BLANK:
                parts.append(f'{start}%s" s="{_xf(styles.text)}"/>')
            else:
                fmt = styles.decimal if kind == _DECIMAL else styles.integer
                parts.append(f'{start}%s" s="{_xf(fmt)}"><v>%s</v></c>')
        parts.append("</row>")
        self.templates[kinds] = template = "".join(parts)
        return template


def _xf(fmt: Format) -> int:
    # The index is fixed once given; giving it is what must happen in xlsxwriter's order.
    return fmt.xf_index if fmt.xf_index is not None else fmt._get_xf_index()
