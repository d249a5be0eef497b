"""Forked worker processes for a batch, each file with its own time and memory caps.

concurrent.futures' ProcessPoolExecutor loses every pending file when one worker dies (BrokenProcessPool): a
native library aborting on a hostile file, the memory cap or a timeout would cost the whole merge. Here each
worker holds one file at a time, so the parent knows which file a dead or overrunning worker held: that file
alone ends as `failed(job)`, the worker is replaced, and the others go on. Workers die with the parent
(PR_SET_PDEATHSIG), so a killed merge leaves no process behind.

Workers are forked: they inherit the work function and what it closes over (the form registry) instead of
having it pickled; only jobs and results cross the pipes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkProcess
from typing import Generic, TypeVar

from parsers.caps import die_with_parent, limit_memory_above_now

Job = TypeVar("Job")
Out = TypeVar("Out")


@dataclass(frozen=True)
class Caps:
    """What one file may cost its worker: wall-clock seconds, and address space above what the fork inherited."""

    seconds: float
    memory_mb: int


@dataclass
class _Worker:
    proc: ForkProcess
    conn: Connection
    holding: int | None = None  # index of the file being parsed
    deadline: float = field(default=0.0)


class Pool(Generic[Job, Out]):
    """`run(jobs)` yields one result per job, in order; `failed(job)` stands for a job whose worker died."""

    def __init__(self, work: Callable[[Job], Out], failed: Callable[[Job], Out], processes: int, caps: Caps) -> None:
        self._work, self._failed, self._caps = work, failed, caps
        self._processes = max(1, processes)
        self._fork = multiprocessing.get_context("fork")
        self._workers: list[_Worker] = []

    def run(self, jobs: Sequence[Job]) -> Iterator[Out]:
        done: dict[int, Out] = {}
        queue = iter(range(len(jobs)))
        following = 0
        try:
            self._workers = [self._start() for _ in range(min(self._processes, len(jobs)))]
            for worker in self._workers:
                self._give(worker, next(queue, None), jobs)
            while following < len(jobs):
                while following in done:
                    yield done.pop(following)
                    following += 1
                if following >= len(jobs):
                    break
                for worker, index, result in self._collect(jobs):
                    done[index] = result
                    self._give(worker, next(queue, None), jobs)
        finally:
            for worker in self._workers:
                self._stop(worker)
            self._workers = []

    def _collect(self, jobs: Sequence[Job]) -> list[tuple[_Worker, int, Out]]:
        """Wait for at least one worker to finish, die or overrun; what each of those held came to."""
        busy = [w for w in self._workers if w.holding is not None]
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        ready = set(wait([w.conn for w in busy], timeout))
        out = []
        for worker in busy:
            index = worker.holding
            assert index is not None
            if worker.conn in ready:
                try:
                    result: Out = worker.conn.recv()
                except (EOFError, OSError):  # died: an abort, the memory cap, a kill
                    result = self._replace(worker, jobs[index])
            elif time.monotonic() >= worker.deadline:
                result = self._replace(worker, jobs[index])
            else:
                continue
            worker.holding = None
            out.append((worker, index, result))
        return out

    def _replace(self, worker: _Worker, job: Job) -> Out:
        self._stop(worker)
        fresh = self._start()
        worker.proc, worker.conn = fresh.proc, fresh.conn
        return self._failed(job)

    def _give(self, worker: _Worker, index: int | None, jobs: Sequence[Job]) -> None:
        if index is None:
            return
        worker.holding, worker.deadline = index, time.monotonic() + self._caps.seconds
        # A worker already dead: _collect sees its pipe closed and replaces it.
        with contextlib.suppress(OSError):
            worker.conn.send(jobs[index])

    def _start(self) -> _Worker:
        parent, child = self._fork.Pipe()
        args = (child, self._work, self._failed, self._caps, os.getpid())
        proc = self._fork.Process(target=_serve, args=args, daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    @staticmethod
    def _stop(worker: _Worker) -> None:
        with contextlib.suppress(OSError):
            worker.conn.close()
        if worker.proc.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker.proc.pid, signal.SIGKILL)  # type: ignore[arg-type]
        worker.proc.join(timeout=10)


def _serve(conn: Connection, work: Callable[[Job], Out], failed: Callable[[Job], Out], caps: Caps, parent: int) -> None:
    """A worker: jobs in, results out, until the parent closes the pipe."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    limit_memory_above_now(caps.memory_mb)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = work(job)
        except MemoryError:
            os._exit(1)  # the process is not trusted any more; the parent reports the file and starts another
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            # Readers turn every library error into UnreadableFile themselves; anything else (a bug, a native
            # library's panic raised as a BaseException) must still cost only this file, and `failed` says it
            # could not be read without exception names.
            result = failed(job)
        try:
            conn.send(result)
        except (EOFError, OSError):
            return  # the parent is gone
        except Exception:
            conn.send(failed(job))  # a result that cannot be pickled
