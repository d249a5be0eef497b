"""CSV and tab-separated text, as some systems export "xls" files: one Table "Sheet1", Excel-style refs
(the clerk opens it in Excel and sees exactly these addresses)."""

from __future__ import annotations

import csv
import io

from forms.errors import UnreadableFile
from parsers.cells import Document, Table
from parsers.readers import _messages as msg
from parsers.readers.grid import A1, build
from parsers.readers.limits import MAX_CELLS
from parsers.readers.sniff import decode_text

_DELIMITERS = ("\t", ",", ";", "|")
_SAMPLE_LINES = 20


def read_delimited(data: bytes, name: str) -> Document:
    text = decode_text(data)
    delimiter = _delimiter(text)
    rows: list[list[str]] = []
    positions = 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(row)
            positions += max(len(row), 1)
            # A line of fifty million commas is fifty million cells: count before building any.
            if positions > MAX_CELLS:
                raise msg.table_too_large("Sheet1", positions, MAX_CELLS)
    except csv.Error as exc:  # e.g. a field over csv's size limit
        raise UnreadableFile(msg.DAMAGED) from exc
    while rows and not any(field.strip() for field in rows[-1]):
        rows.pop()
    width = max((len(row) for row in rows), default=0)
    if len(rows) * width > MAX_CELLS:
        raise msg.table_too_large("Sheet1", len(rows) * width, MAX_CELLS)
    tables = [Table(name="Sheet1", rows=build(rows, {}, "Sheet1", A1()))] if rows else []
    return Document(name=name, kind="xls", tables=tables, text=[])


def _delimiter(text: str) -> str:
    """The separator present on the most of the first lines (a title line has none; a tab on every line
    beats a comma inside a few names), ties going to the more frequent one."""
    lines = text[:65_536].splitlines()[:_SAMPLE_LINES]
    scores = {d: (sum(d in line for line in lines), sum(line.count(d) for line in lines)) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: scores[d])
    return best if scores[best][0] else ","
