"""Signing in and out of the pages: a session cookie signed with the server's key, backed by the store."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from huizong.service.api.session import login_and_audit
from huizong.service.campaigns import actions
from huizong.service.http.deps import SESSION_COOKIE, Csrf, client_of, optional_page_user, read_form, services, signer
from huizong.service.security import auth
from huizong.service.security.audit import Actor
from huizong.service.web.render import page

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Only a path on this site: `//evil.example` or `https://…` would make the login page an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/login")
def login_page(request: Request, next: str = "/", changed: bool = False) -> Response:
    if optional_page_user(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    context = {"next": safe_next(next), "error": None, "username": "", "changed": changed}
    return page(request, "login.html", context)


@router.post("/login", dependencies=[Csrf])
async def login(request: Request) -> Response:
    form = await read_form(request)
    username, password = str(form.get("username") or "").strip(), str(form.get("password") or "")
    target = safe_next(str(form.get("next") or "/"))
    if not username or not password:
        context = {"next": target, "error": "请输入用户名和密码。", "username": username}
        return page(request, "login.html", context, status=422)
    try:
        await auth.pause_before_login(services(request).db, services(request).settings, username)
        user = await run_in_threadpool(login_and_audit, request, username[:64], password[:1024])
    except HTTPException as exc:
        context = {"next": target, "error": exc.detail, "username": username}
        return page(request, "login.html", context, status=exc.status_code)
    ctx = services(request)
    token = await run_in_threadpool(auth.issue_token, ctx.db, ctx.settings, user, "session")
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        signer(request).sign(token),
        max_age=ctx.settings.session_ttl_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=ctx.settings.cookie_secure,
        path="/",
    )
    return response


@router.post("/logout", dependencies=[Csrf])
def logout(request: Request) -> Response:
    ctx = services(request)
    token = signer(request).unsign(request.cookies.get(SESSION_COOKIE))
    user = optional_page_user(request)
    if token:
        auth.revoke_token(ctx.db, token)
    if user is not None:
        actions.record(ctx, Actor.clerk(user.username, client_of(request)), "logout")
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
