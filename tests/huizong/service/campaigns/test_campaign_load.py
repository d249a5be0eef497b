"""20 clients uploading at once on loopback: every upload answered, stored and counted, nothing lost."""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor

from service_live import new_campaign
from service_samples import roster_xlsx

CLIENTS = 20
UPLOADS_EACH = 3
UNITS = [f"第{i}区" for i in range(CLIENTS)]


def test_twenty_clients_upload_at_once(live, api):
    campaign = new_campaign(api, UNITS)
    links = {u["unit"]: u["upload_url"] for u in campaign["units"]}
    token = api.headers["authorization"]
    start = threading.Barrier(CLIENTS)

    def client(i: int) -> list[tuple[int, int, str]]:
        unit = UNITS[i]
        answers = []
        with live.client() as c:
            start.wait()
            for k in range(UPLOADS_EACH):
                data = roster_xlsx(unit, [f"第{i}号检测公司{k}"])
                if k % 2:  # half through the unit's own link, half by the clerk
                    r = c.post(
                        links[unit], files={"file": (f"{unit}-{k}.xlsx", data)}, headers={"accept": "application/json"}
                    )
                else:
                    r = c.post(
                        f"/api/campaigns/{campaign['id']}/returns",
                        files={"file": (f"{unit}-{k}.xlsx", data)},
                        headers={"authorization": token},
                    )
                answers.append((r.status_code, r.json().get("id"), hashlib.sha256(data).hexdigest()))
                assert r.json()["sha256"] == answers[-1][2]
        return answers

    with ThreadPoolExecutor(CLIENTS) as pool:
        results = [a for answers in pool.map(client, range(CLIENTS)) for a in answers]

    assert [code for code, _, _ in results] == [201] * (CLIENTS * UPLOADS_EACH)
    ids = {rid for _, rid, _ in results}
    assert len(ids) == CLIENTS * UPLOADS_EACH
    board = api.get(f"/api/campaigns/{campaign['id']}").json()
    stored = {r["id"]: r for u in board["units"] for r in u["returns"]} | {r["id"]: r for r in board["unplaced"]}
    assert set(stored) == ids and board["pending"] == [] and board["unplaced"] == []
    assert {u["unit"]: u["status"] for u in board["units"]} == dict.fromkeys(UNITS, "received")
    newest = {u["unit"]: max(r["id"] for r in u["returns"]) for u in board["units"]}
    assert all(r["current"] == (r["id"] == newest[u["unit"]]) for u in board["units"] for r in u["returns"])
    assert {stored[rid]["sha256"] for _, rid, _ in results} == {h for _, _, h in results}
    for _, rid, digest in results[::7]:
        assert hashlib.sha256(api.get(f"/api/returns/{rid}/original").content).hexdigest() == digest
    uploads = [e for e in api.get(f"/api/campaigns/{campaign['id']}/audit").json() if e["action"] == "upload"]
    assert len(uploads) == CLIENTS * UPLOADS_EACH
