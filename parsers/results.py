"""The JSON contract of `parse` and `merge` (docs/contract.md), as pydantic models."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from forms.issues import Issue

FileStatus = Literal["merged", "superseded", "failed", "unrecognized"]


class Source(BaseModel):
    file: str
    sheet: str
    cell: str


class Record(BaseModel):
    unit: str | None
    section: str | None = None
    values: dict[str, object]
    source: Source
    # Where each value came from, field id -> location; used to annotate returns and place issues.
    cells: dict[str, str] = Field(default_factory=dict, exclude=True)


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
    records: list[Record] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    status: FileStatus = "merged"
    message: str | None = None
    # When the file was last modified (from the file system or the upload time): a tie-breaker between two
    # returns of one unit that give no date.
    modified: datetime | None = Field(default=None, exclude=True)
