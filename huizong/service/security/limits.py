"""Upload limits, enforced before a byte reaches the disk and explained in Chinese.

The request body is counted as it streams in (a lying or absent Content-Length does not help); each file
is then checked for size and type.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from huizong.service.settings import MiB, Settings
from huizong.service.storage import suffix_of

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


def _size(n: int) -> str:
    return f"{n / MiB:.0f} MB" if n >= MiB else f"{n / 1024:.0f} KB"


def check_file(name: str, size: int, settings: Settings) -> None:
    if suffix_of(name) not in settings.allowed_suffixes:
        raise WrongType(name, settings)
    if size > settings.max_file_bytes:
        raise FileTooLarge(name, settings.max_file_bytes)


class BodyLimit:
    """ASGI middleware: `limit_for(method, path)` bytes at most per request body."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str, str], int]) -> None:
        self.app, self.limit_for = app, limit_for

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
