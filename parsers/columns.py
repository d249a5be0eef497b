"""What every body row under one header shares: which column is which field (by label, synonym, or a reported
guess), which columns are kept as extras, worked out once per header rather than once per row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import chain
from operator import attrgetter

from forms.issues import Issue
from forms.model import FieldDef, FormDef, Section
from parsers import fuzzy, locate, normalise
from parsers.cells import Cell, Grid, Table, row_label
from parsers.extract import key_order
from parsers.rows import heading_text

_SAMPLE_ROWS = 50  # body rows looked at to see what an unnamed column holds
_MERGED = attrgetter("merged")


def header_place(cell: Cell) -> str:
    """Where a header row is, as a clerk reads it: 工作表“Sheet1”第3行 / 表1第2行 / 第2页表1第3行 (a PDF's page
    already names itself: only a spreadsheet's row needs its sheet)."""
    location = cell.location
    where = row_label(location)
    return f"工作表“{cell.sheet}”{where}" if "!" in location else where


def plain(value: object) -> object:
    """An extra column's value as JSON and the 汇总表 keep it: text trimmed, 3.0 -> 3, dates as YYYY-MM-DD."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) or value is None:
        return value
    return str(value)


@dataclass(slots=True)
class Body:
    columns: list[tuple[int, FieldDef]]
    seq_col: int | None
    fields: tuple[FieldDef, ...]
    extras: dict[int, str]  # column -> label, for columns of no field
    required_columns: frozenset[int]
    typed_columns: frozenset[int]
    merges: bool  # the table has merged cells: a horizontal merge's copies are blanks, not values
    ctx: normalise.Context
    # field id -> its column, in column order: the cells of a row as `cells` gives them
    column_of: dict[str, int]
    # The columns that may locate a record read as values, first choice first (extract.key_order)
    key_columns: tuple[int, ...]
    # How a row read as values is normalised (normalise.values_row); None when a column holds a field outside
    # the section's fields (such a row is read from its Cells).
    plan: tuple[normalise.Column, ...] | None
    issues: list[Issue] = field(default_factory=list)
    warned: set[int] = field(default_factory=set)

    @classmethod
    def of(
        cls,
        table: Table,
        header: locate.Header,
        form: FormDef,
        section: Section | None,
        ctx: normalise.Context,
        seen: set[tuple[str, str]],
    ) -> Body:
        fields = form.section_fields(section)
        texts = locate.column_labels(table, header)
        mapping = dict(header.columns)
        guesses = _guesses(table, header, texts, mapping, fields, form)
        issues = []
        for g in guesses:
            mapping[g.column] = g.field
            if (g.label, g.field.id) not in seen:
                seen.add((g.label, g.field.id))
                cell, where = table.rows[header.row][g.column], f"第{g.column + 1}列"
                issues.append(ctx.issue("fuzzy-header", cell, g.field, g.label, where=where, hint=g.why))
        ordered = sorted(mapping.items())
        width = table.width
        column_of = {f.id: c for c, f in ordered if c < width}
        inside = {f.id for f in fields} >= column_of.keys()
        return cls(
            columns=ordered,
            seq_col=next((c for c, f in ordered if f.id == "seq"), None),
            fields=fields,
            extras=_extra_labels(texts, mapping, width),
            required_columns=frozenset(c for c, f in ordered if f.required),
            typed_columns=frozenset(c for c, f in ordered if f.type != "text"),
            merges=_has_merges(table),
            ctx=ctx,
            column_of=column_of,
            key_columns=tuple(column_of[fid] for fid in key_order(form, fields) if fid in column_of),
            plan=normalise.plan(fields, column_of, ctx) if inside else None,
            issues=issues,
        )

    def cells(self, row: list[Cell]) -> dict[str, Cell]:
        width = len(row)
        cells = {f.id: row[c] for c, f in self.columns if c < width}
        if self.merges:
            for c, f in self.columns:
                cell = cells.get(f.id)
                if cell is not None and cell.merged and cell.origin is not None and cell.origin[1] != c:
                    # A value merged across columns belongs to its first column only, never copied into each.
                    cells[f.id] = Cell(None, cell.sheet, cell.ref)
        return cells

    def extra(self, row: list[Cell], own: list[tuple[int, Cell]]) -> dict[str, object] | None:
        if not self.extras:
            return None
        kept = {self.extras[c]: plain(cell.value) for c, cell in own if c in self.extras}
        return kept or None

    def keyed(self, own: list[tuple[int, Cell]]) -> bool:
        """The common case: the row has something in a required column (机构名称, 姓名)."""
        required = self.required_columns
        for c, _cell in own:  # noqa: SIM110 - a loop, not any(): this runs for every row, a generator costs more
            if c in required:
                return True
        return False

    def unplaced(self, own: list[tuple[int, Cell]]) -> bool:
        """A row without its key that is no record: content only in columns of no field, or, with no typed
        value, only a heading or a note written into a text column (1、所有有变化的值均需注明原因！)."""
        required = self.required_columns
        mapped = [(c, cell) for c, cell in own if c not in self.extras]
        if not mapped:
            return True
        if not required or any(c in self.typed_columns for c, _cell in mapped):
            return False
        return all(isinstance(cell.value, str) and _remark(cell.value) for _c, cell in mapped)

    def warn_unmapped(self, own: list[tuple[int, Cell]]) -> list[Issue]:
        if not self.extras:
            return []
        out = []
        for c, cell in own:
            if c in self.extras and c not in self.warned:
                self.warned.add(c)
                out.append(self.ctx.issue("unmapped-column", cell, None, self.extras[c], where=c + 1))
        return out


def _has_merges(table: Table) -> bool:
    rows = table.rows
    return rows.merged if isinstance(rows, Grid) else any(map(_MERGED, chain.from_iterable(rows)))


def _remark(text: str) -> bool:
    line = text.strip()
    return heading_text(line) or "\n" in line or len(line) > 20 or line.endswith(("！", "!", "。"))


def _extra_labels(texts: dict[int, str], mapping: dict[int, FieldDef], width: int) -> dict[int, str]:
    out: dict[int, str] = {}
    used: set[str] = {f.label for f in mapping.values()}
    for c in range(width):
        if c in mapping:
            continue
        label = texts.get(c) or f"第{c + 1}列（无表头）"
        n, base = 2, label
        while label in used:
            label, n = f"{base}（{n}）", n + 1
        used.add(label)
        out[c] = label
    return out


def _guesses(
    table: Table,
    header: locate.Header,
    texts: dict[int, str],
    mapping: dict[int, FieldDef],
    fields: tuple[FieldDef, ...],
    form: FormDef,
) -> list[fuzzy.Guess]:
    taken = {f.id for f in mapping.values()}
    free = [f for f in fields if f.id not in taken]
    open_columns = {c: t for c, t in texts.items() if c not in mapping and t}
    if not free or not open_columns:
        return []
    rows = table.rows[header.body : header.body + _SAMPLE_ROWS]
    values = {c: [row[c].value for row in rows if c < len(row) and not row[c].merged] for c in open_columns}
    return fuzzy.guess(open_columns, values, free, form)
