"""List layout: one record per row under a header row, possibly in sections (heading rows, one table or one
sheet per section). The data ends where the data ends: a 合计, a footer, or another table's title and header."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from forms.issues import Issue
from forms.model import FieldDef, FormDef, Section
from forms.types import to_text
from parsers import columns, labels, locate, normalise, placement, tables
from parsers.cells import Cell, Document, Grid, Table
from parsers.extract import Layout, key_cell, record, row_pattern
from parsers.results import Record
from parsers.rows import (
    Kind,
    heading_text,
    is_column_numbers,
    is_header_like,
    is_spanning,
    is_title_row,
    kind_of,
    kind_of_texts,
    looks_labelled,
    own_cells,
)

_SEARCH_ROWS = 30  # a header is looked for this far below a table's start or a section heading
_LOOKAHEAD = 5  # a title's header follows within this many rows


@dataclass(slots=True)
class Used:
    """One header the records were read under, for the clerk's summary: 工作表“Sheet1”第3行."""

    table: str
    where: str
    records: int = 0


@dataclass(slots=True)
class Found:
    records: list[Record] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    sections_seen: list[str] = field(default_factory=list)
    used: list[Used] = field(default_factory=list)
    fuzzy_seen: set[tuple[str, str]] = field(default_factory=set)  # (column label, field id): once per file


class _Keys:
    """Fast pre-check: does a row look like a (repeated) header? Exact label keys only, no scoring."""

    def __init__(self, fields: Sequence[FieldDef]) -> None:
        self.keys = {k for f in fields for lbl in f.labels for k in (labels.key(lbl), labels.bare(lbl))}
        # A header cell is made of label characters plus spacing and brackets; most data values are not.
        self.chars = frozenset("".join(self.keys) + " \u3000\t\r\n:：*＊()（）【】[]")

    def looks_like_header(self, row: Sequence[Cell]) -> bool:
        return self.looks_like([c.value for c in row])

    def looks_like(self, values: Sequence[object]) -> bool:
        """`looks_like_header` for a row read as values."""
        hits = 0
        for value in values:
            text = value if isinstance(value, str) else None
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


class _TableReader:
    def __init__(self, table: Table, form: FormDef, ctx: normalise.Context, found: Found, file: str) -> None:
        self.table, self.form, self.ctx, self.found, self.file = table, form, ctx, found, file
        self.keys = _Keys(form.fields)
        self.section: Section | None = _context_section(table, form)
        self.header: locate.Header | None = None
        self.body: columns.Body | None = None
        self.search_until = _SEARCH_ROWS
        self.closed = False  # after a 合计: footers only, until a new header or heading
        self.foreign: int | None = None  # first row of another table standing in this one
        self.used: Used | None = None
        self.pending = False  # a section heading came; its rows are read under the last header until its own
        self.first_body = 0  # the last row where a 栏次 row may stand: the header's first two body rows
        self.pattern: Layout | None = None  # the locations of a plain row under this header (row_pattern)
        self.patterned = False
        self.plain_rows: list[tuple[int, list[object], Cell]] = []  # (row, values, key cell), read by _flush
        self.start = 0
        if not form.header:  # columns by position (parsers.placement)
            self._start(placement.positional_header(table, form))
            self.start = self.header.body if self.header else 0

    def run(self) -> None:
        r = self.start
        rows = self.table.rows
        grid = rows if isinstance(rows, Grid) else None
        while r < len(rows):
            if grid is not None and self._steady(r):
                r = self._plain(r, grid)
                if r >= len(rows):
                    break
            self._flush()
            r = self._step(r, rows[r])
        self._flush()
        self._end_foreign(len(rows))

    def _steady(self, r: int) -> bool:
        """Under a header, in the body: where `_plain` may read a row from its values."""
        body = self.body
        return (
            body is not None
            and body.plan is not None
            and bool(body.column_of)
            and not body.extras
            and not self.pending
            and not self.closed
            and self.foreign is None
            and r > self.first_body
        )

    def _plain(self, r: int, grid: Grid) -> int:
        """`_step` for the body rows from r on that no merged range touches, read from their values: every row of
        every return comes here, and no Cell is made but its key's. Returns the first row it did not read — a
        heading, a repeated header, a lone value, a row without its key: `_step` reads that one — or the row after
        a 合计 (the table is closed then)."""
        form, body, keys = self.form, self.body, self.keys
        assert body is not None and self.used is not None
        column_of, key_columns, required = body.column_of, body.key_columns, body.required_columns
        seq_col, first_mapped = body.seq_col, next(iter(column_of.values()))
        sections, header, out = form.sections, form.header, self.plain_rows
        while r < len(grid):
            values = grid.plain(r)
            if values is None:
                return r
            # The row's own positions and their texts, in one pass (to_text is skipped for a str, most cells).
            own: list[int] = []
            texts: list[str] = []
            for c, v in enumerate(values):
                if v is None:
                    continue
                is_text = isinstance(v, str)
                text = v.strip() if is_text else to_text(v).strip()
                if text or not is_text:
                    own.append(c)
                    texts.append(text)
            if len(own) < 2 or required.isdisjoint(own):
                return r
            if sections and locate.heading_of([to_text(values[c]) for c in own], form) is not None:
                return r
            if header and keys.looks_like(values):
                return r
            kind = kind_of_texts(own, texts, seq_col)
            if kind is not Kind.DATA:
                r += 1
                if kind is Kind.TOTAL:
                    self.closed = True
                    return r
                continue
            # The key cell (extract.key_cell): the first of the key columns filled, else the first mapped column.
            key = next((c for c in key_columns if c in own), first_mapped)
            if not self.patterned:
                row = grid[r]
                self._pattern({fid: row[c] for fid, c in column_of.items()}, row[key])
            if self.pattern is None:
                return r
            out.append((r, values, grid.cell(r, key)))
            r += 1
        return r

    def _flush(self) -> None:
        """Records of the plain rows read so far, normalised a column at a time (they are all under one header
        and in one section, and nothing else was found between them)."""
        rows = self.plain_rows
        if not rows:
            return
        self.plain_rows = []
        body, ctx, grid = self.body, self.ctx, self.table.rows
        assert body is not None and body.plan is not None and self.used is not None and isinstance(grid, Grid)
        anchors = [anchor for _r, _values, anchor in rows]
        found, issues = normalise.values_rows(
            [values for _r, values, _anchor in rows], body.plan, ctx, lambda i, c: grid.cell(rows[i][0], c), anchors
        )
        section = self.section.key if self.section else None
        records, pattern, no_issues = self.found.records, self.pattern, []
        for i, (values, anchor) in enumerate(zip(found, anchors, strict=True)):
            mine = issues.get(i, no_issues)
            # Row.cells is read only for a record without a row pattern; these have the header's.
            records.append(record(self.file, ctx.unit, section, normalise.Row(values, {}, mine), anchor, None, pattern))
            self.found.issues.extend(mine)
        self.used.records += len(rows)

    def _step(self, r: int, row: list[Cell]) -> int:
        heading = locate.heading_row(row, r, self.form)
        if heading is not None:
            self._end_foreign(r)
            # The header above still holds until this section brings its own: a district may write the
            # headings of all sections under one header, and its rows must not be lost.
            self.section, self.search_until, self.closed, self.pending = heading, r + _SEARCH_ROWS, False, True
            return r + 1
        searching = (self.header is None or self.pending) and r <= self.search_until
        if self.form.header and (searching or self.keys.looks_like_header(row)):
            header = locate.header_at(self.table, r, self.form.fields)
            if header is not None:
                self._end_foreign(r)
                self._start(header)
                return header.body
        own = own_cells(row, r)
        if self.foreign is not None:
            if is_title_row(row, r, own) and self._names_form(own[0][1].text):
                self._end_foreign(r)  # this form's own title ends the other table
            return r + 1
        if len(own) == 1 and is_title_row(row, r, own) and self._starts_foreign(r):
            self.foreign, self.header, self.search_until = r, None, r + _SEARCH_ROWS
            return r + 1
        if self.header is not None:
            self._data(r, row, own)
        return r + 1

    def _starts_foreign(self, r: int) -> bool:
        """A title followed by the header of another table (逐台检查登记表 / 序号 检查项目 …), not by this
        form's header (perhaps under a 项目 · 支出预算 row or a meta line)."""
        text = next(c.text for c in self.table.rows[r] if c.text)
        if self._names_form(text):
            return False
        rows = self.table.rows
        other = False
        for n in range(r + 1, min(r + 1 + _LOOKAHEAD, len(rows))):
            own = own_cells(rows[n], n)
            if not own or all(looks_labelled(cell.text) for _c, cell in own):
                continue  # a blank or a meta line between the title and its header
            if locate.header_at(self.table, n, self.form.fields) is not None:
                return False
            if not other and not is_header_like(own):
                return False
            other = True
        return other

    def _names_form(self, text: str) -> bool:
        key = labels.key(text)
        return locate.section_named(text, self.form) is not None or any(labels.key(t) in key for t in self.form.titles)

    def _end_foreign(self, boundary: int) -> None:
        if self.foreign is None:
            return
        end = tables.last_filled(self.table, self.foreign, boundary)
        at, where = tables.span(self.table, self.foreign, end)
        title = next(c.text for c in self.table.rows[self.foreign] if c.text).split("\n", 1)[0]
        self.found.issues.append(
            normalise.table_issue(self.ctx, at, f"{where}（“{title}”）", "（其标题和表头都不是本表的）")
        )
        self.foreign = None

    def _start(self, header: locate.Header) -> None:
        self.pending = False
        if self.form.sections:
            repeated = self.header is not None and set(header.columns) == set(self.header.columns)
            # A second header with other columns and no heading between starts another section.
            if self.section is None or (self.header is not None and not repeated):
                self.section = _pick_section(header, self.form, self.found)
        self.header, self.closed, self.first_body = header, False, header.body + 1
        self.pattern, self.patterned = None, False
        self.body = columns.Body.of(self.table, header, self.form, self.section, self.ctx, self.found.fuzzy_seen)
        self.found.issues.extend(self.body.issues)
        rows = self.table.rows
        place = columns.header_place(rows[header.row][0]) if header.row < len(rows) and rows[header.row] else ""
        self.used = Used(self.table.name, place or self.table.name)
        self.found.used.append(self.used)
        if self.section is not None and self.section.key not in self.found.sections_seen:
            self.found.sections_seen.append(self.section.key)

    def _data(self, r: int, row: list[Cell], own: list[tuple[int, Cell]]) -> None:
        assert self.header is not None and self.body is not None and self.used is not None
        kind = kind_of(own, self.body.seq_col)
        if kind is not Kind.DATA:
            self.closed = self.closed or kind is Kind.TOTAL
            return
        if self.pending:
            self._start(self.header)  # the new section's rows, under the header it did not repeat
        body = self.body
        if (len(own) == 1 or r <= self.first_body) and self._structure(r, row, own):
            return
        if self.closed or (not body.keyed(own) and body.unplaced(own)):
            # Content after the 合计, or only in columns of no field and no label: kept in the issue.
            text = " ".join(x.text for _c, x in own)
            self.found.issues.append(self.ctx.issue("skipped-row", own[0][1], None, text))
            return
        # The common case inline (this runs for every row of every return): no merges, no extra columns.
        width = len(row)
        cells = body.cells(row) if body.merges else {f.id: row[c] for c, f in body.columns if c < width}
        anchor = key_cell(self.form, body.fields, cells) or own[0][1]
        result = normalise.row(cells, body.fields, self.ctx, anchor=anchor)
        section = self.section.key if self.section else None
        extras = body.extras
        extra = body.extra(row, own) if extras else None
        pattern = None if body.merges else self._pattern(cells, anchor)
        self.found.records.append(record(self.file, self.ctx.unit, section, result, anchor, extra, pattern))
        self.found.issues.extend(result.issues)
        if extras:
            self.found.issues.extend(body.warn_unmapped(own))
        self.used.records += 1

    def _pattern(self, cells: dict[str, Cell], anchor: Cell) -> Layout | None:
        """The header's row pattern for a row whose cells are all its own (built from the first such row)."""
        if anchor.merged or any(c.merged for c in cells.values()):
            return None
        if not self.patterned:
            self.pattern, self.patterned = row_pattern(cells, anchor), True
        return self.pattern

    def _structure(self, r: int, row: list[Cell], own: list[tuple[int, Cell]]) -> bool:
        """Rows inside the table that are not data: text merged across the width (a heading or a note), the 栏次
        row numbering the columns, a short heading (二、接入网设备, （一）食品领域) standing alone."""
        assert self.header is not None and self.body is not None
        if len(own) == 1:
            if is_spanning(row, r, own):
                return True
            value = own[0][1].value
            return isinstance(value, str) and heading_text(value)
        return r <= self.first_body and is_column_numbers(own)


def extract(doc: Document, form: FormDef, ctx: normalise.Context) -> Found:
    found = Found()
    for table in doc.tables:
        _TableReader(table, form, ctx, found, doc.name).run()
    return found
