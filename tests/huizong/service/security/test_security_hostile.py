"""Hostile uploads: bombs, path tricks, disguised types, oversize. Nothing may crash the server, leak a file
or write outside the data folder."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from service_live import new_campaign
from service_samples import entity_bomb_xlsx, zip_bomb_xlsx

MiB = 1024 * 1024


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def upload(api, campaign_id: int, name: str, data: bytes, **kw):
    return api.post(f"/api/campaigns/{campaign_id}/returns", files={"file": (name, data)}, **kw)


def multipart(name: str, payload_size: int) -> tuple[bytes, bytes]:
    boundary = b"hzboundary"
    head = (
        b"--" + boundary + b'\r\nContent-Disposition: form-data; name="file"; filename="' + name.encode() + b'"\r\n\r\n'
    )
    return head + b"0" * payload_size + b"\r\n--" + boundary + b"--\r\n", b"multipart/form-data; boundary=" + boundary


@pytest.mark.parametrize(
    "name",
    [
        "../../../../../../tmp/evil.xlsx",
        "..\\..\\..\\evil.xlsx",
        "/etc/cron.d/evil.xlsx",
        "evil\x00.xlsx",
        "~/.bashrc.xlsx",
    ],
)
def test_path_tricks_in_names_stay_labels(live, api, name):
    campaign = new_campaign(api, ["东胜区"])
    data_dir = live.settings.data_dir.resolve()
    outside_before = files_under(data_dir.parent) - files_under(data_dir)
    r = upload(api, campaign["id"], name, b"payload " + os.urandom(8))
    assert r.status_code == 201, r.text
    stored = r.json()
    assert "/" not in stored["filename"] and "\\" not in stored["filename"] and ".." not in stored["filename"]
    assert "\x00" not in stored["filename"]
    assert files_under(data_dir.parent) - files_under(data_dir) == outside_before
    path = data_dir / "originals" / stored["sha256"][:2] / stored["sha256"][2:4] / stored["sha256"]
    assert path.is_file()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("报表.xlsx", b"MZ\x90\x00\x03" + b"\x00" * 200),  # a Windows program
        ("报表.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),  # a PDF posing as a workbook
        ("报表.pdf", b"<html><script>alert(1)</script></html>"),
        ("报表.docx", b""),
        ("报表.xls", os.urandom(4096)),
    ],
)
def test_disguised_and_broken_files_fail_cleanly(api, name, data):
    campaign = new_campaign(api, ["东胜区"])
    r = upload(api, campaign["id"], name, data)
    assert r.status_code == 201, r.text
    assert r.json()["status"] in ("failed", "unrecognized")
    original = api.get(f"/api/returns/{r.json()['id']}/original")
    assert original.content == data
    assert original.headers["content-disposition"].startswith("attachment;")
    assert original.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("bomb", [zip_bomb_xlsx, entity_bomb_xlsx], ids=["zip-bomb", "entity-bomb"])
def test_bombs_do_not_take_the_server_down(api, bomb):
    campaign = new_campaign(api, ["东胜区"])
    r = upload(api, campaign["id"], "东胜区.xlsx", bomb())
    assert r.status_code == 201, r.text
    assert r.json()["status"] in ("failed", "unrecognized")
    assert r.json()["issues"][0]["message"]
    assert api.get(f"/api/campaigns/{campaign['id']}").status_code == 200
    ok = upload(api, campaign["id"], "next.xlsx", b"still working")
    assert ok.status_code == 201


def test_wrong_type_is_415_and_not_stored(live, api):
    campaign = new_campaign(api, ["东胜区"])
    before = files_under(live.settings.data_dir / "originals")
    r = upload(api, campaign["id"], "setup.exe", b"MZ")
    assert r.status_code == 415
    assert r.json()["detail"].startswith("文件“setup.exe”的格式不支持。支持的格式：xlsx")
    assert files_under(live.settings.data_dir / "originals") == before
    assert api.get(f"/api/campaigns/{campaign['id']}").json()["unplaced"] == []


def test_a_file_over_the_limit_is_413(live, api):
    campaign = new_campaign(api, ["东胜区"])
    limit = live.settings.max_file_bytes
    r = upload(api, campaign["id"], "big.xlsx", b"0" * (limit + 1))
    assert r.status_code == 413
    assert r.json()["detail"] == f"文件“big.xlsx”过大：单个文件不能超过 {limit // MiB} MB。"


def test_a_body_over_the_limit_is_413_before_it_is_read(live, api):
    campaign = new_campaign(api, ["东胜区"])
    originals = live.settings.data_dir / "originals"
    before = files_under(originals)
    body, ctype = multipart("big.xlsx", live.settings.max_file_bytes + 2 * MiB)
    r = api.post(f"/api/campaigns/{campaign['id']}/returns", content=body, headers={"content-type": ctype.decode()})
    assert r.status_code == 413 and r.json()["detail"].startswith("上传内容过大")
    assert files_under(originals) == before


def test_a_chunked_body_without_length_is_counted(live, api):
    campaign = new_campaign(api, ["东胜区"])
    body, ctype = multipart("big.xlsx", live.settings.max_file_bytes + 2 * MiB)

    def chunks():
        for i in range(0, len(body), 256 * 1024):
            yield body[i : i + 256 * 1024]

    r = api.post(f"/api/campaigns/{campaign['id']}/returns", content=chunks(), headers={"content-type": ctype.decode()})
    assert r.status_code == 413 and r.json()["detail"].startswith("上传内容过大")


def test_small_routes_refuse_big_bodies(live):
    with live.client() as c:
        r = c.post(
            "/api/login", content=b"{" + b" " * (1024 * 1024) + b"}", headers={"content-type": "application/json"}
        )
    assert r.status_code == 413


def test_hashes_are_of_the_exact_bytes(api):
    campaign = new_campaign(api, ["东胜区"])
    data = os.urandom(100_000)
    r = upload(api, campaign["id"], "rand.pdf", data)
    assert r.json()["sha256"] == hashlib.sha256(data).hexdigest()
