"""`huizong user add` and `huizong serve` as an administrator runs them: real subprocesses."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest
from service_live import BACKENDS, backend_settings

from huizong.service.security import auth
from huizong.service.store.db import Database

HUIZONG = str(Path(sys.executable).with_name("huizong"))


def huizong(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([HUIZONG, *args], input=stdin, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("backend", BACKENDS)
def test_user_add_stores_a_hash_in_the_store_serve_uses(tmp_path, backend):
    with ExitStack() as stack:
        settings = backend_settings(backend, tmp_path / "data", stack)
        where = ["--data", str(settings.data_dir)] + (
            ["--database", settings.database_url] if settings.database_url else []
        )
        added = huizong("user", "add", "李华", "--password-stdin", *where, stdin="s3cret-password\n")
        assert added.returncode == 0, added.stderr
        assert added.stdout.strip() == "已新增账号：李华（本局，管理员）"  # the office's first account
        again = huizong("user", "add", "李华", "--password-stdin", *where, stdin="another-password\n")
        assert again.stdout.strip() == "已重设密码：李华（本局，管理员）"
        city = ["--office", "鄂尔多斯市市场监督管理局"]
        viewer = huizong("user", "add", "王芳", "--role", "viewer", *city, "--password-stdin", *where, stdin="x" * 9)
        assert viewer.stdout.strip() == "已新增账号：王芳（鄂尔多斯市市场监督管理局，查看者）", viewer.stderr
        first = huizong("user", "add", "赵强", *city, "--password-stdin", *where, stdin="y" * 9)
        assert first.stdout.strip() == "已新增账号：赵强（鄂尔多斯市市场监督管理局，管理员）"  # none there yet
        bad = huizong("user", "add", "钱", "--role", "boss", "--password-stdin", *where, stdin="z" * 9)
        assert bad.returncode == 2 and "boss" in bad.stderr
        db = Database(settings.resolved_database_url())
        try:
            user = auth.login(db, settings, "李华", "another-password", "test")
            assert user.password_hash.startswith("$argon2") and "another-password" not in user.password_hash
            assert auth.login(db, settings, "王芳", "x" * 9, "test").role == "viewer"
        finally:
            db.close()


def test_user_add_refuses_short_passwords_and_needs_stdin(tmp_path):
    short = huizong("user", "add", "a", "--password-stdin", "--data", str(tmp_path), stdin="short\n")
    assert short.returncode == 2 and "密码至少 8 个字符" in short.stderr
    missing = huizong("user", "add", "a", "--data", str(tmp_path))
    assert missing.returncode == 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_starts_with_nothing_installed(tmp_path):
    port = free_port()
    data = tmp_path / "huizong-data"
    public = "https://hz.example.gov.cn/huizong/"
    command = [HUIZONG, "serve", "--port", str(port), "--data", str(data), "--workers", "1", "--public-url", public]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/login", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and "登录" in r.text
        assert (data / "huizong.sqlite3").is_file() and (data / "originals").is_dir()
        assert (
            huizong(
                "user", "add", "李科员", "--password-stdin", "--data", str(data), stdin="秘密口令12345\n"
            ).returncode
            == 0
        )
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as api:
            token = api.post("/api/login", json={"username": "李科员", "password": "秘密口令12345"}).json()["token"]
            body = {"title": "对外地址", "forms": ["institution-roster"], "units": ["东胜区"], "deadline": "2099-12-31"}
            created = api.post("/api/campaigns", json=body, headers={"Authorization": f"Bearer {token}"}).json()
        # Every unit link starts with the public address, never with the address the server listens on.
        assert created["units"][0]["upload_url"].startswith("https://hz.example.gov.cn/huizong/u/")
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def test_serve_refuses_a_public_url_that_is_no_web_address(tmp_path):
    out = huizong("serve", "--data", str(tmp_path / "d"), "--public-url", "hz.example.gov.cn")
    assert out.returncode == 2 and "对外访问地址" in out.stderr and "https://" in out.stderr
