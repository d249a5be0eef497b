"""One row of cells -> one record's normalised values, their source cells, and the issues found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from forms.issues import Issue, issue
from forms.model import FieldDef, FormDef
from forms.types import is_blank, normalise
from parsers.cells import Cell, row_label


@dataclass(slots=True)
class Context:
    """What every issue of one return shares."""

    form: FormDef
    file: str
    unit: str | None = None
    today: date = field(default_factory=date.today)

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
    kind = f.type
    choices = ctx.form.choices.get(f.choices or "", ()) if kind == "choice" else ()
    result = normalise(raw, f, choices, blank_is_zero)
    if result.code:
        issues.append(
            ctx.issue(result.code, cell, f, raw if not isinstance(raw, str) else raw.strip(), hint=result.hint)
        )
    elif kind == "date" and _is_future(result.value, f, ctx.today):
        issues.append(ctx.issue("future-date", cell, f, result.value))
    return result.value


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
