"""Grids for list forms (the sectioned roster, the liaison roster) in the shape the blank form has."""

from __future__ import annotations

from collections.abc import Sequence

from forms.model import FieldDef, FormDef, Section
from samples.build.grid import Cell, Grid
from samples.build.truth import Rec

# Wider than the YAML's for 序号 and the phone/date columns, so Word and PDF tables do not break "序号" or a
# phone number over two lines.
WIDTHS = {"seq": 7, "first_certified": 18, "contact": 12, "phone": 22}
Indexed = list[tuple[int, Rec]]
Runs = dict[int, int] | None


def record_cells(i: int, rec: Rec, fields: Sequence[FieldDef], last_span: int = 1) -> list[Cell]:
    """One record's cells in the given column order; the last one may stretch to the grid's width."""
    cells = []
    for n, f in enumerate(fields):
        span = last_span if n == len(fields) - 1 else 1
        fmt = "0.00" if f.type == "decimal" else None
        cells.append(Cell(rec.written(f), span=span, tag=(i, f.id), number_format=fmt))
    return cells


def header_cells(fields: Sequence[FieldDef], last_span: int = 1) -> list[Cell]:
    return [Cell(f.header, kind="header", span=last_span if n == len(fields) - 1 else 1) for n, f in enumerate(fields)]


def widths(fields: Sequence[FieldDef]) -> list[float]:
    return [WIDTHS.get(f.id, f.width) for f in fields]


def by_section(recs: Sequence[Rec], section: str | None) -> Indexed:
    return [(i, r) for i, r in enumerate(recs) if r.section == section]


def full_widths(form: FormDef) -> list[float]:
    """Column widths of the widest section (out_of_province) — the roster's grid."""
    widest = max(form.sections, key=lambda s: len(s.fields)) if form.sections else None
    return widths(form.section_fields(widest))


def section_block(
    grid: Grid, form: FormDef, section: Section, items: Indexed, heading: bool = True, runs: Runs = None
) -> None:
    """Heading row, header row and one row per record; short sections stretch their last column.

    `runs` maps a record index to the number of records its 领域 cell covers (a vertical merge); the
    records below it then have no 领域 cell of their own.
    """
    fields = form.section_fields(section)
    span = grid.width - len(fields) + 1
    if heading:
        grid.full(section.heading, "heading")
    grid.add(*header_cells(fields, span))
    covered_until = -1
    for i, rec in items:
        cells = record_cells(i, rec, fields, span)
        for cell in cells:
            if cell.tag == (i, "domain") and runs and i in runs:
                cell.down = runs[i]
                covered_until = i + runs[i] - 1
        if i <= covered_until and not (runs and i in runs):
            cells = [c for c in cells if c.tag != (i, "domain")]
        grid.add(*cells)


def roster_table(form: FormDef, recs: Sequence[Rec]) -> Grid:
    """All four sections in one ruled table, headings as merged full-width rows (the template's shape)."""
    widths = full_widths(form)
    grid = Grid(len(widths), widths)
    for section in form.sections:
        section_block(grid, form, section, by_section(recs, section.key))
    return grid


def section_table(form: FormDef, section: Section, items: Indexed) -> Grid:
    """One section as its own table (no heading row: the heading is a paragraph above it)."""
    fields = form.section_fields(section)
    grid = Grid(len(fields), widths(fields))
    section_block(grid, form, section, items, heading=False)
    return grid


def list_table(form: FormDef, recs: Sequence[Rec]) -> Grid:
    """An unsectioned list form: header row and records."""
    grid = Grid(len(form.fields), widths(form.fields))
    grid.add(*header_cells(form.fields))
    for i, rec in enumerate(recs):
        grid.add(*record_cells(i, rec, form.fields))
    return grid


def titled(form: FormDef, table: Grid, meta: list[Cell] | None, notes: bool = True) -> Grid:
    """A worksheet: title row, meta row, the table, then the form's notes — the template's shape."""
    sheet = Grid(table.width, table.widths)
    sheet.full(form.title, "title")
    if meta:
        sheet.add(*meta)
    sheet.extend(table)
    if notes:
        for note in form.notes:
            sheet.full(note, "note")
    return sheet


def meta_cells(width: int, *texts: str) -> list[Cell]:
    """Meta written as `label：value` texts sharing the row, each merged over an equal share of the width."""
    share, extra = divmod(width, len(texts))
    return [Cell(t, span=share + (1 if n == len(texts) - 1 else 0) * extra, kind="meta") for n, t in enumerate(texts)]
