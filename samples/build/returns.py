"""Build every sample return and its truth file: `python -m samples.build` calls `build()`."""

from __future__ import annotations

import shutil
from pathlib import Path

from samples.build import (
    returns_campaign,
    returns_cases,
    returns_custom,
    returns_inspection,
    returns_liaison,
    returns_roster,
    returns_roster_docs,
    returns_statistics,
    tables_budget,
    tables_headers,
    tables_reports,
    tables_word,
)
from samples.build.emit import Ctx

FOLDERS = ("roster", "statistics", "cases", "liaison", "inspection", "campaign", "custom", "tables")
MODULES = (
    returns_roster,
    returns_roster_docs,
    returns_statistics,
    returns_cases,
    returns_liaison,
    returns_inspection,
    returns_campaign,
    returns_custom,
    # Layouts of real returns: multi-table workbooks, footers, reworded headers, Word record forms.
    tables_budget,
    tables_reports,
    tables_headers,
    tables_word,
)


def _clear(folder: Path) -> None:
    """Remove a folder's samples; its README.md (what each sample shows, written by hand) stays."""
    for path in folder.glob("*"):
        if path.is_dir():
            shutil.rmtree(path)
        elif path.name != "README.md":
            path.unlink()


def build(root: Path = Path("samples")) -> list[Path]:
    """Rebuild the sample folders from scratch (stale files from renamed samples must not linger)."""
    for folder in FOLDERS:
        _clear(root / folder)
    ctx = Ctx(root)
    try:
        for module in MODULES:
            module.build(ctx)
        ctx.conv.run()
    finally:
        shutil.rmtree(ctx.conv.scratch, ignore_errors=True)
    return ctx.written
