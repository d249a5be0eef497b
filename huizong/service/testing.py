"""Running the real service for tests and benchmarks: a uvicorn server on a free loopback port in a thread,
and a throw-away PostgreSQL database so parallel runs never share tables."""

from __future__ import annotations

import os
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

import uvicorn
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from huizong.service.app import create_app
from huizong.service.settings import Settings

LOCAL_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
STARTUP_TIMEOUT = 120.0


def postgres_admin_url() -> str | None:
    """HUIZONG_TEST_DATABASE_URL, else the local server if one answers on 127.0.0.1:5432, else None."""
    url = os.environ.get("HUIZONG_TEST_DATABASE_URL")
    if url:
        return Settings(database_url=url).resolved_database_url()
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return LOCAL_POSTGRES
    except OSError:
        return None


@contextmanager
def temporary_postgres(admin_url: str) -> Iterator[str]:
    """A fresh database on the server of `admin_url`, dropped afterwards; yields its URL."""
    name = f"huizong_test_{secrets.token_hex(6)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class LiveServer:
    """`with LiveServer(settings) as server:` → the app answering on `server.url` until the block ends."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.url = ""
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> LiveServer:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        # As `huizong serve` runs it: the app, not uvicorn, decides whose X-Forwarded-For to believe.
        config = uvicorn.Config(
            create_app(self.settings), log_level="warning", lifespan="on", timeout_keep_alive=30, proxy_headers=False
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not self._server.started:  # set once the lifespan has run and the socket listens
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._server is not None and self._thread is not None
        self._server.should_exit = True
        self._thread.join(timeout=60)
