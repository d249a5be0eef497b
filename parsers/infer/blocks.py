"""A table cut into blocks: an optional section heading, a header, the data rows under it, its 合计 rows.

A heading row inside the table (一、… merged across the width) starts a block with the header under it (or the
header already seen); a header repeated after a page break continues the block. Rows that are not data —
blank, template filler, notes and signature lines — are set aside, never read as records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.cells import Cell, Table
from parsers.infer.header import Header, find_header, header_at
from parsers.infer.words import NOTE, flat, is_heading
from parsers.rows import Kind, kind_of, own_cells

_SEQ_LABELS = ("序号", "编号", "序")


@dataclass(slots=True)
class Block:
    table: Table
    header: Header
    heading: str | None
    rows: list[int] = field(default_factory=list)  # data rows
    totals: list[int] = field(default_factory=list)  # 合计 / 小计 rows
    blank_rows: int = 0  # template rows left empty or with filler (a blank annex)
    start: int = 0  # its heading row, or its header row
    end: int = 0  # the row after its last one

    @property
    def body(self) -> range:
        """The rows under the header up to the next block: where a blank annex's template rows are."""
        return range(self.header.body, self.end)

    @property
    def seq_col(self) -> int | None:
        return next((c.col for c in self.header.columns if c.label in _SEQ_LABELS), None)


def _spanning(row: list[Cell], r: int, c: int) -> bool:
    """One text merged across more than half the row: a title, a heading or a note line."""
    covered = sum(1 for cell in row if cell.merged and cell.origin == (r, c))
    return covered > max(1, len(row) // 2)


def single_text(row: list[Cell], r: int) -> str | None:
    """The text of a row that holds one text alone across the table (or a numbered heading in its first cell)."""
    own = own_cells(row, r)
    if len(own) != 1:
        return None
    c, cell = own[0]
    text = flat(cell.text)
    if _spanning(row, r, c) or (c == 0 and is_heading(text) and len(text) > 6):
        return text
    return None


def heading_above(table: Table, header: Header) -> str | None:
    """A numbered heading between the top of the table and its first header (一、… over the first part)."""
    for r in range(header.row - 1, -1, -1):
        text = single_text(table.rows[r], r)
        if text and is_heading(text):
            return text
    return None


def _next_filled(table: Table, r: int) -> int | None:
    for i in range(r, min(len(table.rows), r + 3)):
        if own_cells(table.rows[i], i):
            return i
    return None


class _Walker:
    def __init__(self, table: Table, context: str | None) -> None:
        self.table = table
        self.context = context
        self.blocks: list[Block] = []

    def run(self) -> list[Block]:
        header = find_header(self.table)
        if header is None:
            return []
        block = Block(self.table, header, heading_above(self.table, header) or self.context, start=header.row)
        self.blocks.append(block)
        r = header.body
        while r < len(self.table.rows):
            r = self._step(r)
        for block, after in zip(self.blocks, self.blocks[1:], strict=False):
            block.end = after.start
        self.blocks[-1].end = len(self.table.rows)
        return self.blocks

    def _step(self, r: int) -> int:
        block = self.blocks[-1]
        row = self.table.rows[r]
        text = single_text(row, r)
        if text is not None and not NOTE.match(text) and "：" not in text and ":" not in text:
            return self._heading(r, text)
        own = own_cells(row, r)
        if own and [flat(cell.text) for _c, cell in own] == [flat(c) for c in self._header_texts(block.header)]:
            return r + block.header.span  # the header again, after a page break
        kind = kind_of(own, block.seq_col)
        if kind is Kind.DATA:
            block.rows.append(r)
        elif kind in (Kind.SUBTOTAL, Kind.TOTAL):  # 小计 and 合计 alike
            block.totals.append(r)
        elif kind is Kind.PLACEHOLDER or (kind is Kind.BLANK and r < block.header.body + 30):
            block.blank_rows += 1
        return r + 1

    def _header_texts(self, header: Header) -> list[str]:
        row = self.table.rows[header.row]
        return [cell.text for _c, cell in own_cells(row, header.row)]

    def _heading(self, r: int, text: str) -> int:
        """A section heading: the header under it (or the last one) starts a new block."""
        nxt = _next_filled(self.table, r + 1)
        header = header_at(self.table, nxt) if nxt is not None else None
        if header is None and not is_heading(text):
            return r + 1  # a remark across the table, not a heading
        self.blocks.append(Block(self.table, header or self.blocks[-1].header, text, start=r))
        return header.body if header is not None else r + 1


def table_blocks(table: Table, context: str | None = None) -> list[Block]:
    """The blocks of one table; `context` is a heading found outside it (a Word paragraph, a sheet name)."""
    return _Walker(table, context).run()
