"""What clerks do that both the API and the pages offer: create a campaign, list campaigns, read the log."""

from __future__ import annotations

import secrets

from starlette.exceptions import HTTPException

from huizong.service.api.schemas import CampaignIn, CampaignSummary
from huizong.service.context import Services
from huizong.service.security import audit
from huizong.service.store import campaigns as repo


def create_campaign(ctx: Services, body: CampaignIn, user_id: int, actor: audit.Actor) -> int:
    unknown = [f for f in body.forms if f not in ctx.registry]
    if unknown:
        known = "、".join(f.id for f in ctx.registry)
        raise HTTPException(422, f"未知的报表：{'、'.join(unknown)}（可选：{known}）。")
    # 192 random bits per link: the link itself is the unit's only credential.
    units = [(name, secrets.token_urlsafe(24)) for name in body.units]
    with ctx.db.session() as s:
        campaign = repo.create_campaign(
            s,
            title=body.title,
            forms=body.forms,
            deadline=body.deadline,
            units=units,
            user_id=user_id,
            issuer=body.issuer,
        )
        detail = f"{body.title}：{len(body.forms)} 张报表，{len(body.units)} 个单位，截止 {body.deadline}"
        audit.record(s, actor, "campaign-create", campaign_id=campaign.id, detail=detail)
        return campaign.id


def list_campaigns(ctx: Services) -> list[CampaignSummary]:
    with ctx.db.session() as s:
        counts = repo.return_counts(s)
        return [
            CampaignSummary(
                id=c.id,
                title=c.title,
                forms=c.forms,
                deadline=c.deadline,
                created_at=c.created_at,
                returns=counts.get(c.id, 0),
            )
            for c in repo.list_campaigns(s)
        ]


def audit_log(ctx: Services, campaign_id: int) -> list[audit.AuditEvent]:
    with ctx.db.session() as s:
        if repo.get_campaign(s, campaign_id) is None:
            raise HTTPException(404, "找不到该报送任务。")
        return audit.events(s, campaign_id)


def record(ctx: Services, actor: audit.Actor, action: str, **where: int | str | None) -> None:
    with ctx.db.session() as s:
        audit.record(s, actor, action, **where)  # type: ignore[arg-type]
