"""Repository functions for campaigns, their units and the returns stored for them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huizong.service.store.models import Campaign, CampaignUnit, StoredReturn, utcnow


def create_campaign(
    s: Session,
    *,
    title: str,
    forms: list[str],
    deadline: date,
    units: list[tuple[str, str]],
    user_id: int | None,
    issuer: str | None = None,
) -> Campaign:
    """`units` are (name, upload token) pairs, in the order the clerk gave them."""
    campaign = Campaign(title=title, forms=forms, deadline=deadline, issuer=issuer, created_by=user_id)
    s.add(campaign)
    s.flush()
    for position, (name, token) in enumerate(units):
        s.add(CampaignUnit(campaign_id=campaign.id, name=name, position=position, upload_token=token))
    s.flush()
    return campaign


def list_campaigns(s: Session) -> list[Campaign]:
    return list(s.scalars(select(Campaign).order_by(Campaign.id.desc())))


def get_campaign(s: Session, campaign_id: int) -> Campaign | None:
    return s.get(Campaign, campaign_id)


def units_of(s: Session, campaign_id: int) -> list[CampaignUnit]:
    query = select(CampaignUnit).where(CampaignUnit.campaign_id == campaign_id).order_by(CampaignUnit.position)
    return list(s.scalars(query))


def unit_by_token(s: Session, token: str) -> CampaignUnit | None:
    return s.scalar(select(CampaignUnit).where(CampaignUnit.upload_token == token))


def return_counts(s: Session) -> dict[int, int]:
    query = select(StoredReturn.campaign_id, func.count()).group_by(StoredReturn.campaign_id)
    return {cid: n for cid, n in s.execute(query)}


def add_return(
    s: Session,
    *,
    campaign_id: int,
    sha256: str,
    filename: str,
    size: int,
    uploaded_by: int | None,
    via: str,
    declared_unit_id: int | None,
) -> StoredReturn:
    row = StoredReturn(
        campaign_id=campaign_id,
        sha256=sha256,
        filename=filename,
        size=size,
        uploaded_by=uploaded_by,
        via=via,
        declared_unit_id=declared_unit_id,
        state="pending",
        errors=0,
        warnings=0,
    )
    s.add(row)
    s.flush()
    return row


def get_return(s: Session, return_id: int) -> StoredReturn | None:
    return s.get(StoredReturn, return_id)


def returns_of(s: Session, campaign_id: int) -> list[StoredReturn]:
    query = select(StoredReturn).where(StoredReturn.campaign_id == campaign_id).order_by(StoredReturn.id)
    return list(s.scalars(query))


def returns_by_ids(s: Session, ids: list[int]) -> list[StoredReturn]:
    return list(s.scalars(select(StoredReturn).where(StoredReturn.id.in_(ids)).order_by(StoredReturn.id)))


def earlier_current(s: Session, row: StoredReturn) -> StoredReturn | None:
    """The return of the same unit and form that `row` replaces, if any."""
    if row.unit_id is None or row.form is None:
        return None
    query = (
        select(StoredReturn)
        .where(
            StoredReturn.campaign_id == row.campaign_id,
            StoredReturn.unit_id == row.unit_id,
            StoredReturn.form == row.form,
            StoredReturn.state == "parsed",
            StoredReturn.id < row.id,
        )
        .order_by(StoredReturn.id.desc())
        .limit(1)
    )
    return s.scalar(query)


def parsed_by_id(s: Session, ids: list[int]) -> dict[int, dict]:
    """The stored parse results of these returns (the one column boards do not load)."""
    query = select(StoredReturn.id, StoredReturn.parsed).where(StoredReturn.id.in_(ids))
    return {rid: parsed for rid, parsed in s.execute(query) if parsed}


def pending_return_ids(s: Session) -> list[int]:
    query = select(StoredReturn.id).where(StoredReturn.state == "pending").order_by(StoredReturn.id)
    return list(s.scalars(query))


def save_outcome(
    s: Session,
    row: StoredReturn,
    *,
    state: str,
    file_status: str | None,
    form: str | None,
    unit_id: int | None,
    unit_name: str | None,
    counts: tuple[int, int],
    message: str | None,
    parsed: dict | None,
    at: datetime | None = None,
) -> None:
    row.state, row.file_status, row.form = state, file_status, form
    row.unit_id, row.unit_name, row.message, row.parsed = unit_id, unit_name, message, parsed
    row.errors, row.warnings = counts
    row.parsed_at = at or utcnow()
