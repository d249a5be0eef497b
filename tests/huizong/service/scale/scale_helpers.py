"""Talking to a cluster's instances: a clerk, a campaign, uploads, waiting for the queue to drain."""

from __future__ import annotations

import secrets
import time

import httpx
from service_live import PASSWORD

from huizong.service import testing_scale

FORM = "institution-roster"


def add_clerk(database_url: str) -> str:
    return testing_scale.add_clerk(database_url, PASSWORD)


def client(url: str, username: str) -> httpx.Client:
    return testing_scale.api_client(url, username, PASSWORD)


def campaign(api: httpx.Client, units: list[str]) -> dict:
    body = {"title": f"扩展测试{secrets.token_hex(3)}", "forms": [FORM], "units": units, "deadline": "2099-12-31"}
    r = api.post("/api/campaigns", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def upload(api: httpx.Client, campaign_id: int, name: str, data: bytes) -> httpx.Response:
    return api.post(f"/api/campaigns/{campaign_id}/returns", files={"file": (name, data)})


def settled(api: httpx.Client, campaign_id: int, expected: int, timeout: float = 180) -> dict:
    """The board once `expected` returns are stored and none is queued or being parsed."""
    deadline = time.monotonic() + timeout
    while True:
        board = api.get(f"/api/campaigns/{campaign_id}").json()
        stored = {r["id"] for u in board["units"] for r in u["returns"]} | {r["id"] for r in board["unplaced"]}
        stored |= {r["id"] for r in board["pending"]}
        if len(stored) >= expected and not board["pending"]:
            return board
        assert time.monotonic() < deadline, f"still pending: {board['pending']}"
        time.sleep(0.5)


def status_of(api: httpx.Client, return_id: int) -> str:
    return api.get(f"/api/returns/{return_id}").json()["status"]
