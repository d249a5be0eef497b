"""Shared by the three layouts: building a record from a normalised row, and the key-cell rule."""

from __future__ import annotations

from forms.model import FieldDef, FormDef
from forms.types import is_blank
from parsers.cells import Cell
from parsers.normalise import Row
from parsers.results import Record, Source


def key_cell(form: FormDef, fields: tuple[FieldDef, ...], cells: dict[str, Cell]) -> Cell | None:
    """The cell a record is located by: its first required field (机构名称, 姓名, 案件名称; a matrix's row key),
    else its first non-empty cell in field order."""
    preferred = [f.id for f in fields if f.required]
    if form.rows:
        preferred.insert(0, form.rows.field)
    for fid in preferred:
        cell = cells.get(fid)
        if cell is not None and not is_blank(cell.value):
            return cell
    filled = [cells[f.id] for f in fields if f.id in cells and not is_blank(cells[f.id].value)]
    return filled[0] if filled else next(iter(cells.values()), None)


def record(file: str, unit: str | None, section: str | None, row: Row, anchor: Cell) -> Record:
    # Built from values this module already normalised and typed: no need to validate them again
    # (a return can hold thousands of rows).
    return Record.model_construct(
        unit=unit,
        section=section,
        values=row.values,
        source=Source.model_construct(file=file, sheet=anchor.sheet, cell=anchor.ref),
        cells={fid: c.location for fid, c in row.cells.items()},
    )
