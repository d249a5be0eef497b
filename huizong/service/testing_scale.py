"""Running the scale-out path for tests and benchmarks: a local S3-compatible server (moto), Redis key
isolation, and `huizong serve` / `huizong worker` as real processes on loopback.

Everything here starts on 127.0.0.1 only and is stopped by its context manager.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import httpx

LOCAL_REDIS = "redis://127.0.0.1:6379/0"
START_TIMEOUT = 90.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_url() -> str | None:
    """HUIZONG_TEST_REDIS_URL, else the local server if one answers on 127.0.0.1:6379, else None."""
    url = os.environ.get("HUIZONG_TEST_REDIS_URL")
    if url:
        return url
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return LOCAL_REDIS
    except OSError:
        return None


def _wait_for_port(port: int, proc: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not start")


@contextmanager
def s3_server(log_dir: Path) -> Iterator[dict[str, str]]:
    """moto's S3-compatible server on a free loopback port; yields the AWS_* environment that reaches it."""
    port = free_port()
    log = open(log_dir / "moto.log", "wb")  # noqa: SIM115  # closed below, after the process
    proc = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=log
    )
    try:
        _wait_for_port(port, proc, "the S3 test server")
        yield {
            "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
            "AWS_ACCESS_KEY_ID": "huizong-test",
            "AWS_SECRET_ACCESS_KEY": "huizong-test-secret",
            "AWS_DEFAULT_REGION": "us-east-1",
        }
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def make_bucket(aws: dict[str, str], bucket: str) -> None:
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=aws["AWS_ENDPOINT_URL"],
        aws_access_key_id=aws["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=aws["AWS_SECRET_ACCESS_KEY"],
        region_name=aws["AWS_DEFAULT_REGION"],
    )
    client.create_bucket(Bucket=bucket)


def forget_redis_keys(url: str, prefix: str) -> None:
    """Delete every key of one test run (its RQ_KEY_PREFIX and queue name)."""
    import redis

    conn = redis.Redis.from_url(url)
    try:
        for pattern in (f"{prefix}:*", f"{prefix}.*", f"{prefix}-*", f"{prefix}_*"):
            keys = list(conn.scan_iter(match=pattern, count=1000))
            for i in range(0, len(keys), 500):
                conn.delete(*keys[i : i + 500])
    finally:
        conn.close()


@dataclass
class Cluster:
    """The shared engines of a scale-out run and the `huizong` processes started on them."""

    database_url: str
    queue_url: str
    storage_url: str
    env: dict[str, str]  # AWS_*, RQ_KEY_PREFIX
    namespace: str
    work_dir: Path
    procs: list[subprocess.Popen] = field(default_factory=list)

    def _command(self, *args: str) -> list[str]:
        return [str(Path(sys.executable).with_name("huizong")), *args]

    def _common(self) -> list[str]:
        return ["--database", self.database_url, "--queue", self.queue_url, "--storage", self.storage_url]

    def environ(self) -> dict[str, str]:
        env = {**os.environ, **self.env}
        env.pop("HUIZONG_DATABASE_URL", None)
        return env

    def upgrade(self) -> None:
        subprocess.run(
            self._command("db", "upgrade", "--database", self.database_url, "--data", str(self.work_dir / "admin")),
            env=self.environ(),
            check=True,
            capture_output=True,
        )

    def serve(self, *extra: str) -> str:
        """Start one `huizong serve` instance; its base URL once it answers."""
        port = free_port()
        data = self.work_dir / f"serve-{port}"
        args = ["serve", "--port", str(port), "--data", str(data), *self._common(), *extra]
        proc = self._start(args, f"serve-{port}")
        _wait_for_port(port, proc, "huizong serve")
        url = f"http://127.0.0.1:{port}"
        _wait_until_ready(url)
        return url

    def worker(self, processes: int = 1) -> subprocess.Popen:
        """Start one `huizong worker` in its own process group (so a test can kill it whole)."""
        data = self.work_dir / f"worker-{len(self.procs)}"
        args = ["worker", "--processes", str(processes), "--data", str(data), *self._common()]
        return self._start(args, f"worker-{len(self.procs)}")

    def _start(self, args: list[str], name: str) -> subprocess.Popen:
        log = open(self.work_dir / f"{name}.log", "wb")  # noqa: SIM115  # the process owns it
        proc = subprocess.Popen(
            self._command(*args), env=self.environ(), stdout=log, stderr=log, start_new_session=True
        )
        self.procs.append(proc)
        return proc

    @staticmethod
    def kill(proc: subprocess.Popen) -> None:
        """SIGKILL the process and everything in its group: a machine lost, not a shutdown."""
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill(proc)


def add_clerk(database_url: str, password: str) -> str:
    """A fresh clerk account in the service's database; its name."""
    from huizong.service.security import auth
    from huizong.service.store.db import Database

    name = f"clerk-{secrets.token_hex(4)}"
    db = Database(database_url)
    try:
        auth.add_user(db, name, password)
    finally:
        db.close()
    return name


def api_client(url: str, username: str, password: str, timeout: float = 180) -> httpx.Client:
    """An HTTP client signed in to the API of the instance at `url`."""
    token = httpx.post(f"{url}/api/login", json={"username": username, "password": password}, timeout=30)
    token.raise_for_status()
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token.json()['token']}"}, timeout=timeout)


def _wait_until_ready(url: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/login", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


@contextmanager
def cluster(database_url: str, queue_url: str, work_dir: Path) -> Iterator[Cluster]:
    """S3 (moto) + the given PostgreSQL database and Redis, under a fresh namespace; processes stopped after."""
    namespace = f"hz-test-{secrets.token_hex(5)}"
    with s3_server(work_dir) as aws:
        make_bucket(aws, namespace)
        env = {**aws, "RQ_KEY_PREFIX": namespace, "HUIZONG_QUEUE_NAME": namespace}
        c = Cluster(database_url, queue_url, f"s3://{namespace}/huizong", env, namespace, work_dir)
        try:
            yield c
        finally:
            c.stop()
            forget_redis_keys(queue_url, namespace)
