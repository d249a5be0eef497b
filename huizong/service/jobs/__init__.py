"""Jobs: heavy work (parsing, rendering) off the web workers.

`base` is the interface routes and tasks use (`task`, `Job`, `Jobs`, `JobFailed`, `Failure`, lanes);
`lanes` picks a parse's lane from the file; `parsers.caps` holds the limits a job's process puts on itself.
Two engines: `local` runs jobs in worker processes of the web process (`worker` is one such process) — the
default, nothing to install; `redis` puts them on a Redis-backed queue (RQ) that `huizong worker`
processes (`rq_worker`) run. `open_jobs` picks one from the settings. The tasks themselves live with what they
do: parsing an upload in `campaigns/intake.py`, building downloads in `campaigns/outputs.py`.
"""

from huizong.service.jobs.base import (
    FILE_FAULT,
    LANES,
    RETRYABLE,
    Arg,
    Budget,
    Failure,
    Job,
    JobFailed,
    Jobs,
    Lane,
    budgets,
    task,
    task_ref,
    wait_future,
)
from huizong.service.jobs.lanes import lane_for
from huizong.service.jobs.local import LocalJobs

__all__ = [
    "FILE_FAULT",
    "LANES",
    "RETRYABLE",
    "Arg",
    "Budget",
    "Failure",
    "Job",
    "JobFailed",
    "Jobs",
    "Lane",
    "LocalJobs",
    "budgets",
    "lane_for",
    "task",
    "task_ref",
    "wait_future",
]
