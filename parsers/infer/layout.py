"""Which blocks make the form, whether they are sections, and whether the form is a matrix with a 合计 row."""

from __future__ import annotations

import re
from dataclasses import dataclass

from forms.types import BLANK_NUMBER, fold, to_text
from parsers.cells import Document, Table
from parsers.infer.blocks import Block, single_text, table_blocks
from parsers.infer.columns import filled, number_of
from parsers.infer.words import NOTE, flat, is_heading, is_number_text, without_ordinal
from parsers.rows import is_total_text, own_cells

_GENERIC_SHEET = re.compile(r"^(sheet|工作表|表)\s*\d*$", re.I)
_TOTAL = ("合计", "总计")


@dataclass(slots=True)
class Chosen:
    blocks: list[Block]
    sheet: str | None  # the one sheet of a workbook the form lives on, when others hold other tables
    sectioned: bool


def _context(doc: Document, i: int, table: Table, spread: bool) -> str | None:
    """A heading for a table's first block found outside it: the numbered line above it (Word, PDF), or the
    sheet's name when a workbook keeps one section per sheet."""
    for line in reversed(table.before):
        text = flat(line)
        if is_heading(text) and not NOTE.match(text):
            return text
        if text and i > 0 and doc.kind != "xlsx" and len(text) <= 40 and "：" not in text:
            return text  # a short line right above a later table (典型案例二, 第三方机构)
        if text:
            break
    if spread and not _GENERIC_SHEET.match(table.name.strip()):
        return table.name
    return None


def _overlap(a: Block, b: Block) -> float:
    x, y = set(a.header.labels), set(b.header.labels)
    return len(x & y) / max(1, min(len(x), len(y)))


def document_blocks(doc: Document) -> list[Block]:
    spread = doc.kind in ("xlsx", "xls", "ods") and len(doc.tables) > 1
    return [b for i, t in enumerate(doc.tables) for b in table_blocks(t, _context(doc, i, t, spread))]


def own_title(table: Table, header_row: int) -> str | None:
    """A title a sheet carries itself, above its first header (not a numbered heading, not a meta line)."""
    for r in range(header_row):
        text = single_text(table.rows[r], r)
        if text and not is_heading(text) and not NOTE.match(text) and "：" not in text and ":" not in text:
            return text
    return None


def choose(doc: Document, blocks: list[Block]) -> Chosen:
    """The blocks of one form: the first block and every block alike it (a section, a page continued).
    Sheets that each carry a title of their own are separate forms: the form is the first one's."""
    main = blocks[0]
    kept = [b for b in blocks if b is main or _overlap(main, b) >= 0.5]
    titles = {own_title(b.table, b.header.row) for b in kept if b.table is not main.table and b.start == b.header.row}
    if titles - {None, own_title(main.table, main.header.row)}:
        kept = [b for b in kept if b.table.name == main.table.name]
    sheets = {b.table.name for b in kept}
    others = {t.name for t in doc.tables} - sheets
    sheet = None
    if doc.kind in ("xlsx", "xls", "ods") and len(sheets) == 1 and others:
        sheet = main.table.name
    headings = {b.heading for b in kept if b.heading}
    return Chosen(kept, sheet, len(headings) >= 2)


def sections(blocks: list[Block]) -> list[tuple[str, list[Block]]]:
    """(heading, blocks) in order; a block without a heading continues the section before it."""
    out: list[tuple[str, list[Block]]] = []
    for b in blocks:
        if b.heading and (not out or out[-1][0] != b.heading):
            out.append((b.heading, [b]))
        elif out:
            out[-1][1].append(b)
        else:
            out.append(("", [b]))
    return out


@dataclass(frozen=True, slots=True)
class Matrix:
    key_col: int
    keys: list[str]
    total: str


def _total_cell(block: Block) -> tuple[int, str] | None:
    for r in block.totals:
        for c, cell in own_cells(block.table.rows[r], r):
            text = flat(cell.text)
            if is_total_text(text) and text.replace(" ", "").startswith(_TOTAL):
                return c, text.replace(" ", "")
    return None


def matrix(blocks: list[Block]) -> Matrix | None:
    """Rows of fixed labels with numbers beside them and a 合计 row under them: a statistics table."""
    if len(blocks) != 1 or not blocks[0].totals:
        return None
    block = blocks[0]
    found = _total_cell(block)
    if found is None:
        return None
    key_col, total = found
    labels = [flat(block.table.rows[r][key_col].text) for r in block.rows]
    if len(labels) < 2 or not all(labels) or len(set(labels)) < len(labels) or any(map(is_number_text, labels)):
        return None
    numbers = [c.col for c in block.header.columns if c.col not in (key_col, block.seq_col)]
    for r in [*block.rows, *block.totals]:
        row = block.table.rows[r]
        values = filled([row[c].value for c in numbers if c < len(row)])
        if not all(number_of(v) is not None or fold(to_text(v)) in BLANK_NUMBER for v in values):
            return None
    return Matrix(key_col, [without_ordinal(t) or t for t in labels], total)
