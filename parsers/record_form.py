"""Record layout: one item per table, its labels beside their values — in a label cell with the value to its
right (2 or 4 columns) or below, as `标签：值` pairs inside a cell (several per cell or one per line), or in the
paragraphs above the table. A repeated label starts the next item. A document with no table at all may hold the
pairs one per paragraph under its title."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from forms.model import FieldDef, FormDef
from parsers import fuzzy, labels, normalise, pairs
from parsers.cells import Cell, Document, Table
from parsers.columns import plain
from parsers.extract import key_cell, record
from parsers.listing import Found, Used
from parsers.rows import is_note_label, title_text

# What a blank template leaves where a value goes: 年  月  日, （公章）, ____.
_EMPTY = re.compile(r"^[\s年月日_＿（）()公章盖印签字名:：]*$")


@dataclass(slots=True)
class _Pair:
    field: FieldDef | None  # None: a label the form does not know, kept as an extra
    label: str
    cell: Cell


@dataclass(slots=True)
class _Item:
    cells: dict[str, Cell] = field(default_factory=dict)
    unknown: list[_Pair] = field(default_factory=list)  # labels the form does not list, with a value

    def has_content(self) -> bool:
        return bool(self.unknown) or any(not _blank(c) for c in self.cells.values())


def _distinct(row: list[Cell]) -> list[Cell]:
    """A row's cells with horizontal merge copies dropped."""
    out: list[Cell] = []
    for cell in row:
        if out and cell.merged and out[-1].merged and out[-1].sheet == cell.sheet and out[-1].ref == cell.ref:
            continue
        out.append(cell)
    return out


def _field(label: str, form: FormDef) -> FieldDef | None:
    text = label.strip()
    if not text or len(text) > 24:
        return None
    f, s = labels.best_field(text, form.fields)
    return f if s >= labels.NO_UNIT else None


def _label_of(cell: Cell, form: FormDef) -> FieldDef | None:
    return _field(cell.text, form)


def _inside(cell: Cell, form: FormDef) -> list[_Pair] | None:
    """The pairs written inside one cell, or None when the cell is not `标签：值` text."""
    text = cell.text
    if "：" not in text and ":" not in text:
        return None
    found = [(label, value) for label, value in pairs.in_text(text) if _field(label, form) or not is_note_label(label)]
    if not found or (len(found) == 1 and not found[0][1]):
        return None  # a lone label cell (案件名称：) whose value is the next cell
    return [_Pair(_field(label, form), label, Cell(value or None, cell.sheet, cell.ref)) for label, value in found]


def _table_pairs(table: Table, form: FormDef) -> list[_Pair]:
    """Pairs in reading order. A label with nothing to its right takes the row below (案情简介)."""
    out: list[_Pair] = []
    rows = [_distinct(r) for r in table.rows]
    taken: set[tuple[str, str]] = set()  # value cells already paired with their label
    for r, row in enumerate(rows):
        for i, cell in enumerate(row):
            if (cell.merged and cell.origin is not None and cell.origin[0] != r) or (cell.sheet, cell.ref) in taken:
                continue
            f = _label_of(cell, form)
            if f is None:
                out.extend(_inside(cell, form) or ())
                continue
            right = row[i + 1] if i + 1 < len(row) else None
            below = rows[r + 1][0] if r + 1 < len(rows) else None
            if right is not None and _label_of(right, form) is None:
                out.append(_Pair(f, f.label, right))
                taken.add((right.sheet, right.ref))
            elif right is None and below is not None and all(_label_of(c, form) is None for c in rows[r + 1]):
                out.append(_Pair(f, f.label, below))
                taken.add((below.sheet, below.ref))
    return out


def _line_pairs(lines: list[str], sheet: str, form: FormDef, keep_unknown: bool = False) -> list[_Pair]:
    """Pairs in paragraphs (体检日期：2024年3月5日    编号：0012), located by paragraph: 表1上方第2段."""
    out: list[_Pair] = []
    for n, line in enumerate(lines, start=1):
        if title_text(line):
            continue
        where = f"上方第{n}段" if sheet.startswith("表") else f"第{n}段"
        for label, value in pairs.split(line):
            f = _field(label, form)
            if f is not None or (keep_unknown and not is_note_label(label)):
                out.append(_Pair(f, label, Cell(value or None, sheet, where)))
    return out


def _items(found: list[_Pair]) -> list[_Item]:
    items: list[_Item] = []
    current = _Item()
    for p in found:
        if p.field is None:
            if not _blank(p.cell) and all(u.label != p.label for u in current.unknown):
                current.unknown.append(p)
            continue
        if p.field.id in current.cells:
            items.append(current)
            current = _Item()
        current.cells[p.field.id] = p.cell
    if current.cells or current.unknown:
        items.append(current)
    return items


def _blank(cell: Cell) -> bool:
    value = cell.value
    return value is None or (isinstance(value, str) and bool(_EMPTY.match(value)))


def _placed(item: _Item, form: FormDef, ctx: normalise.Context, found: Found) -> dict[str, object]:
    """Labels the form does not list: a close one with a fitting value goes to its field (`fuzzy-header`,
    reported once per file), the rest are kept as the record's extra values."""
    free = [f for f in form.fields if f.id not in item.cells]
    labels_ = {n: p.label for n, p in enumerate(item.unknown)}
    values = {n: [p.cell.value] for n, p in enumerate(item.unknown)}
    extra: dict[str, object] = {}
    guessed = {g.column: g for g in fuzzy.guess(labels_, values, free, form)}
    for n, p in enumerate(item.unknown):
        g = guessed.get(n)
        if g is None:
            extra[p.label] = plain(p.cell.value)
            continue
        item.cells[g.field.id] = p.cell
        if (g.label, g.field.id) not in found.fuzzy_seen:
            found.fuzzy_seen.add((g.label, g.field.id))
            found.issues.append(ctx.issue("fuzzy-header", p.cell, g.field, g.label, where="标签", hint=g.why))
    return extra


def _read(items: list[_Item], form: FormDef, ctx: normalise.Context, file: str, found: Found, used: Used) -> None:
    for item in items:
        if not item.has_content():
            continue  # a blank copy of the form left in the file
        extra = _placed(item, form, ctx, found)
        cells = {fid: (Cell(None, c.sheet, c.ref) if _blank(c) else c) for fid, c in item.cells.items()}
        anchor = key_cell(form, form.fields, cells)
        if anchor is None:
            continue
        result = normalise.row(cells, form.fields, ctx, anchor=anchor)
        found.records.append(record(file, ctx.unit, None, result, anchor, extra or None))
        found.issues.extend(result.issues)
        used.records += 1


def extract(doc: Document, form: FormDef, ctx: normalise.Context) -> Found:
    found = Found()
    for table in doc.tables:
        items = _items(_table_pairs(table, form))
        if not items:
            continue
        # Pairs in the paragraphs above the table fill what the table's first item does not say.
        for p in _line_pairs(list(table.before), table.name, form):
            if p.field is not None and p.field.id not in items[0].cells and not _blank(p.cell):
                items[0].cells[p.field.id] = p.cell
        used = Used(table.name, table.name)
        found.used.append(used)
        _read(items, form, ctx, doc.name, found, used)
    if not found.used and doc.text:
        # No table: the pairs stand one per paragraph under the title.
        items = _items(_line_pairs(list(doc.text), "正文", form, keep_unknown=True))
        used = Used("正文", "正文")
        found.used.append(used)
        _read(items, form, ctx, doc.name, found, used)
    return found
