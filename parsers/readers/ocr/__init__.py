"""Scanned and photographed returns: page images → the same `Document` the PDF reader makes of a text PDF.

Stages, one module each: `images` (decode or render, bounded), `seal` (red ink out), `deskew`, `ruling` (rules
and cells, merged cells included), `text` (lines of text by ink profile), `engine` (RapidOCR's recogniser),
`page` (one page put together), `aligned` (a table without rules, from text alignment). Pages are joined into
tables by the PDF reader's own `pdf_stitch`, so a table continued over pages is one table here too.

Every value is marked as read by OCR: `Document.scanned` holds each cell's confidence, which the pipeline turns
into the `ocr` notice and `ocr-uncertain` warnings (parsers/ocr_marks.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from forms.errors import UnreadableFile
from parsers.cells import Document, Kind, Scanned, location
from parsers.readers import _messages as msg
from parsers.readers.pdf_stitch import stitch

if TYPE_CHECKING:
    import numpy as np

    from parsers.readers.ocr.engine import Engine

__all__ = ["read_image", "read_scanned_pdf"]


def read_image(data: bytes, name: str) -> Document:
    from parsers.readers.ocr.images import check_header

    check_header(data)  # a pixel bomb is refused as such, OCR installed or not
    _check_installed()
    from parsers.readers.ocr.images import decode_image

    return read_pages(decode_image(data), name, "image")


def read_scanned_pdf(data: bytes, name: str) -> Document:
    _check_installed()
    from parsers.readers.ocr.images import render_pdf

    return read_pages(render_pdf(data), name, "pdf")


def read_pages(images: list[np.ndarray], name: str, kind: Kind, recogniser: Engine | None = None) -> Document:
    """`recogniser` replaces RapidOCR (benchmarks/ocr.py measures Tesseract through it)."""
    from parsers.readers.ocr.engine import engine
    from parsers.readers.ocr.page import read_page

    ocr = recogniser or engine()
    scanned = Scanned(pages=len(images))
    pages = []
    for number, image in enumerate(images, start=1):
        page = read_page(image, number, ocr)
        pages.append(page.page)
        if page.unruled:
            scanned.unruled_pages.append(number)
        for (table, row, col), confidence in page.confidence.items():
            where = location(f"第{number}页", f"表{table}行{row + 1}列{col + 1}")
            scanned.confidence[where] = confidence
            scanned.spacing[where] = page.spacing.get((table, row, col), 0.0)
    if not any(page.items for page in pages):
        raise UnreadableFile(msg.NO_TABLE_TEXT)
    tables, text = stitch(pages)
    return Document(name=name, kind=kind, tables=tables, text=text, scanned=scanned)


def _check_installed() -> None:
    """The OCR extra is optional: without it (or with OpenCV unable to load, e.g. no libGL) a scan gets a
    sentence saying what to install, never "damaged"."""
    import importlib.util

    for module in ("numpy", "cv2", "onnxruntime", "rapidocr_onnxruntime"):
        try:
            found = importlib.util.find_spec(module) is not None
            if found and module != "rapidocr_onnxruntime":  # rapidocr loads its models: left to the engine
                importlib.import_module(module)
        except (ImportError, ValueError):
            found = False
        if not found:
            raise UnreadableFile(msg.NO_OCR)
