"""Fixtures for the reader tests: legacy formats made once per session by LibreOffice."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_inputs import corner_xlsx, libreoffice, roster_docx, workbook_bytes


@pytest.fixture(scope="session")
def legacy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """workbook.xls / workbook.ods / roster.doc converted from the in-memory xlsx and docx, and
    corner.xls: values in A1 and IV65536 only (the largest area BIFF8 allows)."""
    work = tmp_path_factory.mktemp("legacy")
    profile = work / "lo-profile"
    (work / "workbook.xlsx").write_bytes(workbook_bytes())
    (work / "corner.xlsx").write_bytes(corner_xlsx())
    (work / "roster.docx").write_bytes(roster_docx())
    xls, corner = libreoffice([work / "workbook.xlsx", work / "corner.xlsx"], "xls", work / "out", profile)
    (ods,) = libreoffice([work / "workbook.xlsx"], "ods", work / "out", profile)
    (doc,) = libreoffice([work / "roster.docx"], "doc", work / "out", profile)
    return {"xls": xls, "ods": ods, "doc": doc, "corner-xls": corner}
