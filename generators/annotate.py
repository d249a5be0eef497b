"""A district's own return with every problem cell highlighted and commented — sent back with 请修改后重新报送.

An xlsx keeps its own formatting (openpyxl edits it in place); any other format (xls, docx, PDF) is laid out
as a workbook from the cells the parser read, one sheet per table, so the comments sit on the same values.
"""

from __future__ import annotations

from collections import defaultdict
from io import BytesIO
from pathlib import PurePath

from forms.issues import Issue
from forms.loader import FormRegistry
from parsers.cells import Document, location_words
from parsers.results import Return

_FILL = {"error": "F8CBAD", "warning": "FFE699"}
_SEVERITY = {"error": "错误", "warning": "提示"}
_AUTHOR = "huizong"
ISSUES_SHEET = "问题清单"


def annotated_name(name: str) -> str:
    return f"{PurePath(name).stem}（问题标注）.xlsx"


def _by_location(issues: list[Issue]) -> dict[str, list[Issue]]:
    found: dict[str, list[Issue]] = defaultdict(list)
    for i in issues:
        if i.location:
            found[i.location].append(i)
    return found


def _comment_text(issues: list[Issue]) -> str:
    return "\n".join(f"【{_SEVERITY[i.severity]}】{i.message}" for i in issues)


def _worst(issues: list[Issue]) -> str:
    return "error" if any(i.severity == "error" for i in issues) else "warning"


def _issues_sheet(book, ret: Return, registry: FormRegistry | None) -> None:
    """The list the district reads first: location in words and the field's label, as on the clerk's page."""
    from openpyxl.styles import Font

    sheet = book.create_sheet(ISSUES_SHEET, 0)
    _append_text(sheet, ["级别", "位置", "栏目", "填报内容", "问题说明"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i in ret.issues:
        label = registry.field_label(ret.form, i.field) if registry else (i.field or "")
        _append_text(sheet, [_SEVERITY[i.severity], location_words(i.location), label, i.value or "", i.message])
    for col, width in zip("ABCDE", (6, 26, 14, 24, 70), strict=True):
        sheet.column_dimensions[col].width = width
    book.active = 0


def _append_text(sheet, values: list[str]) -> None:
    """A row of text. openpyxl's append makes a string starting with = a live formula (`<f>`): a district's
    `=cmd|' /C calc'!A0` would run in the file we send back. Text cells are typed as text instead."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _mark(cell, issues: list[Issue]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    colour = _FILL[_worst(issues)]
    cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
    comment = Comment(_comment_text(issues), _AUTHOR)
    comment.width, comment.height = 320, 120
    cell.comment = comment


def _annotate_xlsx(original: bytes, ret: Return, registry: FormRegistry | None) -> bytes:
    from openpyxl import load_workbook

    book = load_workbook(BytesIO(original))
    for loc, issues in _by_location(ret.issues).items():
        sheet, _, ref = loc.rpartition("!")
        if sheet in book.sheetnames:
            _mark(book[sheet][ref], issues)
    _issues_sheet(book, ret, registry)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _annotate_grid(doc: Document, ret: Return, registry: FormRegistry | None) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    where: dict[str, object] = {}
    for table in doc.tables:
        sheet = book.create_sheet(
            table.name[:31] if table.name not in book.sheetnames else f"{table.name[:28]}_{len(book.sheetnames)}"
        )
        for r, row in enumerate(table.rows, start=1):
            for c, cell in enumerate(row, start=1):
                target = sheet.cell(r, c)
                if cell.text:
                    target.value = cell.text
                    target.data_type = "s"  # text stays text: a value starting with = must not become a formula
                where.setdefault(cell.location, target)
    for loc, issues in _by_location(ret.issues).items():
        if loc in where:
            _mark(where[loc], issues)
    _issues_sheet(book, ret, registry)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def annotate(
    original: bytes, name: str, ret: Return, doc: Document | None = None, registry: FormRegistry | None = None
) -> tuple[bytes, str]:
    """The annotated workbook's bytes and file name. `doc` is the parser's view of the same bytes (read again
    when not given); `registry` gives the fields' labels for the 问题清单."""
    if doc is None:
        from parsers.readers import read

        doc = read(original, name)
    data = (
        _annotate_xlsx(original, ret, registry)
        if doc.kind == "xlsx" and original[:2] == b"PK"
        else _annotate_grid(doc, ret, registry)
    )
    return data, annotated_name(name)
