"""The JSON of `parse` and `merge` (docs/json.md), as pydantic models."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Literal

from pydantic import BaseModel, Field

from forms.issues import Issue
from parsers.model_state import construct

FileStatus = Literal["merged", "superseded", "failed", "unrecognized"]


def _false(value: bool) -> bool:
    return not value


class Source(BaseModel):
    file: str
    sheet: str
    cell: str
    # Read by OCR from a scan or photo (docs/ocr.md): in the JSON only when true.
    ocr: bool = Field(default=False, exclude_if=_false)


class RowLocations(Mapping[str, str]):
    """`Record.cells` of a record read from one spreadsheet row, kept small.

    A dict of six location strings cost ~600 bytes a record — 36 MB in a 60,000-record merge, pickled once
    more from every worker process. Here a record keeps its sheet and row; the layout, (field id, piece,
    on_row) per field, is shared by the records of a table: an on-row piece is column letters and the
    location is `{sheet}!{letters}{row}`; any other piece (a merged cell's origin) is the location itself.
    """

    __slots__ = ("_layout", "_row", "_sheet")

    def __init__(self, sheet: str, row: str, layout: tuple[tuple[str, str, bool], ...]) -> None:
        self._sheet, self._row, self._layout = sheet, row, layout

    def __getitem__(self, field: str) -> str:
        for fid, piece, on_row in self._layout:
            if fid == field:
                return f"{self._sheet}!{piece}{self._row}" if on_row else piece
        raise KeyError(field)

    def __iter__(self) -> Iterator[str]:
        return (fid for fid, _piece, _on_row in self._layout)

    def __len__(self) -> int:
        return len(self._layout)

    def state(self) -> tuple[str, str, tuple[tuple[str, str, bool], ...]]:
        """The arguments that make this mapping again."""
        return self._sheet, self._row, self._layout

    def __reduce__(self) -> tuple[type[RowLocations], tuple[str, str, tuple[tuple[str, str, bool], ...]]]:
        return RowLocations, self.state()

    def __repr__(self) -> str:
        return repr(dict(self))


def _empty(value: Mapping[str, object]) -> bool:
    return not value


def _none(value: object) -> bool:
    return value is None


# The extra of every record that has none: one read-only mapping shared by all, rather than an empty dict
# each (60,000 records in a big merge).
NO_EXTRA: Mapping[str, object] = MappingProxyType({})


class Record(BaseModel):
    unit: str | None
    section: str | None = None
    values: dict[str, object]
    source: Source
    # Columns (or `标签：值` pairs) that map to no field, label -> value as written: nothing a district wrote
    # is dropped; the 汇总表 shows them as extra columns at the right. In the JSON only when there are any
    # (docs/json.md).
    extra: Mapping[str, object] = Field(default_factory=dict, exclude_if=_empty)
    # Where each value came from, field id -> location; used to annotate returns and place issues. A dict, or
    # RowLocations for records the parsers read from a spreadsheet row.
    cells: Mapping[str, str] = Field(default_factory=dict, exclude=True)
    # In a roll-up (a city's 汇总表 sent up as its return), the district that first reported the record; `unit`
    # is then the city. In the JSON only when set (docs/json.md).
    origin_unit: str | None = Field(default=None, exclude_if=_none)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # A flat tuple instead of pydantic's state dicts for the record and its source: worker processes send
        # every record of a batch to the parent (60,000 in a big merge), and this halves the pickling.
        # tests/parsers/test_extract.py checks that it carries every field.
        return unflatten, (flatten(self),)


# A record as plain values (`flatten`): what a merge's spill files hold. Unpickling a list of these calls no
# Python code, where a list of Records calls back for every record and its source — most of the time of
# reading 60,000 records back; the 汇总表 reads the few fields it writes straight from them (spill.flats).
Flat = tuple[object, ...]
FLAT_UNIT, FLAT_SECTION, FLAT_VALUES, FLAT_EXTRA, FLAT_CELLS, FLAT_ORIGIN = range(6)


def flatten(rec: Record) -> Flat:
    """The record as a tuple of plain values, `FLAT_*` its indexes (`unflatten` makes the record again). It lists
    the fields by name: tests/parsers/test_extract.py fails when a new field is not added here."""
    f, source = rec.__dict__, rec.__dict__["source"]
    cells = f["cells"]
    kept = cells.state() if type(cells) is RowLocations else cells
    where = (source.file, source.sheet, source.cell, source.ocr, source.model_fields_set)
    return (
        f["unit"],
        f["section"],
        f["values"],
        f["extra"] or None,
        kept,
        f.get("origin_unit"),
        rec.model_fields_set,
        *where,
    )


def unflatten(flat: Flat) -> Record:
    """The record `flatten` made this tuple of, with the same state (no validation: its values were checked when
    it was first built)."""
    unit, section, values, extra, cells, origin_unit, fields_set, file, sheet, cell, ocr, source_set = flat
    source = construct(Source, {"file": file, "sheet": sheet, "cell": cell, "ocr": ocr}, source_set)  # type: ignore[arg-type]
    fields = {
        "unit": unit,
        "section": section,
        "values": values,
        "source": source,
        "extra": NO_EXTRA if extra is None else extra,
        "cells": RowLocations(*cells) if type(cells) is tuple else cells,  # type: ignore[misc]
        "origin_unit": origin_unit,
    }
    return construct(Record, fields, fields_set)  # type: ignore[arg-type]


class FileReport(BaseModel):
    path: str
    status: FileStatus
    form: str | None = None
    unit: str | None = None
    message: str | None = None
    reported_on: str | None = None
    records: int = 0


class FormResult(BaseModel):
    title: str
    units_expected: list[str] = Field(default_factory=list)
    units_reported: list[str] = Field(default_factory=list)
    missing_units: list[str] = Field(default_factory=list)
    # A list, or in a batch merge the winners' spilled records chained (parsers.spill.Records), assigned without
    # validation: write it with generators.result_json, not model_dump (typed list: pydantic dumps a list ~3×
    # faster than a Sequence).
    records: list[Record] = Field(default_factory=list)
    totals: dict[str, float | int] = Field(default_factory=dict)


class Result(BaseModel):
    forms: dict[str, FormResult] = Field(default_factory=dict)
    files: list[FileReport] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)


class Return(BaseModel):
    """One parsed file: the form it is, whose it is, its meta, its records and its issues."""

    path: str
    form: str | None
    unit: str | None
    meta: dict[str, object] = Field(default_factory=dict)
    # A list, or the worker's parsers.spill.SpilledRecords in a batch merge (parsers.batch): a sequence either way.
    records: list[Record] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    status: FileStatus = "merged"
    message: str | None = None
    # When the file was last modified (from the file system or the upload time): a tie-breaker between two
    # returns of one unit that give no date.
    modified: datetime | None = Field(default=None, exclude=True)
