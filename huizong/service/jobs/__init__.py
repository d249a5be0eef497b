"""Jobs: heavy work (parsing, rendering) off the web workers.

`base` is the interface routes and tasks use (`task`, `Job`, `Jobs`, `JobFailed`); `local` runs jobs in
worker processes on this machine (`worker` is one such process). Another engine (a Redis-backed queue)
plugs in here as another `Jobs`. The tasks themselves live with what they do: parsing an upload in
`campaigns/intake.py`, building downloads in `campaigns/outputs.py`.
"""

from huizong.service.jobs.base import Arg, Job, JobFailed, Jobs, task, task_ref, wait_future
from huizong.service.jobs.local import LocalJobs

__all__ = ["Arg", "Job", "JobFailed", "Jobs", "LocalJobs", "task", "task_ref", "wait_future"]
