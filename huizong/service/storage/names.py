"""A client's file name as a label: cleaned of paths and control characters, never used to reach a file."""

from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath, PureWindowsPath

_MAX_NAME = 120


def safe_name(raw: str | None, default: str = "未命名文件") -> str:
    """The label to keep for an uploaded file: its last path part, printable, not hidden, ≤ 120 characters."""
    if not raw:
        return default
    name = PureWindowsPath(PurePosixPath(raw.replace("\x00", "")).name).name
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = name.strip().lstrip(".").strip()
    if not name:
        return default
    if len(name) > _MAX_NAME:
        stem, dot, suffix = name.rpartition(".")
        name = f"{stem[: _MAX_NAME - len(suffix) - 1]}.{suffix}" if dot and len(suffix) <= 10 else name[:_MAX_NAME]
    return name


def suffix_of(name: str) -> str:
    _, dot, suffix = name.rpartition(".")
    return f".{suffix.lower()}" if dot else ""
