"""One form's sheet in its paper layout, with a 填报单位 column; matrix forms get subtotals and a total."""

from __future__ import annotations

from decimal import Decimal

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from forms.model import FieldDef, FormDef
from generators.workbook.rows import RowWriter
from generators.workbook.styles import Styles, print_setup
from parsers.results import FormResult, Record

UNIT_HEADER = "填报单位"


def _sheet_name(title: str, used: set[str]) -> str:
    name = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "Sheet"
    while name in used:
        name = name[:29] + f"{len(used)}"
    used.add(name)
    return name


def _columns(form: FormDef) -> list[FieldDef]:
    """Every field that appears in any section, in definition order (sections share one header)."""
    if form.layout == "matrix" and form.rows:
        return [form.field(form.rows.field), *form.value_fields]
    return list(form.fields)


def _header(sheet: Worksheet, row: int, fields: list[FieldDef], styles: Styles) -> None:
    sheet.write_string(row, 0, UNIT_HEADER, styles.header)
    for col, f in enumerate(fields, start=1):
        sheet.write_string(row, col, f.header, styles.header)
    sheet.set_row(row, 30)


def _rows(sheet: Worksheet, fields: list[FieldDef], styles: Styles) -> RowWriter:
    return RowWriter(sheet, styles, [False, *(f.type == "decimal" for f in fields)])


def _record_row(rows: RowWriter, row: int, rec: Record, fields: list[FieldDef]) -> None:
    values = rec.values
    rows.write(row, [rec.unit or "（未知单位）", *[values.get(f.id) for f in fields]])


def _sum_row(
    sheet: Worksheet, row: int, label: str, records: list[Record], fields: list[FieldDef], fmt: tuple[object, object]
) -> None:
    sheet.write_string(row, 0, label, fmt[0])
    sheet.write_string(row, 1, "", fmt[0])
    for col, f in enumerate(fields[1:], start=2):
        total = sum((Decimal(str(v)) for r in records if isinstance(v := r.values.get(f.id), int | float)), Decimal(0))
        sheet.write_number(row, col, float(total), fmt[1] if f.type == "decimal" else fmt[0])


def _matrix(sheet: Worksheet, row: int, result: FormResult, fields: list[FieldDef], styles: Styles) -> int:
    by_unit: dict[str | None, list[Record]] = {}
    for rec in result.records:
        by_unit.setdefault(rec.unit, []).append(rec)
    rows = _rows(sheet, fields, styles)
    for unit, records in by_unit.items():
        for rec in records:
            _record_row(rows, row, rec, fields)
            row += 1
        _sum_row(sheet, row, f"{unit or '未知单位'} 小计", records, fields, (styles.subtotal, styles.subtotal_decimal))
        row += 1
    _sum_row(sheet, row, "合计", result.records, fields, (styles.total, styles.total_decimal))
    return row + 1


def _listing(
    sheet: Worksheet, row: int, form: FormDef, result: FormResult, fields: list[FieldDef], styles: Styles
) -> int:
    sections = form.sections or (None,)
    rows = _rows(sheet, fields, styles)
    for section in sections:
        key = section.key if section else None
        records = [r for r in result.records if r.section == key]
        if section is not None:
            sheet.merge_range(row, 0, row, len(fields), f"{section.heading}（{len(records)}条）", styles.heading)
            row += 1
        for rec in records:
            _record_row(rows, row, rec, fields)
            row += 1
    return row


def write_form_sheet(book: Workbook, styles: Styles, form: FormDef, result: FormResult) -> None:
    used = {ws.get_name() for ws in book.worksheets()}
    sheet = book.add_worksheet(_sheet_name(form.title, used))
    fields = _columns(form)
    width = len(fields) + 1
    sheet.merge_range(0, 0, 0, width - 1, f"{form.title}（汇总）", styles.title)
    sheet.set_row(0, 30)
    reported, missing = len(result.units_reported), len(result.missing_units)
    summary = f"已报 {reported} 个单位，共 {len(result.records)} 条记录"
    if result.units_expected:
        summary += f"；应报 {len(result.units_expected)} 个，缺报 {missing} 个" + (
            f"（{'、'.join(result.missing_units)}）" if missing else ""
        )
    sheet.merge_range(1, 0, 1, width - 1, summary, styles.note)
    _header(sheet, 2, fields, styles)
    if form.layout == "matrix":
        _matrix(sheet, 3, result, fields, styles)
    else:
        _listing(sheet, 3, form, result, fields, styles)
    sheet.set_column(0, 0, 12)
    for col, f in enumerate(fields, start=1):
        sheet.set_column(col, col, min(max(f.width, len(f.header) * 1.8 if form.layout == "matrix" else 0), 60))
    sheet.autofilter(2, 0, 2, width - 1)
    print_setup(sheet, 2)
