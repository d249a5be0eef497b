"""Reading a file, recognising its parts and running every rule on it."""

from __future__ import annotations

from dataclasses import replace

from generators.documents.check.docx_rules import check_docx
from generators.documents.check.findings import Report
from generators.documents.check.look_rules import check_looks
from generators.documents.check.pdf_rules import check_pdf
from generators.documents.check.text_rules import check_text
from generators.documents.reading.docx_pages import estimate_pages, page_count
from generators.documents.reading.structure import Outline, recognise


def check_docx_bytes(data: bytes, name: str) -> Report:
    from generators.documents.check import CheckError
    from generators.documents.reading.docx_read import read_docx
    from parsers.readers.zipguard import open_zip

    try:
        doc = read_docx(open_zip(data))
    except CheckError:
        raise
    except Exception as exc:  # a damaged package or XML: say so, in Chinese
        raise CheckError(f"无法读取 {name}：{_why(exc)}") from exc
    pages, _ = estimate_pages(doc)
    blocks = _with_pages([b for b in doc.blocks if b.paragraph], pages)
    blocks = _letter_head(doc) + blocks
    outline = recognise(blocks)
    report = Report(name, "docx", pages=page_count(doc, pages))
    check_docx(doc, outline, report)
    check_looks(outline, report)
    check_text(outline, report)
    report.stated = stated(outline)
    return report


def _with_pages(blocks: list, pages: dict[int, int]) -> list:
    return [replace(b, page=pages.get(b.paragraph)) for b in blocks]


def _letter_head(doc) -> list:
    """A 信函's mark lives in the first page's header: read it as the document's first line."""
    if not doc.sections:
        return []
    first = doc.sections[0]
    kind = "first" if first.title_page else "default"
    return [replace(b, page=1) for b in first.headers.get(kind, []) if b.text.strip() and b.red]


def check_pdf_bytes(data: bytes, name: str) -> Report:
    from generators.documents.check import CheckError
    from generators.documents.reading.pdf_read import read_pdf

    try:
        doc = read_pdf(data)
    except Exception as exc:  # pdfminer raises many kinds for a damaged or encrypted file
        raise CheckError(f"无法读取 {name}：{_why(exc)}") from exc
    if not any(p.lines for p in doc.pages):
        raise CheckError(f"{name} 中没有可读取的文字（可能是扫描件），无法检查")
    outline = recognise(doc.blocks)
    report = Report(name, "pdf", pages=len(doc.pages))
    check_pdf(doc, outline, report)
    check_looks(outline, report)
    check_text(outline, report)
    report.stated = stated(outline)
    return report


def stated(outline: Outline) -> dict[str, str | None]:
    """The title, 发文字号 and 成文日期 the document states (for --number / --date and the JSON)."""
    import re

    def text(kind: str) -> str | None:
        part = outline.one(kind)
        return re.sub(r"\s+", "", part.text) if part else None

    number = outline.one("number")
    found = None
    if number is not None:
        chunks = [c for c in re.split(r"\t+|\s{2,}|\u3000{2,}", number.text.strip()) if c.strip()]
        found = next((c.strip() for c in chunks if "〔" in c or "[" in c or "号" in c), chunks[0] if chunks else None)
    return {"title": text("title"), "number": found, "date": text("date")}


def _why(exc: Exception) -> str:
    from forms.errors import HuizongError

    if isinstance(exc, HuizongError):
        return str(exc)
    text = str(exc).lower()
    if "password" in text or "encrypt" in text:
        return "文件已加密"
    return "文件已损坏或格式不对"
