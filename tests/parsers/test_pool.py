"""A worker that dies or overruns costs only the file it held; results come back in order."""

from __future__ import annotations

import faulthandler
import os
import time

from parsers.pool import Caps, Pool


def _work(job: int) -> str:
    if job == 3:
        faulthandler.disable()  # pytest's handler would print the abort as a fatal error
        os.abort()  # what calamine does when an allocation fails
    if job == 5:
        time.sleep(60)
    if job == 7:
        raise ValueError("a bug")
    if job == 8:
        bytearray(2 * 1024**3)  # past the memory cap: MemoryError
    return f"ok {job}"


def test_dead_slow_and_failing_workers_cost_only_their_own_job() -> None:
    pool = Pool(_work, lambda job: f"failed {job}", processes=2, caps=Caps(seconds=3, memory_mb=256))
    started = time.monotonic()
    out = list(pool.run(list(range(10))))
    assert out == [f"failed {j}" if j in (3, 5, 7, 8) else f"ok {j}" for j in range(10)]
    assert time.monotonic() - started < 30
