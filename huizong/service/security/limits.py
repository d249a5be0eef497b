"""Upload limits, enforced before a byte reaches the disk and explained in Chinese.

The request body is counted as it streams in (a lying or absent Content-Length does not help); each file
is then checked for size and type. Upload bodies are read a few at a time per process (`BodyLimit`'s gate),
which bounds the server's memory; uploads per campaign and per unit link are counted in the database over
a window, so every instance enforces the same numbers.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from datetime import timedelta

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from huizong.service.settings import MiB, Settings
from huizong.service.storage import suffix_of
from huizong.service.store import campaigns as repo
from huizong.service.store.db import Database
from huizong.service.store.models import utcnow

# Small overruns are read and thrown away so the client sees our 413 instead of a reset connection.
DRAIN_MAX = 64 * MiB
FORM_OVERHEAD = 1 * MiB


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"上传内容过大：每次请求不能超过 {_size(limit)}。")


class FileTooLarge(HTTPException):
    def __init__(self, name: str, limit: int) -> None:
        super().__init__(413, f"文件“{name}”过大：单个文件不能超过 {_size(limit)}。")


class WrongType(HTTPException):
    def __init__(self, name: str, settings: Settings) -> None:
        super().__init__(415, f"文件“{name}”的格式不支持。支持的格式：{settings.allowed_text()}。")


class TooManyFiles(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"一次最多上传 {limit} 个文件，请分批上传。")


class TooManyUploads(HTTPException):
    def __init__(self, what: str, limit: int, settings: Settings) -> None:
        wait = settings.upload_window_minutes * 60
        super().__init__(
            429,
            f"{what}上传过于频繁：{settings.upload_window_minutes} 分钟内最多 {limit} 个文件，"
            f"请 {math.ceil(wait / 60)} 分钟后再试。",
            headers={"Retry-After": str(wait)},
        )


def check_upload_rate(db: Database, settings: Settings, campaign_id: int, link_unit_id: int | None) -> None:
    """429 when the campaign, or the unit link the file comes through, had its share of uploads lately."""
    since = utcnow() - timedelta(minutes=settings.upload_window_minutes)
    with db.session() as s:
        link = link_unit_id is not None
        if link and repo.uploads_since(s, campaign_id, since, link_unit_id) >= settings.max_uploads_per_link:
            raise TooManyUploads("通过本单位的上报链接", settings.max_uploads_per_link, settings)
        if repo.uploads_since(s, campaign_id, since) >= settings.max_uploads_per_campaign:
            raise TooManyUploads("本报送任务", settings.max_uploads_per_campaign, settings)


def _size(n: int) -> str:
    return f"{n / MiB:.0f} MB" if n >= MiB else f"{n / 1024:.0f} KB"


def check_file(name: str, size: int, settings: Settings) -> None:
    if suffix_of(name) not in settings.allowed_suffixes:
        raise WrongType(name, settings)
    if size > settings.max_file_bytes:
        raise FileTooLarge(name, settings.max_file_bytes)


class BodyLimit:
    """ASGI middleware: `limit_for(method, path)` bytes at most per request body; bodies bigger than
    `gate_above` are handled at most `concurrent` at a time (the others wait their turn)."""

    def __init__(
        self, app: ASGIApp, limit_for: Callable[[str, str], int], gate_above: int = 0, concurrent: int = 0
    ) -> None:
        self.app, self.limit_for, self.gate_above = app, limit_for, gate_above
        self._gate = asyncio.Semaphore(concurrent) if concurrent else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["method"], scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            if declared <= limit + DRAIN_MAX:
                await _drain(receive, DRAIN_MAX)
            await _refuse(scope, receive, send, BodyTooLarge(limit))
            return
        if self._gate is None or limit <= self.gate_above:
            await self.app(scope, _counting(receive, limit), send)
            return
        async with self._gate:
            await self.app(scope, _counting(receive, limit), send)


def _counting(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                if message.get("more_body"):
                    await _drain(receive, DRAIN_MAX)
                raise BodyTooLarge(limit)
        return message

    return counted


async def _drain(receive: Receive, at_most: int) -> None:
    seen = 0
    while seen <= at_most:
        message = await receive()
        seen += len(message.get("body", b""))
        if message["type"] != "http.request" or not message.get("more_body"):
            return


async def _refuse(scope: Scope, receive: Receive, send: Send, exc: HTTPException) -> None:
    from starlette.requests import Request

    from huizong.service.http.errors import render_http_error

    response = render_http_error(Request(scope, receive), exc)
    await response(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    value = Headers(scope=scope).get("content-length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
