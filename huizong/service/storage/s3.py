"""Originals and generated files in S3-compatible object storage (MinIO, Ceph, Alibaba OSS, AWS).

`HUIZONG_STORAGE_URL=s3://bucket/prefix`; the endpoint and keys come from the standard `AWS_ENDPOINT_URL`,
`AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (and `AWS_DEFAULT_REGION`), which boto3 reads itself.
Objects are written in one PUT (atomic: a reader sees the old object or the whole new one) and streamed
back; nothing passes through an instance's disk.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from forms.errors import HuizongError
from huizong.service.extras import require
from huizong.service.storage.base import CHUNK, Blob, check_key, original_name, sha256


class StorageUnavailable(HuizongError):
    pass


def parse_url(url: str) -> tuple[str, str]:
    """(bucket, prefix) of `s3://bucket/prefix`."""
    parts = urlparse(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise StorageUnavailable(f"存储地址“{url}”有误，应为 s3://存储桶/前缀 的形式。")
    return parts.netloc, parts.path.strip("/")


class ObjectStore:
    def __init__(self, url: str) -> None:
        self.bucket, self.prefix = parse_url(url)
        self._boto3 = require("boto3", "对象存储（S3）")
        from botocore.exceptions import BotoCoreError, ClientError

        self._errors: tuple[type[Exception], ...] = (ClientError, BotoCoreError)
        self._client: Any = None
        self._pid = 0

    @property
    def client(self) -> Any:
        """One client per process: a job's child never reuses its parent's open connections."""
        if self._client is None or self._pid != os.getpid():
            from botocore.config import Config

            config = Config(retries={"max_attempts": 5, "mode": "standard"})
            self._client, self._pid = self._boto3.client("s3", config=config), os.getpid()
        return self._client

    def _key(self, name: str) -> str:
        return f"{self.prefix}/{name}" if self.prefix else name

    def put(self, data: bytes) -> str:
        digest = sha256(data)
        key = self._key(original_name(digest))
        if not self._exists(key):  # same bytes, same name: a second upload writes nothing
            self.client.put_object(Bucket=self.bucket, Key=key, Body=data)
        return digest

    def read(self, digest: str) -> bytes:
        return self._get(self._key(original_name(digest))).read()

    def original(self, digest: str) -> Blob:
        key = self._key(original_name(digest))
        return Blob(None, lambda: self._chunks(key))

    def has_cache(self, key: str) -> bool:
        return self._exists(self._key(f"cache/{check_key(key)}"))

    def put_cache(self, key: str, data: bytes) -> None:
        self.client.put_object(Bucket=self.bucket, Key=self._key(f"cache/{check_key(key)}"), Body=data)

    def cached(self, key: str) -> Blob:
        name = self._key(f"cache/{check_key(key)}")
        return Blob(None, lambda: self._chunks(name))

    def forget_cache(self, prefix: str, suffix: str, keep: str) -> None:
        start = self._key(f"cache/{check_key(prefix)}")
        kept = self._key(f"cache/{keep}")
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=start)
        for page in pages:
            for obj in page.get("Contents", []):
                if obj["Key"].endswith(suffix) and obj["Key"] != kept:
                    self.client.delete_object(Bucket=self.bucket, Key=obj["Key"])

    def check(self) -> None:
        """Fail at start-up, in Chinese, when the bucket cannot be reached."""
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except self._errors as exc:
            raise StorageUnavailable(f"无法访问对象存储桶“{self.bucket}”：{exc}") from None

    def _exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=key)
        except self._errors as exc:
            if _status(exc) == 404:
                return False
            raise
        return True

    def _get(self, key: str) -> Any:
        return self.client.get_object(Bucket=self.bucket, Key=key)["Body"]

    def _chunks(self, key: str) -> Iterator[bytes]:
        body = self._get(key)
        try:
            yield from body.iter_chunks(CHUNK)
        finally:
            body.close()


def _status(exc: Exception) -> int | None:
    response = getattr(exc, "response", None) or {}
    return response.get("ResponseMetadata", {}).get("HTTPStatusCode")
