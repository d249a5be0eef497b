"""A unit's private upload link: its page (GET) and its upload (POST, JSON for scripts, a page for browsers).

The link's token is the only credential, so no login and no CSRF token: a forged form could only send a
file to the unit's own inbox, which the unit's clerk would see on this very page.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import Response

from huizong.service.api.returns import take
from huizong.service.campaigns import uploads, views
from huizong.service.campaigns.links import unit_of
from huizong.service.http.deps import client_of, read_form, services
from huizong.service.http.errors import wants_html
from huizong.service.security.audit import Actor
from huizong.service.web.render import page
from huizong.service.web.returns import store_all

router = APIRouter()


@router.get("/u/{token}")
async def link_page(token: str, request: Request) -> Response:
    return await _render(request, token, [], [])


@router.post("/u/{token}")
async def link_upload(token: str, request: Request) -> Response:
    ctx = services(request)
    unit = await run_in_threadpool(unit_of, ctx, token)
    form = await read_form(request)
    files = [f for f in form.getlist("file") if isinstance(f, UploadFile) and (f.filename or f.size)]
    if not files:
        raise HTTPException(422, "请选择要上传的文件（表单字段 file）。")
    sender = uploads.Sender(Actor.unit(unit.name, client_of(request)), None, "link", unit.id)
    if wants_html(request):
        stored, rejected = await store_all(ctx, unit.campaign_id, files, sender)
        return await _render(request, token, stored, rejected)
    if len(files) > 1:
        raise HTTPException(422, "每次请求只能上传一个文件（表单字段 file）。")
    return await take(ctx, unit.campaign_id, files[0], sender)


async def _render(request: Request, token: str, stored: list[int], rejected: list[tuple[str, str]]) -> Response:
    ctx = services(request)
    unit = await run_in_threadpool(unit_of, ctx, token)
    snap = await run_in_threadpool(views.load, ctx, unit.campaign_id)
    row = next(r for r in snap.board.rows if r.unit.id == unit.id)
    mine = [views.summary(snap, r) for r in row.returns]
    # The unit sees what is wrong with the files that count, to correct them before the clerk asks.
    current = [r.id for r in mine if r.current]
    parsed = await run_in_threadpool(views.parsed_of, ctx, current)
    issues = {rid: data.get("issues", []) for rid, data in parsed.items()}
    context = {
        "b": snap.board,
        "unit": unit,
        "row": row,
        "mine": mine,
        "issues": issues,
        "just_stored": set(stored),
        "rejected": rejected,
        "pending": any(r.status in ("pending", "queued") for r in mine),
        "accept": ",".join(ctx.settings.allowed_suffixes),
    }
    return page(request, "link.html", context)
