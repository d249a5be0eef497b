"""Many files from folders: which files are returns, parsed in a stable order with their file times."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from forms.loader import FormRegistry
from parsers.pipeline import parse_file
from parsers.results import Return

RETURN_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".et", ".ods", ".docx", ".doc", ".wps", ".rtf", ".pdf"})


def _is_return(path: Path) -> bool:
    name = path.name
    # Office lock files (~$…) and hidden files are never returns.
    return path.suffix.lower() in RETURN_SUFFIXES and not name.startswith(("~$", ".", "._"))


def collect(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(returns to read, other files passed over), folders searched recursively, in a stable order."""
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p])
    keep = [f for f in files if _is_return(f)]
    return keep, [f for f in files if not _is_return(f)]


def display_path(path: Path, roots: Iterable[Path]) -> str:
    """The path a clerk recognises: relative to the folder given on the command line."""
    for root in roots:
        if root.is_dir():
            try:
                return str(path.relative_to(root.parent if root.parent != root else root))
            except ValueError:
                continue
    return str(path)


def parse_paths(
    files: list[Path],
    registry: FormRegistry,
    *,
    roots: Iterable[Path] = (),
    form_id: str | None = None,
    units: list[str] | None = None,
    progress: Callable[[Path], None] | None = None,
) -> Iterator[Return]:
    roots = list(roots)
    for f in files:
        ret = parse_file(f, f.name, registry, form_id=form_id, units=units)
        ret.path = display_path(f, roots)
        ret.modified = datetime.fromtimestamp(f.stat().st_mtime)
        if progress:
            progress(f)
        yield ret
