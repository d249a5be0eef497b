"""Object storage against a real S3-compatible server on loopback (moto): byte for byte under SHA-256,
one copy per content, generated files replaced and forgotten, and a clear message when it is out of reach."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator

import pytest

from huizong.service.extras import MissingExtra, require
from huizong.service.settings import Settings
from huizong.service.storage import open_storage
from huizong.service.storage.s3 import ObjectStore, StorageUnavailable
from huizong.service.testing_scale import make_bucket, s3_server

BUCKET = "huizong-storage-test"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ObjectStore]:
    with s3_server(tmp_path_factory.mktemp("s3")) as aws, pytest.MonkeyPatch.context() as mp:
        for key, value in aws.items():
            mp.setenv(key, value)
        make_bucket(aws, BUCKET)
        found = open_storage(Settings(storage_url=f"s3://{BUCKET}/city/2024"))
        assert isinstance(found, ObjectStore)
        found.check()
        yield found


def test_originals_are_kept_byte_for_byte_under_their_hash(store):
    data = os.urandom(300_000) + b"\x00\r\n"
    digest = store.put(data)
    assert digest == hashlib.sha256(data).hexdigest()
    assert store.read(digest) == data
    assert b"".join(store.original(digest).chunks()) == data and store.original(digest).path is None
    key = f"city/2024/originals/{digest[:2]}/{digest[2:4]}/{digest}"
    assert store.client.head_object(Bucket=BUCKET, Key=key)["ContentLength"] == len(data)


def test_the_same_bytes_are_stored_once(store):
    data = b"same bytes"
    first = store.put(data)
    before = store.client.head_object(Bucket=BUCKET, Key=f"city/2024/originals/{first[:2]}/{first[2:4]}/{first}")
    assert store.put(data) == first
    after = store.client.head_object(Bucket=BUCKET, Key=f"city/2024/originals/{first[:2]}/{first[2:4]}/{first}")
    assert after["LastModified"] == before["LastModified"]  # no second write


def test_generated_files_are_cached_and_older_versions_forgotten(store):
    assert not store.has_cache("campaign-7-consolidated-aaa.xlsx")
    store.put_cache("campaign-7-consolidated-aaa.xlsx", b"old")
    store.put_cache("campaign-7-consolidated-aaa.json", b"other kind")
    store.put_cache("campaign-7-consolidated-bbb.xlsx", b"new")
    store.forget_cache("campaign-7-consolidated-", ".xlsx", "campaign-7-consolidated-bbb.xlsx")
    assert not store.has_cache("campaign-7-consolidated-aaa.xlsx")
    assert store.has_cache("campaign-7-consolidated-aaa.json")
    assert b"".join(store.cached("campaign-7-consolidated-bbb.xlsx").chunks()) == b"new"
    with pytest.raises(ValueError):
        store.put_cache("../escape", b"x")


def test_a_missing_bucket_is_said_in_chinese(store, monkeypatch):
    with pytest.raises(StorageUnavailable, match="无法访问对象存储桶“no-such-bucket”"):
        ObjectStore("s3://no-such-bucket/x").check()
    with pytest.raises(StorageUnavailable, match="应为 s3://存储桶/前缀"):
        ObjectStore("https://example/x")


def test_a_missing_extra_names_the_package_to_install():
    with pytest.raises(MissingExtra, match=r"请安装 huizong\[scale\]"):
        require("huizong_no_such_module", "对象存储（S3）")
