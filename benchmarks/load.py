"""Load benchmark: concurrent uploads of small returns over HTTP on loopback, each answered once parsed.

Three set-ups, all run here in one go and compared with the first (the named baseline):
- in-process: the default `huizong serve` (SQLite, the data folder, jobs in its own worker processes);
- one instance: `huizong serve` on PostgreSQL + Redis + S3 (moto on loopback) with `huizong worker`s;
- two instances: the same with two `huizong serve` taking the uploads in turn (as behind a load balancer).

Prints uploads per second and the median and p95 latency of an upload (request sent → parsed answer).
Loopback only, bounded: a fixed number of uploads, each request with a time limit.

Run: nice -n 10 .venv/bin/python -m benchmarks.load [--uploads 200] [--concurrency 16] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from openpyxl import Workbook

from huizong.service.testing import postgres_admin_url, temporary_postgres
from huizong.service.testing_scale import add_clerk, api_client, cluster, free_port, redis_url

PASSWORD = "benchmark password"
REQUEST_TIMEOUT = 120.0


@dataclass(frozen=True)
class Result:
    name: str
    uploads: int
    failed: int
    seconds: float
    latencies: list[float]

    @property
    def per_second(self) -> float:
        return self.uploads / self.seconds

    def quantile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def roster(unit: str, rows: int = 20) -> bytes:
    import io

    book = Workbook()
    sheet = book.active
    sheet.append(["检验检测机构基本情况汇总表"])
    sheet.append([f"所在旗区：{unit}", None, "上报时间：2024年5月10日"])
    sheet.append(["二、第三方检验检测机构数量及名单"])
    sheet.append(["序号", "机构名称", "领域", "备注"])
    for i in range(1, rows + 1):
        sheet.append([i, f"{unit}检测中心{i}", "食品", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def drive(name: str, urls: list[str], database_url: str, uploads: int, concurrency: int) -> Result:
    """Create a campaign of `uploads` units, then send one return per unit, spread over `urls`."""
    units = [f"基准{i:04d}区" for i in range(uploads)]
    files = [(f"{u}.xlsx", roster(u)) for u in units]
    clerk = add_clerk(database_url, PASSWORD)
    clients = [api_client(url, clerk, PASSWORD, timeout=REQUEST_TIMEOUT) for url in urls]
    body = {"title": f"负载测试{name}", "forms": ["institution-roster"], "units": units, "deadline": "2099-12-31"}
    campaign = clients[0].post("/api/campaigns", json=body).json()
    path = f"/api/campaigns/{campaign['id']}/returns"

    def send(i: int) -> tuple[float, bool]:
        started = time.perf_counter()
        try:
            r = clients[i % len(clients)].post(path, files={"file": files[i]})
            ok = r.status_code == 201 and r.json()["status"] == "merged"
        except httpx.HTTPError:
            ok = False
        return time.perf_counter() - started, ok

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        outcomes = list(pool.map(send, range(uploads)))
    seconds = time.perf_counter() - started
    for c in clients:
        c.close()
    return Result(name, uploads, sum(1 for _, ok in outcomes if not ok), seconds, [t for t, _ in outcomes])


@contextmanager
def in_process(work: Path, workers: int) -> Iterator[tuple[list[str], str]]:
    port, data = free_port(), work / "single"
    cmd = [str(Path(sys.executable).with_name("huizong")), "serve", "--port", str(port), "--data", str(data)]
    cmd += ["--workers", str(workers)]
    log = open(work / "single.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(cmd, stdout=log, stderr=log, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait(url, proc)
        yield [url], f"sqlite:///{data / 'huizong.sqlite3'}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
        log.close()


def _wait(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(f"{url}/login", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("基准服务未能启动")


def scaled(work: Path, instances: int, workers: int, uploads: int, concurrency: int) -> Result:
    admin, queue = postgres_admin_url(), redis_url()
    if admin is None or queue is None:
        raise SystemExit("需要本机的 PostgreSQL（127.0.0.1:5432）和 Redis（127.0.0.1:6379）")
    folder = work / f"cluster-{instances}"
    folder.mkdir()
    with ExitStack() as stack:
        database = stack.enter_context(temporary_postgres(admin))
        c = stack.enter_context(cluster(database, queue, folder))
        c.upgrade()
        urls = [c.serve("--public-url", "http://huizong.test") for _ in range(instances)]
        for _ in range(workers):
            c.worker(processes=1)
        _warm(urls[0], database)
        name = "一个实例" if instances == 1 else f"{instances} 个实例"
        return drive(name, urls, database, uploads, concurrency)


def _warm(url: str, database_url: str) -> None:
    """Uploads until one is answered parsed: the workers are up and the timing is of the steady state."""
    deadline = time.monotonic() + 120
    while drive("预热", [url], database_url, 1, 1).failed:
        if time.monotonic() > deadline:
            raise SystemExit("处理进程未能启动")
        time.sleep(1)


def report(results: list[Result]) -> None:
    base = results[0]
    print(f"{'设置':<12}{'上传/秒':>9}{'中位延迟':>10}{'p95 延迟':>10}{'失败':>6}{'吞吐比':>8}")
    for r in results:
        median, p95 = statistics.median(r.latencies), r.quantile(0.95)
        ratio = r.per_second / base.per_second
        print(f"{r.name:<12}{r.per_second:>9.1f}{median:>9.2f}s{p95:>9.2f}s{r.failed:>6}{ratio:>7.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="job processes in every set-up")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with in_process(work, args.workers) as (urls, database):
            _warm(urls[0], database)
            results = [drive("单进程（默认）", urls, database, args.uploads, args.concurrency)]
        for instances in (1, 2):
            results.append(scaled(work, instances, args.workers, args.uploads, args.concurrency))
    print(f"{args.uploads} 次上传，{args.concurrency} 个并发客户端，{args.workers} 个处理进程；基准：单进程（默认）")
    report(results)


if __name__ == "__main__":
    main()
