"""A unit's upload link as JSON (no login: the link is the credential): what its page shows, and the
annotated copy of its own returns."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from huizong.service.api.schemas import LinkOut
from huizong.service.campaigns import links
from huizong.service.http import downloads
from huizong.service.http.deps import client_of, services
from huizong.service.security.audit import Actor

router = APIRouter(tags=["上报链接"])


@router.get("/links/{token}", response_model=LinkOut, summary="上报链接：任务信息与本单位的报送情况")
async def link(token: str, request: Request) -> LinkOut:
    return await run_in_threadpool(links.link_view, services(request), token)


@router.get("/links/{token}/returns/{return_id}/annotated.xlsx", summary="本单位文件的问题标注")
async def annotated(token: str, return_id: int, request: Request) -> Response:
    ctx = services(request)
    unit = await run_in_threadpool(links.unit_of, ctx, token)
    await run_in_threadpool(links.own_return, ctx, token, return_id)
    return await downloads.annotated(ctx, return_id, Actor.unit(unit.name, client_of(request)))
