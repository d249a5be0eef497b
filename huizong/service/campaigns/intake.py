"""From a stored upload to its place in a campaign: parse it, then decide whose return it is.

`parse_return` is the job run after every upload. The parsing and unit matching are the parsers'
(parse_file with the campaign's units); here we only apply the campaign's rules: a unit link accepts only
that unit's returns, a form outside the campaign is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from forms import FormRegistry
from forms.issues import Issue, issue
from huizong.service.campaigns import catalogue
from huizong.service.context import Services
from huizong.service.jobs import Failure, task
from huizong.service.security import audit
from huizong.service.store import campaigns as repo
from huizong.service.store.models import CampaignUnit, StoredReturn, User
from parsers import rollup
from parsers.results import Return


@dataclass(frozen=True)
class Outcome:
    state: str  # parsed | refused
    unit: str | None  # a campaign unit, or None
    unit_name: str | None  # the unit as found in the file, when it is not a campaign unit
    message: str | None


def parse_upload(
    data: bytes, name: str, registry: FormRegistry, forms: list[str], units: list[str], form_id: str | None = None
) -> Return:
    """Read the file as `form_id` when a clerk said which form it is, else recognise it."""
    from parsers import parse_file

    if form_id:
        return parse_file(data, name, registry, form_id=form_id, units=units)
    ret = parse_file(data, name, registry, units=units)
    if ret.status == "unrecognized" and len(forms) == 1:
        # The campaign asks for one form only: read the file as that form before giving up on it.
        forced = parse_file(data, name, registry, form_id=forms[0], units=units)
        if forced.records:
            return forced
    return ret


def attribute(
    ret: Return,
    declared: str | None,
    units: list[str],
    forms: list[str],
    registry: FormRegistry,
    *,
    assigned: bool = False,
) -> Outcome:
    """Whose return this is. `declared` is the unit of the upload link, or the unit the clerk chose;
    `assigned` when a clerk assigned the return to it afterwards (then what the file says does not matter)."""
    found = ret.unit
    if declared and found and found != declared and not assigned:
        return Outcome("refused", None, found, _refusal(found, declared))
    unit = declared or (found if found in units else None)
    unit_name = None if unit else found
    message = ret.message
    if ret.form and ret.form not in forms:
        title = registry.get(ret.form).title if ret.form in registry else ret.form
        message = f"该文件是《{title}》，不属于本次任务要求报送的报表"
    return Outcome("parsed", unit, unit_name, message)


def alias_map(units: list[CampaignUnit]) -> dict[str, str]:
    """Every name a unit goes by (its own, its aliases) -> the unit."""
    names = {alias: u.name for u in units for alias in (u.aliases or [])}
    return {**names, **{u.name: u.name for u in units}}


def canonical_unit(ret: Return, names: dict[str, str]) -> Return:
    """The return under the unit's campaign name when the file used one of its aliases."""
    if ret.unit is None or ret.unit not in names or names[ret.unit] == ret.unit:
        return ret
    return assign_unit(ret, names[ret.unit])


def _refusal(found: str, declared: str) -> str:
    return f"文件中的填报单位是“{found}”，不是“{declared}”，未予接收。请上传本单位的报表。"


def assign_unit(ret: Return, unit: str) -> Return:
    """The return as counted for `unit`: records and issues carry it; a 'unit not found' warning is moot."""
    issues: list[Issue] = [
        i if i.unit else i.model_copy(update={"unit": unit}) for i in ret.issues if i.code != "unit-missing"
    ]
    records = [r.model_copy(update={"unit": unit}) for r in ret.records]
    meta = {**ret.meta, "unit": unit} if ret.form else ret.meta
    return ret.model_copy(update={"unit": unit, "records": records, "issues": issues, "meta": meta})


def counts(ret: Return) -> tuple[int, int]:
    errors = sum(1 for i in ret.issues if i.severity == "error")
    return errors, len(ret.issues) - errors


def dump(ret: Return) -> dict:
    """JSON for the store, keeping each record's source cells (excluded from the contract's JSON)."""
    data = ret.model_dump(mode="json")
    for out, rec in zip(data["records"], ret.records, strict=True):
        out["cells"] = dict(rec.cells)
    return data


def load(data: dict) -> Return:
    return Return.model_validate(data)


def _parse_failed(ctx: Services, return_id: int, *, failure: Failure) -> None:
    """The job could not finish. The file's fault (overrun, memory, a crash): unreadable, like any broken file.
    Otherwise (the worker was lost, the store was away): a dead letter the clerk may send back to the queue."""
    with ctx.db.session() as s:
        row = repo.claim_pending(s, return_id)
        if row is None:
            return
        problem = issue("file-unreadable", file=row.filename, reason=failure.message)
        parsed = {"path": row.filename, "form": None, "unit": None, "status": "failed", "message": problem.message}
        parsed["issues"] = [problem.model_dump(mode="json")]
        repo.save_outcome(
            s,
            row,
            state="parsed",
            file_status="failed",
            form=row.assigned_form,
            unit_id=row.assigned_unit_id or row.declared_unit_id,
            unit_name=None,
            counts=(1, 0),
            message=problem.message,
            parsed=parsed,
            retryable=not failure.file_fault,
        )


@task(on_failure=_parse_failed)
def parse_return(ctx: Services, return_id: int) -> str:
    """Parse one stored upload and file it under its campaign; answers the return's new state.

    Safe to run twice (a lost worker's job runs again): the outcome is filed only while the return is pending.
    """
    with ctx.db.session() as s:
        repo.mark_started(s, return_id)
    with ctx.db.session() as s:
        row = repo.get_return(s, return_id)
        if row is None or row.state != "pending":
            return row.state if row else "missing"
        campaign = repo.get_campaign(s, row.campaign_id)
        assert campaign is not None  # returns are deleted with their campaign
        listed = repo.units_of(s, row.campaign_id, removed=True)
        registry = catalogue.registry_for(ctx, s, campaign.office_id)
    units = {u.id: u.name for u in listed}
    aliases = alias_map([u for u in listed if u.removed_at is None])
    data = ctx.files.read(row.sha256)
    ret = parse_upload(data, row.filename, registry, campaign.forms, list(aliases), form_id=row.assigned_form)
    ret = canonical_unit(ret, aliases)
    declared_id = row.assigned_unit_id or row.declared_unit_id
    declared = units.get(declared_id) if declared_id else None
    if declared and rollup.is_rollup(ret):  # a city's 汇总表 through its link: its rows keep their district
        ret = rollup.as_rollup(ret, declared)
    names = [u.name for u in listed if u.removed_at is None]
    outcome = attribute(ret, declared, names, campaign.forms, registry, assigned=row.assigned_unit_id is not None)
    if outcome.unit:
        ret = assign_unit(ret, outcome.unit)
    unit_id = declared_id if outcome.unit and outcome.unit == declared else None
    unit_id = unit_id or next((u.id for u in listed if u.name == outcome.unit and u.removed_at is None), None)
    with ctx.db.session() as s:
        claimed = repo.claim_pending(s, return_id)
        if claimed is None:
            return "parsed"  # another run filed it first
        repo.save_outcome(
            s,
            claimed,
            state=outcome.state,
            file_status=ret.status,
            form=ret.form,
            unit_id=unit_id,
            unit_name=outcome.unit_name,
            counts=counts(ret),
            message=outcome.message,
            parsed=dump(ret),
        )
        _audit_outcome(s, claimed, outcome)
    return outcome.state


def _audit_outcome(s: Session, row: StoredReturn, outcome: Outcome) -> None:
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
