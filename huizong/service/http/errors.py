"""Errors as a clerk or a client sees them: JSON `{"detail": "…"}` for the API, a Chinese page for browsers."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, RedirectResponse, Response

log = logging.getLogger("huizong.service")

_TITLES = {
    400: "请求有误",
    401: "需要登录",
    403: "无权操作",
    404: "找不到页面",
    405: "不支持的操作",
    413: "文件过大",
    415: "格式不支持",
    409: "无需生成",
    422: "内容有误",
    429: "操作过于频繁",
    500: "系统出错",
}
_DEFAULTS = {404: "您要找的内容不存在或已被删除。", 405: "该地址不支持这种操作。", 500: "系统内部出错，请稍后再试。"}


class LoginRequired(Exception):
    """A page needs a signed-in clerk: send the browser to the login page and back."""

    def __init__(self, next_url: str) -> None:
        self.next_url = next_url


def wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api/"):
        return False
    return "text/html" in request.headers.get("accept", "")


def message_of(exc: HTTPException) -> str:
    detail = exc.detail
    if isinstance(detail, str) and detail and not detail.isascii():
        return detail
    return _DEFAULTS.get(exc.status_code, _TITLES.get(exc.status_code, "请求未能完成。"))


def render_http_error(request: Request, exc: HTTPException) -> Response:
    message = message_of(exc)
    headers = dict(exc.headers or {})
    if not wants_html(request):
        return JSONResponse({"detail": message}, status_code=exc.status_code, headers=headers)
    from huizong.service.web.render import templates

    context = {"title": _TITLES.get(exc.status_code, "出错了"), "message": message, "user": None}
    return templates.TemplateResponse(request, "error.html", context, status_code=exc.status_code, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return render_http_error(request, exc)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = "；".join(_describe(e) for e in exc.errors())
    message = f"请求内容有误：{problems}" if problems else "请求内容有误。"
    if wants_html(request):
        return render_http_error(request, HTTPException(422, message))
    errors = [{k: e.get(k) for k in ("loc", "msg", "type")} for e in exc.errors()]
    return JSONResponse({"detail": message, "errors": errors}, status_code=422)


def _describe(error: dict) -> str:
    where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path"))
    if error.get("type") == "missing":
        return f"缺少 {where}"
    return f"{where} 不符合要求（{error.get('msg', '')}）"


async def _login_required(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LoginRequired)
    from urllib.parse import quote

    return RedirectResponse(f"/login?next={quote(exc.next_url, safe='/')}", status_code=303)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return render_http_error(request, HTTPException(500))


def install(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(Exception, _unexpected)
