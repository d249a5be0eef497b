"""The user's cache folder, where a 公文 command keeps what it would otherwise redo on every run (the fonts'
coverage, compiled page templates, where WeasyPrint's libraries are). Everything in it can be deleted at any time."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """HUIZONG_CACHE_DIR, else $XDG_CACHE_HOME/huizong, else ~/.cache/huizong."""
    override = os.environ.get("HUIZONG_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "huizong"
