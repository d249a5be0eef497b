"""What the merged returns say on a given day, as plain facts for the campaign documents: who reported which
form and when, whose file could not be read, which returns have errors, the consolidated figures.

Pure functions over parsers.results.Result; the wording lives in the text templates (texts/*.yaml.j2).
Facts are taken *as of* the document's date: a return dated after it had not arrived yet, so it counts for
nothing (not as reported, not in the figures), and the document never speaks of what came later.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from forms.issues import Issue
from forms.model import FormDef
from generators.documents.campaign.figures import FormFigures, form_figures
from generators.documents.layout.textfit import number_text
from generators.documents.model import Table
from parsers.results import Result

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
FILE_CODES = {"file-unreadable", "form-unrecognized"}  # said once, per file, never as errors in a return


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A file a unit sent that could not be read: it must be sent again."""

    file: str  # the name it was sent under
    form: str | None  # the title of the form it stands for, when that can be told


@dataclass(frozen=True, slots=True)
class UnitReport:
    unit: str
    received: tuple[str, ...]  # titles of the forms received and read
    missing_forms: tuple[str, ...]  # titles of forms asked for and not received (an unreadable one not counted)
    unreadable: tuple[Unreadable, ...]
    reported_on: dt.date | None  # the latest 上报时间 of its returns
    dates_known: bool  # every return carried a 上报时间
    late: bool  # a return arrived after the deadline
    errors: int  # errors in its returns (file-level problems excluded: those are `unreadable`)

    @property
    def complete(self) -> bool:
        return not self.missing_forms and not self.unreadable


@dataclass(frozen=True, slots=True)
class Facts:
    as_of: dt.date
    deadline: dt.date | None
    forms: tuple[str, ...]  # titles of the forms asked for (or, without a list, those merged)
    units: tuple[UnitReport, ...]
    unsent_forms: tuple[str, ...]  # forms asked for that no unit has sent yet
    later: tuple[str, ...]  # files dated after `as_of`: not counted
    stray: tuple[str, ...]  # files that could not be read or recognised and name no unit
    problems: tuple[tuple[str, int, tuple[str, ...]], ...]  # (label, count, units) by frequency
    figures: tuple[FormFigures, ...] = ()
    cases: tuple[dict, ...] = field(default_factory=tuple)

    @property
    def overdue(self) -> bool:
        """The deadline has passed on the document's date: only then is anyone late or in arrears."""
        return self.deadline is not None and self.as_of > self.deadline

    def status(self, kind: str) -> list[UnitReport]:
        """Units by status: complete (every form read) = on_time + late + unknown (no date);
        partial (some forms); missing (no form read); unreadable (a file to send again); with_errors."""
        checks = {
            "complete": lambda u: u.complete,
            "on_time": lambda u: u.complete and not u.late and u.dates_known,
            "late": lambda u: u.complete and u.late,
            "unknown": lambda u: u.complete and not u.late and not u.dates_known,
            "partial": lambda u: not u.complete and bool(u.received),
            "missing": lambda u: not u.received,
            "unreadable": lambda u: bool(u.unreadable),
            "with_errors": lambda u: u.errors > 0,
            "late_any": lambda u: u.late,
        }
        return [u for u in self.units if checks[kind](u)]

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(f.table for f in self.figures if f.table is not None)

    @property
    def figure_texts(self) -> tuple[str, ...]:
        return tuple(t for f in self.figures for t in f.totals_text)

    @property
    def sections(self) -> tuple[str, ...]:
        return tuple(t for f in self.figures for t in f.sections_text)


def gather(
    result: Result,
    forms: dict[str, FormDef],
    units: list[str],
    deadline: dt.date | None,
    as_of: dt.date,
    asked: list[str] | None = None,
) -> Facts:
    """The facts of `result` on the day `as_of`; `asked`: ids of the forms the 通知 asked for."""
    later = {f.path for f in result.files if f.status in ("merged", "superseded") and _after(f.reported_on, as_of)}
    skip = later | {f.path for f in result.files if f.status == "superseded"}  # their issues no longer stand
    expected = units or _expected(result)
    form_ids = list(asked or result.forms)
    titles = {fid: _title(fid, result, forms) for fid in form_ids}
    reports = tuple(_unit_report(result, u, titles, deadline, later, skip) for u in expected)
    return Facts(
        as_of=as_of,
        deadline=deadline,
        forms=tuple(titles.values()),
        units=reports,
        unsent_forms=tuple(t for t in titles.values() if not any(t in u.received for u in reports)),
        later=tuple(sorted(later)),
        stray=tuple(f.path for f in result.files if f.status in ("failed", "unrecognized") and f.unit is None),
        problems=_problems(result, skip),
        figures=tuple(
            fig for fid, fr in result.forms.items() if (fig := form_figures(fid, fr, forms, later)) is not None
        ),
        cases=tuple(_cases(result, forms, later)),
    )


def _after(reported_on: str | None, as_of: dt.date) -> bool:
    day = _date(reported_on)
    return day is not None and day > as_of


def _title(form_id: str, result: Result, forms: dict[str, FormDef]) -> str:
    if form_id in result.forms:
        return result.forms[form_id].title
    return forms[form_id].title if form_id in forms else form_id


def _expected(result: Result) -> list[str]:
    seen: dict[str, None] = {}
    for fr in result.forms.values():
        for u in (*fr.units_expected, *fr.units_reported, *fr.missing_units):
            seen.setdefault(u, None)
    return list(seen)


def _unit_report(
    result: Result, unit: str, titles: dict[str, str], deadline: dt.date | None, later: set[str], skip: set[str]
) -> UnitReport:
    files = [f for f in result.files if f.unit == unit and f.status == "merged" and f.path not in later]
    received = [fid for fid in titles if _received(result, unit, fid, later)]
    not_received = [titles[fid] for fid in titles if fid not in received]
    unreadable = _unreadable(result, unit, not_received)
    explained = {u.form for u in unreadable}
    dates = [_date(f.reported_on) for f in files]
    known = [d for d in dates if d is not None]
    return UnitReport(
        unit=unit,
        received=tuple(titles[fid] for fid in received),
        missing_forms=tuple(t for t in not_received if t not in explained),
        unreadable=unreadable,
        reported_on=max(known) if known else None,
        dates_known=bool(files) and len(known) == len(dates),
        late=bool(deadline and any(d > deadline for d in known)),
        errors=sum(1 for i in result.issues if i.unit == unit and _counts(i, skip) and i.severity == "error"),
    )


def _received(result: Result, unit: str, form_id: str, later: set[str]) -> bool:
    fr = result.forms.get(form_id)
    if fr is None or unit not in fr.units_reported:
        return False
    files = [f for f in result.files if f.unit == unit and f.form == form_id and f.status == "merged"]
    return not files or any(f.path not in later for f in files)


def _unreadable(result: Result, unit: str, not_received: list[str]) -> tuple[Unreadable, ...]:
    """Failed files of the unit, each matched to the form it stands for: the form whose title its name
    holds, or the one form the unit has not sent."""
    failed = [f.path for f in result.files if f.unit == unit and f.status == "failed"]
    out = []
    left = list(not_received)
    for path in failed:
        name = path.replace("\\", "/").rsplit("/", 1)[-1]
        form = next((t for t in left if t in name), None)
        if form is None and len(left) == 1 and len(failed) == 1:
            form = left[0]
        if form:
            left.remove(form)
        out.append(Unreadable(name, form))
    return tuple(out)


def _counts(issue: Issue, skip: set[str]) -> bool:
    """An issue that stands against a return in force (not a file-level one, not of a replaced file)."""
    return issue.code not in FILE_CODES and issue.code != "superseded" and issue.file not in skip


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _problems(result: Result, skip: set[str]) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    counts: Counter[str] = Counter()
    units: dict[str, dict[str, None]] = {}
    for i in result.issues:
        if not _counts(i, skip):
            continue
        label = ISSUE_LABELS.get(i.code, i.code)
        counts[label] += 1
        if i.unit:
            units.setdefault(label, {})[i.unit] = None
    return tuple((label, n, tuple(units.get(label, {}))) for label, n in counts.most_common())


def _cases(result: Result, forms: dict[str, FormDef], later: set[str]) -> list[dict]:
    """Typical cases: records of a record-layout form that has a title and a summary."""
    out = []
    for form_id, fr in result.forms.items():
        form = forms.get(form_id)
        ids = {f.id for f in form.fields} if form else set()
        if form is None or form.layout != "record" or not {"title", "summary"} <= ids:
            continue
        for rec in fr.records:
            if rec.source.file in later:
                continue
            values = {k: number_text(v) if isinstance(v, float) else v for k, v in rec.values.items()}
            out.append({"unit": rec.unit, **values})
    return out
