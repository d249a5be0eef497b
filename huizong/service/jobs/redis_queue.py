"""`RedisJobs`: jobs on a Redis-backed queue (RQ), run by `huizong worker` processes on any machine.

Why RQ: it forks a fresh child (a "work horse") for every job, which is exactly the bounded child a parse
needs — caps set in the child, memory returned when it exits; it has retries, a failed-job registry (our
dead letters), abandoned-job detection when a worker vanishes, and queues served in priority order (our
lanes). It needs nothing but Redis, and its jobs are plain Python calls, like ours.

The web process only enqueues and, when a route wants the answer, polls the job's state in Redis.
A parse job's id is derived from the return it files, so enqueuing it twice gives one job.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

from huizong.service.extras import require
from huizong.service.jobs.base import LANES, Arg, Failure, Job, JobFailed, Lane, budgets, task_ref
from huizong.service.settings import Settings

log = logging.getLogger("huizong.jobs")
POLL_SECONDS = 0.05
RESULT_TTL = 3600  # seconds a finished job's answer stays for a waiting route
ACTIVE = ("queued", "started", "deferred", "scheduled")


def connect(url: str) -> Any:
    redis = require("redis", "任务队列（Redis）")
    return redis.Redis.from_url(url)


def queue_names(namespace: str) -> dict[Lane, str]:
    return {lane: f"{namespace}-{lane}" for lane in LANES}


def from_settings(settings: Settings) -> RedisJobs:
    assert settings.queue_url is not None
    timeouts = {lane: b.timeout for lane, b in budgets(settings).items()}
    return RedisJobs(settings.queue_url, settings.queue_name, timeouts, settings.job_retries)


class RedisJobs:
    """The web side of the queue: enqueue, and wait for an answer."""

    def __init__(self, url: str, namespace: str, timeouts: dict[Lane, float], retries: int) -> None:
        rq = require("rq", "任务队列（Redis）")
        from redis.exceptions import RedisError

        self._rq = rq
        self._redis_errors = (RedisError, OSError)
        self.redis = connect(url)
        self.namespace = namespace
        self._timeouts, self._retries = timeouts, retries
        self.queues = {lane: rq.Queue(name, connection=self.redis) for lane, name in queue_names(namespace).items()}

    def job_id(self, ref: str, args: tuple[Arg, ...]) -> str | None:
        """Jobs that file something are keyed on what they file, so a second enqueue finds the first."""
        if ref.endswith(":parse_return") and len(args) == 1:
            return f"{self.namespace}_parse-return_{args[0]}"
        return None

    def submit(self, func: Callable[..., Any], *args: Arg, lane: Lane = "heavy") -> Job:
        """Queue the job. With Redis out of reach the job is not queued, and not lost either: what it works
        on stays pending in the database, and `huizong worker` queues pending returns again every minute."""
        ref = task_ref(func)
        job_id = self.job_id(ref, args) or f"{self.namespace}_{uuid.uuid4().hex}"
        try:
            self._enqueue(ref, args, job_id, lane)
        except self._redis_errors:
            log.exception("could not queue %s%r", ref, args)
        return Job(job_id, ref, args, lane)

    def _enqueue(self, ref: str, args: tuple[Arg, ...], job_id: str, lane: Lane) -> None:
        existing = self._fetch(job_id)
        if existing is not None and existing.get_status(refresh=False) in ACTIVE:
            return  # queued or running already: one job per return
        if existing is not None:
            existing.delete()
        from huizong.service.jobs import rq_worker

        self.queues[lane].enqueue(
            rq_worker.perform,
            ref,
            *args,
            job_id=job_id,
            job_timeout=int(self._timeouts[lane]),
            result_ttl=RESULT_TTL,
            failure_ttl=7 * 24 * 3600,
            retry=self._rq.Retry(max=self._retries) if self._retries else None,
            on_failure=self._rq.Callback(rq_worker.on_job_failure),
            meta={"lane": lane},
        )

    async def wait(self, job: Job, timeout: float) -> Any:
        """The result; JobFailed when it failed for good; TimeoutError when still running or nobody runs it."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                found = await asyncio.to_thread(self._state, job)
                waiting = found is not None and found[0] == "queued"
                idle = waiting and not await asyncio.to_thread(self.has_workers, job.lane)
            except self._redis_errors:
                raise TimeoutError from None  # the queue is out of reach: the return stays pending
            if found is None or idle:
                raise TimeoutError  # not queued (see submit), or nobody to run it: it stays queued
            status, value = found
            if status == "finished":
                return value
            if status == "failed":
                raise JobFailed(Failure("error", "the queue gave up on the job"))
            if time.monotonic() >= deadline:
                raise TimeoutError
            await asyncio.sleep(POLL_SECONDS)

    def _state(self, job: Job) -> tuple[str, Any] | None:
        rq_job = self._fetch(job.id)
        if rq_job is None:
            return None
        status = rq_job.get_status(refresh=False)
        return str(getattr(status, "value", status)), rq_job.return_value() if status == "finished" else None

    def _fetch(self, job_id: str) -> Any:
        try:
            return self._rq.job.Job.fetch(job_id, connection=self.redis)
        except self._rq.exceptions.NoSuchJobError:
            return None

    def has_workers(self, lane: Lane) -> bool:
        from huizong.service.jobs.rq_worker import workers_alive

        return workers_alive(self.redis, self.queues[lane].name) > 0

    def close(self) -> None:
        self.redis.close()
