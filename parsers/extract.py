"""Shared by the three layouts: building a record from a normalised row, and the key-cell rule."""

from __future__ import annotations

from collections.abc import Mapping

from forms.model import FieldDef, FormDef
from forms.types import is_blank
from parsers.cells import Cell, location
from parsers.model_state import construct
from parsers.normalise import Row
from parsers.results import NO_EXTRA, Record, RowLocations, Source


def key_cell(form: FormDef, fields: tuple[FieldDef, ...], cells: dict[str, Cell]) -> Cell | None:
    """The cell a record is located by (see key_field)."""
    fid = key_field(form, fields, {fid: cell.value for fid, cell in cells.items()})
    return None if fid is None else cells[fid]


def key_field(form: FormDef, fields: tuple[FieldDef, ...], values: Mapping[str, object]) -> str | None:
    """The field a record is located by: the first of `key_order` the row fills, else the first of `values`
    (a row's mapped fields and what they hold, in column order)."""
    for fid in key_order(form, fields):
        if fid in values and not is_blank(values[fid]):
            return fid
    return next(iter(values), None)


def key_order(form: FormDef, fields: tuple[FieldDef, ...]) -> list[str]:
    """The fields that may locate a record, first choice first: its required fields (机构名称, 姓名, 案件名称;
    a matrix's row key before them), then every field in field order."""
    preferred = [f.id for f in fields if f.required]
    if form.rows:
        preferred.insert(0, form.rows.field)
    return [*preferred, *(f.id for f in fields)]


# Every record sets every field, so all records share one "fields set" instead of pydantic building a
# 700-byte set per record (60,000 records in a big merge). pydantic only ever adds names already in it.
_RECORD_FIELDS = set(Record.model_fields) - {"origin_unit"}  # set only in a roll-up
_SOURCE_FIELDS = {"file", "sheet", "cell"}  # `ocr` keeps its default (set by parsers/ocr_marks.py for scans)

Layout = tuple[tuple[str, str, bool], ...]


class _Recent:
    """The layout of the last record built (see RowLocations): the next record of a table almost always has
    the same one, and then shares that tuple instead of building its own."""

    layout: Layout = ()


def record(
    file: str,
    unit: str | None,
    section: str | None,
    row: Row,
    anchor: Cell,
    extra: dict[str, object] | None = None,
    pattern: Layout | None = None,
) -> Record:
    """`pattern`: the table's row_pattern, when every cell of this row and the anchor are the row's own."""
    # Built from values this module already normalised and typed: no need to validate them again
    # (a return can hold thousands of rows).
    source = construct(Source, {"file": file, "sheet": anchor.sheet, "cell": anchor.ref, "ocr": False}, _SOURCE_FIELDS)
    ref = anchor.ref
    fields = {
        "unit": unit,
        "section": section,
        "values": row.values,
        "source": source,
        "extra": NO_EXTRA if extra is None else extra,
        "cells": locations(row.cells, anchor)
        if pattern is None
        else RowLocations(anchor.sheet, ref[len(ref.rstrip("0123456789")) :], pattern),
        "origin_unit": None,
    }
    return construct(Record, fields, _RECORD_FIELDS)


def row_pattern(cells: dict[str, Cell], anchor: Cell) -> Layout | None:
    """The locations of a spreadsheet row's cells as column letters, when every cell (and the anchor) is the
    row's own — not a merged range's — on the anchor's sheet and row; else None.

    Every such row under one header has the same pattern (the columns do not move), so a table reader builds it
    once and hands it to `record` for each plain row, instead of checking each cell's location row by row.
    """
    ref = anchor.ref
    digits = ref[len(ref.rstrip("0123456789")) :]
    if anchor.merged or not (digits and ref[:1].isascii() and ref[:1].isalpha()):
        return None
    layout = tuple((fid, *_piece(c, anchor.sheet, digits)) for fid, c in cells.items())
    plain = all(on_row for _fid, _piece_, on_row in layout) and not any(c.merged for c in cells.values())
    return layout if plain else None


def locations(cells: dict[str, Cell], anchor: Cell) -> Mapping[str, str]:
    """field id -> location of each cell: RowLocations when the anchor has an A1 ref (a spreadsheet), else a
    dict (Word and PDF refs)."""
    ref = anchor.ref
    digits = ref[len(ref.rstrip("0123456789")) :]
    if not (digits and ref[:1].isascii() and ref[:1].isalpha()):
        return {fid: location(c.sheet, c.ref) for fid, c in cells.items()}
    sheet, layout = anchor.sheet, _Recent.layout  # read once: another thread may replace it meanwhile
    if not _fits(layout, cells, sheet, digits):
        layout = tuple((fid, *_piece(c, sheet, digits)) for fid, c in cells.items())
        _Recent.layout = layout
    return RowLocations(sheet, digits, layout)


def _fits(layout: Layout, cells: dict[str, Cell], sheet: str, digits: str) -> bool:
    """Whether `layout` gives exactly the locations of these cells on this sheet and row."""
    if len(layout) != len(cells):
        return False
    for (fid, cell), (known, piece, on_row) in zip(cells.items(), layout, strict=True):
        if fid != known:
            return False
        if on_row:
            if cell.ref != piece + digits or cell.sheet != sheet:
                return False
        elif location(cell.sheet, cell.ref) != piece:
            return False
    return True


def _piece(cell: Cell, sheet: str, digits: str) -> tuple[str, bool]:
    """(letters, True) when the cell's location is `{sheet}!{letters}{digits}`, else (its location, False)."""
    ref = cell.ref
    a1 = ref[:1].isascii() and ref[:1].isalpha()  # location() joins these with "!"
    if a1 and cell.sheet == sheet and len(ref) > len(digits) and ref.endswith(digits):
        return ref[: -len(digits)], True
    return location(cell.sheet, ref), False
