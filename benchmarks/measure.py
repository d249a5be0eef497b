"""Run a command as a child process and report its wall time and peak memory (from wait4's rusage)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    status: int


def run(argv: list[str], cwd: str | None = None) -> Run:
    # stderr goes to a file, not a pipe: a chatty child would fill the pipe and block while we wait for it.
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            print(f"命令失败（{proc.returncode}）：{' '.join(argv)}\n{tail}", file=sys.stderr)
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode)


def best_of(argv: list[str], repeat: int) -> Run:
    runs = [run(argv) for _ in range(repeat)]
    return min(runs, key=lambda r: r.seconds)
