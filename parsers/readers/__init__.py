"""Readers: any returned file -> `parsers.cells.Document`.

`read` is the single entry point. It dispatches on the file's real content (magic bytes), not its name,
and turns every failure into `forms.errors.UnreadableFile` carrying a Chinese sentence for the clerk:
it never raises anything else, never hangs, and keeps memory bounded on hostile input.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from forms.errors import UnreadableFile
from parsers.cells import Document
from parsers.readers import _messages as msg
from parsers.readers.dispatch import read_bytes
from parsers.readers.limits import MAX_BYTES
from parsers.readers.source import load

__all__ = ["read"]


def read(source: Path | bytes | IO[bytes], name: str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read a returned file. `name` is the district's original file name: kept as `Document.name` and
    used as a hint only (it may be hostile, e.g. `../../etc/passwd.xlsx`; it never becomes a path)."""
    try:
        return read_bytes(load(source, max_bytes), name)
    except UnreadableFile:
        raise
    except Exception as exc:
        # The one outermost boundary. Each reader maps its library's documented exceptions itself; this
        # catches what third-party parsers raise undocumented on malformed input (IndexError, struct.error,
        # MemoryError, …), so a damaged file is reported, never a traceback.
        raise UnreadableFile(msg.DAMAGED) from exc
