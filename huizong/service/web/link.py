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

from forms.model import FormDef
from huizong.service.api.returns import take
from huizong.service.campaigns import board as boards
from huizong.service.campaigns import catalogue, links, outputs, uploads
from huizong.service.campaigns.links import unit_of
from huizong.service.context import Services
from huizong.service.http import downloads
from huizong.service.http.deps import client_of, read_form, services
from huizong.service.http.errors import wants_html
from huizong.service.security.audit import Actor
from huizong.service.store import campaigns as repo
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
    """The blank form of the campaign, as the district fills it in (an office's own forms too)."""
    ctx = services(request)
    form = await run_in_threadpool(_campaign_form, ctx, token, form_id)
    key = await run_in_threadpool(outputs.build_template, ctx, form)
    return downloads.send_file(ctx.files.cached(key), f"{form.title}.xlsx")


def _campaign_form(ctx: Services, token: str, form_id: str) -> FormDef:
    unit = unit_of(ctx, token)
    with ctx.db.session() as s:
        campaign = repo.get_campaign(s, unit.campaign_id)
        registry = catalogue.registry_for(ctx, s, campaign.office_id) if campaign else ctx.registry
    if campaign is None or form_id not in campaign.forms or form_id not in registry:
        raise HTTPException(404, "本次任务没有这张报表。")
    return registry.get(form_id)


async def _render(
    request: Request, token: str, stored: list[int], rejected: notes_.Rejected, dismiss_url: str
) -> Response:
    """The page shows what `GET /api/links/{token}` says (one source for both), plus this visit's messages."""
    ctx = services(request)
    link = await run_in_threadpool(links.link_view, ctx, token)
    sent_back = [r for r in link.returns if r.current and r.status == "returned"]
    context = {
        "link": link,
        "token": token,
        "sent_back": sent_back,
        "just_stored": set(stored),
        **notes_.split(rejected),
        "dismiss_url": dismiss_url,
        "pending": any(r.status in ("pending", "queued") for r in link.returns),
        "overdue": datetime.now(ctx.tz) >= boards.deadline_end(link.deadline, ctx.tz),
        "accept": ",".join(ctx.settings.allowed_suffixes),
    }
    return page(request, "link.html", context)
