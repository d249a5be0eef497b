"""Grids for record forms (one item per table): label/value pairs, long fields across the whole line."""

from __future__ import annotations

from forms.model import FormDef
from generators.form_layout import layout
from samples.build.grid import Cell, Grid
from samples.build.truth import Rec


def record_table(form: FormDef, i: int, rec: Rec) -> Grid:
    """The paper form's 4-column table (label, value, label, value), as generators/form_layout lays it out."""
    grid = Grid(4, [14, 30, 14, 30])
    for line in layout(form).record_lines:
        cells: list[Cell] = []
        for f in line.fields:
            span = 3 if len(line.fields) == 1 else 1
            cells.append(Cell(f.header, kind="header"))
            cells.append(Cell(rec.written(f), span=span, tag=(i, f.id), number_format=_fmt(f.type)))
        grid.add(*cells)
    return grid


def two_column_table(form: FormDef, i: int, rec: Rec) -> Grid:
    """Label in one column, value in the next, one field per row."""
    grid = Grid(2, [16, 70])
    for f in form.fields:
        grid.add(Cell(f.header, kind="header"), Cell(rec.written(f), tag=(i, f.id), number_format=_fmt(f.type)))
    return grid


def _fmt(field_type: str) -> str | None:
    return "0.00" if field_type == "decimal" else None
