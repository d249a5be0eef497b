"""Pages of one campaign: the board, the printable list of upload links, downloads and the audit log."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from huizong.service.campaigns import actions, outputs, views
from huizong.service.http import downloads
from huizong.service.http.deps import PageCampaignReader, services
from huizong.service.security import audit
from huizong.service.web.render import page

router = APIRouter()


def _base(request: Request) -> str:
    return services(request).settings.public_url or str(request.base_url)


@router.get("/campaigns/{campaign_id}")
async def board_page(campaign_id: int, request: Request, user: PageCampaignReader) -> Response:
    snap = await run_in_threadpool(views.load, services(request), campaign_id)
    context = {"user": user, "snap": snap, "b": snap.board, "summary": lambda r: views.summary(snap, r)}
    return page(request, "board.html", context)


@router.get("/campaigns/{campaign_id}/links")
def links_page(campaign_id: int, request: Request, user: PageCampaignReader) -> Response:
    snap = views.load(services(request), campaign_id)
    links = [(u.name, views.upload_url(_base(request), u.upload_token)) for u in snap.units]
    return page(request, "links.html", {"user": user, "b": snap.board, "links": links})


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
