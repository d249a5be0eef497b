"""WeasyPrint imported without hunting for its C libraries on every run.

WeasyPrint opens pango, harfbuzz, fontconfig … with cffi's `ffi.dlopen`, trying several names for each library
(text/ffi.py). cffi hands every name that does not load as it is to `ctypes.util.find_library`, which on Linux
runs `ldconfig -p`, then gcc and ld, for each of them: some 80 processes and about a fifth of a second of CPU
before a clerk's `doc render` has done anything. The answers change only when the system's libraries do, so they
are kept in the user's cache folder, under a key made of the dynamic linker's cache (/etc/ld.so.cache, which
ldconfig rewrites whenever a library is installed or removed) and LD_LIBRARY_PATH. While WeasyPrint is being
imported, `find_library` answers from that record; the real one is back right after.

A library the record names that no longer loads voids the record; without an ld.so.cache (not glibc), or when
the record cannot be read or written, WeasyPrint is imported as it is. tests/…/pdf/test_doc_weasy.py fails if
a WeasyPrint upgrade stops asking `find_library`, the sign that this module is no longer needed.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import hashlib
import importlib
import json
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from generators.documents.layout.user_cache import cache_dir

LINKER_CACHE = Path("/etc/ld.so.cache")
_LOCK = threading.Lock()  # one import at a time: find_library is swapped for the whole process meanwhile


def load() -> ModuleType:
    """The `weasyprint` module, its libraries found from the record when there is one."""
    with _LOCK:
        module = sys.modules.get("weasyprint")
        if module is not None:
            return module
        record = _record()
        if record is None:
            return importlib.import_module("weasyprint")
        known = _usable(_read(record))
        asked: dict[str, str | None] = {}
        with _answering(known, asked):
            module = importlib.import_module("weasyprint")
        if asked.keys() - known.keys():
            _write(record, {**known, **asked})
        return module


def _record() -> Path | None:
    """Where the answers for this system's libraries are kept, or None when there is nothing to key them by."""
    try:
        stat = LINKER_CACHE.stat()
    except OSError:
        return None
    key = f"{stat.st_size}-{stat.st_mtime_ns}-{os.environ.get('LD_LIBRARY_PATH', '')}-{sys.platform}"
    return cache_dir() / "libraries" / f"{hashlib.sha1(key.encode()).hexdigest()[:16]}.json"


def _read(record: Path) -> dict[str, str | None]:
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and (v is None or isinstance(v, str))}


def _usable(known: dict[str, str | None]) -> dict[str, str | None]:
    """The record, or nothing when a library it found no longer loads."""
    for found in {v for v in known.values() if v is not None}:
        try:
            ctypes.CDLL(found)  # WeasyPrint opens it next anyway: a second open only counts a reference
        except OSError:
            return {}
    return known


@contextlib.contextmanager
def _answering(known: dict[str, str | None], asked: dict[str, str | None]) -> Iterator[None]:
    real = ctypes.util.find_library

    def find_library(name: str) -> str | None:
        found = known[name] if name in known else real(name)
        asked[name] = found
        return found

    ctypes.util.find_library = find_library
    try:
        yield
    finally:
        ctypes.util.find_library = real


def _write(record: Path, answers: dict[str, str | None]) -> None:
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        # Written beside, then renamed: two commands at once never see half a record.
        with tempfile.NamedTemporaryFile("w", dir=record.parent, delete=False, encoding="utf-8") as tmp:
            json.dump(answers, tmp, ensure_ascii=False, sort_keys=True)
        os.replace(tmp.name, record)
    except OSError:
        return
