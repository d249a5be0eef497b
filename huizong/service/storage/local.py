"""Originals stored byte for byte under the data folder, addressed by their SHA-256; never by a client's name.

A client's file name is only ever a label (cleaned by `storage.names.safe_name`), so no name can reach the
file system.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from pathlib import Path

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_KEY = re.compile(r"^[A-Za-z0-9_.-]{1,120}$")


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.originals = self.root / "originals"
        self.cache = self.root / "cache"
        for folder in (self.originals, self.cache, self.root / "tmp"):
            folder.mkdir(parents=True, exist_ok=True)

    def put(self, data: bytes) -> str:
        """Store `data` and return its SHA-256; storing the same bytes twice keeps one copy."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(self.root / "tmp", target, data)
        return digest

    def path(self, digest: str) -> Path:
        if not _HEX64.match(digest):
            raise ValueError("not a SHA-256 digest")
        return self.originals / digest[:2] / digest[2:4] / digest

    def read(self, digest: str) -> bytes:
        return self.path(digest).read_bytes()

    def cache_path(self, key: str) -> Path:
        """A generated file (workbook, document) kept until the campaign changes; `key` is ours, not a client's."""
        if not _KEY.match(key) or ".." in key:
            raise ValueError("bad cache key")
        return self.cache / key

    def put_cache(self, key: str, data: bytes) -> Path:
        target = self.cache_path(key)
        _write_atomically(self.root / "tmp", target, data)
        return target


def _write_atomically(tmp_dir: Path, target: Path, data: bytes) -> None:
    # Written beside, flushed, then renamed: a reader never sees half a file, a crash never leaves one.
    tmp = tmp_dir / f"{secrets.token_hex(12)}.part"
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
