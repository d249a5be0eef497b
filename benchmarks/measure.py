"""Run a command as a child process and report its wall time and peak memory (from wait4's rusage)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    status: int


def run(argv: list[str], cwd: str | None = None) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0,):
        print(f"命令失败（{proc.returncode}）：{' '.join(argv)}\n{err[-2000:]}", file=sys.stderr)
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode)


def best_of(argv: list[str], repeat: int) -> Run:
    runs = [run(argv) for _ in range(repeat)]
    return min(runs, key=lambda r: r.seconds)
