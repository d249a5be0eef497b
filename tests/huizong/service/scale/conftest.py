"""The scale-out cluster for these tests: a throw-away PostgreSQL database, Redis under a unique key prefix,
a moto S3 server on loopback, and real `huizong serve` / `huizong worker` processes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from huizong.service.testing import postgres_admin_url, temporary_postgres
from huizong.service.testing_scale import Cluster, cluster, redis_url


def engines() -> tuple[str, str]:
    admin, queue = postgres_admin_url(), redis_url()
    if admin is None or queue is None:
        pytest.fail("扩展部署测试需要 PostgreSQL（127.0.0.1:5432）和 Redis（127.0.0.1:6379）")
    return admin, queue


@pytest.fixture(scope="module")
def scale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    admin, queue = engines()
    with temporary_postgres(admin) as database_url, cluster(database_url, queue, tmp_path_factory.mktemp("c")) as c:
        c.upgrade()
        yield c


@pytest.fixture(scope="module")
def instances(scale: Cluster) -> tuple[str, str]:
    """Two `huizong serve` instances behind one (imagined) load balancer: both know the address units see."""
    first, second = (scale.serve("--public-url", "http://huizong.test") for _ in range(2))
    return first, second


@pytest.fixture(autouse=True)
def no_workers(scale: Cluster) -> Cluster:
    """Each test starts with no `huizong worker` running: it starts (and kills) the ones it needs."""
    for proc in scale.procs:
        if proc.poll() is None and "worker" in proc.args:
            scale.kill(proc)
    return scale
