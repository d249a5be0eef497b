"""Everything the CLI produces, one request away: merged JSON, consolidated workbook, 催报通知, 情况通报."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from starlette.responses import Response

from huizong.service.http import downloads
from huizong.service.http.deps import CampaignReader, services

router = APIRouter(tags=["下载"])


@router.get("/campaigns/{campaign_id}/consolidated.json", summary="汇总数据（merge --json 格式）")
async def consolidated_json(campaign_id: int, request: Request, user: CampaignReader) -> Response:
    return await downloads.campaign_file(services(request), campaign_id, "consolidated.json", request.state.actor)


@router.get("/campaigns/{campaign_id}/consolidated.xlsx", summary="汇总表")
async def consolidated_xlsx(campaign_id: int, request: Request, user: CampaignReader) -> Response:
    return await downloads.campaign_file(services(request), campaign_id, "consolidated.xlsx", request.state.actor)


@router.get("/campaigns/{campaign_id}/documents/{doc}.{fmt}", summary="催报通知 / 情况通报（GB/T 9704）")
async def document(
    campaign_id: int,
    doc: Literal["reminder", "bulletin"],
    fmt: Literal["docx", "pdf"],
    request: Request,
    user: CampaignReader,
) -> Response:
    return await downloads.campaign_file(services(request), campaign_id, f"{doc}.{fmt}", request.state.actor)
