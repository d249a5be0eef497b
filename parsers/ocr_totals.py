"""Figures a scan's own 合计 vouches for: in a column whose total, read with confidence, is exactly the sum of the
figures read above it, each of those figures is right — a misread one would have to be offset by another misread
to the exact amount. The recogniser is often unsure of a lone 0 in a statistics table (its commonest figure);
when the column adds up, the clerk need not check it (parsers/ocr_marks.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from forms.model import FormDef
from forms.types import squash
from parsers.cells import Document, Scanned, Table
from parsers.results import Return


def vouched(ret: Return, doc: Document, form: FormDef, scanned: Scanned, sure: float) -> set[str]:
    """Locations of the figures in columns that add up to a total read at least `sure`."""
    if form.rows is None or not any(rule.kind == "total" for rule in form.rules):
        return set()
    labels = {squash(label) for label in (form.rows.total, *form.rows.total_synonyms)}
    mismatched = {i.field for i in ret.issues if i.code == "total-mismatch"}
    places = {
        cell.location: (t, c) for t, table in enumerate(doc.tables) for row in table.rows for c, cell in enumerate(row)
    }
    found: set[str] = set()
    for f in form.fields:
        if f.type not in ("integer", "decimal") or f.id in mismatched:
            continue
        columns: dict[tuple[int, int], list[tuple[str, object]]] = {}
        for rec in ret.records:
            loc = rec.cells.get(f.id)
            if loc in places:
                columns.setdefault(places[loc], []).append((loc, rec.values.get(f.id)))
        for (t, c), figures in columns.items():
            total = _total(doc.tables[t], c, labels)
            if total is None or scanned.confidence.get(total[0], 0.0) < sure:
                continue
            if _sum(v for _loc, v in figures) == total[1]:
                found.update(loc for loc, _v in figures)
    return found


def _total(table: Table, column: int, labels: set[str]) -> tuple[str, Decimal] | None:
    """The location and figure of the table's 合计 row in `column`, if it has one holding a number."""
    for row in table.rows:
        if any(squash(cell.text) in labels for cell in row[:column]) and column < len(row):
            cell = row[column]
            try:
                return cell.location, Decimal(cell.text.replace(",", ""))
            except InvalidOperation:
                return None
    return None


def _sum(values: Iterable[object]) -> Decimal | None:
    """The figures' sum; None when one is not a number (a blank cell vouches for nothing)."""
    total = Decimal(0)
    for value in values:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return None
        total += Decimal(str(value))
    return total
