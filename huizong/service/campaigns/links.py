"""What a unit's upload link shows: the campaign (issuing office, deadline, contact, forms) and the unit's own
returns with their state, issues, the clerk's note when one was sent back and its annotated file."""

from __future__ import annotations

from starlette.exceptions import HTTPException

from forms.issues import Issue
from huizong.service.api import schemas
from huizong.service.campaigns import catalogue, views
from huizong.service.context import Services
from huizong.service.store import campaigns as repo
from huizong.service.store.models import CampaignUnit

INVALID = "上报链接无效。请向市局核对链接是否完整。"
REMOVED = "本单位已不在该报送任务的应报单位中，无需再上报。如有疑问请联系发文机关。"


def unit_of(ctx: Services, token: str) -> CampaignUnit:
    with ctx.db.session() as s:
        unit = repo.unit_by_token(s, token) if len(token) <= 64 else None
    if unit is None:
        raise HTTPException(404, INVALID)
    if unit.removed_at is not None:
        raise HTTPException(410, REMOVED)
    return unit


def annotated_url(token: str, return_id: int) -> str:
    return f"/api/links/{token}/returns/{return_id}/annotated.xlsx"


def link_view(ctx: Services, token: str) -> schemas.LinkOut:
    unit = unit_of(ctx, token)
    snap = views.load(ctx, unit.campaign_id)
    campaign = snap.board.campaign
    with ctx.db.session() as s:
        registry = catalogue.registry_for(ctx, s, campaign.office_id)
    row = next(r for r in snap.board.rows if r.unit.id == unit.id)
    mine = [views.summary(snap, r) for r in row.returns]
    parsed = views.parsed_of(ctx, [r.id for r in mine if r.status not in ("voided", "superseded")])
    returns = []
    for summary in mine:
        issues = [Issue.model_validate(i) for i in parsed.get(summary.id, {}).get("issues", [])]
        has_file = summary.status in ("merged", "returned") and bool(issues)
        url = annotated_url(token, summary.id) if has_file else None
        returns.append(schemas.LinkReturn(**summary.model_dump(), issues=issues, annotated_url=url))
    forms = [schemas.FormRef(id=f, title=registry.get(f).title if f in registry else f) for f in campaign.forms]
    return schemas.LinkOut(
        campaign_id=campaign.id,
        title=campaign.title,
        issuer=campaign.issuer,
        contact=campaign.contact,
        phone=campaign.phone,
        deadline=campaign.deadline,
        unit=unit.name,
        status=row.status,
        forms=forms,
        cells={c.form: c.status for c in row.cells},
        returns=returns,
    )


def own_return(ctx: Services, token: str, return_id: int) -> int:
    """The return, if it is this unit's (404 otherwise: a link sees its own unit's files only)."""
    unit = unit_of(ctx, token)
    with ctx.db.session() as s:
        row = repo.get_return(s, return_id)
        mine = row is not None and row.campaign_id == unit.campaign_id
        if not mine or unit.id not in (row.unit_id, row.declared_unit_id, row.assigned_unit_id):  # type: ignore[union-attr]
            raise HTTPException(404, "找不到该报表文件。")
    return return_id
