"""What every store of bytes offers: originals by SHA-256, generated files by cache key.

`local.FileStore` keeps them under the data folder; `s3.ObjectStore` in an S3-compatible bucket, so that
every app instance and worker sees the same files. Routes send a `Blob` without knowing which.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

HEX64 = re.compile(r"^[0-9a-f]{64}$")
CACHE_KEY = re.compile(r"^[A-Za-z0-9_.-]{1,120}$")
CHUNK = 256 * 1024


@dataclass(frozen=True)
class Blob:
    """A stored file to send: a local path (sent by the server itself) or chunks streamed from elsewhere."""

    path: Path | None
    chunks: Callable[[], Iterator[bytes]]


class Storage(Protocol):
    def put(self, data: bytes) -> str: ...

    def read(self, digest: str) -> bytes: ...

    def original(self, digest: str) -> Blob: ...

    def has_cache(self, key: str) -> bool: ...

    def put_cache(self, key: str, data: bytes) -> None: ...

    def cached(self, key: str) -> Blob: ...

    def forget_cache(self, prefix: str, suffix: str, keep: str) -> None: ...


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_digest(digest: str) -> str:
    if not HEX64.match(digest):
        raise ValueError("not a SHA-256 digest")
    return digest


def check_key(key: str) -> str:
    """A cache key is ours, never a client's; still, nothing in it may climb out of the cache."""
    if not CACHE_KEY.match(key) or ".." in key:
        raise ValueError("bad cache key")
    return key


def original_name(digest: str) -> str:
    """Where an original lives below the store's root: fanned out by its first hex digits."""
    check_digest(digest)
    return f"originals/{digest[:2]}/{digest[2:4]}/{digest}"
