"""`huizong worker`: a few RQ worker processes on this machine, kept running until asked to stop.

With two processes or more the first serves the quick lane only, so a machine running one `huizong worker`
never lets a slow file hold up small ones; the others serve the quick lane first, then the heavy one.
Scale by running more `huizong worker` (on this machine or others): they share the queue.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import time
from multiprocessing.context import SpawnProcess

from huizong.service.jobs.base import LANES, Lane
from huizong.service.settings import Settings

log = logging.getLogger("huizong.jobs")
RESUME_LOCK_SECONDS = 50  # at most one look per this long for returns left pending without a job


def lanes_of(index: int, processes: int) -> tuple[Lane, ...]:
    return ("quick",) if index == 0 and processes > 1 else LANES


def run(settings: Settings, processes: int) -> None:
    """Start the worker processes, restart any that dies, stop them all on SIGTERM or Ctrl+C."""
    from parsers.caps import few_malloc_arenas

    few_malloc_arenas()
    mp = multiprocessing.get_context("spawn")
    payload = settings.model_dump_json()
    stopping = False

    def stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    procs: list[SpawnProcess | None] = [None] * processes
    try:
        while not stopping:
            for i, proc in enumerate(procs):
                if proc is None or not proc.is_alive():
                    if proc is not None:
                        log.warning("worker process %s ended (exit %s); starting another", proc.pid, proc.exitcode)
                    procs[i] = mp.Process(target=work, args=(payload, lanes_of(i, processes)), daemon=False)
                    procs[i].start()
            time.sleep(0.5)
    finally:
        for proc in procs:
            if proc is not None and proc.is_alive():
                proc.terminate()  # RQ's warm shutdown: the running job finishes first
        for proc in procs:
            if proc is not None:
                proc.join()


def work(payload: str, lanes: tuple[Lane, ...]) -> None:
    """One RQ worker process serving `lanes`."""
    from huizong.service.context import worker_services
    from huizong.service.jobs import redis_queue, rq_worker
    from parsers.caps import die_with_parent

    die_with_parent()
    ctx = worker_services(payload)
    getattr(ctx.files, "client", None)  # an object store's client: its service model loaded once, here
    settings = ctx.settings
    assert settings.queue_url is not None
    rq_worker.set_context(ctx)
    names = redis_queue.queue_names(settings.queue_name)
    worker_cls = rq_worker.worker_class()
    worker_cls.on_maintenance = staticmethod(lambda: resume_pending(ctx))
    worker_cls.memory_mb = {"quick": settings.quick_memory_mb, "heavy": settings.worker_memory_mb}
    worker = worker_cls(
        [names[lane] for lane in lanes],
        connection=redis_queue.connect(settings.queue_url),
        job_monitoring_interval=rq_worker.MONITOR_SECONDS,
        worker_ttl=rq_worker.WORKER_TTL,
        maintenance_interval=rq_worker.MAINTENANCE_SECONDS,
    )
    worker._work_horse_killed_handler = rq_worker.horse_killed(worker)
    worker.work(logging_level="WARNING")


def resume_pending(ctx: object) -> None:
    """Returns stored but never queued (Redis was away or emptied): queue them now. Run by whichever worker
    does its maintenance first, at most once per RESUME_LOCK_SECONDS over all workers."""
    from huizong.service.campaigns import intake
    from huizong.service.jobs.redis_queue import from_settings
    from huizong.service.store import campaigns as repo

    settings = ctx.settings  # type: ignore[attr-defined]
    jobs = from_settings(settings)
    lock = f"{settings.queue_name}.resume"
    if not jobs.redis.set(lock, "1", nx=True, ex=RESUME_LOCK_SECONDS):
        return  # another worker started a moment ago and did it
    with ctx.db.session() as s:  # type: ignore[attr-defined]
        pending = repo.pending_returns(s)
    for return_id, lane in pending:
        jobs.submit(intake.parse_return, return_id, lane=lane or "heavy")  # a queued one is found, not doubled
    if pending:
        log.info("queued %d pending returns", len(pending))
    jobs.close()
