"""Matrix layout: fixed row keys (领域) × numeric columns, with a 合计 row checked against the rows."""

from __future__ import annotations

import re
from decimal import Decimal

from forms.model import FormDef
from forms.types import match_choice, squash
from parsers import columns, locate, normalise, placement
from parsers.cells import Cell, Document, Table
from parsers.extract import record
from parsers.listing import Found, Used
from parsers.rows import Kind, is_spanning, is_total_text, kind_of, own_cells

_ORDINAL = re.compile(r"^(\d+[.、．]|[（(]\d+[）)]|[一二三四五六七八九十]+、|其中[:：]?)")
_SEARCH_ROWS = 30


def _key_column(table: Table, header: locate.Header, form: FormDef) -> int | None:
    """The row-key column: mapped by its header (领域), else the column whose cells name the most row keys."""
    assert form.rows is not None
    for c, f in header.columns.items():
        if f.id == form.rows.field:
            return c
    counts: dict[int, int] = {}
    for row in table.rows[header.body :]:
        for c, cell in enumerate(row):
            if cell.text and match_choice(_ORDINAL.sub("", cell.text.strip()), form.rows.keys):
                counts[c] = counts.get(c, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _find_header(table: Table, form: FormDef) -> locate.Header | None:
    if not form.header:  # columns by position (parsers.placement)
        return placement.positional_header(table, form)
    return locate.first_header(table, form.fields, _SEARCH_ROWS)


def _is_total(text: str, form: FormDef) -> bool:
    assert form.rows is not None
    key = squash(text)
    return key in {squash(t) for t in (form.rows.total, *form.rows.total_synonyms)} or is_total_text(text)


class _MatrixReader:
    def __init__(
        self,
        table: Table,
        header: locate.Header,
        key_col: int,
        form: FormDef,
        ctx: normalise.Context,
        found: Found,
        file: str,
    ) -> None:
        self.table, self.header, self.key_col, self.form, self.ctx = table, header, key_col, form, ctx
        self.found, self.file = found, file
        self.fields = tuple(f for f in form.fields if f.id != (form.rows.field if form.rows else None))
        self.body = columns.Body.of(table, header, form, None, ctx, found.fuzzy_seen)
        self.body.extras.pop(key_col, None)  # the row keys' column, whatever its header says
        found.issues.extend(self.body.issues)
        rows = table.rows
        place = columns.header_place(rows[header.row][0]) if header.row < len(rows) and rows[header.row] else ""
        self.used = Used(table.name, place or table.name)
        found.used.append(self.used)
        self.total: dict[str, Cell] | None = None

    def run(self) -> None:
        for r in range(self.header.body, len(self.table.rows)):
            row = self.table.rows[r]
            if self.key_col >= len(row) or kind_of(own_cells(row, r)) in (Kind.NOTE, Kind.BLANK):
                continue
            self._row(r, row)
        rule = next((rule for rule in self.form.rules if rule.kind == "total"), None)
        if self.total is not None and rule is not None:
            self._check_total(rule.message, rule.severity)

    def _cells(self, row: list[Cell]) -> dict[str, Cell]:
        cells = self.body.cells(row)
        cells.pop(self.form.rows.field if self.form.rows else "", None)
        return cells

    def _row(self, r: int, row: list[Cell]) -> None:
        assert self.form.rows is not None
        key_cell = row[self.key_col]
        label = key_cell.text.strip()
        if _is_total(label, self.form):
            self.total = self._cells(row)
            return
        cells = self._cells(row)
        if all(not c.text.strip() for c in cells.values()):
            return  # an untouched row of the blank form: no figures were reported
        if not label:
            if own_cells(row, r):
                self.found.issues.append(self.ctx.issue("unknown-row", key_cell, None, "（空）"))
            return
        key = match_choice(_ORDINAL.sub("", label), self.form.rows.keys)
        if key is None and (is_spanning(row, r) or self.total is not None):
            # A free-text line across the table (a remark, a signature), or anything but a row of the form
            # after the 合计: not a row of figures, kept in the issue.
            self.found.issues.append(self.ctx.issue("skipped-row", key_cell, None, label))
            return
        result = normalise.row(cells, self.fields, self.ctx, blank_is_zero=True, anchor=key_cell)
        result.values = {self.form.rows.field: key or label, **result.values}
        result.cells = {self.form.rows.field: key_cell, **cells}
        if key is None:
            self.found.issues.append(self.ctx.issue("unknown-row", key_cell, None, label))
        own = own_cells(row, r)
        self.found.records.append(record(self.file, self.ctx.unit, None, result, key_cell, self.body.extra(row, own)))
        self.found.issues.extend(result.issues)
        self.found.issues.extend(self.body.warn_unmapped(own))
        self.used.records += 1

    def _check_total(self, message: str, severity: str) -> None:
        assert self.total is not None
        for f in self.fields:
            cell = self.total.get(f.id)
            if cell is None:
                continue
            stated, issues = normalise.value(cell.value, f, cell, self.ctx, blank_is_zero=True)
            if issues or not isinstance(stated, int | float):
                self.found.issues.extend(issues)
                continue
            numbers = (r.values.get(f.id) for r in self.found.records)
            summed = sum((Decimal(str(v)) for v in numbers if isinstance(v, int | float)), Decimal(0))
            if Decimal(str(stated)) != summed:
                self.found.issues.append(
                    self.ctx.issue(
                        "total-mismatch",
                        cell,
                        f,
                        stated,
                        message=message.format(field=f.label),
                        hint=_fmt(summed),
                        severity=severity,
                    )
                )


def _fmt(number: Decimal) -> str:
    return str(int(number)) if number == number.to_integral_value() else str(number.normalize())


def extract(doc: Document, form: FormDef, ctx: normalise.Context) -> Found:
    found = Found()
    for table in doc.tables:
        header = _find_header(table, form)
        key_col = _key_column(table, header, form) if header else None
        if header is None or key_col is None:
            continue
        reader = _MatrixReader(table, header, key_col, form, ctx, Found(), doc.name)
        reader.run()
        found.records.extend(reader.found.records)
        found.issues.extend(reader.found.issues)
    return found
