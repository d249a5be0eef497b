"""What clerks do that both the API and the pages offer: create a campaign, list campaigns, read the log."""

from __future__ import annotations

import secrets

from starlette.exceptions import HTTPException

from huizong.service.api.schemas import CampaignIn, CampaignSummary
from huizong.service.campaigns import catalogue
from huizong.service.context import Services
from huizong.service.security import access, audit
from huizong.service.store import campaigns as repo
from huizong.service.store.models import User


def new_token() -> str:
    # 192 random bits per link: the link itself is the unit's only credential.
    return secrets.token_urlsafe(24)


def create_campaign(ctx: Services, body: CampaignIn, user: User, actor: audit.Actor) -> int:
    access.may_change(user)
    units = [(name, new_token()) for name in body.units]
    with ctx.db.session() as s:
        catalogue.check_forms(ctx, s, user.office_id, body.forms)
        campaign = repo.create_campaign(
            s,
            title=body.title,
            forms=body.forms,
            deadline=body.deadline,
            units=units,
            user_id=user.id,
            office_id=user.office_id,
            issuer=body.issuer,
            contact=body.contact,
            phone=body.phone,
        )
        if body.aliases:
            from huizong.service.campaigns.fixes import set_aliases

            set_aliases(repo.units_of(s, campaign.id), body.aliases)
        detail = f"{body.title}：{len(body.forms)} 张报表，{len(body.units)} 个单位，截止 {body.deadline}"
        audit.record(s, actor, "campaign-create", campaign_id=campaign.id, detail=detail)
        return campaign.id


def list_campaigns(ctx: Services, user: User) -> list[CampaignSummary]:
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
            for c in repo.list_campaigns(s, user.office_id)
        ]


def audit_log(ctx: Services, campaign_id: int) -> list[audit.AuditEvent]:
    with ctx.db.session() as s:
        if repo.get_campaign(s, campaign_id) is None:
            raise HTTPException(404, "找不到该报送任务。")
        return audit.events(s, campaign_id)


def record(ctx: Services, actor: audit.Actor, action: str, **where: int | str | None) -> None:
    with ctx.db.session() as s:
        audit.record(s, actor, action, **where)  # type: ignore[arg-type]
