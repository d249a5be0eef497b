"""One worker process and the thread-side handle that feeds it (used by jobs.LocalJobs).

The process builds its context once (database, file store, form registry — the slow imports), then runs
tasks one at a time. The handle kills and replaces it when a task overruns or the process dies.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import signal
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any

from huizong.service.jobs.base import Failure
from parsers.caps import die_with_parent, limit_memory

log = logging.getLogger("huizong.jobs")
STARTUP_TIMEOUT = 180.0


@dataclass(frozen=True)
class WorkerSpec:
    context_ref: str  # "module:function" building the task context from context_arg
    context_arg: str
    memory_mb: int


class Slot:
    """The parent's end of one worker process; started on first use, replaced after a crash or timeout."""

    def __init__(self, mp: SpawnContext, spec: WorkerSpec) -> None:
        self._mp, self._spec = mp, spec
        self._proc: SpawnProcess | None = None
        self._conn: Connection | None = None

    def run(self, ref: str, args: tuple[Any, ...], timeout: float) -> tuple[str, Any]:
        """("ok", result) or ("error", Failure); never raises."""
        try:
            conn = self._ensure()
            conn.send((ref, args))
            if not conn.poll(timeout):
                self.stop(graceful=False)
                return "error", Failure("overrun", f"over {timeout:.0f} s")
            outcome, value = conn.recv()
        except (EOFError, OSError) as exc:
            self.stop(graceful=False)
            return "error", Failure("crashed", f"worker process died ({type(exc).__name__})")
        if outcome == "fatal":  # out of memory: the process is not trusted any more
            self.stop(graceful=False)
            return "error", Failure("memory", str(value))
        if outcome == "error":
            return "error", Failure("error", str(value))
        return outcome, value

    def start(self) -> None:
        """Start the process now, so the first upload does not wait for the imports."""
        try:
            self._ensure()
        except (EOFError, OSError):
            log.exception("worker failed to start")
            self.stop(graceful=False)

    def _ensure(self) -> Connection:
        if self._proc is not None and self._proc.is_alive() and self._conn is not None:
            return self._conn
        self.stop()
        parent, child = self._mp.Pipe()
        proc = self._mp.Process(target=main, args=(child, self._spec), daemon=True, name="huizong-worker")
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        if not parent.poll(STARTUP_TIMEOUT):
            raise OSError("worker did not start in time")
        parent.recv()  # "ready", or EOFError when the process failed to start
        return parent

    def stop(self, graceful: bool = True) -> None:
        if self._conn is not None:
            if graceful:
                with contextlib.suppress(OSError):
                    self._conn.send(None)
            self._conn.close()
        if self._proc is not None:
            self._proc.join(timeout=2 if graceful else 0)
            if self._proc.is_alive():
                _kill_group(self._proc.pid)  # the worker leads its group: helpers it started go with it
                self._proc.join(timeout=5)
        self._proc, self._conn = None, None


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def main(conn: Connection, spec: WorkerSpec) -> None:
    """Entry point of a worker process."""
    with contextlib.suppress(OSError):
        os.setpgrp()  # its own process group, so a kill on overrun reaches any helper process it starts
    die_with_parent()
    limit_memory(spec.memory_mb)
    module, _, name = spec.context_ref.partition(":")
    context = getattr(importlib.import_module(module), name)(spec.context_arg)
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        conn.send(_call(context, *message))


def _call(context: object, ref: str, args: tuple[Any, ...]) -> tuple[str, Any]:
    module, _, name = ref.partition(":")
    try:
        return "ok", getattr(importlib.import_module(module), name)(context, *args)
    except MemoryError:
        return "fatal", "MemoryError"
    except Exception as exc:
        log.error("task %s%r failed:\n%s", ref, args, traceback.format_exc())
        return "error", type(exc).__name__
