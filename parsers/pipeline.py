"""One returned file -> a `Return`: read, recognise, choose the form's tables, find meta and unit, extract,
normalise, validate."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from forms.errors import UnreadableFile
from forms.issues import Issue, issue
from forms.loader import FormRegistry
from forms.model import FormDef
from forms.types import normalise
from parsers import explain, listing, matrix, meta, ocr_marks, ocr_snap, placement, record_form, tables, units, validate
from parsers import normalise as norm
from parsers.cells import Document
from parsers.recognise import Evidence, Guess, guesses, judge, pick
from parsers.results import Return
from parsers.selection import Selection, belongs_to, on_named_sheet, select

_EXTRACTORS = {"list": listing.extract, "matrix": matrix.extract, "record": record_form.extract}
_META_ROWS = 12  # meta lines sit in the first and last rows of a sheet


@dataclass(slots=True)
class Parsed:
    """A return and how it was read: the forms weighed, the tables chosen and left out, the headers used."""

    ret: Return
    ranked: list[Guess] = field(default_factory=list)
    selection: Selection | None = None
    used: list[listing.Used] = field(default_factory=list)
    unit_from: str | None = None  # 表头 / 标题 / 文件名 / 表内


def read_meta(doc: Document, form: FormDef) -> dict[str, str]:
    """Raw meta values: free text first (Word paragraphs, PDF lines), then the top and bottom rows of tables."""
    found = meta.scan_text([*doc.text, *(b for t in doc.tables for b in t.before)], form.meta)
    for table in doc.tables:
        edge = table.rows[:_META_ROWS] + table.rows[-_META_ROWS:]
        for fid, value in meta.scan_cells(edge, form.meta).items():
            found.setdefault(fid, value)
    return found


def _unit(doc: Document, form: FormDef, raw: dict[str, str], expected: list[str] | None) -> tuple[str | None, str]:
    """The unit as written and where it came from: a meta line with a value, a title prefix, the file name."""
    if raw.get("unit") and units.usable(raw["unit"]):
        return raw["unit"], "表头"
    titled = [
        t
        for t in (*doc.text, *(c.text for tb in doc.tables for row in tb.rows[:3] for c in row))
        if any(title in t for title in form.titles)
    ]
    for text in titled:
        found = units.from_text(text, form.titles, expected)
        if found:
            return found, "标题"
    return units.from_filename(doc.name, form.titles, expected), "文件名"


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
    return parse_explained(doc, registry, form_id=form_id, expected_units=expected_units, today=today).ret


def parse_explained(
    doc: Document,
    registry: FormRegistry,
    *,
    form_id: str | None = None,
    expected_units: list[str] | None = None,
    today: date | None = None,
) -> Parsed:
    """`parse_document`, keeping how the file was read for the clerk's summary and `--explain`."""
    ranked: list[Guess] = []
    if doc.scanned is not None:
        doc = ocr_snap.snap(doc, [registry.get(form_id)] if form_id else registry)
    if form_id:
        form = registry.get(form_id)
        # One table (a W1 return) leaves nothing to choose: it is read whatever it says.
        per_table = [row[0] for row in judge(doc, [form])] if len(doc.tables) > 1 else []
    else:
        ranked = guesses(doc, registry)
        guess = pick(ranked)
        if guess is None:
            return Parsed(_unrecognised(doc, ranked), ranked)
        form, per_table = guess.form, list(guess.evidence)
    placed_doc, placed = placement.on_sheet(doc, form)
    if placed_doc is not doc:  # the form names the sheet its table is on
        selection = on_named_sheet(doc, [t for t in placed_doc.tables], form)
    elif per_table or not form_id:
        selection = select(doc, form, per_table)
    else:
        selection = Selection((0,) if doc.tables else (), ())
    view = Document(doc.name, doc.kind, [doc.tables[i] for i in selection.chosen], doc.text)
    raw = read_meta(view, form)
    ctx = norm.Context(form, doc.name, None, today or date.today())
    found = _EXTRACTORS[form.layout](view, form, ctx)
    found.issues[:0] = placed
    found.issues.extend(_left_out(doc, form, selection, ranked or guesses(_only(doc, selection), registry), ctx))
    raw_unit, unit_from = _unit(view, form, raw, expected_units)
    if raw_unit is None and "unit" in {f.id for f in form.fields}:
        raw_unit = next((str(r.values["unit"]) for r in found.records if r.values.get("unit")), None)
        unit_from = "表内"
    ret = ocr_marks.mark(_finish(doc, form, raw, raw_unit, found, ctx, expected_units), doc, form, expected_units)
    return Parsed(ret, ranked, selection, found.used, unit_from if ret.unit else None)


def _only(doc: Document, selection: Selection) -> Document:
    """The tables left out, alone (to judge what they are when the form was given, not recognised)."""
    keep = {ex.table for ex in selection.excluded}
    return Document(doc.name, doc.kind, [t for i, t in enumerate(doc.tables) if i in keep], [])


def _left_out(
    doc: Document, form: FormDef, selection: Selection, ranked: list[Guess], ctx: norm.Context
) -> list[Issue]:
    """One `unrecognized-table` per table of the file that is not the form's, saying where it belongs."""
    if not selection.excluded:
        return []
    per_table: dict[str, list[Evidence]] = {}
    for g in ranked:
        for e in g.evidence:
            per_table.setdefault(e.table_name, []).append(e)
    out = []
    for ex in selection.excluded:
        table = doc.tables[ex.table]
        at, where = tables.whole(table)
        other = belongs_to(per_table.get(table.name, []), form)
        hint = f"（它是“{other.title}”的表格，请单独报送）" if other is not None else ex.why
        out.append(norm.table_issue(ctx, at, where, hint))
    return out


def _unrecognised(doc: Document, ranked: list[Guess]) -> Return:
    reason = explain.not_recognised(ranked)
    return Return(
        path=doc.name,
        form=None,
        unit=None,
        status="unrecognized",
        message=reason,
        issues=[issue("form-unrecognized", file=doc.name, reason=reason)],
    )


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
