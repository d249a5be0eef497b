"""What the merged returns say, as plain facts for the campaign documents: who reported and when, which
returns have errors, the consolidated figures of matrix forms, the typical cases.

Pure functions over parsers.results.Result; the wording lives in the text templates (texts/*.yaml.j2).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from forms.model import FormDef
from generators.documents.layout.textfit import cn_date
from generators.documents.model import Cell, Table
from parsers.results import FormResult, Result

ISSUE_LABELS = {
    "file-unreadable": "文件无法读取",
    "form-unrecognized": "无法识别报表",
    "unit-unknown": "填报单位不在名单中",
    "unit-missing": "未写明填报单位",
    "missing-required": "必填项未填写",
    "invalid-date": "日期填写不规范",
    "future-date": "日期晚于当天",
    "invalid-number": "数字填写不规范",
    "negative-number": "数字为负数",
    "invalid-phone": "电话号码不正确",
    "invalid-mobile": "手机号码不正确",
    "invalid-email": "电子邮箱不正确",
    "invalid-credit-code": "统一社会信用代码不正确",
    "unknown-choice": "填写内容不在规定选项中",
    "duplicate-row": "同一表内重复填报",
    "total-mismatch": "合计与分项之和不符",
    "subtotal-mismatch": "小计与明细不符",
    "rule-violation": "数据逻辑关系不符",
    "cross-unit-duplicate": "同一机构由多个单位重复报送",
    "superseded": "重复报送（以最后一次为准）",
    "unmapped-column": "栏目与规定表式不符",
    "unknown-row": "行项目与规定表式不符",
    "skipped-row": "存在无法识别的行",
    "no-records": "报表未填写数据",
}


FILE_CODES = {"file-unreadable", "form-unrecognized"}


@dataclass(frozen=True, slots=True)
class UnitReport:
    unit: str
    missing_forms: tuple[str, ...]  # titles of the forms this unit has not returned
    reported_on: dt.date | None  # the latest 上报时间 of its returns
    dates_known: bool  # every return carried a 上报时间
    late: bool
    errors: int


@dataclass(frozen=True, slots=True)
class Facts:
    units: tuple[UnitReport, ...]
    deadline: dt.date | None
    forms: tuple[str, ...]  # titles of the forms merged
    files_failed: tuple[str, ...]  # files that could not be read or recognised
    problems: tuple[tuple[str, int, tuple[str, ...]], ...]  # (label, count, units) by frequency
    error_units: tuple[tuple[str, int], ...]  # (unit, error count)
    tables: tuple[Table, ...] = ()
    figures: tuple[str, ...] = ()  # “检查机构数1234家次” …
    sections: tuple[str, ...] = ()  # “第三方检验检测机构 56家” …
    cases: tuple[dict, ...] = field(default_factory=tuple)

    def status(self, kind: str) -> list[UnitReport]:
        """Units by status: missing (nothing returned), partial, late, unknown (no date), on_time."""
        checks = {
            "missing": lambda u: _returned_nothing(u, self),
            "partial": lambda u: bool(u.missing_forms) and not _returned_nothing(u, self),
            "late": lambda u: not u.missing_forms and u.late,
            "unknown": lambda u: not u.missing_forms and not u.late and not u.dates_known,
            "on_time": lambda u: not u.missing_forms and not u.late and u.dates_known,
        }
        return [u for u in self.units if checks[kind](u)]


def _returned_nothing(u: UnitReport, facts: Facts) -> bool:
    return len(u.missing_forms) == len(facts.forms)


def gather(result: Result, forms: dict[str, FormDef], units: list[str], deadline: dt.date | None) -> Facts:
    expected = units or _expected(result)
    titles = tuple(fr.title for fr in result.forms.values())
    return Facts(
        units=tuple(_unit_report(result, u, deadline) for u in expected),
        deadline=deadline,
        forms=titles,
        files_failed=tuple(f.path for f in result.files if f.status in ("failed", "unrecognized")),
        problems=_problems(result),
        error_units=_error_units(result, expected),
        tables=tuple(t for fid, fr in result.forms.items() if (t := matrix_table(fid, fr, forms)) is not None),
        figures=tuple(_figures(result, forms)),
        sections=tuple(_section_counts(result, forms)),
        cases=tuple(_cases(result, forms)),
    )


def _expected(result: Result) -> list[str]:
    seen: dict[str, None] = {}
    for fr in result.forms.values():
        for u in (*fr.units_expected, *fr.units_reported, *fr.missing_units):
            seen.setdefault(u, None)
    return list(seen)


def _unit_report(result: Result, unit: str, deadline: dt.date | None) -> UnitReport:
    missing = tuple(fr.title for fr in result.forms.values() if unit in fr.missing_units)
    files = [f for f in result.files if f.unit == unit and f.status == "merged"]
    dates = [_date(f.reported_on) for f in files]
    known = [d for d in dates if d is not None]
    errors = sum(1 for i in result.issues if i.unit == unit and i.severity == "error")
    return UnitReport(
        unit=unit,
        missing_forms=missing,
        reported_on=max(known) if known else None,
        dates_known=bool(files) and len(known) == len(dates),
        late=bool(deadline and any(d > deadline for d in known)),
        errors=errors,
    )


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _problems(result: Result) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    counts: Counter[str] = Counter()
    units: dict[str, dict[str, None]] = {}
    for i in result.issues:
        if i.code in FILE_CODES:
            continue  # said once, as files that could not be merged
        label = ISSUE_LABELS.get(i.code, i.code)
        counts[label] += 1
        if i.unit:
            units.setdefault(label, {})[i.unit] = None
    return tuple((label, n, tuple(units.get(label, {}))) for label, n in counts.most_common())


def _error_units(result: Result, expected: list[str]) -> tuple[tuple[str, int], ...]:
    """(unit, errors) in the order of the unit list, so documents name units in their usual order."""
    counts = Counter(i.unit for i in result.issues if i.severity == "error" and i.unit)
    order = {u: i for i, u in enumerate(expected)}
    return tuple(sorted(counts.items(), key=lambda item: order.get(item[0], len(order))))


def number_text(value: object, decimals: int | None = None) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        if decimals:
            return f"{value:.{decimals}f}"
        return str(int(value)) if float(value).is_integer() else f"{value:g}"
    return str(value)


def matrix_table(form_id: str, fr: FormResult, forms: dict[str, FormDef]) -> Table | None:
    """The consolidated figures of a matrix form: its row keys × its columns, summed over all units."""
    form = forms.get(form_id)
    if form is None or form.layout != "matrix" or form.rows is None:
        return None
    key, columns = form.rows.field, form.value_fields
    sums = {k.value: dict.fromkeys((c.id for c in columns), 0.0) for k in form.rows.keys}
    for rec in fr.records:
        row = sums.get(str(rec.values.get(key)))
        for c in columns if row is not None else ():
            value = rec.values.get(c.id)
            if isinstance(value, int | float) and not isinstance(value, bool):
                row[c.id] += value
    totals = {c.id: fr.totals.get(c.id, sum(r[c.id] for r in sums.values())) for c in columns}
    rows = [(k, sums[k]) for k in sums] + [(form.rows.total, totals)]
    body = tuple(
        (Cell(text=label), *(Cell(text=number_text(vals[c.id], c.decimals)) for c in columns)) for label, vals in rows
    )
    return Table(
        heading=f"{form.title}（汇总）",
        columns=(form.field(key).header, *(c.header for c in columns)),
        widths=(form.field(key).width, *(c.width for c in columns)),
        rows=body,
    )


def _figures(result: Result, forms: dict[str, FormDef]) -> list[str]:
    """“检查机构数1234家次” for every column of every matrix form, from the grand totals."""
    out = []
    for form_id, fr in result.forms.items():
        form = forms.get(form_id)
        if form is None or form.layout != "matrix":
            continue
        table = matrix_table(form_id, fr, forms)
        totals = table.rows[-1][1:] if table else ()
        for col, cell in zip(form.value_fields, totals, strict=False):
            out.append(f"{col.label}{cell.text}{col.unit or ''}")
    return out


def _section_counts(result: Result, forms: dict[str, FormDef]) -> list[str]:
    """“第三方检验检测机构56家” for every section of every sectioned list form."""
    out = []
    for form_id, fr in result.forms.items():
        form = forms.get(form_id)
        if form is None or not form.sections:
            continue
        counts = Counter(r.section for r in fr.records)
        for s in form.sections:
            name = s.heading.split("、", 1)[-1].removesuffix("数量及名单").removesuffix("名单")
            out.append(f"{name}{counts.get(s.key, 0)}家")
    return out


def _cases(result: Result, forms: dict[str, FormDef]) -> list[dict]:
    """Typical cases: records of a record-layout form that has a title and a summary."""
    out = []
    for form_id, fr in result.forms.items():
        form = forms.get(form_id)
        ids = {f.id for f in form.fields} if form else set()
        if form is None or form.layout != "record" or not {"title", "summary"} <= ids:
            continue
        for rec in fr.records:
            values = {k: number_text(v) if isinstance(v, float) else v for k, v in rec.values.items()}
            out.append({"unit": rec.unit, **values})
    return out


def cn(d: dt.date | None) -> str:
    return cn_date(d) if d else "日期不详"
