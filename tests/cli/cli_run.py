"""Run the real `huizong` command as a user would: a subprocess, Chinese output, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HUIZONG = str(Path(sys.executable).with_name("huizong"))
ROOT = Path(__file__).resolve().parents[2]


def run(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([HUIZONG, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300)
