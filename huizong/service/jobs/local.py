"""`LocalJobs`: tasks run in long-lived worker processes on this machine, fed from one in-memory queue.

One worker per slot, spawned, each with a memory cap, so a zip bomb or a runaway parser costs a worker,
never the server: a task that dies or overruns its time is killed, its worker replaced, and the task's
`on_failure` handler runs in the submitting process.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import uuid
from collections.abc import Callable
from typing import Any

from huizong.service.jobs import worker
from huizong.service.jobs.base import ON_FAILURE, Arg, Job, JobFailed, resolve, task_ref, wait_future

log = logging.getLogger("huizong.jobs")


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
            handler = getattr(resolve(job.ref), ON_FAILURE, None)
            if handler is not None:
                handler(self._failure_context, *job.args, reason=reason)
        except Exception:
            log.exception("failure handler of %s failed", job.ref)
