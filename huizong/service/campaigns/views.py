"""Loading a campaign's state from the store and shaping it for the API and the pages."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException

from forms.issues import Issue
from huizong.service.api import schemas
from huizong.service.campaigns import board as boards
from huizong.service.campaigns import catalogue, intake
from huizong.service.context import Services
from huizong.service.store import campaigns as repo
from huizong.service.store.models import CampaignUnit, Office, StoredReturn, User


@dataclass
class Names:
    users: dict[int, str]
    units: dict[int, str]  # every unit the campaign had, those taken off it too
    office: str | None = None

    def uploader(self, row: StoredReturn) -> str:
        if row.uploaded_by is not None:
            return self.users.get(row.uploaded_by, "已删除的账号")
        unit = self.units.get(row.declared_unit_id or -1, "未知单位")
        return f"{unit}（上报链接）"


@dataclass
class Snapshot:
    board: boards.Board
    names: Names
    units: list[CampaignUnit]
    returns: list[StoredReturn]

    def status_of(self, row: StoredReturn) -> tuple[schemas.ReturnStatus, schemas.BoardStatus | None, bool]:
        """(return status, board status if it is the one that counts, whether it counts)."""
        if row.voided_at is not None:
            return "voided", None, False
        if row.state == "pending" and row.started_at is None:
            return "queued", None, False  # no worker has taken it yet
        if row.state in ("pending", "refused"):
            return row.state, None, False  # type: ignore[return-value]
        for board_row in self.board.rows:
            for cell in board_row.cells:
                if cell.current is row:
                    status = "returned" if row.sent_back_at is not None else row.file_status
                    return status, cell.status, True  # type: ignore[return-value]
                if any(h is row for h in cell.history):
                    return "superseded", None, False
        return row.file_status or "failed", None, False  # type: ignore[return-value]


def snapshot(ctx: Services, s: Session, campaign_id: int) -> Snapshot:
    campaign = repo.get_campaign(s, campaign_id)
    if campaign is None:
        raise HTTPException(404, "找不到该报送任务。")
    listed = repo.units_of(s, campaign_id, removed=True)
    units = [u for u in listed if u.removed_at is None]
    returns = repo.returns_of(s, campaign_id)
    user_ids = {r.uploaded_by for r in returns if r.uploaded_by is not None}
    user_ids |= {r.reviewed_by for r in returns if r.reviewed_by is not None}
    users = {u.id: u.username for u in s.scalars(select(User).where(User.id.in_(user_ids)))} if user_ids else {}
    office = s.get(Office, campaign.office_id)
    names = Names(users, {u.id: u.name for u in listed}, office.name if office else None)
    return Snapshot(boards.build(campaign, units, returns, ctx.tz), names, units, returns)


def load(ctx: Services, campaign_id: int) -> Snapshot:
    with ctx.db.session() as s:
        return snapshot(ctx, s, campaign_id)


def upload_url(base: str, token: str) -> str:
    return f"{base.rstrip('/')}/u/{token}"


def summary(snap: Snapshot, row: StoredReturn) -> schemas.ReturnSummary:
    status, board_status, current = snap.status_of(row)
    return schemas.ReturnSummary(
        id=row.id,
        form=row.form,
        unit=snap.names.units.get(row.unit_id or -1) or row.unit_name,
        status=status,
        board_status=board_status,
        current=current,
        filename=row.filename,
        sha256=row.sha256,
        size=row.size,
        uploaded_at=row.uploaded_at,
        uploaded_by=snap.names.uploader(row),
        errors=row.errors,
        warnings=row.warnings,
        message=row.message,
        retryable=row.retryable,
        reviewed=row.reviewed_at is not None,
        reviewed_at=row.reviewed_at,
        reviewed_by=snap.names.users.get(row.reviewed_by) if row.reviewed_by else None,
        void_reason=row.void_reason,
        sent_back_note=row.sent_back_note,
        sent_back_at=row.sent_back_at,
        assigned_unit=snap.names.units.get(row.assigned_unit_id) if row.assigned_unit_id else None,
        assigned_form=row.assigned_form,
    )


def campaign_out(snap: Snapshot, base: str) -> schemas.CampaignOut:
    b = snap.board
    units = [
        schemas.UnitOut(
            unit=row.unit.name,
            aliases=list(row.unit.aliases or []),
            status=row.status,
            forms={c.form: c.status for c in row.cells},
            upload_url=upload_url(base, row.unit.upload_token),
            returns=[summary(snap, r) for r in row.returns],
        )
        for row in b.rows
    ]
    return schemas.CampaignOut(
        id=b.campaign.id,
        title=b.campaign.title,
        forms=b.campaign.forms,
        deadline=b.campaign.deadline,
        issuer=b.campaign.issuer,
        contact=b.campaign.contact,
        phone=b.campaign.phone,
        office=snap.names.office,
        created_at=b.campaign.created_at,
        units=units,
        counts={status: b.unit_counts.get(status, 0) for status in boards.STATUSES},
        unplaced=[summary(snap, r) for r in b.unplaced],
        pending=[summary(snap, r) for r in b.pending],
    )


def previous_of(snap: Snapshot, row: StoredReturn) -> StoredReturn | None:
    """The return of the same unit and form this one superseded."""
    if not boards.counts_in_cell(row, snap.board.campaign.forms):
        return None
    older = [
        r
        for r in snap.returns
        if r.id < row.id
        and r.unit_id == row.unit_id
        and r.form == row.form
        and boards.counts_in_cell(r, snap.board.campaign.forms)
    ]
    return older[-1] if older else None


def parsed_of(ctx: Services, ids: list[int]) -> dict[int, dict]:
    with ctx.db.session() as s:
        return repo.parsed_by_id(s, ids)


def describe_changes(ctx: Services, office_id: int, form: str | None, old: dict | None, new: dict | None) -> str | None:
    from parsers.diff import describe_changes as describe

    registry = catalogue.registry_of(ctx, office_id)
    if not (old and new and form in registry):
        return None
    return describe(registry.get(form), intake.load(old), intake.load(new))


def return_detail(ctx: Services, return_id: int) -> tuple[schemas.ReturnOut, Snapshot, StoredReturn]:
    with ctx.db.session() as s:
        found = repo.get_return(s, return_id)
        if found is None:
            raise HTTPException(404, "找不到该报表文件。")
        snap = snapshot(ctx, s, found.campaign_id)
    row = next(r for r in snap.returns if r.id == return_id)
    previous = previous_of(snap, row)
    parsed = parsed_of(ctx, [row.id, previous.id] if previous else [row.id])
    office = snap.board.campaign.office_id
    changes = describe_changes(ctx, office, row.form, parsed.get(previous.id), parsed.get(row.id)) if previous else None
    out = schemas.ReturnOut(
        **summary(snap, row).model_dump(),
        campaign_id=row.campaign_id,
        issues=[Issue.model_validate(i) for i in parsed.get(row.id, {}).get("issues", [])],
        replaces=previous.id if previous else None,
        changes=changes,
    )
    return out, snap, row
