"""Child process of parsers.readers.pdf: PDF bytes on stdin, `{"document": …}` or `{"error": message}` on
stdout. Limits are set first, so nothing the PDF makes pdfminer do can outgrow them."""

from __future__ import annotations

import io
import json
import sys

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from forms.errors import UnreadableFile
from parsers.caps import die_with_parent, limit_cpu, limit_memory
from parsers.readers import _messages as msg
from parsers.readers import pdf_budget
from parsers.readers.limits import MAX_PDF_PAGES, PDF_MEMORY, PDF_SECONDS
from parsers.readers.pdf import document_to_json
from parsers.readers.pdf_layout import Page, read_page
from parsers.readers.pdf_stitch import stitch

_GARBAGE_SHARE = 0.3


class Scanned(Exception):
    """The PDF has no usable text: its pages are images, to be read by OCR in the parent."""


def extract(data: bytes) -> dict[str, object]:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise UnreadableFile(msg.TOO_MANY_PAGES.format(pages=len(pdf.pages), limit=MAX_PDF_PAGES))
            pages = [_read(page, number) for number, page in enumerate(pdf.pages, start=1)]
    except PdfminerException as exc:  # pdfplumber wraps whatever pdfminer raised
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, MemoryError | UnreadableFile):
            raise cause from exc  # out of memory, or a budget of pdf_budget ran out
        raise UnreadableFile(msg.ENCRYPTED if isinstance(cause, PDFEncryptionError) else msg.DAMAGED) from exc
    except (PSException, MalformedPDFException, ValueError, KeyError, TypeError) as exc:
        raise UnreadableFile(msg.DAMAGED) from exc
    check_text(pages)
    return document_to_json(*stitch(pages))


def check_text(pages: list[Page]) -> None:
    """A scan has no characters; a font without a ToUnicode map gives (cid:N) or private-use garbage."""
    chars = sum(page.chars for page in pages)
    if chars == 0 or sum(page.garbage for page in pages) > chars * _GARBAGE_SHARE:
        raise Scanned


def _read(page: object, number: int) -> Page:
    pdf_budget.new_page()
    try:
        return read_page(page, number)
    finally:
        page.close()  # type: ignore[attr-defined]  # drop the page's cached layout before the next one


def main() -> None:
    die_with_parent()  # a batch worker or job killed on overrun takes its PDF child with it
    limit_memory(PDF_MEMORY // (1024 * 1024))
    limit_cpu(PDF_SECONDS)
    pdf_budget.install()
    data = sys.stdin.buffer.read()
    try:
        answer: dict[str, object] = {"document": extract(data)}
    except UnreadableFile as exc:
        answer = {"error": str(exc)}
    except Scanned:
        answer = {"scanned": True}
    except MemoryError:
        answer = {"error": msg.TOO_COMPLEX}
    except Exception:
        # This is the child's outermost boundary: pdfminer raises many undocumented exception types on
        # malformed files (AttributeError, IndexError, …); all of them mean the PDF cannot be read.
        answer = {"error": msg.DAMAGED}
    # Bytes, not text: the locale of the server process may not be UTF-8.
    sys.stdout.buffer.write(json.dumps(answer, ensure_ascii=False).encode("utf-8"))


if __name__ == "__main__":
    main()
