"""HTML tables, as some systems export "xls" files: each outer <table> is a Table named 表N, rowspan and
colspan resolved like Word merges; text outside tables is the Document's text and the next table's
`before`. Uses the standard library's tolerant HTMLParser: no entities beyond HTML's own, no network."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from parsers.cells import Document, Grid, Table
from parsers.readers import _messages as msg
from parsers.readers.grid import Pos, build, word_ref
from parsers.readers.limits import MAX_CELLS, MAX_SPAN
from parsers.readers.sniff import decode_text

_CHARSET = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936"}  # GB18030 is their superset
_BLOCKS = frozenset({"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "center", "section"})
_HIDDEN = frozenset({"script", "style", "head", "title", "template", "noscript"})
_SPACE = re.compile(r"\s+")

RawCell = tuple[str, int, int]  # text, colspan, rowspan


def read_html(data: bytes, name: str) -> Document:
    match = _CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii").lower() if match else None
    parser = _Parser()
    parser.feed(decode_text(data, "gb18030" if declared in _GB else declared))
    parser.close()
    tables = [
        Table(name=f"表{n}", rows=_grid(rows, f"表{n}"), before=before)
        for n, (rows, before) in enumerate(parser.tables, start=1)
    ]
    return Document(name=name, kind="xls", tables=tables, text=parser.text)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[list[RawCell]], list[str]]] = []
        self.text: list[str] = []
        self._pending: list[str] = []
        self._line: list[str] = []
        self._rows: list[list[RawCell]] = []
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._depth = self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._flush_line()
                self._rows = []
            else:
                self._break()  # a nested table's text is flattened into the outer cell, a line per row
        elif self._depth == 1 and tag == "tr":
            self._close_cell()
            self._rows.append([])
        elif self._depth == 1 and tag in ("td", "th"):
            self._close_cell()
            values = dict(attrs)
            self._cell, self._span = [], (_span(values.get("colspan")), _span(values.get("rowspan")))
        elif self._depth > 1 and tag in ("td", "th") and self._cell is not None:
            self._cell.append(" ")
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "table" and self._depth:
            self._depth -= 1
            if self._depth == 0:
                self._close_cell()
                self.tables.append(([row for row in self._rows if row], self._pending))
                self._pending = []
            else:
                self._break()
        elif self._depth == 1 and tag in ("td", "th"):
            self._close_cell()
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        target = self._cell if self._depth else self._line
        if target is not None:
            target.append(_SPACE.sub(" ", data))

    def close(self) -> None:
        super().close()
        if self._depth:  # a table never closed: keep what was read
            self._depth = 1
            self.handle_endtag("table")
        self._flush_line()

    def _break(self) -> None:
        if self._depth and self._cell is not None:
            self._cell.append("\n")
        elif not self._depth:
            self._flush_line()

    def _flush_line(self) -> None:
        line = "".join(self._line).strip()
        self._line = []
        if line:
            self.text.append(line)
            self._pending.append(line)

    def _close_cell(self) -> None:
        if self._cell is None:
            return
        lines = (part.strip() for part in "".join(self._cell).split("\n"))
        text = "\n".join(line for line in lines if line)
        if not self._rows:
            self._rows.append([])
        self._rows[-1].append((text, *self._span))
        self._cell = None


def _span(raw: str | None) -> int:
    value = int(raw) if raw and raw.strip().isdigit() else 1
    return min(max(value, 1), MAX_SPAN)


def _grid(rows: list[list[RawCell]], sheet: str) -> Grid:
    """The HTML table model: a cell takes the first free column, rowspans reserve positions below."""
    taken: dict[Pos, Pos] = {}
    texts: dict[Pos, str] = {}
    for r, row in enumerate(rows):
        c = 0
        for text, colspan, rowspan in row:
            while (r, c) in taken:
                c += 1
            texts[(r, c)] = text
            for dr in range(min(rowspan, len(rows) - r)):
                for dc in range(colspan):
                    taken[(r + dr, c + dc)] = (r, c)
            if len(taken) > MAX_CELLS:
                raise msg.table_too_large(sheet, len(taken), MAX_CELLS)
            c += colspan
    width = max((c + 1 for _, c in taken), default=0)
    values = [[texts.get((r, c), "") for c in range(width)] for r in range(len(rows))]
    sizes: dict[Pos, int] = {}
    for origin in taken.values():
        sizes[origin] = sizes.get(origin, 0) + 1
    origins = {pos: origin for pos, origin in taken.items() if sizes[origin] > 1}
    return build(values, origins, sheet, word_ref)
