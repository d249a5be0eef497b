"""Many returns -> one Result: one winner per unit and form, missing units, totals, cross-unit checks."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from forms.issues import Issue, issue
from forms.loader import FormRegistry
from forms.model import FormDef
from parsers.diff import describe_changes
from parsers.results import FileReport, FormResult, Result, Return
from parsers.spill import Records
from parsers.validate import unique_key

_REVISED = re.compile(r"修改|更正|修订|最新|终稿|定稿|最终|重报")


def _recency(ret: Return, order: int) -> tuple:
    """Later wins: 上报时间/填报日期, else file time, else a name marked 修改/更正/最新, else upload order."""
    reported = str(ret.meta.get("reported_on") or "")
    modified = ret.modified.timestamp() if ret.modified else 0.0
    return (reported, modified, bool(_REVISED.search(ret.path)), order)


def _pick(rets: list[tuple[int, Return]]) -> tuple[Return, list[Return]]:
    ordered = sorted(rets, key=lambda item: _recency(item[1], item[0]))
    return ordered[-1][1], [r for _i, r in ordered[:-1]]


def _totals(form: FormDef, winners: Sequence[Return]) -> dict[str, float | int]:
    if form.layout != "matrix":
        return {}
    # One pass over the records (they may be read back from disk), each column summed in record order.
    fields = form.value_fields
    sums = [Decimal(0)] * len(fields)
    for r in winners:
        for rec in r.records:
            values = rec.values
            for i, f in enumerate(fields):
                if isinstance(v := values.get(f.id), int | float):
                    sums[i] += Decimal(str(v))
    return {f.id: int(s) if f.type == "integer" else float(s) for f, s in zip(fields, sums, strict=True)}


def _cross_unit(form: FormDef, winners: Sequence[Return]) -> list[Issue]:
    out: list[Issue] = []
    for rule in (r for r in form.rules if r.kind == "cross-unit-unique"):
        first: dict[tuple, str | None] = {}
        for ret in winners:
            for rec in ret.records:
                key = unique_key(rec, rule.fields)
                if key is None:
                    continue
                if key in first and first[key] != ret.unit:
                    field = rule.fields[0]
                    loc = rec.cells.get(field) or f"{rec.source.sheet}!{rec.source.cell}"
                    out.append(
                        issue(
                            "cross-unit-duplicate",
                            form=form.id,
                            unit=ret.unit,
                            file=ret.path,
                            location=loc,
                            field=field,
                            value=rec.values.get(field),
                            severity=rule.severity,
                            message=rule.message,
                            hint=first[key] or "未知单位",
                        )
                    )
                first.setdefault(key, ret.unit)
    return out


def _order_units(reported: set[str | None], expected: list[str]) -> list[str]:
    known = [u for u in expected if u in reported]
    return known + sorted(u for u in reported if u is not None and u not in expected)


def _merge_form(form: FormDef, rets: list[tuple[int, Return]], expected: list[str]) -> tuple[FormResult, list[Issue]]:
    by_unit: dict[str | None, list[tuple[int, Return]]] = defaultdict(list)
    for item in rets:
        by_unit[item[1].unit].append(item)
    winners: list[Return] = []
    issues: list[Issue] = []
    for unit, items in by_unit.items():
        if unit is None:
            winners.extend(r for _i, r in items)  # no unit known: nothing to supersede against
            continue
        winner, losers = _pick(items)
        winners.append(winner)
        for old in losers:
            old.status = "superseded"
            changes = describe_changes(form, old, winner)
            issues.append(
                issue("superseded", form=form.id, unit=unit, file=old.path, hint=f"{winner.path}（{changes}）")
            )
    units = _order_units({w.unit for w in winners}, expected)
    rank = {u: i for i, u in enumerate(units)}
    winners.sort(key=lambda r: rank.get(r.unit, len(rank)))
    for w in winners:
        issues.extend(w.issues)
    issues.extend(_cross_unit(form, winners))
    result = FormResult(
        title=form.title,
        units_expected=list(expected),
        units_reported=units,
        missing_units=[u for u in expected if u not in units],
        totals=_totals(form, winners),
    )
    # Returns read in this process hold their records; a batch's workers spilled them (parsers.spill): those
    # are chained and read back as they are written, never all at once. Assigned, not validated: validation
    # would read them all into one list.
    parts = [w.records for w in winners]
    in_memory = all(isinstance(p, list) for p in parts)
    result.records = [rec for p in parts for rec in p] if in_memory else Records(parts)
    return result, issues


def merge(
    returns: Sequence[Return], registry: FormRegistry, *, units: list[str] | None = None, form_id: str | None = None
) -> Result:
    """Merge parsed returns. `form_id` limits the result to one form; `units` are the expected units."""
    expected = list(units or [])
    by_form: dict[str, list[tuple[int, Return]]] = defaultdict(list)
    issues: list[Issue] = []
    for i, ret in enumerate(returns):
        if ret.status in ("merged", "superseded") and ret.form and (form_id is None or ret.form == form_id):
            ret.status = "merged"
            by_form[ret.form].append((i, ret))
        else:
            issues.extend(ret.issues)
    forms: dict[str, FormResult] = {}
    for fid in sorted(by_form, key=lambda f: [x.id for x in registry].index(f) if f in registry else 99):
        forms[fid], found = _merge_form(registry.get(fid), by_form[fid], expected)
        issues.extend(found)
    if form_id and form_id not in forms:
        forms[form_id] = FormResult(title=registry.get(form_id).title, units_expected=expected, missing_units=expected)
    files = [
        FileReport(
            path=r.path,
            status=r.status,
            form=r.form,
            unit=r.unit,
            message=r.message,
            reported_on=_text(r.meta.get("reported_on")),
            records=len(r.records),
        )
        for r in returns
    ]
    return Result(forms=forms, files=files, issues=issues)


def _text(value: object) -> str | None:
    return None if value is None else str(value)
