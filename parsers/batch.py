"""Many files from folders: which files are returns, parsed in a stable order with their file times."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
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


def _parse_one(job: tuple[Path, str, FormRegistry, str | None, list[str] | None]) -> Return:
    path, name, registry, form_id, units = job
    ret = parse_file(path, name, registry, form_id=form_id, units=units)
    ret.modified = datetime.fromtimestamp(path.stat().st_mtime)
    return ret


def default_jobs(files: int) -> int:
    """Worker processes worth starting: one per core for a real batch, none for a handful of files."""
    return 1 if files < 16 else max(1, min(os.cpu_count() or 1, 8))


def parse_paths(
    files: list[Path],
    registry: FormRegistry,
    *,
    roots: Iterable[Path] = (),
    form_id: str | None = None,
    units: list[str] | None = None,
    progress: Callable[[Path], None] | None = None,
    jobs: int = 1,
) -> Iterator[Return]:
    """Parse files in order; with jobs > 1 in worker processes (reading and parsing is CPU-bound)."""
    roots = list(roots)
    # The path as the clerk gave it names the file in every record and issue (returns/东胜区.xlsx).
    work = [(f, display_path(f, roots), registry, form_id, units) for f in files]
    if jobs <= 1:
        results: Iterator[Return] = map(_parse_one, work)
        pool = None
    else:
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
        results = pool.map(_parse_one, work, chunksize=4)
    try:
        for f, ret in zip(files, results, strict=True):
            if progress:
                progress(f)
            yield ret
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
