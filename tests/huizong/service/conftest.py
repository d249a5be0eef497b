"""The service under test: a real server on 127.0.0.1 per storage backend (SQLite, and PostgreSQL whenever
HUIZONG_TEST_DATABASE_URL is set or a server answers on 127.0.0.1:5432), shared by the whole session.

Tests isolate themselves by creating their own campaign (and, where it matters, their own clerk).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pytest
from service_live import BACKENDS, ROLES, Live, Office, backend_settings

from huizong.service.testing import LiveServer


@pytest.fixture(scope="session", params=BACKENDS)
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    backend = request.param
    data_dir = tmp_path_factory.mktemp(f"data-{backend}") / "huizong-data"
    with ExitStack() as stack:
        settings = backend_settings(backend, data_dir, stack)
        server = stack.enter_context(LiveServer(settings))
        yield Live(server.url, backend, settings, settings.resolved_database_url())


@pytest.fixture
def api(live: Live) -> Iterator[httpx.Client]:
    """A client signed in as a fresh clerk."""
    with live.client(live.token()) as client:
        yield client


@pytest.fixture(scope="module")
def office(live: Live) -> Iterator[Office]:
    """An office of the test module's own: an admin, a clerk and a viewer, each signed in."""
    name = f"测试局{secrets.token_hex(3)}"
    with ExitStack() as stack:
        yield Office(
            name,
            *(stack.enter_context(live.client(live.token(role=role, office=name))) for role in ROLES),
        )
