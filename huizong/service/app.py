"""The FastAPI application: open the store, start the job workers, mount the API and the pages."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from huizong import __version__
from huizong.service import api, web
from huizong.service.campaigns import intake
from huizong.service.context import Services, open_services
from huizong.service.http import errors
from huizong.service.jobs import Jobs, LocalJobs, budgets
from huizong.service.security import auth
from huizong.service.security.limits import FORM_OVERHEAD, BodyLimit
from huizong.service.settings import Settings
from huizong.service.store import campaigns as repo

log = logging.getLogger("huizong.service")
SMALL_BODY = 64 * 1024  # logins, campaign forms: nothing legitimate is bigger


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        ctx = start_services(settings)
        app.state.services = ctx
        app.state.signer = auth.Signer(auth.signing_key(settings, ctx.db))
        try:
            yield
        finally:
            ctx.close()

    app = FastAPI(
        title="huizong 报表汇总服务",
        version=__version__,
        description="报送任务、报表上传、报送情况、汇总与公文下载。除登录外，/api 下的接口均需 Bearer 令牌。",
        lifespan=lifespan,
    )
    errors.install(app)
    app.include_router(api.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=web.STATIC), name="static")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(
        BodyLimit,
        limit_for=lambda method, path: body_limit(settings, method, path),
        gate_above=SMALL_BODY,
        concurrent=settings.max_concurrent_uploads,
    )
    if settings.storage_url:
        keep_uploads_in_memory(settings)
    return app


def keep_uploads_in_memory(settings: Settings) -> None:
    """With object storage no upload touches the instance's disk: multipart parts stay in memory (bounded by
    the body limit times the upload gate) instead of spilling to a temporary file."""
    from starlette.formparsers import MultiPartParser

    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, settings.max_request_bytes + FORM_OVERHEAD)


def start_services(settings: Settings) -> Services:
    ctx = open_services(settings)
    check = getattr(ctx.files, "check", None)
    if check is not None:
        check()  # an unreachable bucket stops the start, with the reason, not the first upload
    ctx.jobs = open_jobs(settings, ctx)
    if isinstance(ctx.jobs, LocalJobs):
        resume_pending(ctx)
    return ctx


def open_jobs(settings: Settings, ctx: Services) -> Jobs:
    if settings.queue_url:
        from huizong.service.jobs.redis_queue import from_settings

        return from_settings(settings)
    return LocalJobs(
        "huizong.service.context:worker_services",
        settings.model_dump_json(),
        workers=settings.workers,
        budgets=budgets(settings),
        failure_context=ctx,
    )


def resume_pending(ctx: Services) -> None:
    """Returns stored before a restart and never parsed: parse them now (the queue keeps its own)."""
    assert ctx.jobs is not None
    with ctx.db.session() as s:
        pending = repo.pending_returns(s)
    for return_id, lane in pending:
        ctx.jobs.submit(intake.parse_return, return_id, lane=lane or "heavy")  # type: ignore[arg-type]
    if pending:
        log.info("resuming %d pending returns", len(pending))


def body_limit(settings: Settings, method: str, path: str) -> int:
    if method != "POST":
        return SMALL_BODY
    if path.endswith("/upload"):  # the clerk's page: many files at once
        return settings.max_request_bytes
    if path.endswith("/returns") or path.startswith("/u/"):
        return settings.max_file_bytes + FORM_OVERHEAD
    return SMALL_BODY


class SecurityHeaders:
    """Stored uploads are served as attachments and never sniffed; upload links never leak as a Referer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"] in ("/docs", "/redoc")  # Swagger UI loads its scripts from a CDN

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                if not docs:
                    headers.append((b"content-security-policy", b"default-src 'self'; img-src 'self' data:"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
