"""Login limits that cannot be turned against a clerk, addresses only believed from trusted proxies,
Secure cookies over HTTPS — over real HTTP on 127.0.0.1, each address posed through a trusted proxy."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from service_live import PASSWORD

from huizong.service.security import auth
from huizong.service.security.clients import client_address
from huizong.service.settings import Settings
from huizong.service.store.db import Database
from huizong.service.testing import LiveServer

MAX_DELAY = 1.5


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Settings]]:
    """A server behind a "proxy" on 127.0.0.1, so X-Forwarded-For names each client."""
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("login") / "data",
        trusted_proxies=("127.0.0.1",),
        login_max_delay=MAX_DELAY,
        workers=1,
    )
    with LiveServer(settings) as server:
        yield server.url, settings


def clerk(settings: Settings, name: str) -> str:
    db = Database(settings.resolved_database_url())
    try:
        auth.add_user(db, name, PASSWORD)
    finally:
        db.close()
    return name


def login(url: str, name: str, password: str, address: str) -> httpx.Response:
    body = {"username": name, "password": password}
    return httpx.post(f"{url}/api/login", json=body, headers={"X-Forwarded-For": address}, timeout=60)


def test_guessing_from_one_address_does_not_lock_the_clerk_out(proxied):
    url, settings = proxied
    name = clerk(settings, "王会计")
    for _ in range(settings.login_max_failures):
        assert login(url, name, "guess", "203.0.113.9").status_code == 401
    refused = login(url, name, PASSWORD, "203.0.113.9")
    assert refused.status_code == 429 and refused.json()["detail"].startswith("登录失败次数过多")
    assert int(refused.headers["retry-after"]) > 0
    started = time.monotonic()
    mine = login(url, name, PASSWORD, "198.51.100.20")  # the clerk, at her office
    assert mine.status_code == 200 and mine.json()["token"]
    assert time.monotonic() - started < MAX_DELAY + 5  # a short delay, never a lock-out


def test_an_account_under_attack_from_many_addresses_slows_down_but_stays_open(proxied):
    url, settings = proxied
    name = clerk(settings, "李科长")
    for i in range(settings.login_max_failures + 3):  # each address stays under its own limit
        assert login(url, name, "guess", f"203.0.113.{i + 20}").status_code == 401
    started = time.monotonic()
    assert login(url, name, "guess again", "203.0.113.99").status_code == 401
    assert time.monotonic() - started >= MAX_DELAY * 0.9  # every further guess waits
    assert login(url, name, PASSWORD, "198.51.100.21").status_code == 200


def test_one_address_spraying_many_accounts_is_stopped(proxied):
    url, settings = proxied
    spray = settings.login_max_failures * auth.CLIENT_FAILURE_FACTOR
    for i in range(spray):
        assert login(url, f"nobody{i}", "guess", "203.0.113.200").status_code == 401
    name = clerk(settings, "赵主任")
    assert login(url, name, PASSWORD, "203.0.113.200").status_code == 429
    assert login(url, name, PASSWORD, "198.51.100.22").status_code == 200


def test_a_forwarded_address_is_believed_only_from_a_trusted_proxy():
    trusted = ("10.0.0.0/8",)
    assert client_address("10.1.2.3", "198.51.100.7", trusted) == "198.51.100.7"
    assert client_address("10.1.2.3", "1.2.3.4, 198.51.100.7, 10.9.9.9", trusted) == "198.51.100.7"
    assert client_address("203.0.113.5", "198.51.100.7", trusted) == "203.0.113.5"  # not our proxy
    assert client_address("10.1.2.3", "not-an-address", trusted) == "10.1.2.3"
    assert client_address("10.1.2.3", "198.51.100.7", ()) == "10.1.2.3"  # no proxy configured


def test_an_untrusted_peer_cannot_pose_as_another_address(live):
    """The shared server trusts no proxy: a forged header changes nothing (the limit stays on 127.0.0.1)."""
    name = live.add_clerk()
    with live.client() as c:
        for i in range(live.settings.login_max_failures):
            r = c.post(
                "/api/login", json={"username": name, "password": "x"}, headers={"X-Forwarded-For": f"9.9.9.{i}"}
            )
            assert r.status_code == 401
        r = c.post("/api/login", json={"username": name, "password": PASSWORD}, headers={"X-Forwarded-For": "9.9.9.99"})
    assert r.status_code == 429


def test_bad_trusted_proxies_are_refused_in_chinese():
    with pytest.raises(ValueError, match="不是有效的地址或网段"):
        Settings(trusted_proxies=("proxy.example",))


@pytest.mark.parametrize(
    ("public_url", "given", "secure"),
    [
        (None, None, False),
        ("http://hz.example.gov.cn", None, False),
        ("https://hz.example.gov.cn", None, True),
        ("https://hz.example.gov.cn", False, False),
        (None, True, True),
    ],
)
def test_cookies_are_secure_when_served_over_https(public_url, given, secure):
    assert Settings(public_url=public_url, cookie_secure=given).cookie_secure is secure


def test_session_and_csrf_cookies_carry_secure_over_https(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", public_url="https://hz.example.gov.cn", workers=1)
    with LiveServer(settings) as server, httpx.Client(base_url=server.url) as c:
        page = c.get("/login")
        assert "secure" in page.headers["set-cookie"].lower()
        token = page.headers["set-cookie"].split(";")[0].split("=", 1)[1]
        name = clerk(settings, "孙科员")
        form = {"username": name, "password": PASSWORD, "next": "/", "csrf_token": token}
        # A client keeps Secure cookies for HTTPS; behind the TLS proxy it would send this one back.
        r = c.post("/login", data=form, headers={"Cookie": f"huizong_csrf={token}"})
    assert r.status_code == 303
    session = [h for h in r.headers.get_list("set-cookie") if h.startswith("huizong_session=")]
    assert session and "secure" in session[0].lower() and "httponly" in session[0].lower()
