"""List layout: one record per row under a header row, possibly in sections (heading rows, one table or one
sheet per section)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from forms.issues import Issue
from forms.model import FieldDef, FormDef, Section
from parsers import labels, locate, normalise, placement
from parsers.cells import Cell, Document, Table
from parsers.extract import key_cell, record
from parsers.results import Record
from parsers.rows import Kind, kind_of, own_cells

_SEARCH_ROWS = 30  # a header is looked for this far below a table's start or a section heading


@dataclass(slots=True)
class Found:
    records: list[Record] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    sections_seen: list[str] = field(default_factory=list)


class _Keys:
    """Fast pre-check: does a row look like a (repeated) header? Exact label keys only, no scoring."""

    def __init__(self, fields: Sequence[FieldDef]) -> None:
        self.keys = {k for f in fields for lbl in f.labels for k in (labels.key(lbl), labels.bare(lbl))}
        # A header cell is made of label characters plus spacing and brackets; most data values are not.
        self.chars = frozenset("".join(self.keys) + " \u3000\t\r\n:：*＊()（）【】[]")

    def looks_like_header(self, row: Sequence[Cell]) -> bool:
        hits = 0
        for c in row:
            text = c.value if isinstance(c.value, str) else None
            if not text or len(text) > 40 or not self.chars.issuperset(text):
                continue
            if labels.key(text) in self.keys or labels.bare(text) in self.keys:
                hits += 1
                if hits >= 2:
                    return True
        return False


def _context_section(table: Table, form: FormDef) -> Section | None:
    for text in (*reversed(table.before), table.name):
        s = locate.section_named(text, form)
        if s is not None:
            return s
    return None


def _pick_section(header: locate.Header, form: FormDef, found: Found) -> Section | None:
    """A header with no heading above it: decided by its fields, else the next section not yet seen."""
    mapped = {f.id for f in header.columns.values()}
    by_fields = locate.best_section(mapped, form)
    exclusive = by_fields is not None and any(
        fid in mapped
        for fid in by_fields.fields
        if all(fid not in s.fields for s in form.sections if s is not by_fields)
    )
    if exclusive:
        return by_fields
    return next((s for s in form.sections if s.key not in found.sections_seen), by_fields)


@dataclass(slots=True)
class _Body:
    """What every body row under one header shares, worked out once per header rather than once per row."""

    columns: list[tuple[int, FieldDef]]
    seq_col: int | None
    fields: tuple[FieldDef, ...]

    @classmethod
    def of(cls, header: locate.Header, form: FormDef, section: Section | None) -> _Body:
        seq_col = next((c for c, f in header.columns.items() if f.id == "seq"), None)
        return cls(list(header.columns.items()), seq_col, form.section_fields(section))


class _TableReader:
    def __init__(self, table: Table, form: FormDef, ctx: normalise.Context, found: Found, file: str) -> None:
        self.table, self.form, self.ctx, self.found, self.file = table, form, ctx, found, file
        self.keys = _Keys(form.fields)
        self.section: Section | None = _context_section(table, form)
        self.header: locate.Header | None = None
        self.body: _Body | None = None
        self.search_until = _SEARCH_ROWS
        self.warned_columns: set[int] = set()
        self.start = 0
        if not form.header:  # columns by position (parsers.placement)
            self._start(placement.positional_header(table, form))
            self.start = self.header.body if self.header else 0

    def run(self) -> None:
        r = self.start
        rows = self.table.rows
        while r < len(rows):
            r = self._step(r, rows[r])

    def _step(self, r: int, row: list[Cell]) -> int:
        heading = locate.heading_row(row, r, self.form)
        if heading is not None:
            self.section, self.header, self.search_until = heading, None, r + _SEARCH_ROWS
            return r + 1
        if self.form.header and ((self.header is None and r <= self.search_until) or self.keys.looks_like_header(row)):
            header = locate.header_at(self.table, r, self.form.fields)
            if header is not None:
                self._start(header)
                return header.body
        if self.header is not None:
            self._data(r, row)
        return r + 1

    def _start(self, header: locate.Header) -> None:
        if self.form.sections:
            repeated = self.header is not None and set(header.columns) == set(self.header.columns)
            # A second header with other columns and no heading between starts another section.
            if self.section is None or (self.header is not None and not repeated):
                self.section = _pick_section(header, self.form, self.found)
        self.header = header
        self.body = _Body.of(header, self.form, self.section)
        if self.section is not None and self.section.key not in self.found.sections_seen:
            self.found.sections_seen.append(self.section.key)

    def _data(self, r: int, row: list[Cell]) -> None:
        assert self.header is not None and self.body is not None
        body = self.body
        own = own_cells(row, r)
        if kind_of(own, body.seq_col) is not Kind.DATA:
            return
        width = len(row)
        cells = {f.id: row[c] for c, f in body.columns if c < width}
        unmapped = [(c, cell) for c, cell in own if c not in self.header.columns]
        if len(unmapped) == len(own):
            self.found.issues.append(self.ctx.issue("skipped-row", own[0][1], None, " ".join(x.text for _c, x in own)))
            return
        if unmapped:
            self._warn_unmapped(unmapped)
        anchor = key_cell(self.form, body.fields, cells) or own[0][1]
        result = normalise.row(cells, body.fields, self.ctx, anchor=anchor)
        self.found.records.append(
            record(self.file, self.ctx.unit, self.section.key if self.section else None, result, anchor)
        )
        self.found.issues.extend(result.issues)

    def _warn_unmapped(self, unmapped: list[tuple[int, Cell]]) -> None:
        assert self.header is not None
        head = self.table.rows[self.header.row]
        for c, cell in unmapped:
            if c in self.warned_columns or c >= len(head) or not head[c].text:
                continue
            self.warned_columns.add(c)
            self.found.issues.append(self.ctx.issue("unmapped-column", cell, None, head[c].text.strip(), where=c + 1))


def extract(doc: Document, form: FormDef, ctx: normalise.Context) -> Found:
    found = Found()
    for table in doc.tables:
        _TableReader(table, form, ctx, found, doc.name).run()
    return found
