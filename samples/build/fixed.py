"""Make generated files byte-identical between builds: fixed zip entry times, document dates and PDF ids.

openpyxl and python-docx stamp every zip entry and docProps/core.xml with the current time; LibreOffice
stamps its PDFs. Rewriting those stamps (PDF: with strings of the same length, so the xref offsets stay
valid) keeps `git diff` quiet after a rebuild.
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

FIXED = datetime(2022, 5, 12, 9, 30, 0)
_ZIP_TIME = (FIXED.year, FIXED.month, FIXED.day, FIXED.hour, FIXED.minute, FIXED.second)
_W3CDTF = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ")
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def freeze_zip(path: Path) -> None:
    """Rewrite an OOXML package with fixed entry times and fixed core-property dates."""
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = _CORE_DATES.sub(rb"\g<1>" + _W3CDTF.encode() + rb"\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)


def _fixed_date(match: re.Match[bytes]) -> bytes:
    inner = match.group(1)
    # Keep whatever follows the 14 digits (the time zone) so the length does not change.
    return b"(D:" + FIXED.strftime("%Y%m%d%H%M%S").encode() + inner[14:] + b")"


def _fixed_id(match: re.Match[bytes]) -> bytes:
    return re.sub(rb"<[0-9A-Fa-f]+>", lambda m: b"<" + b"0" * (len(m.group(0)) - 2) + b">", match.group(0))


def freeze_pdf(path: Path) -> None:
    """Replace a PDF's creation/modification dates and file id with fixed values of the same length."""
    data = path.read_bytes()
    data = re.sub(rb"\(D:(\d{14}[^)]*)\)", _fixed_date, data)
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", _fixed_id, data)
    # LibreOffice also writes an MD5 of the document, which changes with the date it embedded.
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]{32}", lambda m: m.group(0)[:-32] + b"0" * 32, data)
    path.write_bytes(data)
