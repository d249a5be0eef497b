"""Records as the generator knows them, and the `.expected.json` truth file written from them.

A `Rec` holds the normalised values (what a correct parser must output) and, where the clerk wrote something
else, the raw text actually put in the file. The truth is therefore the generator's own data; a parser is
never run to produce it.

Conventions of the truth files beyond the brief:
- top-level `unit` is the canonical reporting unit (one of campaign/units.txt for the 旗区; the province for
  inspection returns); `meta` holds every meta field of the form, normalised as its field type says — so
  `meta.unit` is the text as written (达拉特旗市场监督管理局), null when the meta line was left blank;
- record forms have no meta (`{}`): their unit is the 报送单位 the cases name;
- a matrix record's `domain` is the canonical row key even where the file wrote a synonym (工业产品);
- `failed`/`unrecognized` files carry one issue without location (`file-unreadable`/`form-unrecognized`);
  a failed file whose name names an expected unit has that unit.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from forms.model import FieldDef, FormDef
from samples.build.grid import Tag

Location = tuple[str, str]  # (sheet, cell) as in the contract's `source`
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def chinese_date(iso: str) -> str:
    """2019-03-05 -> 2019年3月5日, 2020-06 -> 2020年6月: how the form's note asks dates to be written."""
    if m := _ISO_DAY.match(iso):
        return f"{int(m[1])}年{int(m[2])}月{int(m[3])}日"
    if m := _ISO_MONTH.match(iso):
        return f"{int(m[1])}年{int(m[2])}月"
    return iso


@dataclass(slots=True)
class Rec:
    """One record: `values` is the truth; `raw` what was written where it differs from the plain rendering."""

    values: dict[str, object]
    section: str | None = None
    raw: dict[str, object] = field(default_factory=dict)
    flaws: tuple[tuple[str, str], ...] = ()  # deliberate problems: (issue code, field id)
    extra: dict[str, object] = field(default_factory=dict)  # columns of no field, label -> value as written

    def written(self, f: FieldDef) -> object:
        if f.id in self.raw:
            return self.raw[f.id]
        value = self.values.get(f.id)
        if f.type == "date" and isinstance(value, str):
            return chinese_date(value)
        return value


@dataclass(slots=True)
class Truth:
    """Everything `<file>.expected.json` says about one sample file."""

    form: FormDef | None
    unit: str | None
    meta: dict[str, object] = field(default_factory=dict)
    recs: list[Rec] = field(default_factory=list)
    status: str = "merged"
    extra: list[tuple[str, Tag]] = field(default_factory=list)  # issues not tied to a record: (code, tag)
    file_issues: list[str] = field(default_factory=list)  # issues without a cell (file-unreadable …)


def spreadsheet_location(sheet: str, cell: str) -> str:
    return f"{sheet}!{cell}" if cell[:1].isascii() and cell[:1].isalpha() else f"{sheet}{cell}"


def key_field(form: FormDef) -> str:
    """The field whose cell locates a record, as parsers.extract.key_cell picks it: a matrix's row key, else
    the first required field (机构名称, 姓名, 案件名称), else the first field."""
    if form.layout == "matrix" and form.rows:
        return form.rows.field
    return next((f.id for f in form.fields if f.required), form.fields[0].id)


def _record_json(form: FormDef, rec: Rec, loc: Location) -> dict[str, object]:
    fields = form.section_fields(form.section(rec.section)) if form.sections else form.fields
    unknown = set(rec.values) - {f.id for f in fields}
    if unknown:
        raise ValueError(f"{form.id}: fields {sorted(unknown)} not in section {rec.section}")
    out: dict[str, object] = {
        "section": rec.section,
        "values": {f.id: rec.values.get(f.id) for f in fields},
        "source": {"sheet": loc[0], "cell": loc[1]},
    }
    if rec.extra:
        out["extra"] = rec.extra
    return out


def _issue(code: str, tag: Tag, field_id: str | None, locs: dict[Tag, Location]) -> dict[str, object]:
    return {"code": code, "location": spreadsheet_location(*locs[tag]), "field": field_id}


def truth_json(truth: Truth, locs: dict[Tag, Location]) -> dict[str, object]:
    form = truth.form
    records: list[dict[str, object]] = []
    issues: list[dict[str, object]] = [{"code": c, "location": None, "field": None} for c in truth.file_issues]
    if form is not None:
        key = key_field(form)
        for i, rec in enumerate(truth.recs):
            records.append(_record_json(form, rec, locs[(i, key)]))
            issues.extend(_issue(code, (i, fid), fid, locs) for code, fid in rec.flaws)
        # An issue tagged with an empty field name (an extra column, a table left out) has no field.
        issues.extend(_issue(code, tag, tag[1] or None, locs) for code, tag in truth.extra)
    return {
        "form": form.id if form else None,
        "status": truth.status,
        "unit": truth.unit,
        "meta": truth.meta,
        "records": records,
        "issues": issues,
    }


def _default(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"not JSON: {value!r}")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=_default)


def format_truth(data: dict[str, object]) -> str:
    """Pretty but diff-friendly: one line per record and per issue."""
    head = ",\n ".join(f"{_dumps(k)}: {_dumps(v)}" for k, v in data.items() if k not in ("records", "issues"))
    parts = [head]
    for key in ("records", "issues"):
        items = data[key]
        assert isinstance(items, list)
        body = ",\n  ".join(_dumps(item) for item in items)
        parts.append(f'"{key}": [\n  {body}]' if items else f'"{key}": []')
    return "{" + ",\n ".join(parts) + "}\n"


def write_truth(sample: Path, truth: Truth, locs: dict[Tag, Location]) -> Path:
    out = sample.with_name(sample.name + ".expected.json")
    out.write_text(format_truth(truth_json(truth, locs)), encoding="utf-8")
    return out
