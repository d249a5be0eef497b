"""Grids for matrix forms: a header row (or two), one row per row key, the 合计 row."""

from __future__ import annotations

from collections.abc import Sequence

from forms.model import FormDef
from samples.build.grid import Cell, Grid
from samples.build.layout_list import header_cells, record_cells
from samples.build.truth import Rec

VALUE_WIDTH = 12  # Excel width of each numeric column


def matrix_grid(form: FormDef) -> Grid:
    assert form.rows is not None
    width = 1 + len(form.value_fields)
    return Grid(width, [max(form.field(form.rows.field).width, 14)] + [VALUE_WIDTH] * (width - 1))


def matrix_body(grid: Grid, form: FormDef, recs: Sequence[Rec], totals: dict[str, object]) -> None:
    """The rows and the 合计 row; 合计 cells are tagged ("total", field) for total-mismatch issues."""
    assert form.rows is not None
    columns = [form.field(form.rows.field), *form.value_fields]
    for i, rec in enumerate(recs):
        grid.add(*record_cells(i, rec, columns))
    cells = [Cell(form.rows.total, kind="total")]
    for f in form.value_fields:
        fmt = "0.00" if f.type == "decimal" else None
        cells.append(Cell(totals[f.id], kind="total", tag=("total", f.id), number_format=fmt))
    grid.add(*cells)


def matrix_table(form: FormDef, recs: Sequence[Rec], totals: dict[str, object]) -> Grid:
    """The blank form's table, filled: one header row of labels with units."""
    grid = matrix_grid(form)
    grid.add(*header_cells((form.field(form.rows.field), *form.value_fields) if form.rows else ()))
    matrix_body(grid, form, recs, totals)
    return grid
