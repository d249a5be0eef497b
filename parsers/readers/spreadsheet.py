"""xlsx, xlsm, xls, ods and WPS .et workbooks through python-calamine: one Table per visible, non-empty sheet.

Values are kept as calamine gives them (floats for xlsx integers, dates as date/datetime, formulas as their
cached results — nothing is ever evaluated); forms.types normalises later.
"""

from __future__ import annotations

import io

from python_calamine import (
    CalamineError,
    CalamineSheet,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
)

from forms.errors import UnreadableFile
from parsers.cells import Document, Kind, Table
from parsers.readers import _messages as msg
from parsers.readers.grid import A1, build, check_size, covered

Span = tuple[int, int, int, int]


class CalamineFailed(UnreadableFile):
    """calamine could not parse the workbook; for .xls/.et a LibreOffice conversion may still succeed."""

    def __init__(self) -> None:
        super().__init__(msg.DAMAGED)


def read_workbook(data: bytes, name: str, kind: Kind, spans: dict[str, list[Span]] | None = None) -> Document:
    """`spans` gives merged ranges per sheet for formats where calamine has none (ods)."""
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        tables = []
        for meta in book.sheets_metadata:
            # Hidden sheets hold lookup lists and old copies, not what the district filled in.
            if meta.typ != SheetTypeEnum.WorkSheet or meta.visible != SheetVisibleEnum.Visible:
                continue
            table = _table(book.get_sheet_by_name(meta.name), spans)
            if table is not None:
                tables.append(table)
    except PasswordError as exc:
        raise UnreadableFile(msg.ENCRYPTED) from exc
    except (CalamineError, ValueError, OverflowError) as exc:
        raise CalamineFailed() from exc
    except BaseException as exc:
        # A panic inside calamine (a fuzzed .xls: "slice index starts at 4736 but ends at 4672") reaches Python
        # as pyo3's PanicException, a BaseException that no `except Exception` boundary catches.
        if type(exc).__name__ != "PanicException":
            raise
        raise CalamineFailed() from exc
    return Document(name=name, kind=kind, tables=tables, text=[])


def _table(sheet: CalamineSheet, spans: dict[str, list[Span]] | None) -> Table | None:
    if sheet.start is None:
        return None
    row0, col0 = sheet.start
    # Check before to_python: a huge .xls area is already in calamine's memory, not yet in Python's.
    check_size(sheet.name, sheet.height, sheet.width)
    values = sheet.to_python(skip_empty_area=True)
    if not any(v != "" for row in values for v in row):
        return None
    ranges = sheet.merged_cell_ranges
    if ranges is None:
        ranges = [((r0, c0), (r1, c1)) for r0, c0, r1, c1 in (spans or {}).get(sheet.name, [])]
    relative = [(r0 - row0, c0 - col0, r1 - row0, c1 - col0) for (r0, c0), (r1, c1) in ranges]
    origins = covered(relative, len(values), sheet.width)
    return Table(name=sheet.name, rows=build(values, origins, sheet.name, A1(row0, col0)))
