"""Records as CSV for other tools: UTF-8 with BOM (Excel opens it right), one column per field label."""

from __future__ import annotations

import csv
import io

from forms.model import FormDef
from parsers.results import Record

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A district's text never runs as a formula when the CSV is opened in Excel (CWE-1236)."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def records_csv(form: FormDef, records: list[Record]) -> bytes:
    fields = list(form.fields)
    headings = {s.key: s.heading for s in form.sections}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["填报单位", *(["分组"] if form.sections else []), *(f.header for f in fields)])
    for rec in records:
        section = [headings.get(rec.section or "", "")] if form.sections else []
        writer.writerow([safe_cell(rec.unit), *section, *(safe_cell(rec.values.get(f.id)) for f in fields)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
