"""Originals stored byte for byte under the data folder, addressed by their SHA-256; never by a client's name.

A client's file name is only ever a label (cleaned by `storage.names.safe_name`), so no name can reach the
file system.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from huizong.service.storage.base import CHUNK, Blob, check_key, original_name, sha256


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.originals = self.root / "originals"
        self.cache = self.root / "cache"
        for folder in (self.originals, self.cache, self.root / "tmp"):
            folder.mkdir(parents=True, exist_ok=True)

    def put(self, data: bytes) -> str:
        """Store `data` and return its SHA-256; storing the same bytes twice keeps one copy."""
        digest = sha256(data)
        target = self.path(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(self.root / "tmp", target, data)
        return digest

    def path(self, digest: str) -> Path:
        return self.root / original_name(digest)

    def read(self, digest: str) -> bytes:
        return self.path(digest).read_bytes()

    def original(self, digest: str) -> Blob:
        path = self.path(digest)
        return Blob(path, lambda: _chunks(path))

    def cache_path(self, key: str) -> Path:
        """A generated file (workbook, document) kept until the campaign changes; `key` is ours, not a client's."""
        return self.cache / check_key(key)

    def has_cache(self, key: str) -> bool:
        return self.cache_path(key).exists()

    def put_cache(self, key: str, data: bytes) -> None:
        _write_atomically(self.root / "tmp", self.cache_path(key), data)

    def cached(self, key: str) -> Blob:
        path = self.cache_path(key)
        return Blob(path, lambda: _chunks(path))

    def forget_cache(self, prefix: str, suffix: str, keep: str) -> None:
        """Delete the older versions of a generated file: names starting with `prefix`, ending with `suffix`."""
        for old in self.cache.glob(f"{check_key(prefix)}*{suffix}"):
            if old.name != keep:
                old.unlink(missing_ok=True)


def _chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            yield chunk


def _write_atomically(tmp_dir: Path, target: Path, data: bytes) -> None:
    # Written beside, flushed, then renamed: a reader never sees half a file, a crash never leaves one.
    tmp = tmp_dir / f"{secrets.token_hex(12)}.part"
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
