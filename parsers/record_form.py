"""Record layout: label–value tables (2 or 4 columns), one item per table; a repeated label starts the next."""

from __future__ import annotations

from forms.model import FieldDef, FormDef
from parsers import labels, normalise
from parsers.cells import Cell, Document, Table
from parsers.extract import key_cell, record
from parsers.listing import Found


def _distinct(row: list[Cell]) -> list[Cell]:
    """A row's cells with horizontal merge copies dropped."""
    out: list[Cell] = []
    for cell in row:
        if out and cell.merged and out[-1].merged and out[-1].sheet == cell.sheet and out[-1].ref == cell.ref:
            continue
        out.append(cell)
    return out


def _label_of(cell: Cell, form: FormDef) -> FieldDef | None:
    text = cell.text.strip()
    if not text or len(text) > 24:
        return None
    f, s = labels.best_field(text, form.fields)
    return f if s >= labels.NO_UNIT else None


def _pairs(table: Table, form: FormDef) -> list[tuple[FieldDef, Cell]]:
    """(field, value cell) in reading order. A label with nothing to its right takes the row below (案情简介)."""
    pairs: list[tuple[FieldDef, Cell]] = []
    rows = [_distinct(r) for r in table.rows]
    for r, row in enumerate(rows):
        for i, cell in enumerate(row):
            f = _label_of(cell, form)
            if f is None or (cell.merged and cell.origin is not None and cell.origin[0] != r):
                continue
            right = row[i + 1] if i + 1 < len(row) else None
            if right is not None and _label_of(right, form) is None:
                pairs.append((f, right))
            elif right is None and r + 1 < len(rows) and all(_label_of(c, form) is None for c in rows[r + 1]):
                pairs.append((f, rows[r + 1][0]))
    return pairs


def _split(pairs: list[tuple[FieldDef, Cell]]) -> list[dict[str, Cell]]:
    items: list[dict[str, Cell]] = []
    current: dict[str, Cell] = {}
    for f, cell in pairs:
        if f.id in current:
            items.append(current)
            current = {}
        current[f.id] = cell
    if current:
        items.append(current)
    return items


def extract(doc: Document, form: FormDef, ctx: normalise.Context) -> Found:
    found = Found()
    for table in doc.tables:
        for cells in _split(_pairs(table, form)):
            if all(not c.text.strip() for c in cells.values()):
                continue  # a blank copy of the form left in the file
            anchor = key_cell(form, form.fields, cells)
            assert anchor is not None
            result = normalise.row(cells, form.fields, ctx, anchor=anchor)
            found.records.append(record(doc.name, ctx.unit, None, result, anchor))
            found.issues.extend(result.issues)
    return found
