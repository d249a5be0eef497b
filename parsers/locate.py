"""Where the table is: header rows (one or two rows deep), section headings, and the body between them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from forms.model import FieldDef, FormDef, Section
from forms.types import squash
from parsers import labels
from parsers.cells import Cell, Table
from parsers.rows import own_cells


@dataclass(frozen=True, slots=True)
class Header:
    row: int
    span: int
    columns: dict[int, FieldDef]

    @property
    def body(self) -> int:
        return self.row + self.span


def _texts(row: Sequence[Cell]) -> list[str]:
    return [c.text.strip() for c in row]


def _candidates(table: Table, r: int, span: int) -> list[list[str]]:
    """Per column, the texts that may name it: the lower header cell, parent+child, the upper cell."""
    top = _texts(table.rows[r])
    if span == 1:
        return [[t] for t in top]
    low = _texts(table.rows[r + 1]) if r + 1 < len(table.rows) else []
    low += [""] * (len(top) - len(low))
    return [[lo, hi + lo, hi] if lo and lo != hi else [hi] for hi, lo in zip(top, low, strict=False)]


_CJK_BREAK = re.compile(r"(?<=[\u4e00-\u9fff（）])\s+(?=[\u4e00-\u9fff（）])")


def joined(text: str) -> str:
    """A header as one line: a label broken inside a cell (备案用商品名\n称) is one word again."""
    return " ".join(_CJK_BREAK.sub("", text.strip()).split())


def column_labels(table: Table, header: Header) -> dict[int, str]:
    """What the header says above each column, one or two rows joined (合格 + 数量 -> 合格数量); "" for none."""
    rows = table.rows[header.row : header.body]
    width = max((len(r) for r in rows), default=0)
    labels: dict[int, str] = {}
    for c in range(width):
        parts: list[str] = []
        for k, row in enumerate(rows, start=header.row):
            cell = row[c] if c < len(row) else None
            if cell is None or (k == header.body - 1 and cell.merged and cell.origin and cell.origin[1] != c):
                continue  # a label merged across columns names its first column only
            text = joined(cell.text)
            if text and text not in parts:
                parts.append(text)
        labels[c] = "".join(parts)
    return labels


def first_header(table: Table, fields: Sequence[FieldDef], limit: int = 30) -> Header | None:
    """The first header of these fields in a table's first rows."""
    for r in range(min(len(table.rows), limit)):
        header = header_at(table, r, fields)
        if header is not None:
            return header
    return None


def _own_texts(table: Table, r: int) -> list[list[str]]:
    """A row's texts per column, without what a merge from the row above carries down into it."""
    return [
        [c.text.strip() if not (c.merged and c.origin is not None and c.origin[0] < r) else ""] for c in table.rows[r]
    ]


def _enough(mapping: dict[int, FieldDef], fields: Sequence[FieldDef]) -> bool:
    need = min(3, len(fields))
    return len(mapping) >= need and len(mapping) >= 2


def header_at(table: Table, r: int, fields: Sequence[FieldDef]) -> Header | None:
    """A header starting at row r, one or two rows deep, or None."""
    best: Header | None = None
    top = labels.assign(_candidates(table, r, 1), fields)
    if not top:
        return None  # a header starts on a row that names fields itself, not on a title or meta row above
    for span in (1, 2):
        if r + span > len(table.rows):
            break
        mapping = top if span == 1 else labels.assign(_candidates(table, r, span), fields)
        if not _enough(mapping, fields) or (best is not None and len(mapping) <= len(best.columns)):
            continue
        if span == 2 and len(mapping) <= len(labels.assign(_own_texts(table, r + 1), fields)):
            continue  # the row below names as much alone: the header starts there (this row is a title or note)
        best = Header(r, span, mapping)
    return best


def section_named(text: str, form: FormDef) -> Section | None:
    """The one section a heading text names (一、体制内… or a sheet named 第三方机构), else None."""
    key = squash(text)
    if len(key) < 2:
        return None
    hits = []
    for s in form.sections:
        phrases = [squash(p) for p in (s.heading, *s.synonyms)]
        if any(p in key for p in phrases) or (len(key) >= 3 and any(key in p for p in phrases)):
            hits.append(s)
    return hits[0] if len(hits) == 1 else None


def heading_row(row: Sequence[Cell], r: int, form: FormDef) -> Section | None:
    """A row that is a section heading: one distinct text (often a merged full-width cell) naming a section."""
    if not form.sections:
        return None
    return heading_of([c.text for _i, c in own_cells(row, r)], form)


def heading_of(texts: Sequence[str], form: FormDef) -> Section | None:
    """`heading_row` for the texts of a row's own cells."""
    if not texts or len(set(texts)) > 1:
        return None
    return section_named(texts[0], form)


def best_section(mapped: set[str], form: FormDef) -> Section | None:
    """For a header without a heading: the section whose fields it covers best (外省 has 联系人 and 联系方式)."""
    if not form.sections:
        return None
    scored = sorted(form.sections, key=lambda s: -len(mapped & set(s.fields)) + len(set(s.fields) - mapped) * 0.1)
    return scored[0]
