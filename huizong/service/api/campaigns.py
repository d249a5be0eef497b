"""Campaigns: create one (with each unit's upload link), list them, see the board, read the audit log."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from huizong.service.api.schemas import (
    AuditOut,
    CampaignCreated,
    CampaignIn,
    CampaignOut,
    CampaignPatch,
    CampaignSummary,
    UnitLink,
)
from huizong.service.campaigns import actions, fixes, views
from huizong.service.http.deps import ApiChanger, ApiUser, CampaignChanger, CampaignReader, public_base, services
from huizong.service.security import audit

router = APIRouter(tags=["报送任务"])


@router.post("/campaigns", status_code=201, response_model=CampaignCreated, summary="创建报送任务")
def create(body: CampaignIn, request: Request, user: ApiChanger) -> CampaignCreated:
    ctx = services(request)
    campaign_id = actions.create_campaign(ctx, body, user, request.state.actor)
    snap = views.load(ctx, campaign_id)
    base = public_base(request)
    return CampaignCreated(
        id=campaign_id,
        title=body.title,
        forms=body.forms,
        deadline=body.deadline,
        issuer=body.issuer,
        contact=body.contact,
        phone=body.phone,
        units=[UnitLink(unit=u.name, upload_url=views.upload_url(base, u.upload_token)) for u in snap.units],
    )


@router.get("/campaigns", response_model=list[CampaignSummary], summary="报送任务列表")
def list_all(request: Request, user: ApiUser) -> list[CampaignSummary]:
    return actions.list_campaigns(services(request), user)


@router.get("/campaigns/{campaign_id}", response_model=CampaignOut, summary="报送情况（单位 × 报表）")
async def board(campaign_id: int, request: Request, user: CampaignReader) -> CampaignOut:
    snap = await run_in_threadpool(views.load, services(request), campaign_id)
    return views.campaign_out(snap, public_base(request))


@router.patch(
    "/campaigns/{campaign_id}", response_model=CampaignOut, summary="修改报送任务（名称、截止、单位、报表、别名）"
)
async def edit(campaign_id: int, body: CampaignPatch, request: Request, user: CampaignChanger) -> CampaignOut:
    ctx = services(request)
    await run_in_threadpool(fixes.edit_campaign, ctx, campaign_id, body, request.state.actor)
    snap = await run_in_threadpool(views.load, ctx, campaign_id)
    return views.campaign_out(snap, public_base(request))


@router.get("/campaigns/{campaign_id}/audit", response_model=list[AuditOut], summary="操作记录")
def audit_log(campaign_id: int, request: Request, user: CampaignReader) -> list[AuditOut]:
    return [
        AuditOut(
            at=e.at,
            actor=e.actor,
            action=e.action,
            action_label=audit.ACTIONS.get(e.action, e.action),
            return_id=e.return_id,
            client=e.client,
            detail=e.detail,
        )
        for e in actions.audit_log(services(request), campaign_id)
    ]
