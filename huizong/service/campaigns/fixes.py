"""Fixing mistakes in a running campaign: edit it, void a return, assign one to a unit or form, send one back
with a note, mark one reviewed. Each is in the audit log and none deletes anything: a voided return stays in the
history, a unit taken off the campaign keeps its returns, an assigned return is parsed again.
"""

from __future__ import annotations

from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException

from huizong.service.api.schemas import AssignIn, CampaignPatch
from huizong.service.campaigns import actions, catalogue, intake
from huizong.service.context import Services
from huizong.service.jobs import Job
from huizong.service.security import audit
from huizong.service.store import campaigns as repo
from huizong.service.store.models import Campaign, CampaignUnit, StoredReturn, User, utcnow

NO_RETURN = "找不到该报表文件。"


def edit_campaign(ctx: Services, campaign_id: int, patch: CampaignPatch, actor: audit.Actor) -> None:
    with ctx.db.session() as s:
        campaign = repo.get_campaign(s, campaign_id)
        if campaign is None:
            raise HTTPException(404, "找不到该报送任务。")
        changes = _plain_fields(campaign, patch)
        if patch.forms is not None and patch.forms != campaign.forms:
            catalogue.check_forms(ctx, s, campaign.office_id, patch.forms)
            changes.append(f"报表 {'、'.join(campaign.forms)} → {'、'.join(patch.forms)}")
            campaign.forms = patch.forms
        if patch.units is not None:
            changes += _units(s, campaign, patch.units)
        if patch.aliases is not None:
            changes += set_aliases(repo.units_of(s, campaign.id), patch.aliases)
        if changes:
            audit.record(s, actor, "campaign-edit", campaign_id=campaign.id, detail="；".join(changes))


_LABELS = {"title": "任务名称", "deadline": "截止日期", "issuer": "发文机关", "contact": "联系人", "phone": "联系电话"}


def _plain_fields(campaign: Campaign, patch: CampaignPatch) -> list[str]:
    changes = []
    for name, label in _LABELS.items():
        if name not in patch.model_fields_set:
            continue
        new, old = getattr(patch, name), getattr(campaign, name)
        if isinstance(new, str):
            new = new.strip() or None
        if new is None and name in ("title", "deadline"):
            raise HTTPException(422, f"{label}不能为空。")
        if new != old:
            changes.append(f"{label} {old or '（空）'} → {new or '（空）'}")
            setattr(campaign, name, new)
    return changes


def _units(s: Session, campaign: Campaign, wanted: list[str]) -> list[str]:
    """The campaign's units become `wanted`, in that order: new ones get a link, missing ones are taken off
    (their link stops taking files; their returns stay), a unit taken off and listed again comes back."""
    listed = repo.units_of(s, campaign.id, removed=True)
    by_name = {u.name: u for u in listed}
    added, back = [], []
    for position, name in enumerate(wanted):
        unit = by_name.get(name)
        if unit is None:
            unit = repo.add_unit(s, campaign.id, name, actions.new_token(), position)
            added.append(name)
        elif unit.removed_at is not None:
            unit.removed_at = None
            back.append(name)
        unit.position = position
    removed = [u.name for u in listed if u.name not in wanted and u.removed_at is None]
    for unit in listed:
        if unit.name in removed:
            unit.removed_at = utcnow()
    s.flush()
    changes = [f"新增单位 {'、'.join(added)}"] if added else []
    changes += [f"恢复单位 {'、'.join(back)}"] if back else []
    return changes + ([f"移除单位 {'、'.join(removed)}（已报文件保留）"] if removed else [])


def set_aliases(units: list[CampaignUnit], aliases: dict[str, list[str]]) -> list[str]:
    """Give the units named their other names; 422 for an unknown unit or a name two units would share."""
    by_name = {u.name: u for u in units}
    unknown = [name for name in aliases if name not in by_name]
    if unknown:
        raise HTTPException(422, f"别名中的“{'、'.join(unknown)}”不是本任务的应报单位。")
    owners: dict[str, str] = {u.name: u.name for u in units}
    for unit in units:
        for alias in aliases.get(unit.name, unit.aliases or []):
            if owners.setdefault(alias, unit.name) != unit.name:
                raise HTTPException(422, f"“{alias}”不能同时指“{owners[alias]}”和“{unit.name}”。")
    changes = []
    for name, names in aliases.items():
        unit = by_name[name]
        if list(unit.aliases or []) != names:
            unit.aliases = list(dict.fromkeys(names))
            changes.append(f"{name} 的别名：{'、'.join(names) or '（无）'}")
    return changes


def _row(s: Session, return_id: int) -> StoredReturn:
    row = repo.get_return(s, return_id)
    if row is None:
        raise HTTPException(404, NO_RETURN)
    return row


def _needs_review_again(s: Session, row: StoredReturn) -> None:
    """A change to a return undoes its review, and that of the return its cell falls back to."""
    row.reviewed_at, row.reviewed_by = None, None
    earlier = repo.earlier_current(s, row)
    if earlier is not None:
        earlier.reviewed_at, earlier.reviewed_by = None, None


def void(ctx: Services, return_id: int, reason: str, actor: audit.Actor) -> None:
    """The return stops counting (its cell falls back to the unit's earlier return, if any); kept in history."""
    with ctx.db.session() as s:
        row = _row(s, return_id)
        if row.voided_at is not None:
            raise HTTPException(409, "该文件已作废。")
        _needs_review_again(s, row)
        row.voided_at, row.void_reason = utcnow(), reason.strip()
        detail = f"{row.filename}：{reason.strip()}"
        audit.record(s, actor, "void", campaign_id=row.campaign_id, return_id=row.id, detail=detail)


def assign(ctx: Services, return_id: int, body: AssignIn, actor: audit.Actor) -> Job:
    """Read the return again as `unit` and/or `form` (what the file says no longer decides); queued."""
    from huizong.service.campaigns.uploads import parse_later

    if not (body.unit and body.unit.strip()) and not (body.form and body.form.strip()):
        raise HTTPException(422, "请指定单位或报表（unit、form 至少一项）。")
    with ctx.db.session() as s:
        row = _row(s, return_id)
        if row.voided_at is not None:
            raise HTTPException(409, "该文件已作废，不能再指定单位或报表。")
        if row.state == "pending":
            raise HTTPException(409, "该文件仍在识别中，请稍后再指定。")
        campaign = repo.get_campaign(s, row.campaign_id)
        assert campaign is not None
        said = []
        if body.unit and body.unit.strip():
            unit = _unit(s, campaign.id, body.unit.strip())
            row.assigned_unit_id = unit.id
            said.append(f"单位 {unit.name}")
        if body.form and body.form.strip():
            form = body.form.strip()
            if form not in campaign.forms:
                raise HTTPException(422, f"“{form}”不是本任务的报表（本任务：{'、'.join(campaign.forms)}）。")
            row.assigned_form = form
            said.append(f"报表 {form}")
        _needs_review_again(s, row)
        repo.requeue(s, row)
        detail = f"{row.filename} 按{'、'.join(said)}重新识别"
        audit.record(s, actor, "assign", campaign_id=row.campaign_id, return_id=row.id, detail=detail)
    return parse_later(ctx, return_id)


def _unit(s: Session, campaign_id: int, name: str) -> CampaignUnit:
    listed = repo.units_of(s, campaign_id)
    names = intake.alias_map(listed)
    if name not in names:
        raise HTTPException(422, f"“{name}”不是本任务的应报单位。")
    return next(u for u in listed if u.name == names[name])


def send_back(ctx: Services, return_id: int, note: str, actor: audit.Actor) -> None:
    """退回修改: the unit's link page shows the note and the annotated file until it sends a new version."""
    with ctx.db.session() as s:
        row = _row(s, return_id)
        if row.voided_at is not None:
            raise HTTPException(409, "该文件已作废，无需退回。")
        if row.state != "parsed" or (row.unit_id or row.declared_unit_id) is None:
            raise HTTPException(409, "只能退回已识别、且知道是哪个单位的文件。请先指定单位。")
        _needs_review_again(s, row)
        row.sent_back_at, row.sent_back_note = utcnow(), note.strip()
        detail = f"{row.filename}：{note.strip()}"
        audit.record(s, actor, "send-back", campaign_id=row.campaign_id, return_id=row.id, detail=detail)


def review(ctx: Services, return_id: int, user: User, actor: audit.Actor) -> None:
    """已审核: the clerk has checked the return; any later change to it undoes this."""
    with ctx.db.session() as s:
        row = _row(s, return_id)
        if row.voided_at is not None:
            raise HTTPException(409, "该文件已作废，无需审核。")
        if row.state != "parsed":
            raise HTTPException(409, "只能审核已识别的文件。")
        row.reviewed_at, row.reviewed_by = utcnow(), user.id
        audit.record(s, actor, "review", campaign_id=row.campaign_id, return_id=row.id, detail=row.filename)
