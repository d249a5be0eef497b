"""The service never stalls: hostile uploads cost only their own lane's time, a good return uploaded after
them is parsed within seconds, the server process stays small, and no worker outlives the server.

Runs `huizong serve` as a user would (the default: SQLite, the data folder, in-process jobs), over HTTP.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from service_live import PASSWORD
from service_samples import pdf_operator_bomb, roster_xlsx

from huizong.service.security import auth
from huizong.service.settings import Settings
from huizong.service.store.db import Database
from huizong.service.testing import LiveServer
from huizong.service.testing_scale import add_clerk, api_client, free_port

GOOD_WITHIN = 10.0  # seconds from the good return's upload to its parsed answer
SERVER_PEAK_MB = 400  # the web process itself; each job's process has its own lane's cap


def children(pid: int) -> list[int]:
    """The server's own child processes (its job workers and multiprocessing's helper)."""
    return [int(c) for f in Path(f"/proc/{pid}/task").glob("*/children") for c in f.read_text().split()]


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


@pytest.fixture
def server(tmp_path):
    port, data = free_port(), tmp_path / "data"
    cmd = [str(Path(sys.executable).with_name("huizong")), "serve", "--port", str(port), "--data", str(data)]
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(cmd, stdout=log, stderr=log, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            if httpx.get(f"{url}/login", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert proc.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
        time.sleep(0.2)
    db = Database(f"sqlite:///{data / 'huizong.sqlite3'}")
    auth.add_user(db, "clerk", PASSWORD)
    db.close()
    yield url, proc
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    log.close()


def test_a_good_return_is_parsed_within_seconds_after_three_hostile_ones(server):
    url, proc = server
    token = httpx.post(f"{url}/api/login", json={"username": "clerk", "password": PASSWORD}).json()["token"]
    api = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=300)
    body = {"title": "专项行动", "forms": ["institution-roster"], "units": ["东胜区"], "deadline": "2099-12-31"}
    campaign = api.post("/api/campaigns", json=body).json()
    hostile = [
        ("东胜区-1.pdf", pdf_operator_bomb(200_000)),
        ("东胜区-2.pdf", pdf_operator_bomb(300_000, "draw")),
        ("东胜区-3.pdf", pdf_operator_bomb(210_000)),
    ]
    returns = f"/api/campaigns/{campaign['id']}/returns"
    with ThreadPoolExecutor(3) as pool:
        for name, data in hostile:  # answered only when parsed (or at the wait limit): do not wait here
            pool.submit(api.post, returns, files={"file": (name, data)})
        deadline = time.monotonic() + 30
        while len(api.get(f"/api/campaigns/{campaign['id']}").json()["pending"]) < 3:
            assert time.monotonic() < deadline, "the hostile files were not stored"
            time.sleep(0.1)
        started = time.monotonic()
        good = api.post(returns, files={"file": ("东胜区.xlsx", roster_xlsx("东胜区", ["甲检测站", "乙检测站"]))})
        elapsed = time.monotonic() - started
        assert good.status_code == 201 and good.json()["status"] == "merged", good.text
        assert elapsed < GOOD_WITHIN, f"the good return took {elapsed:.1f} s"
        board = api.get(f"/api/campaigns/{campaign['id']}").json()
        assert board["units"][0]["status"] == "received"
        assert len(board["pending"]) >= 2  # the hostile ones are still being refused, in their own lane
        assert peak_mb(proc.pid) < SERVER_PEAK_MB
        workers = children(proc.pid)
        assert workers  # the job processes
        os.kill(proc.pid, signal.SIGKILL)  # the server dies mid-parse
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10  # the job processes die with it, multiprocessing's helper on EOF
        while (alive := [p for p in workers if Path(f"/proc/{p}").exists() and _state(p) != "Z"]) and (
            time.monotonic() < deadline
        ):
            time.sleep(0.2)
        assert alive == [], [Path(f"/proc/{p}/cmdline").read_bytes()[:120] for p in alive]
        api.close()


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
    except (OSError, IndexError):
        return "Z"


def test_a_file_over_its_lanes_budget_is_unreadable_in_plain_words(tmp_path):
    """A parse killed for overrunning (as a worker death would be): the clerk reads a plain reason."""
    settings = Settings(data_dir=tmp_path / "data", quick_job_timeout=1.0, workers=2)
    with LiveServer(settings) as server:
        api = api_client(server.url, add_clerk(settings.resolved_database_url(), PASSWORD), PASSWORD)
        body = {"title": "专项行动", "forms": ["institution-roster"], "units": ["东胜区"], "deadline": "2099-12-31"}
        campaign = api.post("/api/campaigns", json=body).json()
        big = roster_xlsx("东胜区", [f"机构{i}" for i in range(40_000)])  # seconds to parse, yet the quick lane
        r = api.post(f"/api/campaigns/{campaign['id']}/returns", files={"file": ("东胜区.xlsx", big)})
        api.close()
    assert r.status_code == 201, r.text
    out = r.json()
    assert (out["status"], out["message"], out["retryable"]) == ("failed", "文件过大或结构异常，无法读取", False)
    assert [i["code"] for i in out["issues"]] == ["file-unreadable"]
