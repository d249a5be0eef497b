"""The account pages over HTTP (账号管理, 修改密码) and the campaign pages by office and role."""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from service_live import PASSWORD, new_campaign

HTML = {"accept": "text/html"}


def csrf_of(page: httpx.Response) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match, "form without a CSRF token"
    return match.group(1)


@contextmanager
def signed_in(live, name: str, password: str = PASSWORD) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, headers=HTML, timeout=120) as c:
        page = c.get("/login")
        data = {"username": name, "password": password, "csrf_token": csrf_of(page), "next": "/"}
        r = c.post("/login", data=data)
        assert r.status_code == 303, r.text
        yield c


@pytest.fixture
def office_name() -> str:
    return f"页面局{secrets.token_hex(3)}"


@pytest.fixture
def admin(live, office_name) -> Iterator[httpx.Client]:
    with signed_in(live, live.add_clerk(role="admin", office=office_name)) as c:
        yield c


def test_an_admin_adds_an_account_changes_its_role_and_resets_its_password(live, admin, office_name):
    page = admin.get("/users")
    assert page.status_code == 200 and office_name in page.text and "账号管理" in admin.get("/").text
    name = f"新办事员{secrets.token_hex(2)}"
    added = admin.post(
        "/users", data={"username": name, "password": "12345678", "role": "clerk", "csrf_token": csrf_of(page)}
    )
    assert added.status_code == 200 and f"已新增账号：{name}（办事员）" in added.text
    short = admin.post(
        "/users", data={"username": "x", "password": "123", "role": "clerk", "csrf_token": csrf_of(page)}
    )
    assert short.status_code == 422 and "密码至少 8 个字符" in short.text
    user_id = re.search(rf'>{name}</td>.*?action="/users/(\d+)/role"', added.text, re.S).group(1)  # type: ignore[union-attr]
    role = admin.post(f"/users/{user_id}/role", data={"role": "viewer", "csrf_token": csrf_of(page)})
    assert f"{name} 现在是查看者" in role.text
    reset = admin.post(f"/users/{user_id}/password", data={"password": "another-pass", "csrf_token": csrf_of(page)})
    assert "密码已重设" in reset.text
    with signed_in(live, name, "another-pass") as viewer:
        home = viewer.get("/").text
        assert "/users" not in home and "新建任务" not in home and "修改密码" in home
        assert viewer.get("/users").status_code == 403
        assert viewer.get("/campaigns/new").status_code == 403
    forged = admin.post(f"/users/{user_id}/password", data={"password": "another-pass"})
    assert forged.status_code == 403  # no CSRF token


def test_everyone_changes_their_own_password_in_the_page(live):
    name = live.add_clerk(role="viewer")
    with signed_in(live, name) as me:
        page = me.get("/account/password")
        wrong = me.post(
            "/account/password",
            data={
                "old_password": "nope",
                "password": "new password",
                "again": "new password",
                "csrf_token": csrf_of(page),
            },
        )
        assert wrong.status_code == 422 and "原密码不正确" in wrong.text
        differ = me.post(
            "/account/password",
            data={"old_password": PASSWORD, "password": "new password", "again": "other", "csrf_token": csrf_of(page)},
        )
        assert differ.status_code == 422 and "两次输入的新密码不一致" in differ.text
        ok = me.post(
            "/account/password",
            data={
                "old_password": PASSWORD,
                "password": "new password",
                "again": "new password",
                "csrf_token": csrf_of(page),
            },
        )
        assert ok.status_code == 303 and ok.headers["location"] == "/login?changed=1"
        assert "请用新密码登录" in me.get("/login?changed=1").text
    with signed_in(live, name, "new password") as again:
        assert again.get("/").status_code == 200


def test_campaign_pages_are_the_offices(live, admin, api):
    campaign = new_campaign(api, ["东胜区"])  # the default office's
    for path in ("", "/links", "/downloads", "/audit", "/upload"):
        r = admin.get(f"/campaigns/{campaign['id']}{path}")
        assert r.status_code == 404 and "找不到该报送任务" in r.text
    assert campaign["title"] not in admin.get("/").text


def test_a_clerk_makes_a_form_from_the_annex_on_the_forms_page_and_a_viewer_only_reads(live, office_name):
    annex = Path(__file__).parents[4] / "samples" / "custom" / "scenic-spots.xlsx"
    with signed_in(live, live.add_clerk(role="clerk", office=office_name)) as clerk:
        page = clerk.get("/forms")
        assert page.status_code == 200 and "检查信息汇总表" in page.text and "由空白附件新建报表" in page.text
        empty = clerk.post("/forms/infer", data={"csrf_token": csrf_of(page)}, files={"file": ("", b"")})
        assert empty.status_code == 422 and "请选择" in empty.text
        files = {"file": (annex.name, annex.read_bytes())}
        shown = clerk.post("/forms/infer", data={"csrf_token": csrf_of(page)}, files=files)
        assert shown.status_code == 200 and "A级旅游景区名录" in shown.text and "核对后保存" in shown.text
        text = html.unescape(re.search(r'<textarea name="yaml"[^>]*>(.*?)</textarea>', shown.text, re.S).group(1))  # type: ignore[union-attr]
        wrong = clerk.post("/forms", data={"csrf_token": csrf_of(page), "yaml": "id: [broken"})
        assert wrong.status_code == 422 and "报表定义有误" in wrong.text and "[broken" in wrong.text  # kept to fix
        edited = text.replace("id: A级旅游景区名录", f"id: spots-{secrets.token_hex(2)}")
        saved = clerk.post("/forms", data={"csrf_token": csrf_of(page), "yaml": edited})
        assert saved.status_code == 200 and "已保存报表“A级旅游景区名录”" in saved.text, saved.text[-2000:]
        assert "A级旅游景区名录" in clerk.get("/campaigns/new").text  # offered for the office's campaigns
    with signed_in(live, live.add_clerk(role="viewer", office=office_name)) as viewer:
        listed = viewer.get("/forms")
        assert "A级旅游景区名录" in listed.text and "由空白附件新建报表" not in listed.text
        refused = viewer.post("/forms", data={"csrf_token": csrf_of(listed), "yaml": edited})
        assert refused.status_code == 403
