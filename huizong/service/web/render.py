"""Rendering a page: the templates, their filters, the CSRF cookie every form needs, no caching."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from huizong.service.campaigns import board
from huizong.service.http.deps import CSRF_COOKIE, services, signer
from huizong.service.security import auth
from huizong.service.settings import MiB

templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))


def _local(request: Request, value: datetime | None, seconds: bool = False) -> str:
    if value is None:
        return ""
    return value.astimezone(services(request).tz).strftime("%Y-%m-%d %H:%M" + (":%S" if seconds else ""))


def _size(n: int) -> str:
    if n >= MiB:
        return f"{n / MiB:.1f} MB"
    return f"{max(1, round(n / 1024))} KB" if n else "0 KB"


templates.env.filters["size"] = _size
templates.env.globals["STATUS_LABELS"] = board.LABELS
templates.env.globals["RETURN_LABELS"] = {
    "queued": "排队等待处理",
    "pending": "识别中",
    "merged": "已识别",
    "superseded": "已被新版替换",
    "failed": "无法读取",
    "unrecognized": "未能识别",
    "refused": "未予接收",
    "returned": "已退回修改",
    "voided": "已作废",
}


def csrf_for(request: Request) -> tuple[str, bool]:
    """The page's CSRF token, and whether it is new (to be set as a cookie)."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if cookie and signer(request).unsign(cookie) is not None:
        return cookie, False
    return auth.new_csrf(signer(request)), True


def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    token, new = csrf_for(request)
    ctx = services(request)
    context = {
        "user": None,
        "csrf_token": token,
        "limits": ctx.settings.limits_text(),
        "local": lambda v, seconds=False: _local(request, v, seconds),
        "form_title": lambda fid: ctx.registry.get(fid).title if fid and fid in ctx.registry else (fid or "—"),
        **context,
    }
    response = templates.TemplateResponse(request, name, context, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    if new:
        response.set_cookie(
            CSRF_COOKIE, token, httponly=True, samesite="strict", secure=ctx.settings.cookie_secure, path="/"
        )
    return response
