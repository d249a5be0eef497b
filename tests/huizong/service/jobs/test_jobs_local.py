"""The in-process worker pool: results come back, failures are contained and reported in a clerk's words,
workers are replaced, and the quick lane is never held up by the heavy one."""

from __future__ import annotations

import asyncio
import time

import jobs_tasks as t
import pytest

from huizong.service.jobs import FILE_FAULT, RETRYABLE, Budget, JobFailed, LocalJobs


@pytest.fixture(scope="module")
def failures() -> list:
    return []


@pytest.fixture(scope="module")
def jobs(failures):
    pool = make_pool(failures, timeout=120)
    yield pool
    pool.close()


def make_pool(failures: list, timeout: float, workers: int = 1, heavy_timeout: float | None = None) -> LocalJobs:
    budgets = {"quick": Budget(timeout, 768), "heavy": Budget(heavy_timeout or timeout, 768)}
    return LocalJobs("jobs_tasks:context", "hello", workers=workers, budgets=budgets, failure_context=failures)


def run(jobs: LocalJobs, func, *args, timeout: float = 60, lane: str = "heavy"):
    return asyncio.run(jobs.wait(jobs.submit(func, *args, lane=lane), timeout))


def test_result_and_context(jobs):
    assert run(jobs, t.add, 2, 3) == 5
    assert run(jobs, t.context_arg, lane="quick") == "hello"


def test_exception_is_reported_as_retryable_and_worker_survives(jobs, failures):
    before = run(jobs, t.pid)
    with pytest.raises(JobFailed, match=RETRYABLE):
        run(jobs, t.boom, "bad file")
    args, failure = failures[-1]
    assert args == ("bad file",) and failure.kind == "error" and failure.message == "处理失败，可重试"
    assert run(jobs, t.pid) == before


def test_dead_worker_is_the_files_fault_in_plain_words(jobs, failures):
    before = run(jobs, t.pid)
    with pytest.raises(JobFailed) as failed:
        run(jobs, t.die)
    failure = failures[-1][1]
    assert failure.kind == "crashed" and failure.message == "文件过大或结构异常，无法读取"
    assert "EOFError" not in failure.message and failed.value.failure == failure
    assert run(jobs, t.pid) != before
    assert run(jobs, t.add, 1, 1) == 2


def test_overrunning_task_is_killed(failures):
    pool = make_pool(failures, timeout=1)
    try:
        with pytest.raises(JobFailed, match=FILE_FAULT):
            run(pool, t.hang)
        assert failures[-1][1].kind == "overrun"
        assert run(pool, t.add, 2, 2) == 4
    finally:
        pool.close()


def test_memory_cap_turns_a_bomb_into_a_failure(jobs, failures):
    with pytest.raises(JobFailed, match=FILE_FAULT):
        run(jobs, t.hog, 4096)
    assert failures[-1][1].kind == "memory"
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


def test_quick_jobs_pass_slow_heavy_ones(failures):
    """Two slots: heavy jobs hang the general slot, quick ones still run at once on the quick-only slot."""
    pool = make_pool(failures, timeout=30, workers=2, heavy_timeout=3)
    try:
        slow = [pool.submit(t.hang, lane="heavy") for _ in range(3)]
        time.sleep(0.2)
        started = time.monotonic()
        assert asyncio.run(pool.wait(pool.submit(t.add, 20, 22, lane="quick"), 20)) == 42
        assert time.monotonic() - started < 3  # well before the first slow one's 3 s budget runs out

        async def all_slow() -> list:
            return await asyncio.gather(*(pool.wait(j, 30) for j in slow), return_exceptions=True)

        outcomes = asyncio.run(all_slow())
        assert all(isinstance(o, JobFailed) and o.failure.kind == "overrun" for o in outcomes)
    finally:
        pool.close()
