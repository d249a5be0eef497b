"""Cell formats shared by the workbook's sheets, created once per workbook."""

from __future__ import annotations

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from forms.types import display_width

FONT = "宋体"


class Styles:
    def __init__(self, book: Workbook) -> None:
        base = {"font_name": FONT, "font_size": 10, "valign": "vcenter"}
        cell = {**base, "border": 1, "text_wrap": True}
        self.title = book.add_format({**base, "font_size": 16, "bold": True, "align": "center"})
        self.note = book.add_format({**base})
        self.heading = book.add_format({**cell, "bold": True, "bg_color": "#F2F2F2"})
        self.header = book.add_format({**cell, "bold": True, "align": "center", "bg_color": "#DDEBF7"})
        self.text = book.add_format(cell)
        self.center = book.add_format({**cell, "align": "center"})
        self.integer = book.add_format({**cell, "num_format": "0"})
        self.decimal = book.add_format({**cell, "num_format": "0.00"})
        self.subtotal = book.add_format({**cell, "bold": True, "bg_color": "#FFF2CC"})
        self.subtotal_decimal = book.add_format({**cell, "bold": True, "bg_color": "#FFF2CC", "num_format": "0.00"})
        self.total = book.add_format({**cell, "bold": True, "bg_color": "#FCE4D6"})
        self.total_decimal = book.add_format({**cell, "bold": True, "bg_color": "#FCE4D6", "num_format": "0.00"})
        self.error = book.add_format({**cell, "bg_color": "#F8CBAD"})
        self.warning = book.add_format({**cell, "bg_color": "#FFF2CC"})


def print_setup(sheet: Worksheet, header_row: int) -> None:
    """A4 landscape, one page wide, header row repeated on every page and frozen on screen."""
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.repeat_rows(header_row)
    sheet.freeze_panes(header_row + 1, 0)
    sheet.set_footer("&C第 &P 页，共 &N 页")


def write_value(sheet: Worksheet, row: int, col: int, value: object, styles: Styles, decimal: bool = False) -> None:
    """Numbers as numbers, everything else as text (never as a formula)."""
    if isinstance(value, bool) or value is None:
        sheet.write_blank(row, col, None, styles.text)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, styles.decimal if decimal else styles.integer)
    else:
        sheet.write_string(row, col, str(value), styles.text)


def row_height(values: tuple[str, ...], widths: tuple[int, ...], line: float = 13.5) -> float:
    """Excel does not grow rows for wrapped text it did not lay out itself: size them from the longest cell."""
    lines = max((-(-display_width(v) // max(w - 1, 1)) for v, w in zip(values, widths, strict=True)), default=1)
    return max(1, lines) * line + 3


def header_row(sheet: Worksheet, styles: Styles, row: int, headers: tuple[str, ...], widths: tuple[int, ...]) -> None:
    """A plain list sheet's header row, with each column's width."""
    for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
        sheet.write_string(row, col, header, styles.header)
        sheet.set_column(col, col, width)
