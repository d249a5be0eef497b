"""Tasks for the job-pool tests; imported by name in the spawned worker processes."""

from __future__ import annotations

import os
import time
from pathlib import Path

from huizong.service.jobs import task


def context(arg: str) -> dict:
    return {"arg": arg, "pid": os.getpid()}


def _record_failure(failures: list, *args: object, failure: object) -> None:
    failures.append((args, failure))


@task(on_failure=_record_failure)
def add(ctx: dict, a: int, b: int) -> int:
    return a + b


@task(on_failure=_record_failure)
def context_arg(ctx: dict) -> str:
    return ctx["arg"]


@task(on_failure=_record_failure)
def pid(ctx: dict) -> int:
    return ctx["pid"]


@task(on_failure=_record_failure)
def boom(ctx: dict, message: str) -> None:
    raise ValueError(message)


@task(on_failure=_record_failure)
def die(ctx: dict) -> None:
    os._exit(3)


@task(on_failure=_record_failure)
def hang(ctx: dict) -> None:
    while True:
        time.sleep(1)


@task(on_failure=_record_failure)
def hog(ctx: dict, megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


@task()
def wait_for_file(ctx: dict, path: str) -> str:
    while not Path(path).exists():
        time.sleep(0.02)
    return Path(path).read_text()
