"""The job interface: what routes and tasks see of whatever runs the jobs.

Routes only call `submit(task, *args)` and `await wait(job, timeout)`. A task is a module-level function
`task(ctx, *args)` whose arguments and result are plain JSON values, named by "module:function" — exactly
what a Redis-backed queue would need to put on the wire, so another `Jobs` can replace `LocalJobs`
without touching the routes.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Protocol

Arg = str | int | float | bool | None
FailureHandler = Callable[..., None]
ON_FAILURE = "__huizong_on_failure__"


class JobFailed(Exception):
    """The task raised, ran out of memory or time, or its worker died."""


def task(on_failure: FailureHandler | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a function as a task; `on_failure(ctx, *args, reason=…)` records a failure the task could not."""

    def mark(func: Callable[..., Any]) -> Callable[..., Any]:
        setattr(func, ON_FAILURE, on_failure)
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
