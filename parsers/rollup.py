"""A roll-up: a city's 汇总表 sent up as the city's return to a province campaign.

The 汇总表 (generators/workbook) is read as the form it consolidates; its 填报单位 column, which no form has,
comes back as an extra column. Here each record takes the district from it as `origin_unit` (or from 来源单位
when the workbook was itself a roll-up: the district that first reported the record), and the return becomes
the city's.
"""

from __future__ import annotations

from forms.issues import Issue
from parsers.results import Return

UNIT_HEADER = "填报单位"  # generators.workbook.form_sheet.UNIT_HEADER
ORIGIN_HEADER = "来源单位"  # generators.workbook.form_sheet.ORIGIN_HEADER
# What reading the 汇总表 as a form says about its own structure, moot once it is known to be one.
_MOOT = {"unit-unknown", "unit-missing"}
_OWN_SHEETS = ("报送情况!", "问题清单!")  # generators.workbook.status_sheet / issues_sheet


def is_rollup(ret: Return) -> bool:
    """Whether the return was read from a 汇总表: every record carries the 填报单位 column as an extra one."""
    return bool(ret.form and ret.records) and all(UNIT_HEADER in r.extra for r in ret.records)


def as_rollup(ret: Return, unit: str) -> Return:
    """The 汇总表's records as `unit`'s return, each keeping the district it came from."""
    records = []
    for rec in ret.records:
        extra = dict(rec.extra)
        named, origin = extra.pop(UNIT_HEADER, None), extra.pop(ORIGIN_HEADER, None)
        first = _text(origin) or _text(named)
        records.append(rec.model_copy(update={"unit": unit, "origin_unit": first, "extra": extra}))
    issues = [i.model_copy(update={"unit": unit}) for i in ret.issues if not _moot(i)]
    meta = {**ret.meta, "unit": unit}
    return ret.model_copy(update={"unit": unit, "records": records, "issues": issues, "meta": meta})


def _moot(found: Issue) -> bool:
    """What reading the 汇总表 as a district's return says and a roll-up answers: no unit of its own, the two
    unit columns left over, the 汇总表's own 报送情况 and 问题清单 sheets not being the form."""
    if found.code in _MOOT:
        return True
    if found.code == "unmapped-column":
        return found.value in (UNIT_HEADER, ORIGIN_HEADER)
    return found.code == "unrecognized-table" and (found.location or "").startswith(_OWN_SHEETS)


def _text(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None
