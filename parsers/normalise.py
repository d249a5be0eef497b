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
    choices = ctx.form.choices.get(f.choices or "", ())
    result = normalise(raw, f, choices, blank_is_zero)
    issues: list[Issue] = []
    if result.code:
        issues.append(
            ctx.issue(result.code, cell, f, raw if not isinstance(raw, str) else raw.strip(), hint=result.hint)
        )
    elif _is_future(result.value, f, ctx.today):
        issues.append(ctx.issue("future-date", cell, f, result.value))
    return result.value, issues


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
        cell = cells.get(f.id)
        raw = cell.value if cell else None
        if cell is None and not blank_is_zero:
            values[f.id] = None
        else:
            values[f.id], found = value(raw, f, cell or anchor, ctx, blank_is_zero)  # type: ignore[arg-type]
            issues.extend(found)
        if f.required and is_blank(raw):
            issues.append(ctx.issue("missing-required", cell or anchor, f))
    for fid, cell in cells.items():
        if fid not in values and not is_blank(cell.value):
            f = ctx.form.field(fid)
            values[fid], found = value(cell.value, f, cell, ctx, blank_is_zero)
            issues.extend(found)
    return Row(values, cells, issues)
