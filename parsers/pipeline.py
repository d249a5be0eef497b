"""One returned file -> a `Return`: read, recognise, find meta and unit, extract, normalise, validate."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import IO

from forms.errors import UnreadableFile
from forms.issues import Issue, issue
from forms.loader import FormRegistry
from forms.model import FormDef
from forms.types import normalise
from parsers import listing, matrix, meta, placement, record_form, units, validate
from parsers import normalise as norm
from parsers.cells import Document
from parsers.recognise import recognise
from parsers.results import Return

_EXTRACTORS = {"list": listing.extract, "matrix": matrix.extract, "record": record_form.extract}
_META_ROWS = 12  # meta lines sit in the first and last rows of a sheet


def read_meta(doc: Document, form: FormDef) -> dict[str, str]:
    """Raw meta values: free text first (Word paragraphs, PDF lines), then the top and bottom rows of tables."""
    found = meta.scan_text([*doc.text, *(b for t in doc.tables for b in t.before)], form.meta)
    for table in doc.tables:
        edge = table.rows[:_META_ROWS] + table.rows[-_META_ROWS:]
        for fid, value in meta.scan_cells(edge, form.meta).items():
            found.setdefault(fid, value)
    return found


def _unit(doc: Document, form: FormDef, raw: dict[str, str], expected: list[str] | None) -> str | None:
    if raw.get("unit"):
        return raw["unit"]
    titled = [
        t
        for t in (*doc.text, *(c.text for tb in doc.tables for row in tb.rows[:3] for c in row))
        if any(title in t for title in form.titles)
    ]
    for text in titled:
        found = units.from_text(text, form.titles, expected)
        if found:
            return found
    return units.from_filename(doc.name, form.titles, expected)


def _meta_values(form: FormDef, raw: dict[str, str], ctx: norm.Context) -> tuple[dict[str, object], list[Issue]]:
    values: dict[str, object] = {}
    issues: list[Issue] = []
    for f in form.meta:
        if f.id not in raw:
            continue
        result = normalise(raw[f.id], f)
        values[f.id] = result.value
        if result.code and f.id != "unit":
            issues.append(ctx.issue(result.code, None, f, raw[f.id], hint=result.hint))
    return values, issues


def parse_document(
    doc: Document,
    registry: FormRegistry,
    *,
    form_id: str | None = None,
    expected_units: list[str] | None = None,
    today: date | None = None,
) -> Return:
    if form_id:
        form = registry.get(form_id)
    else:
        guess = recognise(doc, registry)
        if guess is None:
            reason = "文件中没有找到任何已知报表的标题和表头"
            return Return(
                path=doc.name,
                form=None,
                unit=None,
                status="unrecognized",
                message=reason,
                issues=[issue("form-unrecognized", file=doc.name, reason=reason)],
            )
        form = guess.form
    doc, placed = placement.on_sheet(doc, form)
    raw = read_meta(doc, form)
    ctx = norm.Context(form, doc.name, None, today or date.today())
    found = _EXTRACTORS[form.layout](doc, form, ctx)
    found.issues[:0] = placed
    raw_unit = _unit(doc, form, raw, expected_units)
    if raw_unit is None and "unit" in {f.id for f in form.fields}:
        raw_unit = next((str(r.values["unit"]) for r in found.records if r.values.get("unit")), None)
    return _finish(doc, form, raw, raw_unit, found, ctx, expected_units)


def _finish(
    doc: Document,
    form: FormDef,
    raw: dict[str, str],
    raw_unit: str | None,
    found: listing.Found,
    ctx: norm.Context,
    expected: list[str] | None,
) -> Return:
    issues: list[Issue] = []
    unit = None
    if raw_unit:
        unit, known = units.match(raw_unit, expected)
        if not known:
            issues.append(issue("unit-unknown", form=form.id, unit=unit, file=doc.name, field="unit", value=raw_unit))
    else:
        issues.append(issue("unit-missing", form=form.id, file=doc.name, field="unit"))
    ctx.unit = unit
    # meta keeps the unit as the district wrote it; the return's `unit` is the canonical name.
    meta_values, meta_issues = _meta_values(form, raw, ctx)
    records = found.records
    for rec in records:
        rec.unit = unit
    data_issues = [i.model_copy(update={"unit": unit}) for i in (*found.issues, *meta_issues)]
    data_issues += validate.check(form, records, doc.name)
    if not records:
        data_issues.append(issue("no-records", form=form.id, unit=unit, file=doc.name))
    return Return(
        path=doc.name, form=form.id, unit=unit, meta=meta_values, records=records, issues=[*issues, *data_issues]
    )


def failed(name: str, reason: str, registry: FormRegistry, expected: list[str] | None) -> Return:
    # The file name may still say whose it is (乌审旗检验检测机构基本情况汇总表.xlsx): the board shows the unit
    # as having sent a damaged file rather than nothing — but only when the name is one of the expected units.
    titles = tuple(t for f in registry for t in f.titles)
    unit = units.from_filename(name, titles, expected) if expected else None
    unit = unit if unit in (expected or ()) else None
    return Return(
        path=name,
        form=None,
        unit=unit,
        status="failed",
        message=reason,
        issues=[issue("file-unreadable", unit=unit, file=name, reason=reason)],
    )


def parse_file(
    source: Path | bytes | IO[bytes],
    name: str,
    registry: FormRegistry,
    *,
    form_id: str | None = None,
    units: list[str] | None = None,
    today: date | None = None,
) -> Return:
    """Parse one returned file. Never raises for a bad file: it comes back `failed` with its issue."""
    from parsers.readers import read

    try:
        doc = read(source, name)
    except UnreadableFile as exc:
        return failed(name, str(exc), registry, units)
    return parse_document(doc, registry, form_id=form_id, expected_units=units, today=today)
