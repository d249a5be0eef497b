"""Run a command as a child process and report its wall time, CPU time and peak memory.

`peak_mb` comes from wait4's rusage: the largest peak RSS of the command or any one of its reaped children
(worker processes), not their sum. With `tree=True` the process tree is also sampled while it runs and
`tree_mb` is the largest sum of PSS over all of its processes — what worker processes add, with the pages
they share with the parent after fork counted once. Sampling costs CPU, so timed runs do not sample.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    status: int
    cpu_seconds: float = 0.0  # user + system of the command and its reaped children
    tree_mb: float | None = None


def run(argv: list[str], cwd: str | None = None, *, tree: bool = False) -> Run:
    # stderr goes to a file, not a pipe: a chatty child would fill the pipe and block while we wait for it.
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        sampler = _TreeSampler(proc.pid) if tree else None
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        tree_mb = sampler.stop() if sampler else None
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            print(f"命令失败（{proc.returncode}）：{' '.join(argv)}\n{tail}", file=sys.stderr)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, cpu, tree_mb)


def best_of(argv: list[str], repeat: int) -> Run:
    runs = [run(argv) for _ in range(repeat)]
    return min(runs, key=lambda r: r.seconds)


def alternating(commands: dict[str, list[str]], repeat: int) -> dict[str, Run]:
    """Each command `repeat` times, taking turns (A B C A B C …) so that a neighbour's load on a shared machine
    falls on all of them alike; the median of each figure per command (the median run's status)."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            runs[name].append(run(argv))
    return {name: _median(got) for name, got in runs.items()}


def _median(runs: list[Run]) -> Run:
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.peak_mb for r in runs),
        next((r.status for r in runs if r.status), 0),
        statistics.median(r.cpu_seconds for r in runs),
    )


def load() -> str:
    """The machine's load averages, printed beside figures measured on a shared machine."""
    one, five, _fifteen = os.getloadavg()
    return f"负载 {one:.1f}/{five:.1f}（1/5 分钟平均，{os.cpu_count()} 核）"


class _TreeSampler:
    """Sums the PSS of a process and all its descendants every `interval` seconds, keeping the peak."""

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def stop(self) -> float:
        self.done.set()
        self.thread.join()
        return self.peak_kb / 1024

    def _loop(self) -> None:
        while not self.done.wait(self.interval):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(self.pid)))


# The command and its workers come and go while they are sampled: a vanished process counts as nothing.
def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return out


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0
