"""Every API route over real HTTP on 127.0.0.1, on SQLite and on PostgreSQL (see conftest.py)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from service_live import new_campaign

ROUTES = [
    ("GET", "/api/campaigns"),
    ("POST", "/api/campaigns"),
    ("GET", "/api/campaigns/{campaign_id}"),
    ("GET", "/api/campaigns/{campaign_id}/audit"),
    ("POST", "/api/campaigns/{campaign_id}/returns"),
    ("GET", "/api/campaigns/{campaign_id}/consolidated.json"),
    ("GET", "/api/campaigns/{campaign_id}/consolidated.xlsx"),
    ("GET", "/api/campaigns/{campaign_id}/documents/{doc}.{fmt}"),
    ("GET", "/api/returns/{return_id}"),
    ("GET", "/api/returns/{return_id}/original"),
    ("GET", "/api/returns/{return_id}/annotated.xlsx"),
    ("POST", "/api/returns/{return_id}/retry"),
    ("PATCH", "/api/campaigns/{campaign_id}"),
    ("POST", "/api/returns/{return_id}/void"),
    ("POST", "/api/returns/{return_id}/assign"),
    ("POST", "/api/returns/{return_id}/send-back"),
    ("POST", "/api/returns/{return_id}/review"),
    ("GET", "/api/me"),
    ("POST", "/api/me/password"),
    ("GET", "/api/users"),
    ("POST", "/api/users"),
    ("PATCH", "/api/users/{user_id}"),
    ("POST", "/api/users/{user_id}/password"),
    ("GET", "/api/forms"),
    ("POST", "/api/forms"),
    ("POST", "/api/forms/infer"),
]
# Without a login: the unit's link is its credential.
PUBLIC = [
    ("POST", "/api/login"),
    ("GET", "/api/links/{token}"),
    ("GET", "/api/links/{token}/returns/{return_id}/annotated.xlsx"),
]
DOCUMENTS = ["reminder.docx", "reminder.pdf", "bulletin.docx", "bulletin.pdf"]


def concrete(path: str) -> list[str]:
    path = path.replace("{campaign_id}", "1").replace("{return_id}", "1").replace("{user_id}", "1")
    return [path.replace("{doc}.{fmt}", d) for d in DOCUMENTS] if "{doc}" in path else [path]


@pytest.mark.parametrize(("method", "path"), [(m, c) for m, p in ROUTES for c in concrete(p)])
@pytest.mark.parametrize("token", [None, "not-a-real-token"])
def test_every_api_route_needs_a_token(live, method, path, token):
    with live.client(token) as c:
        r = c.request(method, path)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert "需要登录" in r.json()["detail"]


def test_these_are_all_the_api_routes(live):
    with live.client() as c:
        paths = c.get("/openapi.json").json()["paths"]
    listed = {(method.upper(), path) for path, operations in paths.items() for method in operations}
    assert listed == {*ROUTES, *PUBLIC}


def test_login(live):
    name = live.add_clerk()
    with live.client() as c:
        ok = c.post("/api/login", json={"username": name, "password": "correct horse battery"})
        bad = c.post("/api/login", json={"username": name, "password": "wrong"})
        empty = c.post("/api/login", json={"username": name})
    assert ok.status_code == 200 and len(ok.json()["token"]) >= 40
    assert (bad.status_code, bad.json()["detail"]) == (401, "用户名或密码不正确。")
    assert empty.status_code == 422 and empty.json()["detail"] == "请求内容有误：密码必须填写"


def test_login_rate_limit_answers_429(live):
    name = live.add_clerk()
    with live.client() as c:
        codes = [c.post("/api/login", json={"username": name, "password": "wrong"}).status_code for _ in range(5)]
        blocked = c.post("/api/login", json={"username": name, "password": "correct horse battery"})
    assert codes == [401] * 5
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    assert "登录失败次数过多" in blocked.json()["detail"]


def test_create_campaign_gives_each_unit_a_private_link(api):
    created = new_campaign(api, ["东胜区", "达拉特旗", "杭锦旗"])
    links = [u["upload_url"] for u in created["units"]]
    assert [u["unit"] for u in created["units"]] == ["东胜区", "达拉特旗", "杭锦旗"]
    assert len(set(links)) == 3
    assert all(link.startswith(str(api.base_url)) and len(link.rsplit("/", 1)[1]) >= 32 for link in links)
    board = api.get(f"/api/campaigns/{created['id']}").json()
    assert board["title"] == created["title"] and board["forms"] == ["institution-roster"]
    assert [(u["unit"], u["status"], u["returns"]) for u in board["units"]] == [
        ("东胜区", "missing", []),
        ("达拉特旗", "missing", []),
        ("杭锦旗", "missing", []),
    ]
    assert board["counts"]["missing"] == 3
    assert any(c["id"] == created["id"] for c in api.get("/api/campaigns").json())


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"forms": ["no-such-form"]}, "未知的报表：no-such-form"),
        ({"units": []}, "应报单位不能为空"),
        ({"units": ["东胜区", "东胜区"]}, "应报单位有重复项"),
        ({"deadline": "2024-02-30"}, "截止日期不是有效日期（应为 YYYY-MM-DD）"),
        ({"title": "   "}, "任务名称不能为空"),
    ],
)
def test_create_campaign_explains_what_is_wrong(api, body, message):
    full = {"title": "任务", "forms": ["institution-roster"], "units": ["东胜区"], "deadline": "2099-01-01", **body}
    r = api.post("/api/campaigns", json=full)
    assert r.status_code == 422 and message in r.json()["detail"]
    if "forms" not in body:  # no pydantic English: the part by its Chinese name, then what is wrong
        assert not re.search(r"[A-Za-z]{4,}", r.json()["detail"].replace("YYYY-MM-DD", ""))


def test_unknown_campaign_and_return_are_404(api):
    assert api.get("/api/campaigns/999999").status_code == 404
    assert api.get("/api/returns/999999").json()["detail"] == "找不到该报表文件。"
    assert api.get("/api/returns/999999/original").status_code == 404
    r = api.post("/api/campaigns/999999/returns", files={"file": ("a.xlsx", b"x")})
    assert r.status_code == 404


def test_an_unreadable_file_is_stored_and_answered_failed(api):
    campaign = new_campaign(api, ["东胜区"])
    data = b"PK\x03\x04 this is not really a workbook"
    r = api.post(f"/api/campaigns/{campaign['id']}/returns", files={"file": ("东胜区.xlsx", data)})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "failed" and body["form"] is None
    assert [i["code"] for i in body["issues"]] == ["file-unreadable"]
    assert body["sha256"] == hashlib.sha256(data).hexdigest() and body["size"] == len(data)
    original = api.get(f"/api/returns/{body['id']}/original")
    assert original.content == data
    assert "filename*=UTF-8''%E4%B8%9C%E8%83%9C%E5%8C%BA.xlsx" in original.headers["content-disposition"]
    assert original.headers["x-content-type-options"] == "nosniff"


def test_unit_field_must_be_a_campaign_unit(api):
    campaign = new_campaign(api, ["东胜区"])
    r = api.post(
        f"/api/campaigns/{campaign['id']}/returns", files={"file": ("a.xlsx", b"x")}, data={"unit": "准格尔旗"}
    )
    assert r.status_code == 422 and r.json()["detail"] == "“准格尔旗”不是本任务的应报单位。"


def test_missing_file_field_is_422(api):
    campaign = new_campaign(api, ["东胜区"])
    r = api.post(f"/api/campaigns/{campaign['id']}/returns", data={"unit": "东胜区"})
    assert r.status_code == 422 and "file" in r.json()["detail"]


def test_unit_link_rejects_bad_tokens(live):
    with live.client() as c:
        assert c.post("/u/not-a-token", files={"file": ("a.xlsx", b"x")}).status_code == 404
        assert c.get("/u/" + "x" * 500).status_code == 404


def test_audit_log_records_uploads_and_downloads(api):
    campaign = new_campaign(api, ["东胜区"])
    r = api.post(f"/api/campaigns/{campaign['id']}/returns", files={"file": ("x.xlsx", b"junk")})
    api.get(f"/api/returns/{r.json()['id']}/original")
    events = api.get(f"/api/campaigns/{campaign['id']}/audit").json()
    actions = [e["action"] for e in reversed(events)]
    assert actions == ["campaign-create", "upload", "download"]
    assert events[1]["return_id"] == r.json()["id"] and "x.xlsx" in events[1]["detail"]
    assert events[0]["action_label"] == "下载"


def test_openapi_docs_are_served(live):
    with live.client() as c:
        assert c.get("/docs").status_code == 200


def test_every_api_route_is_in_the_reference(live):
    """docs/service.md lists every route the server has, as `METHOD /path`."""
    text = (Path(__file__).parents[4] / "docs" / "service.md").read_text(encoding="utf-8")
    with live.client() as c:
        paths = c.get("/openapi.json").json()["paths"]
    missing = [f"{m.upper()} {p}" for p, ops in paths.items() for m in ops if f"`{m.upper()} {p}`" not in text]
    assert not missing, f"docs/service.md 没有介绍的接口：{missing}"
