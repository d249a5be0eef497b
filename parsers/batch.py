"""Many files from folders: which files are returns, parsed in a stable order with their file times."""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from forms.errors import FILE_FAULT
from forms.loader import FormRegistry
from parsers.pipeline import failed, parse_file
from parsers.pool import Caps, Pool
from parsers.readers.limits import FILE_MEMORY_MB, FILE_SECONDS
from parsers.results import Return
from parsers.spill import Spill, SpilledRecords

FILE_CAPS = Caps(FILE_SECONDS, FILE_MEMORY_MB)

RETURN_SUFFIXES = frozenset(
    # scans and photos of a return are read by OCR (docs/ocr.md)
    {".xlsx", ".xlsm", ".xls", ".et", ".ods", ".docx", ".doc", ".wps", ".rtf", ".pdf"}
    | {".jpg", ".jpeg", ".png", ".tif", ".tiff"}
)


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


@dataclass(frozen=True)
class _Batch:
    """What every file of one batch is parsed with."""

    registry: FormRegistry
    form_id: str | None
    units: list[str] | None
    spill: Spill | None = None

    def unreadable(self, job: tuple[Path, str]) -> Return:
        """A file whose worker died or overran: it alone is lost, with a plain reason."""
        return failed(job[1], FILE_FAULT, self.registry, self.units)

    def parse(self, job: tuple[Path, str]) -> Return:
        path, name = job
        ret = parse_file(path, name, self.registry, form_id=self.form_id, units=self.units)
        ret.modified = datetime.fromtimestamp(path.stat().st_mtime)
        if self.spill is not None and ret.records:
            # Written here, in the worker, instead of pickled down the pipe: the parent keeps a handle. A full or
            # unwritable temporary folder costs memory, not the file: the records then go down the pipe.
            with contextlib.suppress(OSError):
                ret.records = self.spill.put(ret.records)  # type: ignore[assignment] — a Sequence[Record]
        if not isinstance(ret.records, SpilledRecords):
            _share_texts(ret)  # held in the parent: one copy of each text
        return ret


def _share_texts(ret: Return) -> None:
    """One string object per distinct text in a return's values. A column repeats its unit, post or domain on
    every row, and the reader gives each cell its own copy: shared, they are pickled once per return and held
    once until the merge is written."""
    seen: dict[str, str] = {}
    for rec in ret.records:
        values = rec.values
        for key, value in values.items():
            if type(value) is str:
                values[key] = seen.setdefault(value, value)


def default_jobs(files: int) -> int:
    """Worker processes worth starting: one per core for a real batch, one for a handful of files."""
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
    caps: Caps = FILE_CAPS,
    spill: Spill | None = None,
) -> Iterator[Return]:
    """Parse files in order, in worker processes (reading and parsing is CPU-bound, and a reader that dies —
    an abort in a native library, the memory cap, a timeout — must cost only its own file).

    With `spill`, each return's records are written to the spill folder by the worker that read them and the
    return holds them as `SpilledRecords` (parsers.spill): memory stays that of one return however many come.
    """
    roots = list(roots)
    batch = _Batch(registry, form_id, units, spill)
    # The path as the clerk gave it names the file in every record and issue (returns/东胜区.xlsx).
    work = [(f, display_path(f, roots)) for f in files]
    if not work:
        return
    # Workers inherit what the parent has imported: the readers imported once here stay shared memory,
    # where each worker importing them on its first file had a private copy (and took as long to do it).
    import parsers.readers  # noqa: F401

    with _frozen_gc():
        pool = Pool(batch.parse, batch.unreadable, jobs, caps)
        for f, ret in zip(files, pool.run(work), strict=True):
            if progress:
                progress(f)
            # A return is kept until the merge is written: the cyclic GC would walk every record of every
            # return so far again and again (half the parent's time for 60,000 records).
            gc.freeze()
            yield ret


@contextmanager
def _frozen_gc() -> Iterator[None]:
    """Keep the cyclic GC off what exists now and off the returns as they arrive.

    Frozen objects are still freed when unreferenced; only reference cycles among them wait for the unfreeze.
    Freezing before the fork also keeps the workers' GC from touching the pages they share with the parent
    (the docs' advice for fork), and from walking the parent's objects in every full collection.
    """
    ours = gc.get_freeze_count() == 0  # a caller's own gc.freeze() is left alone
    gc.freeze()
    try:
        yield
    finally:
        if ours:
            gc.unfreeze()
