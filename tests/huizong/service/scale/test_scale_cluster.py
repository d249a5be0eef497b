"""Two `serve` instances and two `worker`s on PostgreSQL + Redis + S3 behave as one service, equal to the
single-process default; a worker killed mid-job loses nothing and doubles nothing; an upload with no worker
running waits `queued` until one starts."""

from __future__ import annotations

import hashlib
import json
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
import httpx
import redis
from scale_helpers import add_clerk, campaign, client, settled, status_of, upload
from service_live import PASSWORD
from service_samples import roster_xlsx
from sqlalchemy import create_engine, text

from huizong.service.settings import Settings
from huizong.service.testing import LiveServer

UPLOADS = 100


def returns_of(units: list[str]) -> list[tuple[str, bytes]]:
    return [(f"{u}.xlsx", roster_xlsx(u, [f"{u}检测中心{j}" for j in range(1, 4)])) for u in units]


def rows(database_url: str, query: str, **params) -> list:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(query), params))
    finally:
        engine.dispose()


def originals_in_bucket(scale) -> list[str]:
    bucket, prefix = scale.storage_url[len("s3://") :].split("/", 1)
    s3 = boto3.client("s3", **{k: scale.env[v] for k, v in _AWS.items()})
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=f"{prefix}/originals/")
    return [o["Key"].rsplit("/", 1)[1] for page in pages for o in page.get("Contents", [])]


_AWS = {
    "endpoint_url": "AWS_ENDPOINT_URL",
    "aws_access_key_id": "AWS_ACCESS_KEY_ID",
    "aws_secret_access_key": "AWS_SECRET_ACCESS_KEY",
    "region_name": "AWS_DEFAULT_REGION",
}


def comparable(result: dict) -> dict:
    """The merged result without what differs by design between two stores (nothing else)."""
    result = json.loads(json.dumps(result))
    for form in result["forms"].values():
        form["records"].sort(key=lambda r: (r["unit"], json.dumps(r["values"], sort_keys=True)))
    result["files"].sort(key=lambda f: f["path"])
    result["issues"].sort(key=lambda i: json.dumps(i, sort_keys=True))
    return result


def single_process_result(tmp_path, units: list[str], files: list[tuple[str, bytes]]) -> tuple[dict, dict]:
    """The same campaign on the default: SQLite, the data folder, in-process jobs."""
    settings = Settings(data_dir=tmp_path / "single", workers=2)
    with LiveServer(settings) as server, client(server.url, add_clerk(settings.resolved_database_url())) as api:
        c = campaign(api, units)
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda f: upload(api, c["id"], *f), files))
        board = settled(api, c["id"], len(files))
        return board, api.get(f"/api/campaigns/{c['id']}/consolidated.json").json()


def test_an_upload_with_no_worker_stays_queued_until_one_starts(scale, instances):
    url = instances[1]
    with client(url, add_clerk(scale.database_url)) as api:
        c = campaign(api, ["东胜区"])
        started = time.monotonic()
        r = upload(api, c["id"], "东胜区.xlsx", roster_xlsx("东胜区", ["甲检测站"]))
        assert r.status_code == 202 and r.json()["status"] == "queued"
        assert time.monotonic() - started < 10  # answered at once: nobody would parse it
        time.sleep(2)
        assert status_of(api, r.json()["id"]) == "queued"
        assert api.get(f"/api/campaigns/{c['id']}").json()["pending"][0]["status"] == "queued"
        scale.worker()
        board = settled(api, c["id"], 1, timeout=90)
    assert board["units"][0]["status"] == "received"


def test_a_job_that_keeps_failing_is_a_dead_letter_the_clerk_can_retry(scale, instances):
    """The store loses the original (a passing fault): retried, then "处理失败，可重试"; once the original is
    back, the clerk's retry files it."""
    with client(instances[0], add_clerk(scale.database_url)) as api:
        c = campaign(api, ["东胜区"])
        data = roster_xlsx("东胜区", ["甲检测站", "乙检测站"])
        link = c["units"][0]["upload_url"].replace("http://huizong.test", instances[0])
        page = httpx.post(link, files={"file": ("东胜区.xlsx", data)}, headers={"Accept": "text/html"}, timeout=60)
        assert page.status_code == 303  # stored and queued; the page (redirected to) does not wait for the parse
        (return_id,) = [r["id"] for r in api.get(f"/api/campaigns/{c['id']}").json()["pending"]]
        s3, bucket, key = _object_of(scale, hashlib.sha256(data).hexdigest())
        s3.delete_object(Bucket=bucket, Key=key)
        scale.worker()
        deadline = time.monotonic() + 90
        while (out := api.get(f"/api/returns/{return_id}").json())["status"] in ("queued", "pending"):
            assert time.monotonic() < deadline, "the job never gave up"
            time.sleep(0.3)
        assert (out["status"], out["message"], out["retryable"]) == ("failed", "处理失败，可重试", True)
        s3.put_object(Bucket=bucket, Key=key, Body=data)
        again = api.post(f"/api/returns/{return_id}/retry")
        assert again.status_code in (201, 202), again.text
        assert api.post(f"/api/returns/{return_id}/retry").status_code == 409  # queued again already
        board = settled(api, c["id"], 1, timeout=90)
        final = api.get(f"/api/returns/{return_id}").json()
    assert board["units"][0]["status"] == "received"
    assert (final["status"], final["retryable"]) == ("merged", False)
    audit = rows(scale.database_url, "SELECT action FROM audit_events WHERE return_id = :i", i=return_id)
    assert sorted(r.action for r in audit) == ["retry", "upload"]


def _object_of(scale, digest: str):
    bucket, prefix = scale.storage_url[len("s3://") :].split("/", 1)
    s3 = boto3.client("s3", **{k: scale.env[v] for k, v in _AWS.items()})
    return s3, bucket, f"{prefix}/originals/{digest[:2]}/{digest[2:4]}/{digest}"


def test_two_instances_and_two_workers_behave_as_one(scale, instances, tmp_path):
    first, second = instances
    workers = [scale.worker(), scale.worker()]
    units = [f"测试{i:03d}区" for i in range(UPLOADS)]
    files = returns_of(units)
    clerk = add_clerk(scale.database_url)
    with client(first, clerk) as a, client(second, clerk) as b:
        c = campaign(a, units)
        in_bucket = set(originals_in_bucket(scale))
        started = time.monotonic()
        with ThreadPoolExecutor(16) as pool:
            answers = list(pool.map(lambda i: upload((a, b)[i % 2], c["id"], *files[i]), range(UPLOADS)))
        assert all(r.status_code in (201, 202) for r in answers), [r.text for r in answers if r.status_code >= 300]
        board_a = settled(a, c["id"], UPLOADS)
        elapsed = time.monotonic() - started
        board_b = b.get(f"/api/campaigns/{c['id']}").json()
        assert board_a == board_b
        counts = {"missing": 0, "received": UPLOADS, "has-errors": 0, "late": 0, "unreadable": 0, "returned": 0}
        assert board_a["counts"] == counts
        merged_a = a.get(f"/api/campaigns/{c['id']}/consolidated.json").json()
        merged_b = b.get(f"/api/campaigns/{c['id']}/consolidated.json").json()
        assert merged_a == merged_b

    # Stored once: one object per distinct file, under its SHA-256; parsed once: one start per return.
    digests = sorted(hashlib.sha256(data).hexdigest() for _, data in files)
    added = sorted(set(originals_in_bucket(scale)) - in_bucket)
    assert added == digests
    stored = rows(scale.database_url, "SELECT sha256, attempts, state FROM returns WHERE campaign_id = :c", c=c["id"])
    assert sorted(r.sha256 for r in stored) == digests
    assert {(r.attempts, r.state) for r in stored} == {(1, "parsed")}
    audit = rows(
        scale.database_url,
        "SELECT action, count(*) AS n FROM audit_events WHERE campaign_id = :c GROUP BY action",
        c=c["id"],
    )
    assert {r.action: r.n for r in audit} == {"campaign-create": 1, "upload": UPLOADS, "download": 2}

    single_board, single_merged = single_process_result(tmp_path, units, files)
    assert comparable(merged_a) == comparable(single_merged)
    assert [(u["unit"], u["status"]) for u in board_a["units"]] == [
        (u["unit"], u["status"]) for u in single_board["units"]
    ]
    assert all(w.poll() is None for w in workers), "a worker died"
    print(f"{UPLOADS} uploads over two instances and two workers: {elapsed:.1f} s")


def big_return(unit: str, rows_count: int) -> bytes:
    return roster_xlsx(unit, [f"{unit}机构{i}" for i in range(rows_count)])


def wait_started(database_url: str, return_id: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not rows(database_url, "SELECT 1 FROM returns WHERE id = :i AND started_at IS NOT NULL", i=return_id):
        assert time.monotonic() < deadline, "no worker took the job"
        time.sleep(0.05)


def test_a_worker_killed_mid_job_is_replaced_and_nothing_is_lost_or_doubled(scale, instances):
    url = instances[0]
    clerk = add_clerk(scale.database_url)
    with client(url, clerk) as api:
        c = campaign(api, ["东胜区", "康巴什区"])
        victim = scale.worker()
        big = big_return("东胜区", 15_000)  # several seconds to parse: time enough to kill its worker
        with ThreadPoolExecutor(1) as pool:
            pending = pool.submit(upload, api, c["id"], "东胜区.xlsx", big)
            board = _wait_for_return(api, c["id"])
            wait_started(scale.database_url, board)
            scale.kill(victim)  # the worker and its child, mid-parse
            assert status_of(api, board) == "pending"
            scale.worker()  # another worker finds the job abandoned and runs it again
            pending.result()
        final = settled(api, c["id"], 1, timeout=120)
        merged = api.get(f"/api/campaigns/{c['id']}/consolidated.json").json()
    assert final["counts"]["received"] == 1
    records = merged["forms"]["institution-roster"]["records"]
    assert len(records) == 15_000 and len({r["values"]["name"] for r in records}) == 15_000
    (row,) = rows(scale.database_url, "SELECT attempts, state, retryable FROM returns WHERE id = :i", i=board)
    assert (row.attempts, row.state, row.retryable) == (2, "parsed", False)
    audit = rows(scale.database_url, "SELECT action FROM audit_events WHERE return_id = :i", i=board)
    assert sorted(r.action for r in audit) == ["upload"]


def _wait_for_return(api, campaign_id: int, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while True:
        board = api.get(f"/api/campaigns/{campaign_id}").json()
        ids = [r["id"] for r in board["pending"]]
        if ids:
            return ids[0]
        assert time.monotonic() < deadline, "the upload was not stored"
        time.sleep(0.05)


def test_sessions_csrf_and_login_limits_are_shared_by_the_instances(scale, instances):
    first, second = instances
    name = add_clerk(scale.database_url)
    with httpx.Client(base_url=first) as a, httpx.Client(base_url=second) as b:
        a.get("/login")
        csrf = a.cookies["huizong_csrf"]  # signed by the first instance
        form = {"username": name, "password": PASSWORD, "next": "/", "csrf_token": csrf}
        b.cookies.set("huizong_csrf", csrf)  # the first instance's cookie, checked by the second
        signed_in = b.post("/login", data=form)
        assert signed_in.status_code == 303, signed_in.text
        session = signed_in.cookies["huizong_session"]
        a.cookies.set("huizong_session", session)  # the second instance's session, honoured by the first
        assert a.get("/").status_code == 200
        token = b.post("/api/login", json={"username": name, "password": PASSWORD}).json()["token"]
        assert a.get("/api/campaigns", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        for i in range(5):  # wrong passwords, alternating instances, from one address
            assert (a, b)[i % 2].post("/api/login", json={"username": name, "password": "x"}).status_code == 401
        assert a.post("/api/login", json={"username": name, "password": PASSWORD}).status_code == 429
        assert b.post("/api/login", json={"username": name, "password": PASSWORD}).status_code == 429


def test_an_upload_while_redis_is_away_is_queued_later_by_a_worker(scale):
    """An instance that cannot reach Redis still stores the upload (status `queued`); a worker's maintenance
    finds the forgotten return and queues it."""
    cut_off = scale.serve("--public-url", "http://huizong.test", "--queue", "redis://127.0.0.1:1/0")
    with client(cut_off, add_clerk(scale.database_url)) as api:
        c = campaign(api, ["东胜区"])
        r = upload(api, c["id"], "东胜区.xlsx", roster_xlsx("东胜区", ["甲检测站"]))
        assert r.status_code == 202 and r.json()["status"] == "queued", r.text
        redis.Redis.from_url(scale.queue_url).delete(f"{scale.namespace}.resume")  # no look was due earlier
        scale.worker()
        board = settled(api, c["id"], 1, timeout=90)
    assert board["units"][0]["status"] == "received"
