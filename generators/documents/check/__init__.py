"""`huizong doc check`: a GB/T 9704-2012 check of any 公文 — ours or a draft typed in Word or WPS.

    report = check_document(data, "通知.docx")     # a Report of Findings, each located, in Chinese

A DOCX is read as Word reads it (style chains, document defaults, theme fonts, list numbers, the grid);
a PDF is measured on the page. Both are then recognised into the standard's parts and held to its rules.
"""

from __future__ import annotations

from generators.documents.check.findings import Finding, Report
from generators.documents.errors import DocumentError


class CheckError(DocumentError):
    """The file cannot be checked (not a DOCX or PDF, damaged, encrypted)."""


def check_document(data: bytes, name: str) -> Report:
    kind = _kind(data, name)
    if kind == "docx":
        from generators.documents.check.run import check_docx_bytes

        return check_docx_bytes(data, name)
    from generators.documents.check.run import check_pdf_bytes

    return check_pdf_bytes(data, name)


def _kind(data: bytes, name: str) -> str:
    if data[:4] == b"%PDF" or data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data[:2] == b"PK":
        return "docx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise CheckError(f"{name} 是旧版 Word（.doc/.wps）文件：请另存为 .docx，或用 doc format 排版后再检查")
    raise CheckError(f"{name} 不是 DOCX 或 PDF 文件，无法检查")


__all__ = ["CheckError", "Finding", "Report", "check_document"]
