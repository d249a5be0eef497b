"""Pages of one campaign: the board, the printable list of upload links, downloads and the audit log."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from huizong.service.campaigns import actions, outputs, views
from huizong.service.campaigns import board as boards
from huizong.service.campaigns import board_export as board_export_
from huizong.service.http import downloads
from huizong.service.http.deps import PageCampaignReader, public_base, services
from huizong.service.security import audit
from huizong.service.web.render import page

router = APIRouter()


@router.get("/campaigns/{campaign_id}")
async def board_page(campaign_id: int, request: Request, user: PageCampaignReader) -> Response:
    snap = await run_in_threadpool(views.load, services(request), campaign_id)
    context = {
        "user": user,
        "snap": snap,
        "b": snap.board,
        "summary": lambda r: views.summary(snap, r),
        "tally": boards.tally(snap.board),
        "summary_lines": board_export_.summary_lines(snap.board),
    }
    return page(request, "board.html", context)


@router.get("/campaigns/{campaign_id}/board.xlsx")
async def board_export(campaign_id: int, request: Request, user: PageCampaignReader) -> Response:
    """The board as it stands, as a print-ready workbook."""
    ctx = services(request)
    snap = await run_in_threadpool(views.load, ctx, campaign_id)
    data = await run_in_threadpool(board_export_.board_xlsx, ctx, snap)
    name = f"{snap.board.campaign.title}-报送情况.xlsx"
    await run_in_threadpool(actions.record, ctx, request.state.actor, "download", campaign_id=campaign_id, detail=name)
    return downloads.send_bytes(data, name)


@router.get("/campaigns/{campaign_id}/links")
def links_page(campaign_id: int, request: Request, user: PageCampaignReader) -> Response:
    snap = views.load(services(request), campaign_id)
    base = public_base(request)
    links = [(u.name, views.upload_url(base, u.upload_token)) for u in snap.units]
    context = {"user": user, "b": snap.board, "links": links, "reach": _reach(request, base)}
    return page(request, "links.html", context)


def _reach(request: Request, base: str) -> str:
    """Who can open the links: `public` (the configured address), `local` (this computer only) or `network`
    (whoever reaches the address the clerk typed, which districts usually cannot)."""
    if services(request).settings.public_url:
        return "public"
    host = (urlsplit(base).hostname or "").strip("[]")
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    return "local" if loopback else "network"


@router.get("/campaigns/{campaign_id}/downloads")
def downloads_page(campaign_id: int, request: Request, user: PageCampaignReader) -> Response:
    snap = views.load(services(request), campaign_id)
    files = [(k, outputs.download_name(snap, k)) for k in outputs.KINDS.values()]
    return page(request, "downloads.html", {"user": user, "b": snap.board, "files": files})


@router.get("/campaigns/{campaign_id}/audit")
def audit_page(campaign_id: int, request: Request, user: PageCampaignReader) -> Response:
    ctx = services(request)
    snap = views.load(ctx, campaign_id)
    events = actions.audit_log(ctx, campaign_id)
    return page(request, "audit.html", {"user": user, "b": snap.board, "events": events, "labels": audit.ACTIONS})


@router.get("/campaigns/{campaign_id}/files/{kind}")
async def campaign_download(campaign_id: int, kind: str, request: Request, user: PageCampaignReader) -> Response:
    return await downloads.campaign_file(services(request), campaign_id, kind, request.state.actor)
