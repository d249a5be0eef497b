"""Get a returned file's bytes into memory without ever reading more than the size limit."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO

from forms.errors import UnreadableFile
from parsers.readers import _messages as msg

_CHUNK = 1024 * 1024


def load(source: Path | bytes | bytearray | memoryview | IO[bytes], max_bytes: int) -> bytes:
    """The whole content, or UnreadableFile if it is larger than `max_bytes` (checked before reading)."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > max_bytes:
            raise msg.too_big(len(data), max_bytes)
        return data
    if isinstance(source, str | os.PathLike):
        return _load_path(Path(source), max_bytes)
    return _load_stream(source, max_bytes)


def _load_path(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
        # A FIFO or a device (/dev/zero) would never end; only regular files are read.
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(msg.MISSING)
        if info.st_size > max_bytes:
            raise msg.too_big(info.st_size, max_bytes)
        with path.open("rb") as handle:
            return _load_stream(handle, max_bytes)
    except OSError as exc:
        raise UnreadableFile(msg.MISSING) from exc


def _load_stream(stream: IO[bytes], max_bytes: int) -> bytes:
    """Read at most max_bytes + 1 bytes: the extra byte tells a file at the limit from one over it."""
    parts: list[bytes] = []
    size = 0
    try:
        while size <= max_bytes:
            chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            if not isinstance(chunk, bytes | bytearray):
                raise UnreadableFile(msg.DAMAGED)
            parts.append(bytes(chunk))
            size += len(chunk)
    except OSError as exc:
        raise UnreadableFile(msg.DAMAGED) from exc
    if size > max_bytes:
        # The stream's full length is unknown: say the limit was exceeded, not by how much.
        raise msg.too_big(None, max_bytes)
    return b"".join(parts)
