"""One row of cells -> one record's normalised values, their source cells, and the issues found."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from forms.issues import Issue, issue
from forms.model import FieldDef, FormDef
from forms.types import Result, is_blank, normalise, normaliser
from parsers.cells import Cell, row_label


@dataclass(slots=True)
class Context:
    """What every issue of one return shares."""

    form: FormDef
    file: str
    unit: str | None = None
    today: date = field(default_factory=date.today)
    # Each field's normalised texts by what was written, for this return: a district's sheet repeats its unit,
    # posts, domains and dates row after row, and a repeated text is normalised once. Keyed by the field's
    # id (the entry holds the field too, so the id cannot be reused while it is cached). Texts only: equal
    # numbers may differ (1 and True, 0.0 and -0.0) and are cheap to normalise.
    seen: dict[tuple[int, bool], tuple[FieldDef, dict[str, Result]]] = field(default_factory=dict)

    def known(self, f: FieldDef, blank_is_zero: bool = False) -> dict[str, Result]:
        """The field's normalised texts so far (see `seen`)."""
        entry = self.seen.get((id(f), blank_is_zero))
        if entry is None:
            entry = self.seen[(id(f), blank_is_zero)] = (f, {})
        return entry[1]

    def issue(self, code: str, cell: Cell | None, f: FieldDef | None, value: object = None, **ctx: object) -> Issue:
        texts: dict[str, object] = {"label": f.label if f else "", "where": row_label(cell.location) if cell else ""}
        texts.update(ctx)
        return issue(
            code,
            form=self.form.id,
            unit=self.unit,
            file=self.file,
            location=cell.location if cell else None,
            field=f.id if f else None,
            value=value,
            **texts,
        )


def table_issue(ctx: Context, at: str | None, where: str, hint: str = "") -> Issue:
    """A table in the file that is not the form's table: reported once, with where it is, never merged."""
    return issue(
        "unrecognized-table", form=ctx.form.id, unit=ctx.unit, file=ctx.file, location=at, where=where, hint=hint
    )


@dataclass(slots=True)
class Row:
    values: dict[str, object]
    cells: dict[str, Cell]
    issues: list[Issue]


def _is_future(value: object, f: FieldDef, today: date) -> bool:
    return f.type == "date" and isinstance(value, str) and len(value) == 10 and date.fromisoformat(value) > today


def value(
    raw: object, f: FieldDef, cell: Cell, ctx: Context, blank_is_zero: bool = False
) -> tuple[object, list[Issue]]:
    issues: list[Issue] = []
    return _value(raw, f, cell, ctx, blank_is_zero, issues), issues


def _value(raw: object, f: FieldDef, cell: Cell, ctx: Context, blank_is_zero: bool, issues: list[Issue]) -> object:
    """`value`, adding its issues to the caller's list: a row has one list, not one per cell."""
    if raw.__class__ is str:
        known = ctx.known(f, blank_is_zero)
        result = known.get(raw)  # type: ignore[call-overload]
        if result is None:
            result = known[raw] = normalise(raw, f, _choices(f, ctx), blank_is_zero)  # type: ignore[index]
    else:
        result = normalise(raw, f, _choices(f, ctx), blank_is_zero)
    if result.code or f.type == "date":
        _check(result, raw, f, cell, ctx, issues)
    return result.value


def _check(result: Result, raw: object, f: FieldDef, cell: Cell, ctx: Context, issues: list[Issue]) -> None:
    """The issue of a value that could not be normalised, or of a date in the future."""
    if result.code:
        issues.append(
            ctx.issue(result.code, cell, f, raw if not isinstance(raw, str) else raw.strip(), hint=result.hint)
        )
    elif f.type == "date" and _is_future(result.value, f, ctx.today):
        issues.append(ctx.issue("future-date", cell, f, result.value))


def _choices(f: FieldDef, ctx: Context) -> tuple:
    return ctx.form.choices.get(f.choices or "", ()) if f.type == "choice" else ()


def row(
    cells: dict[str, Cell],
    fields: Sequence[FieldDef],
    ctx: Context,
    blank_is_zero: bool = False,
    anchor: Cell | None = None,
) -> Row:
    """Normalise the mapped cells of one row; every field of `fields` gets a value (None when empty)."""
    values: dict[str, object] = {}
    issues: list[Issue] = []
    for f in fields:
        fid = f.id
        cell = cells.get(fid)
        if cell is None and not blank_is_zero:
            values[fid] = None
            if f.required:
                issues.append(ctx.issue("missing-required", anchor, f))
            continue
        raw = None if cell is None else cell.value
        at = anchor if cell is None else cell
        values[fid] = _value(raw, f, at, ctx, blank_is_zero, issues)  # type: ignore[arg-type]
        if f.required and is_blank(raw):
            issues.append(ctx.issue("missing-required", at, f))
    if not values.keys() >= cells.keys():  # cells of fields outside `fields` (rare): normalised too
        for fid, cell in cells.items():
            if fid not in values and not is_blank(cell.value):
                values[fid] = _value(cell.value, ctx.form.field(fid), cell, ctx, blank_is_zero, issues)
    return Row(values, cells, issues)


_VALUE = itemgetter(0)  # Result.value
_CODE = itemgetter(1)  # Result.code

# One field of a row read as values: the field, its column (None: no column of the table holds it), its
# normalised texts so far (Context.known) and its normaliser.
Column = tuple[FieldDef, int | None, dict[str, Result], Callable[[object], Result]]


def plan(fields: Sequence[FieldDef], column_of: Mapping[str, int], ctx: Context) -> tuple[Column, ...]:
    """How `values_rows` reads each field of `fields`, worked out once per header."""
    return tuple((f, column_of.get(f.id), ctx.known(f), normaliser(f, _choices(f, ctx))) for f in fields)


def values_rows(
    rows: Sequence[Sequence[object]],
    columns: Sequence[Column],
    ctx: Context,
    cell_at: Callable[[int, int], Cell],
    anchors: Sequence[Cell],
) -> tuple[list[dict[str, object]], dict[int, list[Issue]]]:
    """`row` for rows read as values (a Grid's plain rows, None for empty), a column at a time: each field's
    values through its normaliser once, its repeated texts from the cache. The same values as `row` gives
    row by row, and each row's issues (by index, in field order); a Cell (`cell_at(index, column)`) is made
    only for an issue."""
    issues: dict[int, list[Issue]] = {}
    normalised: list[list[object]] = []
    for f, col, known, one in columns:
        if col is None:
            normalised.append([None] * len(rows))
            if f.required:
                for i, anchor in enumerate(anchors):
                    issues.setdefault(i, []).append(ctx.issue("missing-required", anchor, f))
            continue
        raws = [row[col] for row in rows]
        # Only texts are cached (see Context.seen), so a number never finds a cached result.
        results = list(map(known.get, raws))
        for i in [i for i, result in enumerate(results) if result is None]:
            raw = raws[i]
            if raw.__class__ is str:
                result = known.get(raw)  # repeated within these rows
                if result is None:
                    result = known[raw] = one(raw)
            else:
                result = one(raw)
            results[i] = result
        normalised.append(list(map(_VALUE, results)))
        # Issues, rarely any: each row's value issue comes before its missing-required, as in `row`. Looked for
        # row by row only when the column has one (any() over the codes runs in C).
        today = ctx.today if f.type == "date" else None
        if today is not None or any(map(_CODE, results)):
            for i, result in enumerate(results):
                if result.code or (today is not None and _is_future(result.value, f, today)):
                    _check(result, raws[i], f, cell_at(i, col), ctx, issues.setdefault(i, []))
        if f.required:
            for i in [i for i, raw in enumerate(raws) if is_blank(raw)]:
                issues.setdefault(i, []).append(ctx.issue("missing-required", cell_at(i, col), f))
    fids = [f.id for f, *_rest in columns]
    return [dict(zip(fids, values, strict=True)) for values in zip(*normalised, strict=True)], issues
