"""The code points a font file covers, kept on disk between runs.

Reading a Fandol face's cmap with fontTools takes a good part of a clerk's `huizong doc render` (five faces, each
parsed again by every command). The set only changes with the file, so it is stored under the user's cache
folder, keyed by the file's name, size and modification time. A cache that cannot be read or written is simply
not used: the cmap is read from the font as before.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from pathlib import Path

from generators.documents.layout.user_cache import cache_dir


def _entry(font: Path) -> Path:
    stat = font.stat()
    return cache_dir() / "cmap" / f"{font.name}-{stat.st_size}-{stat.st_mtime_ns}.u32"


def load(font: Path) -> frozenset[int] | None:
    try:
        data = _entry(font).read_bytes()
    except OSError:
        return None
    if len(data) % 4:
        return None  # a torn write: read the font instead
    points = array("I")
    points.frombytes(data)
    return frozenset(points)


def store(font: Path, points: frozenset[int]) -> None:
    try:
        entry = _entry(font)
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Written beside, then renamed: two commands at once never see half a file.
        with tempfile.NamedTemporaryFile(dir=entry.parent, delete=False) as tmp:
            tmp.write(array("I", sorted(points)).tobytes())
        os.replace(tmp.name, entry)
    except OSError:
        return
