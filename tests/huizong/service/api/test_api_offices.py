"""Offices and roles over real HTTP, on SQLite and PostgreSQL: another office's campaign is 404 on every route,
a viewer reads but every change is 403, admins manage their office's accounts, everyone their own password."""

from __future__ import annotations

import pytest
from service_live import PASSWORD, new_campaign
from service_samples import roster_xlsx

# Every route on a campaign or a return that changes something, with a body it would accept.
CHANGES = [
    ("PATCH", "/api/campaigns/{c}", {"json": {"title": "改名"}}),
    ("POST", "/api/campaigns/{c}/returns", {"files": {"file": ("a.xlsx", b"new bytes")}}),
    ("POST", "/api/returns/{r}/void", {"json": {"reason": "传错"}}),
    ("POST", "/api/returns/{r}/assign", {"json": {"unit": "东胜区"}}),
    ("POST", "/api/returns/{r}/send-back", {"json": {"note": "请修改"}}),
    ("POST", "/api/returns/{r}/review", {}),
    ("POST", "/api/returns/{r}/retry", {}),
]
READS = [
    "/api/campaigns/{c}",
    "/api/campaigns/{c}/audit",
    "/api/campaigns/{c}/consolidated.json",
    "/api/campaigns/{c}/consolidated.xlsx",
    "/api/campaigns/{c}/documents/bulletin.docx",
    "/api/returns/{r}",
    "/api/returns/{r}/original",
    "/api/returns/{r}/annotated.xlsx",
]


@pytest.fixture(scope="module")
def filed(office) -> tuple[dict, dict]:
    """A campaign of the office with one return that has errors (so it has an annotated copy)."""
    campaign = new_campaign(office.clerk, ["东胜区", "达拉特旗"])
    data = roster_xlsx("东胜区", ["甲检测公司"], blank_domain=True)
    r = office.clerk.post(f"/api/campaigns/{campaign['id']}/returns", files={"file": ("东胜区.xlsx", data)})
    assert r.status_code == 201, r.text
    return campaign, r.json()


def url(path: str, campaign: dict, ret: dict) -> str:
    return path.format(c=campaign["id"], r=ret["id"])


@pytest.mark.parametrize("path", READS)
def test_another_office_gets_404_where_the_office_reads(api, office, filed, path):
    campaign, ret = filed
    assert office.viewer.get(url(path, campaign, ret)).status_code == 200
    r = api.get(url(path, campaign, ret))  # a clerk of another office
    assert r.status_code == 404 and r.json()["detail"] in ("找不到该报送任务。", "找不到该报表文件。")


@pytest.mark.parametrize(("method", "path", "body"), CHANGES)
def test_a_viewer_gets_403_and_another_office_404_on_every_change(api, office, filed, method, path, body):
    campaign, ret = filed
    other = api.request(method, url(path, campaign, ret), **body)
    assert other.status_code == 404
    viewer = office.viewer.request(method, url(path, campaign, ret), **body)
    assert viewer.status_code == 403 and "只读账号" in viewer.json()["detail"]
    after = office.clerk.get(url("/api/returns/{r}", campaign, ret)).json()
    assert (after["status"], after["reviewed"], after["sent_back_note"]) == ("merged", False, None)  # untouched


def test_campaigns_are_listed_and_created_per_office(api, office, filed):
    campaign, _ = filed
    assert campaign["id"] in [c["id"] for c in office.viewer.get("/api/campaigns").json()]
    assert campaign["id"] not in [c["id"] for c in api.get("/api/campaigns").json()]
    body = {"title": "任务", "forms": ["institution-roster"], "units": ["东胜区"], "deadline": "2099-01-01"}
    assert office.viewer.post("/api/campaigns", json=body).status_code == 403
    assert office.admin.post("/api/campaigns", json=body).status_code == 201
    assert office.clerk.get(f"/api/campaigns/{campaign['id']}").json()["office"] == office.name


def test_admins_manage_the_accounts_of_their_office(live, api, office):
    listed = office.admin.get("/api/users").json()
    assert sorted(u["role"] for u in listed) == ["admin", "clerk", "viewer"]
    assert {u["office"] for u in listed} == {office.name}
    assert office.clerk.get("/api/users").status_code == 403
    assert office.viewer.post("/api/users", json={"username": "x", "password": PASSWORD}).status_code == 403
    added = office.admin.post("/api/users", json={"username": f"新人{office.name}", "password": PASSWORD})
    assert added.status_code == 201 and (added.json()["role"], added.json()["role_label"]) == ("clerk", "办事员")
    taken = office.admin.post("/api/users", json={"username": added.json()["username"], "password": PASSWORD})
    assert taken.status_code == 409 and "已被使用" in taken.json()["detail"]
    short = office.admin.post("/api/users", json={"username": "短密码", "password": "1234"})
    assert short.status_code == 422
    new_id = added.json()["id"]
    viewer = office.admin.patch(f"/api/users/{new_id}", json={"role": "viewer"})
    assert viewer.json()["role"] == "viewer"
    assert office.admin.post(f"/api/users/{new_id}/password", json={"password": "a new password"}).status_code == 204
    with live.client() as c:
        login = c.post("/api/login", json={"username": added.json()["username"], "password": "a new password"})
    assert login.status_code == 200
    # Another office's account is not this admin's to see or touch.
    theirs = api.get("/api/me").json()["id"]
    assert office.admin.post(f"/api/users/{theirs}/password", json={"password": "takeover!!"}).status_code == 404
    assert office.admin.patch(f"/api/users/{theirs}", json={"role": "viewer"}).status_code == 404
    me = office.admin.get("/api/me").json()
    last = office.admin.patch(f"/api/users/{me['id']}", json={"role": "clerk"})
    assert last.status_code == 409 and "唯一的管理员" in last.json()["detail"]


def test_everyone_changes_their_own_password(live):
    name = live.add_clerk(role="viewer")
    with live.client() as c:
        token = c.post("/api/login", json={"username": name, "password": PASSWORD}).json()["token"]
    with live.client(token) as me:
        assert me.get("/api/me").json()["role_label"] == "查看者"
        wrong = me.post("/api/me/password", json={"old_password": "wrong", "password": "brand new secret"})
        assert wrong.status_code == 422 and wrong.json()["detail"] == "原密码不正确。"
        ok = me.post("/api/me/password", json={"old_password": PASSWORD, "password": "brand new secret"})
        assert ok.status_code == 204
        assert me.get("/api/me").status_code == 401  # a new password ends the old sessions
    with live.client() as c:
        assert c.post("/api/login", json={"username": name, "password": "brand new secret"}).status_code == 200
        assert c.post("/api/login", json={"username": name, "password": PASSWORD}).status_code == 401
