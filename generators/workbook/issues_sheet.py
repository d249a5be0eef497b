"""问题清单: every issue, one row each, filterable."""

from __future__ import annotations

from xlsxwriter.workbook import Workbook

from forms.loader import FormRegistry
from generators.workbook.styles import Styles, header_row, print_setup, row_height
from parsers.cells import location_words
from parsers.results import Result

# No issue code: the clerk and the district read the sentence, the location in words and the field's label.
HEADERS = ("级别", "单位", "报表", "文件", "位置", "栏目", "填报内容", "问题说明")
WIDTHS = (6, 12, 22, 36, 24, 14, 24, 60)
SEVERITY = {"error": "错误", "warning": "提示"}


def write_issues_sheet(book: Workbook, styles: Styles, result: Result, registry: FormRegistry) -> None:
    sheet = book.add_worksheet("问题清单")
    sheet.merge_range(0, 0, 0, len(HEADERS) - 1, f"问题清单（共 {len(result.issues)} 条）", styles.title)
    header_row(sheet, styles, 1, HEADERS, WIDTHS)
    titles = {fid: fr.title for fid, fr in result.forms.items()}
    for r, i in enumerate(result.issues, start=2):
        values = (
            SEVERITY[i.severity],
            i.unit or "",
            titles.get(i.form or "", i.form or ""),
            i.file or "",
            location_words(i.location),
            registry.field_label(i.form, i.field),
            i.value or "",
            i.message,
        )
        for col, value in enumerate(values):
            fmt = (styles.error if i.severity == "error" else styles.warning) if col == 0 else styles.text
            sheet.write_string(r, col, value, fmt)
        sheet.set_row(r, row_height(values, WIDTHS))
    sheet.autofilter(1, 0, max(1, len(result.issues) + 1), len(HEADERS) - 1)
    print_setup(sheet, 1)
