"""Where a form says its table is: the sheet it names (`sheet:`) and columns by position (`header: false`).

A hook the layout readers call; without those two keys in a form nothing here changes what they do.
"""

from __future__ import annotations

from dataclasses import replace

from forms.issues import Issue, issue
from forms.model import FieldDef, FormDef
from forms.types import squash
from parsers.cells import Cell, Document, Table
from parsers.locate import Header
from parsers.rows import own_cells


def on_sheet(doc: Document, form: FormDef) -> tuple[Document, list[Issue]]:
    """Only the tables on the sheet the form names; all of them, with a warning, when no sheet has that name."""
    if form.sheet is None:
        return doc, []
    wanted = squash(form.sheet)
    tables = [t for t in doc.tables if squash(t.name) == wanted]
    if tables:
        return replace(doc, tables=tables), []
    names = "、".join(t.name for t in doc.tables) or "（无）"
    found = issue("sheet-not-found", form=form.id, file=doc.name, value=form.sheet, hint=names)
    return doc, [found]


def columns(form: FormDef, fields: tuple[FieldDef, ...] | None = None) -> dict[int, FieldDef]:
    """Field by column for a table without a header row: `column` where given, else the next column in order."""
    out: dict[int, FieldDef] = {}
    next_col = 0
    for f in fields if fields is not None else form.fields:
        col = f.position if f.position is not None else next_col
        out[col] = f
        next_col = col + 1
    return dict(sorted(out.items()))


def _is_title(row: list[Cell], r: int) -> bool:
    """A title above a header-less table: one text merged across most of the row."""
    own = own_cells(row, r)
    if len(own) != 1:
        return False
    c = own[0][0]
    covered = sum(1 for cell in row if cell.merged and cell.origin == (r, c))
    return covered > max(1, len(row) // 2)


def positional_header(table: Table, form: FormDef) -> Header:
    """A header of no rows standing where the data starts (after any title rows at the top)."""
    start = 0
    while start < len(table.rows) and (_is_title(table.rows[start], start) or not own_cells(table.rows[start], start)):
        start += 1
    return Header(start, 0, columns(form))
