"""The consolidated workbook: one print-ready sheet per form, 报送情况 and 问题清单."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import IO

import xlsxwriter

from forms.loader import FormRegistry
from generators.workbook.form_sheet import write_form_sheet
from generators.workbook.issues_sheet import write_issues_sheet
from generators.workbook.status_sheet import write_status_sheet
from generators.workbook.styles import Styles
from parsers.results import Result


def write_consolidated(
    result: Result, registry: FormRegistry, target: Path | IO[bytes], *, deadline: date | None = None
) -> None:
    """Write the 汇总表. Text from districts is always written as text: a cell that starts with = never runs.

    Rows are written in order and flushed as they go (constant_memory), so a 60,000-row 汇总表 does not sit in
    memory twice.
    """
    book = xlsxwriter.Workbook(
        target if not isinstance(target, Path) else str(target),
        {"strings_to_formulas": False, "strings_to_urls": False, "constant_memory": True},
    )
    styles = Styles(book)
    for form_id, form_result in result.forms.items():
        write_form_sheet(book, styles, registry.get(form_id), form_result)
    write_status_sheet(book, styles, result, deadline)
    write_issues_sheet(book, styles, result, registry)
    book.close()
