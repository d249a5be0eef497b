"""The JSON of `merge` (docs/json.md) written a record at a time.

The text is exactly `json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2, default=str)`, but
a form's records are dumped one by one as they are read back (parsers.spill), never as one list of dicts: a
merge of 200,000 records would otherwise hold them twice more, as dicts and as one string.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Sequence

from parsers.results import FormResult, Record, Result

# Where a form's records sit in the document: root → "forms" → form id → "records" → each record.
_RECORD_INDENT = "\n" + " " * 8
_CLOSE_INDENT = "\n" + " " * 6


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def _records(records: Sequence[Record]) -> Iterator[str]:
    """The records' JSON array, as json.dumps indents it at its depth (a text's line breaks are escaped, so
    every newline of a record's own dump is one of its structure)."""
    if not len(records):
        yield "[]"
        return
    sep = "[" + _RECORD_INDENT
    for rec in records:
        yield sep + _dumps(rec.model_dump(mode="json")).replace("\n", _RECORD_INDENT)
        sep = "," + _RECORD_INDENT
    yield _CLOSE_INDENT + "]"


def result_json(result: Result) -> Iterator[str]:
    """The pieces of the result's JSON text, in order (no final newline)."""
    # Each form's records are left out of the skeleton and marked by a string no district can have written.
    marks = {fid: f"\x00records-{uuid.uuid4().hex}" for fid in result.forms}
    skeleton = result.model_dump(mode="json", exclude={"forms": {fid: {"records"} for fid in result.forms}})
    for fid, dumped in skeleton["forms"].items():
        skeleton["forms"][fid] = {
            name: marks[fid] if name == "records" else dumped[name] for name in FormResult.model_fields
        }
    text = _dumps(skeleton)
    for fid, mark in marks.items():
        before, text = text.split(_dumps(mark), 1)
        yield before
        yield from _records(result.forms[fid].records)
    yield text
