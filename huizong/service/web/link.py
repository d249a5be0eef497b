"""A unit's private upload link: its page (GET) and its upload (POST, JSON for scripts, a page for browsers).

The link's token is the only credential, so no login and no CSRF token: a forged form could only send a
file to the unit's own inbox, which the unit's clerk would see on this very page.
"""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from huizong.service.api.returns import take
from huizong.service.campaigns import board as boards
from huizong.service.campaigns import outputs, uploads, views
from huizong.service.campaigns.links import unit_of
from huizong.service.http import downloads
from huizong.service.http.deps import client_of, read_form, services
from huizong.service.http.errors import wants_html
from huizong.service.security.audit import Actor
from huizong.service.store.models import StoredReturn
from huizong.service.web import notes as notes_
from huizong.service.web.render import page
from huizong.service.web.returns import store_all

router = APIRouter()


@router.get("/u/{token}")
async def link_page(token: str, request: Request, fresh: str = "", notes: str = "") -> Response:
    stored = [int(x) for x in fresh.split(",") if x.isdigit()][:1000]
    dismiss = notes_.address(f"/u/{token}", request, [], fresh=fresh)
    return await _render(request, token, stored, notes_.unpack(request, notes), dismiss)


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
        # Post/redirect/get, as on the clerk's upload: the refusals stay through the page's refreshes.
        target = notes_.address(f"/u/{token}", request, rejected, fresh=",".join(map(str, stored)))
        return RedirectResponse(target, status_code=303)
    if len(files) > 1:
        raise HTTPException(422, "每次请求只能上传一个文件（表单字段 file）。")
    return await take(ctx, unit.campaign_id, files[0], sender)


@router.get("/u/{token}/templates/{form_id}.xlsx")
async def blank_template(token: str, form_id: str, request: Request) -> Response:
    """The blank form of the campaign, as the district fills it in."""
    ctx = services(request)
    unit = await run_in_threadpool(unit_of, ctx, token)
    snap = await run_in_threadpool(views.load, ctx, unit.campaign_id)
    if form_id not in snap.board.campaign.forms or form_id not in ctx.registry:
        raise HTTPException(404, "本次任务没有这张报表。")
    key = await run_in_threadpool(outputs.build_template, ctx, form_id)
    return downloads.send_file(ctx.files.cached(key), f"{ctx.registry.get(form_id).title}.xlsx")


@router.get("/u/{token}/returns/{return_id}/annotated.xlsx")
async def own_annotated(token: str, return_id: int, request: Request) -> Response:
    """The unit's own return with its problems marked, to correct and send again."""
    ctx = services(request)
    unit = await run_in_threadpool(unit_of, ctx, token)
    snap = await run_in_threadpool(views.load, ctx, unit.campaign_id)
    row = next((r for r in _own_returns(snap, unit.id) if r.id == return_id), None)
    if row is None:
        raise HTTPException(404, "找不到本单位的这份文件。")
    return await downloads.annotated(ctx, return_id, Actor.unit(unit.name, client_of(request)))


def _own_returns(snap: views.Snapshot, unit_id: int) -> list[StoredReturn]:
    row = next(r for r in snap.board.rows if r.unit.id == unit_id)
    return row.returns


async def _render(
    request: Request, token: str, stored: list[int], rejected: notes_.Rejected, dismiss_url: str
) -> Response:
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
        "token": token,
        "row": row,
        "mine": mine,
        "issues": issues,
        "just_stored": set(stored),
        "rejected": rejected,
        "dismiss_url": dismiss_url,
        "pending": any(r.status in ("pending", "queued") for r in mine),
        "overdue": datetime.now(ctx.tz) >= boards.deadline_end(snap.board.campaign.deadline, ctx.tz),
        "accept": ",".join(ctx.settings.allowed_suffixes),
    }
    return page(request, "link.html", context)
