"""The per-return rules a form declares (forms/*.yaml `rules`): unique rows and comparisons between fields.

The 合计 check needs the total row itself and lives with the matrix reader; cross-unit rules need every
return and live with the merge.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence

from forms.issues import Issue, issue
from forms.model import FormDef, Rule
from forms.types import squash
from parsers.cells import row_label
from parsers.results import Record

_OPS: dict[str, Callable[[object, object], bool]] = {
    "<=": operator.le,
    ">=": operator.ge,
    "<": operator.lt,
    ">": operator.gt,
    "==": operator.eq,
}


def _issue(
    code: str,
    form: FormDef,
    rec: Record,
    field: str,
    value: object,
    message: str,
    rule: Rule,
    file: str,
    **extra: object,
) -> Issue:
    loc = rec.cells.get(field) or f"{rec.source.sheet}!{rec.source.cell}"
    return issue(
        code,
        form=form.id,
        unit=rec.unit,
        file=file,
        location=loc,
        field=field,
        value=value,
        where=row_label(loc),
        message=message,
        severity=rule.severity,
        **extra,
    )


def _comparable(a: object, b: object) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return True
    # ISO dates compare as text; month-precision dates (2020-06) are not compared with full dates.
    return isinstance(a, str) and isinstance(b, str) and len(a) == len(b) == 10


def check_compare(form: FormDef, rule: Rule, records: Sequence[Record], file: str) -> list[Issue]:
    assert rule.left and rule.right and rule.op
    left, right = form.field(rule.left), form.field(rule.right)
    message = rule.message.format(left=left.label, right=right.label, field=left.label)
    out = []
    for rec in records:
        a, b = rec.values.get(rule.left), rec.values.get(rule.right)
        if a is None or b is None or not _comparable(a, b):
            continue
        if not _OPS[rule.op](a, b):
            out.append(_issue("rule-violation", form, rec, rule.left, a, f"{message}（{a} / {b}）", rule, file))
    return out


def unique_key(rec: Record, fields: Sequence[str]) -> tuple[str, ...] | None:
    parts = tuple(squash(str(rec.values.get(f) or "")) for f in fields)
    return parts if all(parts) else None


def check_unique(form: FormDef, rule: Rule, records: Sequence[Record], file: str) -> list[Issue]:
    seen: dict[tuple, Record] = {}
    out = []
    label = "、".join(form.field(f).label for f in rule.fields)
    for rec in records:
        key = unique_key(rec, rule.fields)
        if key is None:
            continue
        scoped = (rec.section, *key)
        if scoped in seen:
            value = "、".join(str(rec.values.get(f)) for f in rule.fields)
            out.append(
                _issue("duplicate-row", form, rec, rule.fields[0], value, rule.message.format(field=label), rule, file)
            )
        else:
            seen[scoped] = rec
    return out


def check(form: FormDef, records: Sequence[Record], file: str) -> list[Issue]:
    out: list[Issue] = []
    for rule in form.rules:
        if rule.kind == "compare":
            out.extend(check_compare(form, rule, records, file))
        elif rule.kind == "unique":
            out.extend(check_unique(form, rule, records, file))
    return out
