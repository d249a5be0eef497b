"""docx through python-docx, walking the XML once (table.cell() rebuilds the grid on every call).

Each body table becomes a rectangular Table named 表N; gridSpan, vMerge and the legacy hMerge are resolved
so a merged cell's value reaches every position it covers. Paragraphs between tables are the next
table's `before`; all body paragraphs are the Document's `text`.
"""

from __future__ import annotations

import io
from collections import Counter

import docx
from docx.opc.exceptions import OpcError
from lxml import etree

from forms.errors import UnreadableFile
from parsers.cells import Document, Grid, Table
from parsers.readers import _messages as msg
from parsers.readers.grid import Pos, build, check_size, word_ref
from parsers.readers.limits import MAX_SPAN
from parsers.readers.word_text import TBL, TC, TR, W, blocks, cell_text, children, paragraph_text

_VAL = f"{W}val"


def read_docx(data: bytes, name: str) -> Document:
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except (OpcError, KeyError, ValueError, etree.LxmlError) as exc:  # ValueError: "not a Word file"
        raise UnreadableFile(msg.DAMAGED) from exc
    if body is None:
        raise UnreadableFile(msg.DAMAGED)
    tables: list[Table] = []
    text: list[str] = []
    pending: list[str] = []
    for block in blocks(body):
        if block.tag == TBL:
            sheet = f"表{len(tables) + 1}"
            tables.append(Table(name=sheet, rows=_rows(block, sheet), before=pending))
            pending = []
        else:
            line = paragraph_text(block).strip()
            if line:
                text.append(line)
                pending.append(line)
    return Document(name=name, kind="docx", tables=tables, text=text)


def _rows(tbl: etree._Element, sheet: str) -> Grid:
    values: list[list[object]] = []
    grid: list[list[Pos]] = []
    width = 0
    for r, tr in enumerate(children(tbl, TR)):
        row: list[Pos] = [(r, c) for c in range(_number(tr, "trPr", "gridBefore", 0))]
        texts: dict[int, str] = {}
        for tc in children(tr, TC):
            c, span = len(row), _number(tc, "tcPr", "gridSpan", 1)
            origin = _continued(tc, grid, row, r, c) or (r, c)
            if origin == (r, c):
                texts[c] = cell_text(tc)
            row.extend([origin] * span)
            width = max(width, len(row))
            check_size(sheet, r + 1, width)
        grid.append(row)
        values.append([texts.get(c, "") for c in range(len(row))])
    sizes = Counter(origin for row in grid for origin in row)
    origins = {(r, c): o for r, row in enumerate(grid) for c, o in enumerate(row) if sizes[o] > 1}
    return build(values, origins, sheet, word_ref)


def _continued(tc: etree._Element, grid: list[list[Pos]], row: list[Pos], r: int, c: int) -> Pos | None:
    """The origin this cell continues: the cell above for vMerge, the one to the left for hMerge."""
    if _merge(tc, "vMerge") == "continue" and r > 0 and c < len(grid[r - 1]):
        return grid[r - 1][c]
    if _merge(tc, "hMerge") == "continue" and row:
        return row[-1]
    return None


def _merge(tc: etree._Element, kind: str) -> str | None:
    mark = tc.find(f"{W}tcPr/{W}{kind}")
    if mark is None:
        return None
    return "restart" if mark.get(_VAL) == "restart" else "continue"


def _number(element: etree._Element, props: str, name: str, default: int) -> int:
    mark = element.find(f"{W}{props}/{W}{name}")
    raw = mark.get(_VAL, "") if mark is not None else ""
    if not raw.isdigit():
        return default
    value = int(raw)
    if value > MAX_SPAN:
        raise msg.hostile("表格合并范围异常")
    return max(value, default)
