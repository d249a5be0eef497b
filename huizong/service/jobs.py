"""Heavy work (parsing, rendering) off the web workers, behind a small interface.

Routes only call `submit(task, *args)` and `await wait(job, timeout)`. A task is a module-level function
`task(ctx, *args)` whose arguments and result are plain JSON values, named by "module:function" — exactly
what a Redis-backed queue would need to put on the wire, so one can replace `LocalJobs` without touching
the routes.

`LocalJobs` runs tasks in long-lived worker processes (one per slot, spawned, each with a memory cap), so a
zip bomb or a runaway parser costs a worker, never the server: a task that dies or overruns its time is
killed, its worker replaced, and the task's `on_failure` handler runs in the submitting process.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import multiprocessing
import queue
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Protocol

from huizong.service import worker

log = logging.getLogger("huizong.jobs")
Arg = str | int | float | bool | None
FailureHandler = Callable[..., None]
_ON_FAILURE = "__huizong_on_failure__"


class JobFailed(Exception):
    """The task raised, ran out of memory or time, or its worker died."""


def task(on_failure: FailureHandler | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a function as a task; `on_failure(ctx, *args, reason=…)` records a failure the task could not."""

    def mark(func: Callable[..., Any]) -> Callable[..., Any]:
        setattr(func, _ON_FAILURE, on_failure)
        return func

    return mark


def task_ref(func: Callable[..., Any]) -> str:
    return f"{func.__module__}:{func.__qualname__}"


def resolve(ref: str) -> Callable[..., Any]:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass
class Job:
    id: str
    ref: str
    args: tuple[Arg, ...]
    future: Future[Any] = field(default_factory=Future)


class Jobs(Protocol):
    def submit(self, func: Callable[..., Any], *args: Arg) -> Job: ...

    async def wait(self, job: Job, timeout: float) -> Any: ...

    def close(self) -> None: ...


async def wait_future(job: Job, timeout: float) -> Any:
    """The task's result; TimeoutError leaves the job running, JobFailed says why it did not finish."""
    # shield: giving up waiting must not cancel the job itself.
    return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(job.future)), timeout)


class LocalJobs:
    """Worker processes on this machine, fed from one in-memory queue."""

    def __init__(
        self,
        context_ref: str,
        context_arg: str,
        *,
        workers: int,
        timeout: float,
        memory_mb: int,
        failure_context: object,
    ) -> None:
        self._spec = worker.WorkerSpec(context_ref, context_arg, memory_mb)
        self._timeout = timeout
        self._failure_context = failure_context
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._mp = multiprocessing.get_context("spawn")
        self._threads = [
            threading.Thread(target=self._slot, name=f"huizong-job-slot-{i}", daemon=True) for i in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, func: Callable[..., Any], *args: Arg) -> Job:
        job = Job(uuid.uuid4().hex, task_ref(func), args)
        self._queue.put(job)
        return job

    async def wait(self, job: Job, timeout: float) -> Any:
        return await wait_future(job, timeout)

    def close(self) -> None:
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:
            thread.join(timeout=30)

    def _slot(self) -> None:
        slot = worker.Slot(self._mp, self._spec)
        slot.start()
        try:
            while (job := self._queue.get()) is not None:
                if job.future.set_running_or_notify_cancel():
                    self._run(slot, job)
        finally:
            slot.stop()

    def _run(self, slot: worker.Slot, job: Job) -> None:
        outcome, value = slot.run(job.ref, job.args, self._timeout)
        if outcome == "ok":
            job.future.set_result(value)
            return
        log.warning("job %s %s(%s) failed: %s", job.id, job.ref, job.args, value)
        self._on_failure(job, str(value))
        job.future.set_exception(JobFailed(str(value)))

    def _on_failure(self, job: Job, reason: str) -> None:
        try:
            handler = getattr(resolve(job.ref), _ON_FAILURE, None)
            if handler is not None:
                handler(self._failure_context, *job.args, reason=reason)
        except Exception:
            log.exception("failure handler of %s failed", job.ref)
