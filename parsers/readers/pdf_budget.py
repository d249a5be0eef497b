"""Budgets pdfminer is held to while it reads, so a hostile PDF stops early instead of at the child's caps.

pdfminer inflates each stream whole (`zlib.decompress`) and interprets every operator of a content stream,
however many there are: a 300 MB Flate stream or 200,000 text operators ran 35–122 s. Here inflation goes
through bounded decompressors counting every byte, and the content parser counts operators per page and for
the whole document, and every parser counts the tokens it reads; past a budget, `Exhausted` is raised from
inside pdfminer.

Installed only in the PDF reader's child process (parsers.readers.pdf_worker): it patches pdfminer's module
globals, which no other process should see.
"""

from __future__ import annotations

import zlib
from types import SimpleNamespace
from typing import Any

from forms.errors import UnreadableFile
from parsers.readers import _messages as msg
from parsers.readers.limits import MAX_PAGE_OPERATORS, MAX_PDF_INFLATED, MAX_PDF_OPERATORS, MAX_PDF_TOKENS

_CHUNK = 1024 * 1024


class Exhausted(UnreadableFile):
    """A budget ran out: the PDF asks for more work than any return needs."""

    def __init__(self) -> None:
        super().__init__(msg.TOO_COMPLEX)


class _Counters:
    inflated = 0
    tokens = 0  # read by any of pdfminer's parsers: objects, content streams, CMaps, font headers
    operators = 0  # in the whole document
    page = 0  # on the page being read


counters = _Counters()


def new_page() -> None:
    counters.page = 0


def _inflated(size: int) -> None:
    counters.inflated += size
    if counters.inflated > MAX_PDF_INFLATED:
        raise Exhausted()


def _decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
    """zlib.decompress, inflating at most the remaining budget (plus one chunk) before giving up."""
    inflater = zlib.decompressobj()
    parts = []
    pending = data
    while pending:
        part = inflater.decompress(pending, _CHUNK)
        _inflated(len(part))
        parts.append(part)
        pending = inflater.unconsumed_tail
        if inflater.eof:
            break
    if not inflater.eof:
        tail = inflater.flush()
        _inflated(len(tail))
        parts.append(tail)
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")  # what zlib.decompress says; pdfminer recovers
    return b"".join(parts)


class _CountingInflater:
    """zlib.decompressobj for pdfminer's recovery of corrupted streams, counted the same way."""

    def __init__(self) -> None:
        self._inflater = zlib.decompressobj()

    def decompress(self, data: bytes, *args: Any) -> bytes:
        part = self._inflater.decompress(data, *args)
        _inflated(len(part))
        return part

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inflater, name)


def install() -> None:
    from pdfminer import pdfinterp, pdftypes, psparser
    from pdfminer.psparser import PSKeyword

    pdftypes.zlib = SimpleNamespace(  # type: ignore[attr-defined]
        decompress=_decompress, decompressobj=_CountingInflater, error=zlib.error
    )

    class CountingParser(pdfinterp.PDFContentParser):  # type: ignore[misc,valid-type]
        def nextobject(self):  # type: ignore[no-untyped-def]
            position, obj = super().nextobject()
            if isinstance(obj, PSKeyword):
                counters.page += 1
                counters.operators += 1
                if counters.page > MAX_PAGE_OPERATORS or counters.operators > MAX_PDF_OPERATORS:
                    raise Exhausted()
            return position, obj

    pdfinterp.PDFContentParser = CountingParser  # type: ignore[misc]

    # Every parser of pdfminer reads through PSBaseParser.nexttoken: a bomb in a ToUnicode CMap or a font
    # header is no content stream, yet read token by token all the same.
    read_token = psparser.PSBaseParser.nexttoken

    def nexttoken(self):  # type: ignore[no-untyped-def]
        counters.tokens += 1
        if counters.tokens > MAX_PDF_TOKENS:
            raise Exhausted()
        return read_token(self)

    psparser.PSBaseParser.nexttoken = nexttoken  # type: ignore[method-assign]
