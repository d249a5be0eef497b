"""The jobs the service runs off the web workers (see jobs.py): parse a stored upload, build a download."""

from __future__ import annotations

from sqlalchemy.orm import Session

from forms.issues import issue
from huizong.service import audit, intake
from huizong.service.context import Services
from huizong.service.jobs import task
from huizong.service.store import campaigns as repo
from huizong.service.store.models import CampaignUnit, StoredReturn, User


def _parse_failed(ctx: Services, return_id: int, *, reason: str) -> None:
    """The worker died or overran on this file: record it as unreadable, like any broken file."""
    with ctx.db.session() as s:
        row = repo.get_return(s, return_id)
        if row is None or row.state != "pending":
            return
        problem = issue("file-unreadable", file=row.filename, reason=f"文件无法处理：{reason}")
        parsed = {"path": row.filename, "form": None, "unit": None, "status": "failed", "message": problem.message}
        parsed["issues"] = [problem.model_dump(mode="json")]
        repo.save_outcome(
            s,
            row,
            state="parsed",
            file_status="failed",
            form=None,
            unit_id=row.declared_unit_id,
            unit_name=None,
            counts=(1, 0),
            message=problem.message,
            parsed=parsed,
        )


@task(on_failure=_parse_failed)
def parse_return(ctx: Services, return_id: int) -> str:
    """Parse one stored upload and file it under its campaign; answers the return's new state."""
    with ctx.db.session() as s:
        row = repo.get_return(s, return_id)
        if row is None or row.state != "pending":
            return row.state if row else "missing"
        campaign = repo.get_campaign(s, row.campaign_id)
        units = {u.id: u.name for u in repo.units_of(s, row.campaign_id)}
    assert campaign is not None  # returns are deleted with their campaign
    names = list(units.values())
    ret = intake.parse_upload(ctx.files.read(row.sha256), row.filename, ctx.registry, campaign.forms, names)
    declared = units.get(row.declared_unit_id) if row.declared_unit_id else None
    outcome = intake.attribute(ret, declared, names, campaign.forms, ctx.registry)
    if outcome.unit:
        ret = intake.assign_unit(ret, outcome.unit)
    unit_id = next((uid for uid, name in units.items() if name == outcome.unit), None)
    with ctx.db.session() as s:
        row = repo.get_return(s, return_id)
        assert row is not None
        repo.save_outcome(
            s,
            row,
            state=outcome.state,
            file_status=ret.status,
            form=ret.form,
            unit_id=unit_id,
            unit_name=outcome.unit_name,
            counts=intake.counts(ret),
            message=outcome.message,
            parsed=intake.dump(ret),
        )
        _audit_outcome(s, row, outcome)
    return outcome.state


def _audit_outcome(s: Session, row: StoredReturn, outcome: intake.Outcome) -> None:
    actor = _uploader(s, row)
    if outcome.state == "refused":
        audit.record(s, actor, "refuse", campaign_id=row.campaign_id, return_id=row.id, detail=outcome.message or "")
        return
    earlier = repo.earlier_current(s, row)
    if earlier is not None:
        detail = f"{row.filename} 替换 {earlier.filename}（第 {earlier.id} 号）"
        audit.record(s, actor, "replace", campaign_id=row.campaign_id, return_id=row.id, detail=detail)


def _uploader(s: Session, row: StoredReturn) -> audit.Actor:
    user = s.get(User, row.uploaded_by) if row.uploaded_by else None
    if user is not None:
        return audit.Actor.clerk(user.username, None)
    unit = s.get(CampaignUnit, row.declared_unit_id) if row.declared_unit_id else None
    return audit.Actor.unit(unit.name if unit else "未知单位", None)
