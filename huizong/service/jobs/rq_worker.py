"""The worker side of the Redis queue: what `huizong worker` runs.

Each worker process builds the task context once (database, storage, forms) and forks a fresh child for
every job (RQ's work horse). The child caps itself — memory, CPU, death with its parent — and its
parent kills it shortly after its lane's time. How a job ends decides what the clerk sees:
- it overran or ran out of memory, or its child died: the file is at fault ("文件过大或结构异常，无法读取"),
  recorded once, never retried;
- it raised (the database or the store was away): retried, then a dead letter ("处理失败，可重试");
- its worker vanished (killed, machine lost): RQ finds the job abandoned and another worker runs it again.
Retries are harmless: tasks file their result only if nobody has yet (see campaigns.intake).
"""

from __future__ import annotations

import logging
import signal
import time
from typing import Any

from huizong.service.jobs.base import Failure, report_failure, resolve
from parsers.caps import die_with_parent, limit_cpu, limit_memory

log = logging.getLogger("huizong.jobs")

MONITOR_SECONDS = 2  # how often a worker looks at its running child and renews its heartbeat
HEARTBEAT_GRACE = 6  # a job whose worker stopped beating this long is abandoned, and run again
KILL_GRACE = 3  # seconds past its lane's time before the child is killed from outside
WORKER_TTL = 20  # an idle worker wakes at least every WORKER_TTL - 15 s to do maintenance
MAINTENANCE_SECONDS = 5  # how often some worker looks for abandoned jobs
ALIVE_SECONDS = 15  # a worker that has not said it is alive for this long is taken for gone

_context: Any = None  # the task context of this worker process, inherited by its children


def set_context(context: Any) -> None:
    global _context
    _context = context


def perform(ref: str, *args: Any) -> Any:
    """Runs in the job's child: the task, with overruns and memory exhaustion recorded as the file's fault."""
    from rq.timeouts import JobTimeoutException

    try:
        return resolve(ref)(_context, *args)
    except JobTimeoutException as exc:
        report_failure(_context, ref, args, Failure("overrun", str(exc)))
    except MemoryError:
        report_failure(_context, ref, args, Failure("memory", "MemoryError"))
    return None


def on_job_failure(job: Any, connection: Any, exc_type: Any, exc_value: Any, tb: Any) -> None:
    """RQ's failure callback: a job that raised or was abandoned; dead-letter it once no retry is left."""
    if job.retries_left:
        return  # RQ runs it again
    from rq.exceptions import AbandonedJobError

    kind = "lost" if exc_type is AbandonedJobError else "error"
    ref, *args = job.args
    report_failure(_context, ref, tuple(args), Failure(kind, getattr(exc_type, "__name__", str(exc_type))))


def worker_class() -> type:
    """The RQ worker with huizong's caps (built on first use: rq is an optional dependency)."""
    from rq import Worker
    from rq.utils import now

    class CappedWorker(Worker):
        memory_mb: dict[str, int] = {}  # noqa: RUF012  # lane -> cap, set by `run`
        on_maintenance: Any = None  # called with RQ's own maintenance (finding abandoned jobs)
        _overrun: str | None = None

        def run_maintenance_tasks(self) -> None:
            super().run_maintenance_tasks()
            if self.on_maintenance is not None:
                try:
                    self.on_maintenance()
                except Exception:  # the database away for a moment: next time
                    log.exception("could not look for pending returns")

        def main_work_horse(self, job: Any, queue: Any) -> None:
            die_with_parent()
            lane = (job.meta or {}).get("lane", "heavy")
            limit_memory(max(self.memory_mb.get(lane, 1024), _address_space_mb() + 256))
            if job.timeout and job.timeout > 0:
                limit_cpu(job.timeout + KILL_GRACE)
            _fresh_connections()
            super().main_work_horse(job, queue)

        def heartbeat(self, timeout: int | None = None, pipeline: Any = None) -> None:
            super().heartbeat(timeout, pipeline)
            # Ours besides RQ's: RQ forgets a killed worker only minutes later, the web must know in seconds
            # whether anyone will take a job (an upload with no worker answers `queued` at once).
            expiry = time.time() + ALIVE_SECONDS
            for name in self.queue_names():
                (pipeline if pipeline is not None else self.connection).zadd(alive_key(name), {self.name: expiry})

        def get_heartbeat_ttl(self, job: Any, working_time: float = 0.0) -> int:
            return self.job_monitoring_interval + HEARTBEAT_GRACE

        def maintain_heartbeats(self, job: Any, execution: Any) -> None:
            started = job.started_at
            running = (now() - started).total_seconds() if started is not None else 0.0
            if job.timeout and job.timeout > 0 and running > job.timeout + KILL_GRACE:
                self._overrun = job.id
                self.kill_horse(signal.SIGKILL)
            super().maintain_heartbeats(job, execution)

    return CappedWorker


def alive_key(queue_name: str) -> str:
    return f"{queue_name}-alive"


def workers_alive(connection: Any, queue_name: str) -> int:
    """Workers of this queue that said they were alive within ALIVE_SECONDS."""
    key = alive_key(queue_name)
    now = time.time()
    connection.zremrangebyscore(key, 0, now)
    return connection.zcount(key, now, "+inf")


def horse_killed(worker: Any) -> Any:
    """The handler for a child that died (a signal, the CPU cap, our kill): the file's fault, no retry."""

    def handle(job: Any, retpid: int, ret_val: int, rusage: Any) -> None:
        kind = "overrun" if worker._overrun == job.id else "crashed"
        worker._overrun = None
        job.retries_left = 0  # the same file would kill the next child too
        ref, *args = job.args
        report_failure(_context, ref, tuple(args), Failure(kind, f"child exit status {ret_val}"))

    return handle


def _address_space_mb() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def _fresh_connections() -> None:
    # Database connections belong to the parent; the child opens its own on first use.
    db = getattr(_context, "db", None)
    if db is not None:
        db.engine.dispose(close=False)
