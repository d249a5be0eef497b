"""POST /api/login: a bearer token for a clerk's name and password."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from huizong.service.api.schemas import LoginIn, TokenOut
from huizong.service.http.deps import client_of, services
from huizong.service.security import audit, auth
from huizong.service.store.models import User, utcnow

router = APIRouter(tags=["登录"])


def login_and_audit(request: Request, username: str, password: str) -> User:
    """Check the password under the rate limit and log the attempt either way."""
    ctx, client = services(request), client_of(request)
    try:
        user = auth.login(ctx.db, ctx.settings, username, password, client)
    except auth.LoginRefused as exc:
        with ctx.db.session() as s:
            audit.record(s, audit.Actor.clerk(username[:64], client), "login-failed", detail=exc.message)
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
        raise HTTPException(exc.status, exc.message, headers=headers) from None
    with ctx.db.session() as s:
        audit.record(s, audit.Actor.clerk(user.username, client), "login")
    return user


@router.post("/login", response_model=TokenOut, summary="登录，取得访问令牌")
async def login(body: LoginIn, request: Request) -> TokenOut:
    ctx = services(request)
    await auth.pause_before_login(ctx.db, ctx.settings, body.username)
    user = await run_in_threadpool(login_and_audit, request, body.username, body.password)
    token = await run_in_threadpool(auth.issue_token, ctx.db, ctx.settings, user, "api")
    return TokenOut(token=token, expires_at=utcnow() + timedelta(hours=ctx.settings.token_ttl_hours))
