"""Which lane an upload's parse goes to, judged from its name and bytes without parsing it.

The quick lane takes small spreadsheets, CSV and Word files (what districts mostly send; parsed in a second or
two); everything that may legitimately take long — PDFs and scans (OCR), legacy formats converted by
LibreOffice, workbooks that inflate to many megabytes — goes to the heavy lane with its larger budget. A zip
container's declared uncompressed size is read from its central directory only, so judging costs nothing.
"""

from __future__ import annotations

import io
import zipfile

from huizong.service.jobs.base import Lane

QUICK_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".docx")
ZIP_SUFFIXES = (".xlsx", ".xlsm", ".docx")
QUICK_MAX_BYTES = 2 * 1024 * 1024  # as stored
QUICK_MAX_INFLATED = 24 * 1024 * 1024  # a zip container's parts, uncompressed
QUICK_MAX_PARTS = 500


def lane_for(name: str, data: bytes) -> Lane:
    suffix = name.lower().rpartition(".")[2]
    suffix = f".{suffix}" if suffix else ""
    if suffix not in QUICK_SUFFIXES or len(data) > QUICK_MAX_BYTES:
        return "heavy"
    if suffix in ZIP_SUFFIXES and not _small_zip(data):
        return "heavy"
    return "quick"


def _small_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return True  # not a zip at all: the reader refuses it at once
    if len(parts) > QUICK_MAX_PARTS:
        return False
    return sum(p.file_size for p in parts) <= QUICK_MAX_INFLATED
