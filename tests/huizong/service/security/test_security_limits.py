"""Upload rate limits per campaign and per unit link (counted in the database, so shared by every
instance), and ids out of range answered 404 — over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from service_live import PASSWORD, new_campaign
from service_samples import roster_xlsx

from huizong.service.security import auth
from huizong.service.settings import Settings
from huizong.service.store.db import Database
from huizong.service.testing import LiveServer

HUGE = "9" * 20


@pytest.mark.parametrize(
    "path",
    [
        f"/api/campaigns/{HUGE}",
        f"/api/campaigns/{HUGE}/audit",
        f"/api/campaigns/{HUGE}/consolidated.json",
        f"/api/returns/{HUGE}",
        f"/api/returns/{HUGE}/original",
        f"/api/returns/{HUGE}/annotated.xlsx",
        "/api/returns/2147483648",
        "/api/returns/0",
        "/api/returns/-5",
    ],
)
def test_ids_out_of_range_are_404(api, path):
    r = api.get(path)
    assert r.status_code == 404, r.text
    assert r.json()["detail"].startswith("找不到")


def test_out_of_range_ids_in_changes_are_404(api):
    assert api.post(f"/api/returns/{HUGE}/retry").status_code == 404
    r = api.post(f"/api/campaigns/{HUGE}/returns", files={"file": ("a.xlsx", b"x")})
    assert r.status_code == 404


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[httpx.Client, Settings]]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("limits") / "data", max_uploads_per_link=3, max_uploads_per_campaign=5
    )
    db = Database(settings.resolved_database_url())
    with LiveServer(settings) as server:
        auth.add_user(db, "clerk", PASSWORD)
        db.close()
        token = httpx.post(f"{server.url}/api/login", json={"username": "clerk", "password": PASSWORD}).json()
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token['token']}"}, timeout=120) as c:
            yield c, settings


def test_a_unit_link_and_a_campaign_have_upload_limits(strict):
    api, settings = strict
    campaign = new_campaign(api, ["东胜区", "达拉特旗"])
    dongsheng, dalate = (u["upload_url"] for u in campaign["units"])
    # Different bytes each time: the same bytes again are a duplicate, which stores nothing.
    files = [roster_xlsx("东胜区", [f"甲检测站{i}"]) for i in range(settings.max_uploads_per_link + 1)]
    for data in files[:-1]:
        assert api.post(dongsheng, files={"file": ("东胜区.xlsx", data)}).status_code == 201
    refused = api.post(dongsheng, files={"file": ("东胜区.xlsx", files[-1])})
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith("通过本单位的上报链接上传过于频繁")
    assert int(refused.headers["retry-after"]) == settings.upload_window_minutes * 60
    other = roster_xlsx("达拉特旗", ["乙检测站"])
    assert api.post(dalate, files={"file": ("达拉特旗.xlsx", other)}).status_code in (200, 201)  # another link
    more = roster_xlsx("达拉特旗", ["丙检测站"])
    assert api.post(f"/api/campaigns/{campaign['id']}/returns", files={"file": ("b.xlsx", more)}).status_code == 201
    full = api.post(f"/api/campaigns/{campaign['id']}/returns", files={"file": ("c.xlsx", b"another file")})
    assert full.status_code == 429 and full.json()["detail"].startswith("本报送任务上传过于频繁")
    fresh = new_campaign(api, ["东胜区"])  # other campaigns are not held back
    assert api.post(f"/api/campaigns/{fresh['id']}/returns", files={"file": ("d.xlsx", files[0])}).status_code == 201
