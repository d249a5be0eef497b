"""The blank form as an Excel workbook: title, meta line, sections, header rows, A4, borders, drop-downs."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from forms.model import FieldDef, FormDef
from generators.form_layout import Block, PaperForm, layout, meta_line

_FONT = "宋体"
_CHOICES_SHEET = "选项"


def _formats(book: Workbook) -> dict[str, object]:
    base = {"font_name": _FONT, "font_size": 11, "valign": "vcenter"}
    return {
        "title": book.add_format({**base, "font_size": 18, "bold": True, "align": "center"}),
        "meta": book.add_format({**base}),
        "heading": book.add_format({**base, "bold": True, "border": 1}),
        "header": book.add_format({**base, "bold": True, "align": "center", "text_wrap": True, "border": 1}),
        "cell": book.add_format({**base, "text_wrap": True, "border": 1}),
        "note": book.add_format({**base, "font_size": 10, "text_wrap": True}),
    }


def _choice_ranges(book: Workbook, form: FormDef) -> dict[str, str]:
    """Choice lists on a hidden sheet, so drop-downs are not bound by Excel's 255-character list limit."""
    if not form.choices:
        return {}
    sheet = book.add_worksheet(_CHOICES_SHEET)
    ranges = {}
    for col, (name, choices) in enumerate(form.choices.items()):
        sheet.write(0, col, name)
        for row, choice in enumerate(choices, start=1):
            sheet.write_string(row, col, choice.value)
        letter = xlsxwriter.utility.xl_col_to_name(col)
        ranges[name] = f"='{_CHOICES_SHEET}'!${letter}$2:${letter}${len(choices) + 1}"
    sheet.hide()
    return ranges


def _validate(sheet: Worksheet, f: FieldDef, first: int, last: int, col: int, ranges: dict[str, str]) -> None:
    if f.type == "choice" and f.choices in ranges:
        # Several domains may be joined with 、, so a value outside the list only informs, never blocks.
        sheet.data_validation(
            first,
            col,
            last,
            col,
            {
                "validate": "list",
                "source": ranges[f.choices],
                "error_type": "information",
                "error_message": f"{f.label}可多选，用顿号“、”分隔",
            },
        )
    elif f.type == "date":
        sheet.data_validation(
            first, col, last, col, {"validate": "any", "input_title": f.label, "input_message": "格式：2022年5月12日"}
        )


def _block(sheet: Worksheet, block: Block, row: int, width: int, fmt: dict, ranges: dict[str, str]) -> int:
    if block.heading:
        sheet.merge_range(row, 0, row, width - 1, block.heading, fmt["heading"])
        row += 1
    for col, header in enumerate(block.headers):
        sheet.write_string(row, col, header, fmt["header"])
    sheet.set_row(row, 32)
    first = row + 1
    for values in block.rows:
        row += 1
        for col, text in enumerate(values):
            sheet.write_string(row, col, text, fmt["cell"]) if text else sheet.write_blank(row, col, None, fmt["cell"])
    for col, f in enumerate(block.fields):
        _validate(sheet, f, first, max(row, first), col, ranges)
    return row + 1


def _record(sheet: Worksheet, paper: PaperForm, row: int, fmt: dict) -> int:
    for line in paper.record_lines:
        if len(line.fields) == 1 and line.fields[0].long:
            sheet.write_string(row, 0, line.fields[0].header, fmt["header"])
            sheet.merge_range(row, 1, row, 3, "", fmt["cell"])
            sheet.set_row(row, 90)
        else:
            for i, f in enumerate(line.fields):
                sheet.write_string(row, 2 * i, f.header, fmt["header"])
                sheet.write_blank(row, 2 * i + 1, None, fmt["cell"])
            sheet.set_row(row, 24)
        row += 1
    return row


def _page_setup(sheet: Worksheet, paper: PaperForm, header_rows: tuple[int, int] | None) -> None:
    sheet.set_paper(9)  # A4
    if paper.landscape:
        sheet.set_landscape()
    sheet.set_margins(left=0.6, right=0.6, top=0.8, bottom=0.8)
    sheet.center_horizontally()
    sheet.fit_to_pages(1, 0)
    if header_rows:
        sheet.repeat_rows(*header_rows)


def _widths(sheet: Worksheet, paper: PaperForm) -> None:
    if paper.record_lines:
        sheet.set_column(0, 0, 16)
        sheet.set_column(1, 1, 30)
        sheet.set_column(2, 2, 16)
        sheet.set_column(3, 3, 30)
        return
    widths = [0.0] * paper.columns
    for block in paper.blocks:
        for col, f in enumerate(block.fields):
            widths[col] = max(widths[col], f.width, len(f.header) * 1.6 if len(block.fields) > 6 else 0)
    for col, w in enumerate(widths):
        sheet.set_column(col, col, w)


def write(form: FormDef, target: Path) -> None:
    paper = layout(form)
    # A form inferred from a district's file may carry its text: never a formula, whatever it starts with.
    book = xlsxwriter.Workbook(str(target), {"strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties(
        {"title": form.title, "subject": form.id, "comments": f"huizong form {form.id} v{form.version}"}
    )
    fmt = _formats(book)
    sheet = book.add_worksheet(form.title[:31])
    ranges = _choice_ranges(book, form)
    sheet.activate()
    width = paper.columns
    sheet.merge_range(0, 0, 0, width - 1, form.title, fmt["title"])
    sheet.set_row(0, 36)
    row = 1
    if paper.meta:
        sheet.merge_range(1, 0, 1, width - 1, meta_line(paper), fmt["meta"])
        row = 2
    header_rows = (row, row) if len(paper.blocks) == 1 else None
    if paper.record_lines:
        row = _record(sheet, paper, row, fmt)
    for block in paper.blocks:
        row = _block(sheet, block, row, width, fmt, ranges)
    for note in paper.notes:
        sheet.merge_range(row, 0, row, width - 1, note, fmt["note"])
        sheet.set_row(row, 36)
        row += 1
    _widths(sheet, paper)
    _page_setup(sheet, paper, header_rows)
    book.close()
