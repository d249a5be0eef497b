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
    problems = "；".join(dict.fromkeys(describe(e) for e in exc.errors()))  # a path part checked twice, said once
    message = f"请求内容有误：{problems}" if problems else "请求内容有误。"
    if wants_html(request):
        return render_http_error(request, HTTPException(422, message))
    errors = [{k: e.get(k) for k in ("loc", "msg", "type")} for e in exc.errors()]
    return JSONResponse({"detail": message, "errors": errors}, status_code=422)


# What a request's parts are called, for a clerk or a script's author reading the message.
NAMES = {
    "campaign_id": "任务编号",
    "return_id": "文件编号",
    "title": "任务名称",
    "forms": "报表",
    "units": "应报单位",
    "deadline": "截止日期",
    "issuer": "发文机关",
    "contact": "联系人",
    "username": "用户名",
    "password": "密码",
    "unit": "单位",
    "form": "报表",
    "reason": "原因",
    "note": "退回说明",
    "aliases": "单位别名",
    "ids": "文件编号",
}
# pydantic's error types in words; its English `msg` never reaches a reader.
REASONS = {
    "missing": "必须填写",
    "too_short": "不能为空",
    "string_too_short": "不能为空",
    "too_long": "项目过多",
    "string_too_long": "过长",
    "string_type": "应为文字",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "bool_parsing": "应为是或否",
    "date_from_datetime_parsing": "不是有效日期（应为 YYYY-MM-DD）",
    "date_parsing": "不是有效日期（应为 YYYY-MM-DD）",
    "date_type": "不是有效日期（应为 YYYY-MM-DD）",
    "list_type": "应为列表",
    "dict_type": "应为对象",
    "model_attributes_type": "应为对象",
    "json_invalid": "不是有效的 JSON",
    "json_type": "不是有效的 JSON",
    "literal_error": "不是可选的值",
    "enum": "不是可选的值",
    "greater_than": "过小",
    "greater_than_equal": "过小",
    "less_than": "过大",
    "less_than_equal": "过大",
    "extra_forbidden": "不是可接受的项",
}


def describe(error: dict) -> str:
    """One pydantic error in Chinese: the part by its name, then what is wrong with it."""
    parts = [p for p in error.get("loc", ()) if p not in ("body", "query", "path", "form")]
    names = [NAMES.get(str(p), str(p)) if not isinstance(p, int) else f"第{p + 1}项" for p in parts]
    reason = error.get("ctx", {}).get("error") if isinstance(error.get("ctx"), dict) else None
    if not (isinstance(reason, str | ValueError) and not str(reason).isascii()):
        reason = REASONS.get(str(error.get("type")), "不符合要求")
    return f"{''.join(names) or '请求'}{reason}"


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
