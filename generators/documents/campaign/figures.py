"""The consolidated figures of one form, from the records that had arrived: the 汇总 table of a matrix form
(row keys × columns, 合计 last), the totals as words, the counts of a sectioned list.

A form nobody has sent has no figures at all: a table of zeros would say every unit found nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from forms.model import FormDef
from generators.documents.layout.textfit import number_text
from generators.documents.model import Cell, Table
from parsers.results import FormResult, Record


@dataclass(frozen=True, slots=True)
class FormFigures:
    form_id: str
    title: str
    table: Table | None  # matrix forms: the consolidated table
    totals_text: tuple[str, ...]  # “检查机构数343家次” for every column
    sections_text: tuple[str, ...]  # “第三方检验检测机构31家” for every section
    keys: tuple[str, ...] = ()  # matrix row keys (领域), in the form's order
    columns: tuple[tuple[str, str], ...] = ()  # (label, unit) of the value columns
    values: tuple[tuple[float, ...], ...] = ()  # per key, per column (the 合计 row not included)


def form_figures(form_id: str, fr: FormResult, forms: dict[str, FormDef], skip: set[str]) -> FormFigures | None:
    """Figures of one merged form without the records of the files in `skip`; None when there are none."""
    form = forms.get(form_id)
    records = [r for r in fr.records if r.source.file not in skip]
    if form is None or not records:
        return None
    if form.layout == "matrix" and form.rows is not None:
        return _matrix(form_id, form, records)
    if form.sections:
        return FormFigures(form_id, form.title, None, (), tuple(_section_counts(form, records)))
    return None


def _matrix(form_id: str, form: FormDef, records: list[Record]) -> FormFigures:
    key, columns = form.rows.field, form.value_fields
    sums = {k.value: dict.fromkeys((c.id for c in columns), 0.0) for k in form.rows.keys}
    for rec in records:
        row = sums.get(str(rec.values.get(key)))
        for c in columns if row is not None else ():
            value = rec.values.get(c.id)
            if isinstance(value, int | float) and not isinstance(value, bool):
                row[c.id] += value
    # The 合计 row is the sum of the rows shown, so the table adds up whatever the returns' own totals said.
    totals = {c.id: sum(r[c.id] for r in sums.values()) for c in columns}
    rows = [(k, sums[k]) for k in sums] + [(form.rows.total, totals)]
    body = tuple(
        (Cell(text=label), *(Cell(text=number_text(vals[c.id], c.decimals)) for c in columns)) for label, vals in rows
    )
    table = Table(
        heading=f"{form.title}（汇总）",
        columns=(form.field(key).header, *(c.header for c in columns)),
        widths=(form.field(key).width, *(c.width for c in columns)),
        rows=body,
    )
    words = tuple(f"{c.label}{number_text(totals[c.id], c.decimals)}{c.unit or ''}" for c in columns)
    return FormFigures(
        form_id,
        form.title,
        table,
        words,
        (),
        keys=tuple(sums),
        columns=tuple((c.label, c.unit or "") for c in columns),
        values=tuple(tuple(sums[k][c.id] for c in columns) for k in sums),
    )


def _section_counts(form: FormDef, records: list[Record]) -> list[str]:
    """“第三方检验检测机构56家” for every section of a sectioned list form."""
    counts = Counter(r.section for r in records)
    out = []
    for s in form.sections:
        name = s.heading.split("、", 1)[-1].removesuffix("数量及名单").removesuffix("名单")
        out.append(f"{name}{counts.get(s.key, 0)}家")
    return out
