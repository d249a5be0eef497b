"""The worker pool: results come back, failures are contained and reported, workers are replaced."""

from __future__ import annotations

import asyncio

import jobs_tasks as t
import pytest

from huizong.service.jobs import JobFailed, LocalJobs


@pytest.fixture(scope="module")
def failures() -> list:
    return []


@pytest.fixture(scope="module")
def jobs(failures):
    pool = make_pool(failures, timeout=120)
    yield pool
    pool.close()


def make_pool(failures: list, timeout: float) -> LocalJobs:
    return LocalJobs(
        "jobs_tasks:context", "hello", workers=1, timeout=timeout, memory_mb=768, failure_context=failures
    )


def run(jobs: LocalJobs, func, *args, timeout: float = 60):
    return asyncio.run(jobs.wait(jobs.submit(func, *args), timeout))


def test_result_and_context(jobs):
    assert run(jobs, t.add, 2, 3) == 5
    assert run(jobs, t.context_arg) == "hello"


def test_exception_is_reported_and_worker_survives(jobs, failures):
    before = run(jobs, t.pid)
    with pytest.raises(JobFailed, match="ValueError"):
        run(jobs, t.boom, "bad file")
    assert failures[-1] == (("bad file",), "处理时出错（ValueError）")
    assert run(jobs, t.pid) == before


def test_dead_worker_is_replaced(jobs, failures):
    before = run(jobs, t.pid)
    with pytest.raises(JobFailed, match="意外退出"):
        run(jobs, t.die)
    assert failures[-1][1].startswith("处理进程意外退出")
    assert run(jobs, t.pid) != before
    assert run(jobs, t.add, 1, 1) == 2


def test_overrunning_task_is_killed(failures):
    pool = make_pool(failures, timeout=1)
    try:
        with pytest.raises(JobFailed, match="处理超过 1 秒"):
            run(pool, t.hang)
        assert failures[-1][1] == "处理超过 1 秒，已停止"
        assert run(pool, t.add, 2, 2) == 4
    finally:
        pool.close()


def test_memory_cap_turns_a_bomb_into_a_failure(jobs, failures):
    with pytest.raises(JobFailed, match="内存不足"):
        run(jobs, t.hog, 4096)
    assert failures[-1][1] == "文件过大或结构异常，处理时内存不足"
    assert run(jobs, t.hog, 16) == 16 * 1024 * 1024


def test_giving_up_waiting_leaves_the_job_running(jobs, tmp_path):
    flag = tmp_path / "go"
    job = jobs.submit(t.wait_for_file, str(flag))

    async def scenario() -> str:
        with pytest.raises(TimeoutError):
            await jobs.wait(job, 0.05)  # the file does not exist yet: the task cannot have finished
        flag.write_text("done")
        return await jobs.wait(job, 60)

    assert asyncio.run(scenario()) == "done"
