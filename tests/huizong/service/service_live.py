"""Helpers for the service tests: which backends to run on, a live server's handle, a campaign maker."""

from __future__ import annotations

import secrets
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx

from huizong.service.security import auth
from huizong.service.settings import Settings
from huizong.service.store.db import Database
from huizong.service.testing import postgres_admin_url, temporary_postgres

PASSWORD = "correct horse battery"
BACKENDS = ["sqlite", *(["postgresql"] if postgres_admin_url() else [])]


@dataclass
class Live:
    url: str
    backend: str
    settings: Settings
    database_url: str

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=120)

    def add_clerk(self, name: str | None = None, role: str = "clerk", office: str | None = None) -> str:
        name = name or f"{role}-{secrets.token_hex(4)}"
        db = Database(self.database_url)
        try:
            auth.add_user(db, name, PASSWORD, role=role, office=office)
        finally:
            db.close()
        return name

    def token(self, name: str | None = None, role: str = "clerk", office: str | None = None) -> str:
        name = self.add_clerk(name, role, office)
        with self.client() as c:
            r = c.post("/api/login", json={"username": name, "password": PASSWORD})
            r.raise_for_status()
            return r.json()["token"]


ROLES = ("admin", "clerk", "viewer")


@dataclass
class Office:
    name: str
    admin: httpx.Client
    clerk: httpx.Client
    viewer: httpx.Client


def backend_settings(backend: str, data_dir: Path, stack: ExitStack) -> Settings:
    database_url = None
    if backend == "postgresql":
        admin = postgres_admin_url()
        assert admin is not None
        database_url = stack.enter_context(temporary_postgres(admin))
    return Settings(data_dir=data_dir, database_url=database_url, workers=2, job_timeout=60, worker_memory_mb=1536)


def new_campaign(
    api: httpx.Client, units: list[str], forms: list[str] | None = None, deadline: str = "2099-12-31"
) -> dict:
    body = {
        "title": f"测试任务{secrets.token_hex(3)}",
        "forms": forms or ["institution-roster"],
        "units": units,
        "deadline": deadline,
    }
    r = api.post("/api/campaigns", json=body)
    assert r.status_code == 201, r.text
    return r.json()
