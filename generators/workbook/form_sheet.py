"""One form's sheet in its paper layout, with a 填报单位 column; matrix forms get subtotals and a total."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from itertools import groupby
from operator import itemgetter

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from forms.model import FieldDef, FormDef
from generators.workbook.rows import RowWriter
from generators.workbook.styles import Styles, print_setup
from parsers.results import FLAT_EXTRA, FLAT_ORIGIN, FLAT_UNIT, FLAT_VALUES, Flat, FormResult
from parsers.spill import Outline, flats, outline

UNIT_HEADER = "填报单位"
ORIGIN_HEADER = "来源单位"  # in a roll-up, the district that first reported the record (Record.origin_unit)


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


def unit_headers(shape: Outline) -> list[str]:
    """填报单位, and 来源单位 after it when any record came up in a roll-up."""
    return [UNIT_HEADER, *([ORIGIN_HEADER] if shape.origin else [])]


def _header(
    sheet: Worksheet, row: int, fields: list[FieldDef], extras: list[str], styles: Styles, lead: list[str]
) -> None:
    for col, label in enumerate(lead):
        sheet.write_string(row, col, label, styles.header)
    for col, f in enumerate(fields, start=len(lead)):
        sheet.write_string(row, col, f.header, styles.header)
    # Columns no field names, kept as the districts wrote them, to the right of the form's own columns.
    for col, label in enumerate(extras, start=len(fields) + len(lead)):
        sheet.write_string(row, col, label, styles.header)
    sheet.set_row(row, 30)


def _rows(sheet: Worksheet, fields: list[FieldDef], extras: list[str], styles: Styles, lead: int = 1) -> RowWriter:
    return RowWriter(sheet, styles, [*[False] * lead, *(f.type == "decimal" for f in fields), *(False for _ in extras)])


def _record_row(
    rows: RowWriter, row: int, rec: Flat, fields: list[FieldDef], extras: list[str], origin: bool = False
) -> None:
    values: dict[str, object] = rec[FLAT_VALUES]  # type: ignore[assignment]
    lead = [rec[FLAT_UNIT] or "（未知单位）", *([rec[FLAT_ORIGIN] or ""] if origin else [])]
    cells = [*lead, *[values.get(f.id) for f in fields]]
    if extras:
        kept: dict[str, object] = rec[FLAT_EXTRA] or {}  # type: ignore[assignment]
        cells.extend(kept.get(label) for label in extras)
    rows.write(row, cells)


def _add(sums: list[Decimal], rec: Flat, fields: list[FieldDef]) -> None:
    """Add a record's numbers to running column sums (in record order: the totals match the JSON's exactly)."""
    values: dict[str, object] = rec[FLAT_VALUES]  # type: ignore[assignment]
    for i, f in enumerate(fields):
        if isinstance(v := values.get(f.id), int | float):
            sums[i] += Decimal(str(v))


def _sum_row(
    sheet: Worksheet,
    row: int,
    label: str,
    sums: list[Decimal],
    fields: list[FieldDef],
    fmt: tuple[object, object],
    lead: int = 1,
) -> None:
    sheet.write_string(row, 0, label, fmt[0])
    for col in range(1, lead):
        sheet.write_string(row, col, "", fmt[0])
    # The row label's own column says 小计/合计 too: read back (a roll-up), the row is a subtotal, not data.
    sheet.write_string(row, lead, "合计" if label == "合计" else "小计", fmt[0])
    for col, (f, total) in enumerate(zip(fields[1:], sums, strict=True), start=lead + 1):
        sheet.write_number(row, col, float(total), fmt[1] if f.type == "decimal" else fmt[0])


def _by_unit(records: Iterable[Flat], shape: Outline) -> Iterable[tuple[str | None, Iterable[Flat]]]:
    """Each unit's records, units in order of first appearance. A unit's records normally come in one run (a
    unit has one winning return) and are streamed; otherwise they are gathered first."""
    if shape.units_contiguous:
        return groupby(records, key=itemgetter(FLAT_UNIT))  # type: ignore[arg-type]
    gathered: dict[str | None, list[Flat]] = {}
    for rec in records:
        gathered.setdefault(rec[FLAT_UNIT], []).append(rec)  # type: ignore[arg-type]
    return gathered.items()


def _matrix(
    sheet: Worksheet,
    row: int,
    result: FormResult,
    shape: Outline,
    fields: list[FieldDef],
    extras: list[str],
    styles: Styles,
) -> int:
    lead = len(unit_headers(shape))
    rows = _rows(sheet, fields, extras, styles, lead)
    subtotal, total = (styles.subtotal, styles.subtotal_decimal), (styles.total, styles.total_decimal)
    summed = fields[1:]
    grand = [Decimal(0)] * len(summed)
    for unit, records in _by_unit(flats(result.records), shape):
        sums = [Decimal(0)] * len(summed)
        for rec in records:
            _record_row(rows, row, rec, fields, extras, lead > 1)
            row += 1
            _add(sums, rec, summed)
            if shape.units_contiguous:  # the units' runs are the records' order
                _add(grand, rec, summed)
        _sum_row(sheet, row, f"{unit or '未知单位'} 小计", sums, fields, subtotal, lead)
        row += 1
    if not shape.units_contiguous:
        for rec in flats(result.records):
            _add(grand, rec, summed)
    _sum_row(sheet, row, "合计", grand, fields, total, lead)
    return row + 1


def _listing(
    sheet: Worksheet,
    row: int,
    form: FormDef,
    result: FormResult,
    shape: Outline,
    fields: list[FieldDef],
    extras: list[str],
    styles: Styles,
) -> int:
    sections = form.sections or (None,)
    origin = shape.origin
    rows = _rows(sheet, fields, extras, styles, 1 + origin)
    last = len(fields) + len(extras) + origin
    for section in sections:
        key = section.key if section else None
        if section is not None:
            count = shape.sections.get(key, 0)
            sheet.merge_range(row, 0, row, last, f"{section.heading}（{count}条）", styles.heading)
            row += 1
        for rec in flats(result.records, key):
            _record_row(rows, row, rec, fields, extras, origin)
            row += 1
    return row


def write_form_sheet(book: Workbook, styles: Styles, form: FormDef, result: FormResult) -> None:
    used = {ws.get_name() for ws in book.worksheets()}
    sheet = book.add_worksheet(_sheet_name(form.title, used))
    fields = _columns(form)
    # What must be known before the first row (records may be read back from disk as they are written).
    shape = outline(result.records)
    extras = list(shape.extras)
    lead = unit_headers(shape)  # a matrix's subtotals stay per 填报单位 (in a roll-up, per city)
    width = len(fields) + len(extras) + len(lead)
    sheet.merge_range(0, 0, 0, width - 1, f"{form.title}（汇总）", styles.title)
    sheet.set_row(0, 30)
    reported, missing = len(result.units_reported), len(result.missing_units)
    summary = f"已报 {reported} 个单位，共 {len(result.records)} 条记录"
    if result.units_expected:
        summary += f"；应报 {len(result.units_expected)} 个，缺报 {missing} 个" + (
            f"（{'、'.join(result.missing_units)}）" if missing else ""
        )
    sheet.merge_range(1, 0, 1, width - 1, summary, styles.note)
    _header(sheet, 2, fields, extras, styles, lead)
    if form.layout == "matrix":
        _matrix(sheet, 3, result, shape, fields, extras, styles)
    else:
        _listing(sheet, 3, form, result, shape, fields, extras, styles)
    sheet.set_column(0, len(lead) - 1, 12)
    for col, f in enumerate(fields, start=len(lead)):
        sheet.set_column(col, col, min(max(f.width, len(f.header) * 1.8 if form.layout == "matrix" else 0), 60))
    for col, label in enumerate(extras, start=len(fields) + len(lead)):
        sheet.set_column(col, col, min(max(12, len(label) * 1.8), 40))
    sheet.autofilter(2, 0, 2, width - 1)
    print_setup(sheet, 2)
