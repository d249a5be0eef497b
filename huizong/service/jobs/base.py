"""The job interface: what routes and tasks see of whatever runs the jobs.

Routes only call `submit(task, *args, lane=…)` and `await wait(job, timeout)`. A task is a module-level function
`task(ctx, *args)` whose arguments and result are plain JSON values, named by "module:function" — what a
queue puts on the wire, so `RedisJobs` replaces `LocalJobs` without touching the routes.

Every job runs in a child process with its lane's time and memory caps. When it cannot finish, the task's
`on_failure(ctx, *args, failure=…)` records why, in words a clerk can act on (`Failure.message`).
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from forms import errors

if TYPE_CHECKING:
    from huizong.service.settings import Settings

Arg = str | int | float | bool | None
FailureHandler = Callable[..., None]
ON_FAILURE = "__huizong_on_failure__"
Lane = Literal["quick", "heavy"]
LANES: tuple[Lane, ...] = ("quick", "heavy")

# What a clerk reads: the file is at fault (no retry helps), or the processing failed (a retry may).
FILE_FAULT = errors.FILE_FAULT
RETRYABLE = "处理失败，可重试"


@dataclass(frozen=True)
class Budget:
    """A lane's caps on one job: wall-clock seconds and memory (address space)."""

    timeout: float
    memory_mb: int


def budgets(settings: Settings) -> dict[Lane, Budget]:
    return {
        "quick": Budget(settings.quick_job_timeout, settings.quick_memory_mb),
        "heavy": Budget(settings.job_timeout, settings.worker_memory_mb),
    }


@dataclass(frozen=True)
class Failure:
    """Why a job did not finish. `kind`: overrun (time), memory, crashed (its process died), error (raised),
    lost (its worker vanished and the retries ran out)."""

    kind: Literal["overrun", "memory", "crashed", "error", "lost"]
    detail: str = ""  # for the log, never shown to a clerk

    @property
    def file_fault(self) -> bool:
        return self.kind in ("overrun", "memory", "crashed")

    @property
    def message(self) -> str:
        return FILE_FAULT if self.file_fault else RETRYABLE


class JobFailed(Exception):
    """The task raised, ran out of memory or time, or its worker died."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(f"{failure.message}（{failure.kind}: {failure.detail}）")
        self.failure = failure


def task(on_failure: FailureHandler | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a function as a task; `on_failure(ctx, *args, failure=…)` records a failure the task could not."""

    def mark(func: Callable[..., Any]) -> Callable[..., Any]:
        setattr(func, ON_FAILURE, on_failure)
        return func

    return mark


def task_ref(func: Callable[..., Any]) -> str:
    return f"{func.__module__}:{func.__qualname__}"


def resolve(ref: str) -> Callable[..., Any]:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def report_failure(context: object, ref: str, args: tuple[Any, ...], failure: Failure) -> None:
    """Run the task's failure handler; a handler that fails itself is logged, never raised."""
    import logging

    try:
        handler = getattr(resolve(ref), ON_FAILURE, None)
        if handler is not None:
            handler(context, *args, failure=failure)
    except Exception:
        logging.getLogger("huizong.jobs").exception("failure handler of %s failed", ref)


@dataclass
class Job:
    id: str
    ref: str
    args: tuple[Arg, ...]
    lane: Lane = "heavy"
    future: Future[Any] = field(default_factory=Future)


class Jobs(Protocol):
    def submit(self, func: Callable[..., Any], *args: Arg, lane: Lane = "heavy") -> Job: ...

    async def wait(self, job: Job, timeout: float) -> Any: ...

    def close(self) -> None: ...


async def wait_future(job: Job, timeout: float) -> Any:
    """The task's result; TimeoutError leaves the job running, JobFailed says why it did not finish."""
    # shield: giving up waiting must not cancel the job itself.
    return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(job.future)), timeout)
