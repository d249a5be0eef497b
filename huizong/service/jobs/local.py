"""`LocalJobs`: tasks run in long-lived worker processes on this machine, fed from two in-memory lanes.

One worker per slot, spawned, each with a memory cap, so a zip bomb or a runaway parser costs a worker,
never the server: a task that dies or overruns its lane's time is killed, its worker replaced, and the
task's `on_failure` handler runs in the submitting process. With two slots or more, the first serves the
quick lane only, so small returns never wait behind a slow file; the others take quick jobs first.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import uuid
from collections import deque
from collections.abc import Callable
from typing import Any

from huizong.service.jobs import worker
from huizong.service.jobs.base import (
    LANES,
    Arg,
    Budget,
    Failure,
    Job,
    JobFailed,
    Lane,
    report_failure,
    task_ref,
    wait_future,
)
from parsers.caps import few_malloc_arenas

log = logging.getLogger("huizong.jobs")


class LaneQueue:
    """Jobs waiting per lane; `get(lanes)` takes the first waiting job in the order of `lanes`."""

    def __init__(self) -> None:
        self._waiting: dict[str, deque[Job | None]] = {lane: deque() for lane in LANES}
        self._ready = threading.Condition()
        self._closed = False

    def put(self, job: Job) -> None:
        with self._ready:
            self._waiting[job.lane].append(job)
            self._ready.notify_all()

    def get(self, lanes: tuple[Lane, ...]) -> Job | None:
        """The next job for a slot serving `lanes`; None once the queue is closed."""
        with self._ready:
            while True:
                if self._closed:
                    return None
                for lane in lanes:
                    if self._waiting[lane]:
                        return self._waiting[lane].popleft()
                self._ready.wait()

    def close(self) -> None:
        with self._ready:
            self._closed = True
            self._ready.notify_all()


class LocalJobs:
    """Worker processes on this machine, fed from the quick and heavy lanes."""

    def __init__(
        self,
        context_ref: str,
        context_arg: str,
        *,
        workers: int,
        budgets: dict[Lane, Budget],
        failure_context: object,
    ) -> None:
        self._budgets = budgets
        self._failure_context = failure_context
        self._queue = LaneQueue()
        self._mp = multiprocessing.get_context("spawn")
        few_malloc_arenas()
        self._threads = []
        for i in range(workers):
            lanes: tuple[Lane, ...] = ("quick",) if i == 0 and workers > 1 else LANES
            # The quick-only slot needs only the quick lane's memory; the others may run heavy jobs.
            memory = max(budgets[lane].memory_mb for lane in lanes)
            spec = worker.WorkerSpec(context_ref, context_arg, memory)
            thread = threading.Thread(target=self._slot, args=(spec, lanes), name=f"huizong-job-slot-{i}", daemon=True)
            self._threads.append(thread)
            thread.start()

    def submit(self, func: Callable[..., Any], *args: Arg, lane: Lane = "heavy") -> Job:
        job = Job(uuid.uuid4().hex, task_ref(func), args, lane)
        self._queue.put(job)
        return job

    async def wait(self, job: Job, timeout: float) -> Any:
        return await wait_future(job, timeout)

    def close(self) -> None:
        self._queue.close()
        for thread in self._threads:
            thread.join(timeout=30)

    def _slot(self, spec: worker.WorkerSpec, lanes: tuple[Lane, ...]) -> None:
        slot = worker.Slot(self._mp, spec)
        slot.start()
        try:
            while (job := self._queue.get(lanes)) is not None:
                if job.future.set_running_or_notify_cancel():
                    self._run(slot, job)
        finally:
            slot.stop()

    def _run(self, slot: worker.Slot, job: Job) -> None:
        outcome, value = slot.run(job.ref, job.args, self._budgets[job.lane].timeout)
        if outcome == "ok":
            job.future.set_result(value)
            return
        failure: Failure = value
        log.warning("job %s %s(%s) failed: %s %s", job.id, job.ref, job.args, failure.kind, failure.detail)
        report_failure(self._failure_context, job.ref, job.args, failure)
        job.future.set_exception(JobFailed(failure))
